import { serve } from '@hono/node-server'
import { Hono } from 'hono'
import { createStandInCluster } from '../server/live/stand-in.ts'

// Bench-only: the stand-in Capillary cluster, counting what reaches it, so the load section can
// say how many upstream calls a thousand member page views cost. GET /__counts reads the counts,
// POST /__counts resets them.

const port = Number(process.env.STAND_IN_PORT ?? 4291)
const cluster = createStandInCluster({ oauth: { key: 'bench', secret: 'bench' } })
let counts = { token: 0, api: 0 }

const app = new Hono()
app.get('/__counts', (c) => c.json(counts))
app.post('/__counts', (c) => {
  counts = { token: 0, api: 0 }
  return c.json(counts)
})
app.all('*', (c) => {
  if (c.req.path === '/v3/oauth/token/generate') counts.token += 1
  else counts.api += 1
  return cluster.app.fetch(c.req.raw)
})
serve({ fetch: app.fetch, port, hostname: '127.0.0.1' }, () =>
  console.log(`Counting stand-in on http://127.0.0.1:${port}`),
)
