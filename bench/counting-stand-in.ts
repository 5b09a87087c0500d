import { serve } from '@hono/node-server'
import { Hono } from 'hono'
import { demoDataset } from '../server/emulator/demo-data.ts'
import { createStandInCluster } from '../server/live/stand-in.ts'
import { memberCopy } from './load-members.ts'

// Bench-only: the stand-in Capillary cluster, counting what reaches it, so the load section can
// say how many upstream calls a thousand member first views cost. GET /__counts reads the counts,
// POST /__counts resets them. Beside the demo members, BENCH_MEMBER_COPIES copies of each (ids
// from load-members.ts): a brand's traffic is many members, not three asked for at once.

const port = Number(process.env.STAND_IN_PORT ?? 4291)
const copies = Number(process.env.BENCH_MEMBER_COPIES ?? 0)
const cluster = createStandInCluster({
  oauth: { key: 'bench', secret: 'bench' },
  dataset: (now) => {
    const demo = demoDataset(now)
    const copied = Array.from({ length: copies }, (_, copy) =>
      demo.members.map((member, index) => ({
        ...member,
        customerId: memberCopy(index, copy),
        identities: {},
      })),
    )
    return { ...demo, members: [...demo.members, ...copied.flat()] }
  },
})
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
