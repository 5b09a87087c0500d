import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { type Context, Hono } from 'hono'
import { dynamicCompression } from './compression.ts'
import { errorBody } from './emulator/emulator.ts'
import { firstView, readManifest, routeOf, withFirstView } from './first-view.ts'
import { staticFiles } from './static-files.ts'

export type AppOptions = {
  /** The Hono app answering /api_gateway/* (see api.ts). */
  api: Hono
  /** The built SPA; null serves the API alone. */
  distDir: string | null
  log?: (line: string) => void
  mode?: 'demo' | 'live'
  /** CSP sources for images (the brand's CDN) and for the pages that may frame the showcase. */
  imgSrc?: string[]
  frameAncestors?: string[]
  /** Where the showcase is mounted, e.g. "/rewards/badges/"; "/" by default. */
  basePath?: string
  /** Serve the build's source maps (they reveal the original sources); off by default. */
  serveSourceMaps?: boolean
}

/** On everything served: no inline or eval scripts, framing only where configured, no sniffing. */
function securityHeaders(imgSrc: string[], frameAncestors: string[]) {
  const csp = [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    `img-src 'self' ${imgSrc.join(' ')}`,
    "connect-src 'self'",
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors ${frameAncestors.join(' ')}`,
  ].join('; ')
  return async (c: Context, next: () => Promise<void>) => {
    await next()
    c.header('Content-Security-Policy', csp)
    c.header('X-Content-Type-Options', 'nosniff')
    c.header('Referrer-Policy', 'strict-origin-when-cross-origin')
    c.header('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=()')
    // Over https (directly, or behind a load balancer that says so), browsers should stay on it.
    const https =
      new URL(c.req.url).protocol === 'https:' || c.req.header('X-Forwarded-Proto') === 'https'
    if (https) c.header('Strict-Transport-Security', 'max-age=31536000; includeSubDomains')
  }
}

/** One line a request: method, path (without the query), status, time. */
function requestLog(log: (line: string) => void) {
  return async (c: Context, next: () => Promise<void>) => {
    const started = performance.now()
    await next()
    const ms = (performance.now() - started).toFixed(1)
    log(`${c.req.method} ${c.req.path} ${c.res.status} ${ms}ms`)
  }
}

export function createApp({
  api,
  distDir,
  log = console.log,
  mode = 'demo',
  imgSrc = ['https:'],
  frameAncestors = ["'self'"],
  basePath = '/',
  serveSourceMaps = false,
}: AppOptions) {
  const app = new Hono()
  app.use(requestLog(log))
  app.use(securityHeaders(imgSrc, frameAncestors))
  // For load balancers: says the process serves, nothing about the upstream or its credentials.
  app.get('/healthz', (c) => {
    c.header('Cache-Control', 'no-store')
    return c.json({ status: 'ok', mode })
  })
  app.use('/api_gateway/*', dynamicCompression())
  app.route('/', api)

  if (distDir !== null) {
    const indexHtml = path.join(distDir, 'index.html')
    app.use('*', staticFiles({ root: distDir, basePath, serveSourceMaps }))
    // No config.json beside index.html: no brand settings (and no 404 in the browser's console),
    // only whether the data is the emulator's.
    app.get('/config.json', (c) => {
      c.header('Cache-Control', 'no-cache')
      return c.json(mode === 'demo' ? { demo: true } : {})
    })
    app.get('*', dynamicCompression(), async (c) => {
      // A missing file is a 404; any other path is a deep link into the SPA.
      if (path.extname(c.req.path) !== '' && !c.req.path.endsWith('/index.html')) {
        return c.text('Not found', 404)
      }
      if (c.req.path.includes('/api_gateway/')) return c.notFound()
      if (!existsSync(indexHtml)) return c.text('The app is not built: run npm run build', 503)
      c.header('Cache-Control', 'no-cache')
      let html = (await readFile(indexHtml, 'utf8')).replace(
        /<base href="[^"]*"/,
        `<base href="${basePath}"`,
      )
      // Demo mode: the first view's data, code and images start with the page. (Live mode: the
      // member is known only to the browser; public/early.js starts them there.)
      const route =
        mode === 'demo'
          ? routeOf(
              c.req.path.slice(basePath.length - 1).replace(/\/index\.html$/, '/'),
              new URL(c.req.url).searchParams,
            )
          : null
      if (route !== null) {
        html = withFirstView(html, await firstView(api, route, readManifest(distDir)))
      } else if (mode === 'live') {
        // Async: it starts the view's requests as soon as it arrives, without holding up the page.
        html = html.replace('</head>', '  <script async src="early.js"></script>\n  </head>')
      }
      return c.html(html)
    })
  }

  app.onError((error, c) => {
    console.error(error)
    if (c.req.path.includes('/api_gateway/')) {
      return c.json(
        { data: null, errors: [errorBody(500, 'Internal server error')], warnings: [] },
        500,
      )
    }
    return c.text('Internal server error', 500)
  })
  if (basePath === '/') return app
  // Mounted under a sub-path: everything lives below it, and the bare root leads there.
  const mounted = new Hono()
  mounted.route(basePath.replace(/\/$/, ''), app)
  mounted.get('/', (c) => c.redirect(basePath))
  return mounted
}
