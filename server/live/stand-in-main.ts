import { serve } from '@hono/node-server'
import { createStandInCluster } from './stand-in.ts'

// The emulator as a stand-in Capillary cluster on its own port, for the live mode's e2e run and
// for trying live mode locally: CAPILLARY_API_URL=http://127.0.0.1:4185 and the same OAuth pair.

const port = Number(process.env.STAND_IN_PORT ?? 4185)
const key = process.env.STAND_IN_OAUTH_KEY ?? 'stand-in-key'
const secret = process.env.STAND_IN_OAUTH_SECRET ?? 'stand-in-secret'
const cluster = createStandInCluster({ oauth: { key, secret } })
serve({ fetch: cluster.app.fetch, port, hostname: '127.0.0.1' }, () =>
  console.log(`Stand-in Capillary cluster on http://127.0.0.1:${port} (OAuth key "${key}")`),
)
