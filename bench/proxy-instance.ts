import { serve } from '@hono/node-server'
import { createApi } from '../server/api.ts'
import { createApp } from '../server/app.ts'
import { readConfig } from '../server/config.ts'

// Bench-only: one showcase instance in live mode, configured from the environment like
// server/main.ts but without the build and the per-request log, and with BENCH_NO_CACHE=true
// serving the proxy without its shared cache, for the comparison.

const config = readConfig(process.env)
const app = createApp({
  api: createApi({
    live: config.live,
    ...(process.env.BENCH_NO_CACHE === 'true' && { cache: false }),
  }),
  distDir: null,
  log: () => undefined,
  mode: 'live',
})
serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () =>
  console.log(`Bench proxy on ${config.host}:${config.port}`),
)
