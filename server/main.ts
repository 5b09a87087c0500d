import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { Server as HttpServer } from 'node:http'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { serve } from '@hono/node-server'
import { createApi } from './api.ts'
import { createApp } from './app.ts'
import { createClock } from './clock.ts'
import { type Config, ConfigError, readConfig, unknownSettings } from './config.ts'
import { createReadiness } from './health.ts'
import { createLogger, oncePerWindow } from './log.ts'
import { SERVER_ENTRY, serverRenderer } from './server-render.ts'
import { type UpstreamEvent } from './live/events.ts'
import { createMemberVerifier, mayRenderFor } from './live/member-token.ts'
import { cacheHealth, closeSharedStores } from './live/shared-cache.ts'
import { meteredFetch, metrics } from './metrics.ts'

// `npm start`: build the app when the build is missing or older than its sources, then serve it
// and the Badges API (demo mode: the emulator) on HOST:PORT.

const logger = createLogger()
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
  // Both builds: the browser's (dist/) and the server's render of the first view (dist-server/).
  const builtAt = Math.min(
    ...[path.join(distDir, 'index.html'), path.join(root, SERVER_ENTRY)].map((built) =>
      existsSync(built) ? statSync(built).mtimeMs : 0,
    ),
  )
  const changedAt = Math.max(...sources.map((source) => newestMtime(path.join(root, source))))
  if (builtAt >= changedAt) return
  const vite = path.join(root, 'node_modules', 'vite', 'bin', 'vite.js')
  if (!existsSync(vite)) {
    // A production install (`npm prune --omit=dev`): the build made with the image is served.
    if (builtAt > 0) {
      logger.info('Serving the build as it is (sources are newer, and Vite is not installed).')
      return
    }
    fail('The app is not built and Vite is not installed: run `npm install`, then `npm start`.')
  }
  logger.info(
    builtAt === 0 ? 'Building the app…' : 'Sources changed since the last build; rebuilding…',
  )
  for (const args of [
    ['build', '--logLevel', 'warn'],
    ['build', '--ssr', 'src/entry-server.tsx', '--outDir', 'dist-server', '--logLevel', 'warn'],
  ]) {
    const result = spawnSync(process.execPath, [vite, ...args], { cwd: root, stdio: 'inherit' })
    if (result.status !== 0) fail('The build failed (see above).')
  }
}

