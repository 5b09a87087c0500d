import { mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { build } from 'vite'
import { expect, test } from 'vitest'

// A build made with sentinel credentials in the environment carries none of them: only the server
// reads credentials, and nothing secret is a VITE_ variable.

const sentinels = {
  CAPILLARY_API_URL: 'https://sentinel-cluster.example.com',
  CAPILLARY_USERNAME: 'SENTINEL_USERNAME_7c1e',
  CAPILLARY_PASSWORD: 'SENTINEL_PASSWORD_93ad',
  CAPILLARY_OAUTH_KEY: 'SENTINEL_OAUTH_KEY_51f0',
  CAPILLARY_OAUTH_SECRET: 'SENTINEL_OAUTH_SECRET_2b88',
  SHOWCASE_TOKEN_SECRET: 'SENTINEL_TOKEN_SECRET_0d4e_long_enough_to_pass',
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(path.join(dir, entry.name)) : [path.join(dir, entry.name)],
  )
}

test(
  'no credential, token secret or upstream host reaches the build',
  { timeout: 120_000 },
  async () => {
    const outDir = mkdtempSync(path.join(tmpdir(), 'showcase-sentinel-'))
    const saved = { ...process.env }
    Object.assign(process.env, sentinels)
    try {
      await build({
        root: path.resolve(import.meta.dirname, '../..'),
        logLevel: 'silent',
        build: { outDir, emptyOutDir: true },
      })
    } finally {
      process.env = saved
    }
    const files = filesUnder(outDir)
    expect(files.some((file) => file.endsWith('.js'))).toBe(true)
    for (const file of files) {
      const content = readFileSync(file, 'utf8')
      for (const value of [...Object.values(sentinels), 'sentinel-cluster']) {
        expect(content.includes(value), `${value} in ${path.relative(outDir, file)}`).toBe(false)
      }
    }
  },
)
