import path from 'node:path'
import { serve } from '@hono/node-server'
import { createApi } from '../server/api.ts'
import { createApp } from '../server/app.ts'
import { serverRenderer } from '../server/server-render.ts'
import { benchDataset } from './bench-data.ts'

// The showcase as the benchmark runs it: the built app, served by the same server code as
// `npm start`, with the bench-only members (10 to 5,000 badges) beside the demo members. Only the
// benchmark loads them; `npm start` knows nothing of them.

const port = Number(process.env.PORT ?? 4290)
const root = path.resolve(import.meta.dirname, '..')
const api = createApi({ emulator: { dataset: benchDataset } })
const app = createApp({
  api,
  distDir: path.join(root, 'dist'),
  // SHOWCASE_SSR=false: the page as before the server render, for the bench to compare both.
  serverRender: process.env.SHOWCASE_SSR === 'false' ? null : serverRenderer(root, api),
  log: () => undefined,
})
serve({ fetch: app.fetch, port, hostname: '127.0.0.1' }, () =>
  console.log(`Badge Showcase (bench members) on http://127.0.0.1:${port}`),
)
