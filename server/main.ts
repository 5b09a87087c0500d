import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { serve } from '@hono/node-server'
import { createApi } from './api.ts'
import { createApp } from './app.ts'

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

function readPort(): number {
  const raw = process.env.PORT ?? '4173'
  const port = Number(raw)
  if (!/^\d+$/.test(raw) || port < 1 || port > 65535)
    fail(`PORT must be a number from 1 to 65535, not "${raw}".`)
  return port
}

const port = readPort()
const hostname = process.env.HOST?.trim() || 'localhost'
buildIfNeeded()

const app = createApp({ api: createApi(), distDir })
const server = serve({ fetch: app.fetch, port, hostname }, () => {
  console.log(
    `Badge Showcase (demo mode) on http://${hostname.includes(':') ? `[${hostname}]` : hostname}:${port}`,
  )
})
server.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EADDRINUSE') fail(`Port ${port} is in use: stop what uses it or set PORT.`)
  fail(`The server could not start: ${error.message}`)
})

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => server.close(() => process.exit(0)))
}