function fail(message: string): never {
  logger.error(message)
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
for (const { name, meant } of unknownSettings(process.env)) {
  logger.warn(
    `${name} is not a setting of the showcase and is ignored${meant === null ? '' : `: did you mean ${meant}?`} (see the README's configuration table).`,
  )
}
if (live?.member.kind === 'any-member') {
  logger.warn(
    "SHOWCASE_ALLOW_ANY_MEMBER=true: any browser can read any member's badges. For internal demos only.",
  )
}
if (live !== null && config.metricsToken === null) {
  logger.warn(
    'GET /metrics answers anyone who can reach this port: set SHOWCASE_METRICS_TOKEN, or keep the path off the public load balancer.',
  )
}
if (config.emulatorControl) {
  logger.warn(
    'SHOWCASE_EMULATOR_CONTROL=true: anyone can move the demo clock and award badges (POST /__emulator/*).',
  )
}
buildIfNeeded()
// One clock for the emulator and everything that checks times against its data.
const clock = createClock()

const mode = live === null ? 'demo' : 'live'
const readiness = createReadiness({
  mode,
  ...(live && { upstream: live.upstream, signIn: () => signIn }),
  redis: async () => {
    const { redis } = cacheHealth()
    return redis === 'up' ? 'ok' : redis
  },
})

/** Live mode's own reports, counted in /metrics (upstream calls are counted by meteredFetch). */
// What Capillary last said to the credentials, for /readyz.
let signIn: 'ok' | 'refused' | 'not yet' = 'not yet'
function countEvent(event: UpstreamEvent) {
  if (event.type === 'sign-in') signIn = event.result
  else if (event.type === 'cache') metrics.cache(event.endpoint, event.result)
  else if (event.type === 'token') metrics.tokenRefresh(event.result)
  else if (event.type === 'queue') {
    metrics.queueLength(event.waiting)
    metrics.upstreamActive(event.active)
  } else if (event.type === 'circuit') metrics.circuitOpen(event.state === 'open')
}
// Live mode: one check of the member's token for the proxy, the first view's gate and the proofs.
// (A refusal is logged once a minute per cause, with how many more: expired tokens come at every
// request of a member whose session has lapsed, and anyone can send bad ones.)
const tokenRefused = oncePerWindow((fields) => logger.warn('member token refused', fields))
const verifyMember = live
  ? createMemberVerifier(live.member, live.tokenClaims, clock.now, (detail) =>
      tokenRefused(detail, { detail }),
    )
  : null
const api = createApi({
  live,
  ...(verifyMember && { verifyMember }),
  log: (line, level = 'warn') => logger[level](line),
  onEvent: countEvent,
  // Every call to the cluster (the token's too) counted in /metrics by endpoint and status.
  fetch: meteredFetch(globalThis.fetch),
  emulator: {
    assetBase: config.basePath,
    now: clock.now,
  },
  ...(config.emulatorControl && { emulatorControl: clock }),
  proof: { config: config.proof, basePath: config.basePath, now: clock.now },
})
const app = createApp({
  api,
  distDir,
  // Demo mode: into the page. Live mode: for early.js, which has the member's token.
  serverRender: config.serverRender
    ? serverRenderer(root, api, clock.now, !live, config.renderBudgetMs)
    : null,
  // Live mode: a render only for a valid token of the page's member (the proxy checks each request).
  ...(verifyMember && { mayRender: mayRenderFor(verifyMember) }),
  logger,
  mode,
  readiness,
  basePath: config.basePath,
  imgSrc: config.imgSrc,
  frameAncestors: config.frameAncestors,
  serveSourceMaps: config.serveSourceMaps,
  proofs: config.proof !== null,
  trustProxy: config.trustProxy,
  rendersPerMinute: config.rendersPerMinute,
  metricsToken: config.metricsToken,
  now: clock.now,
})
// A request's headers within 10 s and the whole of it within 30 s (Node allows 60 s and 5 min),
// checked every 2 s: a client that trickles its headers in holds a connection for seconds, not
// minutes (thousands of those had the process out of file handles). A reverse proxy in front
// should still cap connections per client (README, Security model).
const server = serve(
  {
    fetch: app.fetch,
    port,
    hostname,
    serverOptions: {
      headersTimeout: 10_000,
      requestTimeout: 30_000,
      connectionsCheckingInterval: 2_000,
    },
  },
  () => {
    const where = live === null ? 'demo mode' : `live mode, upstream ${live.upstream.host}`
    logger.info(
      `Badge Showcase (${where}) on http://${hostname.includes(':') ? `[${hostname}]` : hostname}:${port}`,
      { mode, port },
    )
  },
)
server.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EADDRINUSE') fail(`Port ${port} is in use: stop what uses it or set PORT.`)
  fail(`The server could not start: ${error.message}`)
})

// Graceful shutdown: balancers see /readyz turn 503, the listener closes (new connections are
// refused), requests in flight finish, then the process exits 0. Past SHOWCASE_SHUTDOWN_TIMEOUT
// what is still in flight is cut and the exit is 1; a second signal stops at once.
let stopping = false
function shutdown(signal: NodeJS.Signals) {
  if (stopping) {
    logger.warn('a second signal: stopping now', { signal })
    process.exit(1)
  }
  stopping = true
  const timeoutSeconds = config.shutdownTimeoutSeconds
  readiness.drain()
  server.close(() => {
    void closeSharedStores().finally(() => {
      logger.info('stopped')
      process.exit(0)
    })
  })
  // Logged once the listener is closed, so whoever reads it knows new connections are refused.
  logger.info('shutting down: no new connections, finishing the requests in flight', {
    signal,
    timeoutSeconds,
  })
  setTimeout(() => {
    logger.error('shutdown timed out: the requests still in flight were cut', { timeoutSeconds })
    process.exit(1)
  }, timeoutSeconds * 1000)
  // An idle keep-alive connection would hold the close until it times out: end each one as soon
  // as it has no request in flight.
  if (server instanceof HttpServer) {
    server.closeIdleConnections()
    setInterval(() => server.closeIdleConnections(), 50).unref()
  }
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, shutdown)
