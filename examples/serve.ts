import path from 'node:path'
import { serve } from '@hono/node-server'
import { serveStatic } from '@hono/node-server/serve-static'
import { Hono } from 'hono'

// Serves the sample member portal (examples/portal.html) on its own origin, to try the embed
// snippet against a running showcase: npx tsx examples/serve.ts, then open
// http://localhost:4187/portal.html?showcase=http://localhost:4173
// (start that showcase with SHOWCASE_FRAME_ANCESTORS="'self' http://localhost:4187").

const port = Number(process.env.PORTAL_PORT ?? 4187)
// The e2e tests also use it to serve their own pages from another origin.
const root = process.env.PORTAL_ROOT ?? import.meta.dirname
const app = new Hono()
app.get('/', (c) => c.redirect('/portal.html'))
app.use('*', serveStatic({ root: path.relative(process.cwd(), root) || '.' }))
serve({ fetch: app.fetch, port, hostname: process.env.HOST ?? 'localhost' }, () =>
  console.log(`Sample portal on http://localhost:${port}/portal.html`),
)
