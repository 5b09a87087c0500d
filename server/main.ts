import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { serve } from '@hono/node-server'
import { createApi } from './api.ts'
import { createApp } from './app.ts'
import { type Config, ConfigError, readConfig } from './config.ts'
import { benchDataset } from './emulator/bench-data.ts'

// `npm start`: build the app when the build is missing or older than its sources, then serve it
// and the Badges API (demo mode: the emulator) on HOST:PORT.

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const distDir = path.join(root, 'dist')
const sources = ['src', 'public', 'index.html', 'vite.config.ts', 'package-lock.json']

function newestMtime(target: string): number {
  if (!existsSync(target)) return 0
  const stat = statSync(target)
  if (!stat.isDirectory()) return stat.mtimeMs
  return readdirSync(target).reduce(
    (newest, entry) => Math.max(newest, newestMtime(path.join(target, entry))),
    stat.mtimeMs,
  )
}

function buildIfNeeded() {
  const built = path.join(distDir, 'index.html')
  const builtAt = existsSync(built) ? statSync(built).mtimeMs : 0
  const changedAt = Math.max(...sources.map((source) => newestMtime(path.join(root, source))))
  if (builtAt >= changedAt) return
  const vite = path.join(root, 'node_modules', 'vite', 'bin', 'vite.js')
  if (!existsSync(vite)) {
    if (builtAt > 0) return
    fail('The app is not built and Vite is not installed: run `npm install`, then `npm start`.')
  }
  console.log(
    builtAt === 0 ? 'Building the app…' : 'Sources changed since the last build; rebuilding…',
  )
  const result = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  })
  if (result.status !== 0) fail('The build failed (see above).')
}

function fail(message: string): never {
  console.error(message)
  process.exit(1)
}

function loadConfig(): Config {
  try {
    return readConfig(process.env)
  } catch (error) {
    if (error instanceof ConfigError) fail(`The server cannot start: ${error.message}`)
    throw error
  }
}

const config = loadConfig()
const { port, host: hostname, live } = config
if (live?.member.kind === 'any-member') {
  console.warn(
    "WARNING: SHOWCASE_ALLOW_ANY_MEMBER=true: any browser can read any member's badges. For internal demos only.",
  )
}
buildIfNeeded()

const mode = live === null ? 'demo' : 'live'
const app = createApp({
  api: createApi({
    live,
    emulator: {
      assetBase: config.basePath,
      // Bench-only: members with 10 to 5,000 badges (npm run bench).
      ...(process.env.SHOWCASE_BENCH_MEMBERS === 'true' && { dataset: benchDataset }),
    },
  }),
  distDir,
  mode,
  basePath: config.basePath,
  imgSrc: config.imgSrc,
  frameAncestors: config.frameAncestors,
  serveSourceMaps: config.serveSourceMaps,
})
const server = serve({ fetch: app.fetch, port, hostname }, () => {
  const where = live === null ? 'demo mode' : `live mode, upstream ${live.upstream.host}`
  console.log(
    `Badge Showcase (${where}) on http://${hostname.includes(':') ? `[${hostname}]` : hostname}:${port}`,
  )
})
server.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EADDRINUSE') fail(`Port ${port} is in use: stop what uses it or set PORT.`)
  fail(`The server could not start: ${error.message}`)
})

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => server.close(() => process.exit(0)))
}
