import path from 'node:path'
import { serve } from '@hono/node-server'
import { serveStatic } from '@hono/node-server/serve-static'
import { Hono } from 'hono'

// Serves the sample member portal (examples/portal.html) on its own origin, to try the embed
// snippet against a running showcase (README, "Try it in five minutes"):
//   SHOWCASE_FRAME_ANCESTORS="'self' http://localhost:4187 http://127.0.0.1:4187" npm start
//   npx tsx examples/serve.ts
// then open http://localhost:4187/portal.html or http://127.0.0.1:4187/portal.html: the portal
// looks for the showcase on its own host name, port 4173 (?showcase=<origin> to change it).

const port = Number(process.env.PORTAL_PORT ?? 4187)
// The e2e tests also use it to serve their own pages from another origin.
const root = process.env.PORTAL_ROOT ?? import.meta.dirname
const app = new Hono()
app.get('/', (c) => c.redirect('/portal.html'))
app.use('*', serveStatic({ root: path.relative(process.cwd(), root) || '.' }))
// 127.0.0.1 answers both names: a browser asked for localhost falls back to it from ::1.
const hostname = process.env.HOST ?? '127.0.0.1'
serve({ fetch: app.fetch, port, hostname }, () => {
  if (process.env.HOST) console.log(`Sample portal on http://${hostname}:${port}/portal.html`)
  else console.log(`Sample portal on http://localhost:${port}/portal.html and 127.0.0.1`)
})
