import { cpSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
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
// BENCH_BRAND: a brand's deployment, its config.json (the JSON given: accent, corners, font)
// beside a copy of the built app.
const brand = process.env.BENCH_BRAND
let distDir = path.join(root, 'dist')
if (brand !== undefined) {
  const copy = mkdtempSync(path.join(tmpdir(), 'bench-brand-'))
  cpSync(distDir, copy, { recursive: true, preserveTimestamps: true })
  writeFileSync(path.join(copy, 'config.json'), brand)
  distDir = copy
}
const app = createApp({
  api,
  distDir,
  // SHOWCASE_SSR=false: the page as before the server render, for the bench to compare both.
  serverRender: process.env.SHOWCASE_SSR === 'false' ? null : serverRenderer(root, api),
  log: () => undefined,
  // Every page the bench measures comes from this one address: each is rendered, as a member's is.
  rendersPerMinute: 0,
})
serve({ fetch: app.fetch, port, hostname: '127.0.0.1' }, () =>
  console.log(`Badge Showcase (bench members) on http://127.0.0.1:${port}`),
)
