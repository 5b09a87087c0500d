import { createHash, randomUUID, timingSafeEqual } from 'node:crypto'
import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { type Context, Hono } from 'hono'
import { etag } from 'hono/etag'
import { bodyLimit } from 'hono/body-limit'
import { errorEnvelope } from './contract.ts'
import { createReadiness, type Readiness } from './health.ts'
import { createLogger, errorFields, type Logger } from './log.ts'
import { CONTENT_TYPE, metrics as processMetrics, type Metrics } from './metrics.ts'
import { loggedPath, routeLabel } from './route-label.ts'

/** The most a request's body may carry (the largest this server takes is a few hundred bytes). */
export const MAX_BODY_BYTES = 16 * 1024

export type AppEnv = { Variables: { requestId: string } }
import { brandStyleSheet } from './brand-style.ts'
import { dynamicCompression } from './compression.ts'
import {
  firstView,
  livePageRoute,
  readManifest,
  readPublicScripts,
  routeOf,
  viewChunks,
  withFirstView,
} from './first-view.ts'
import { staticFiles } from './static-files.ts'
import { browserTimeZone } from './time-zone.ts'
import { clientAddress } from './client-address.ts'
import { createRateLimit } from './rate-limit.ts'
import {
  codeAttributes,
  ENTRY_SCRIPT_TAG,
  jsonForPage,
  type PageRender,
  withServerRender,
} from './server-render.ts'

export type AppOptions = {
  /** The Hono app answering /api_gateway/* (see api.ts). */
  api: Hono
  /** The built SPA; null serves the API alone. */
  distDir: string | null
  /** Where log records go, one JSON line each; stdout and stderr by default. */
  log?: (line: string) => void
  /** Or the logger itself, shared with the rest of the server. */
  logger?: Logger
  /** Where requests are counted and what GET /metrics exposes; the process's metrics by default. */
  metrics?: Metrics
  /** The bearer token GET /metrics asks for; null: it answers anyone. */
  metricsToken?: string | null
  /** What GET /readyz reports; without it, ready whenever the server answers. */
  readiness?: Readiness
  mode?: 'demo' | 'live'
  /** CSP sources for images (the brand's CDN) and for the pages that may frame the showcase. */
  imgSrc?: string[]
  frameAncestors?: string[]
  /** Where the showcase is mounted, e.g. "/rewards/badges/"; "/" by default. */
  basePath?: string
  /** Serve the build's source maps (they reveal the original sources); off by default. */
  serveSourceMaps?: boolean
  /** The server's clock (clock.ts), shared with the emulator. */
  now?: () => number
  /** Whether proof links are on (SHOWCASE_PROOF_KEY), told to the app in config.json. */
  proofs?: boolean
  /**
   * Renders the first view (server-render.ts): into the page in demo mode, for early.js in live
   * mode (GET first-view); null sends pages unrendered.
   */
  serverRender?: PageRender | null
  /**
   * Live mode: whether a request's Authorization is a valid token of the member a page is about,
   * checked before its render (member-token.ts, mayRenderFor).
   */
  mayRender?: (
    authorization: string | undefined,
    customer: string,
    by: string | null,
  ) => Promise<boolean>
  /** SHOWCASE_TRUST_PROXY: who a client is, for the share of demo renders (client-address.ts). */
  trustProxy?: boolean
  /** SHOWCASE_RENDER_RATE: demo pages one client gets rendered a minute (0: no limit). */
  rendersPerMinute?: number
}

/**
 * Live renders in progress at once, at most. Each holds up to a second for its data and a few tens
 * of milliseconds of the server's processor; past this, a page renders in the browser as it did.
 */
const LIVE_RENDERS_AT_ONCE = 16

/**
 * Demo pages rendered by the server, at most: at once, and a minute by one client (by default;
 * SHOWCASE_RENDER_RATE). A render costs
 * the server's processor about 140 ms for the VIP's page (a page not rendered, a few): one client
 * with twenty connections made a public demo unusable. Past either, the page comes with its data
 * and the browser renders it, as without SSR.
 */
export const DEMO_RENDERS_AT_ONCE = 8
export const DEMO_RENDERS_PER_MINUTE = 60

/** config.json's settings in the page, so the app starts without asking for them. */
function withRuntimeConfig(html: string, settings: unknown): string {
  return html.replace(/\s*<link rel="preload" href="config.json"[^>]*>/, '').replace(
    '</body>',
    () => `<script type="application/json" id="runtime-config">${jsonForPage(settings)}</script>
  </body>`,
  )
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
    // Opened from another site's page (a link in a newsletter, a portal's new tab), the showcase
    // is in a window of its own: that page cannot reach into it (window.opener) nor it into that
    // page. (Inside a portal's frame the header does nothing: the frame talks by postMessage.)
    c.header('Cross-Origin-Opener-Policy', 'same-origin')
    // Over https (directly, or behind a load balancer that says so), browsers should stay on it.
    // For this host only: served under a brand's own domain (a base path), includeSubDomains
    // would bind every subdomain of the brand to https, which is the brand's decision, not ours.
    const https =
      new URL(c.req.url).protocol === 'https:' || c.req.header('X-Forwarded-Proto') === 'https'
    if (https) c.header('Strict-Transport-Security', 'max-age=31536000')
  }
}

// An id a caller (a load balancer, the portal's backend) already gave the request is kept when it
// is short and plain; anything else is replaced, so the id is safe to log and to send back.
const SANE_REQUEST_ID = /^[\w.:+/=@-]{1,128}$/

/** Gives every request an id (X-Request-Id, also on the response), logs it and counts it. */
function observeRequests(logger: Logger, metrics: Metrics, basePath: string) {
  return async (c: Context<AppEnv>, next: () => Promise<void>) => {
    const started = performance.now()
    const given = c.req.header('X-Request-Id')
    const requestId = given !== undefined && SANE_REQUEST_ID.test(given) ? given : randomUUID()
    c.set('requestId', requestId)
    metrics.requestStarted()
    try {
      await next()
    } finally {
      metrics.requestEnded()
    }
    c.header('X-Request-Id', requestId)
    // The path as it was sent, still percent-encoded and without the query: never decoded input.
    const path = new URL(c.req.url).pathname
    const route = routeLabel(path, basePath)
    const durationMs = Math.round((performance.now() - started) * 10) / 10
    metrics.request(c.req.method, route, c.res.status, durationMs)
    logger.info('request', {
      requestId,
      method: c.req.method,
      route,
      path: loggedPath(path),
      status: c.res.status,
      durationMs,
    })
  }
}

/** The page's address as the browser asked for it (https behind a balancer that says so). */
/**
 * Whether an Authorization header carries the bearer token (the scheme in any case), in a time that
 * does not tell how much of it matched.
 */
function bearerIs(header: string | undefined, token: string): boolean {
  const given = /^bearer +(.+)$/i.exec(header ?? '')?.[1]
  const digest = (text: string) => createHash('sha256').update(text).digest()
  return given !== undefined && timingSafeEqual(digest(given), digest(token))
}

/** A request's path and query as the browser spelled them. */
function addressOf(url: string): string {
  const { pathname, search } = new URL(url)
  return `${pathname}${search}`
}

function pageUrl(c: Context): string {
  const url = new URL(c.req.url)
  if (c.req.header('X-Forwarded-Proto') === 'https') url.protocol = 'https:'
  return url.href
}

export function createApp({
  api,
  distDir,
  log,
  logger = createLogger(log && ((line) => log(line))),
  metrics = processMetrics,
  metricsToken = null,
  mode = 'demo',
  readiness = createReadiness({ mode }),
  imgSrc = ['https:'],
  frameAncestors = ["'self'"],
  basePath = '/',
  serveSourceMaps = false,
  now = Date.now,
  serverRender = null,
  mayRender = async () => true,
  proofs = false,
  trustProxy = false,
  rendersPerMinute = DEMO_RENDERS_PER_MINUTE,
}: AppOptions) {
  const app = new Hono<AppEnv>()
  let pagesRendering = 0
  const pageRenders =
    rendersPerMinute > 0
      ? createRateLimit({ limit: rendersPerMinute, windowMs: 60_000, now })
      : () => 0
  app.use(observeRequests(logger, metrics, basePath))
  app.use(securityHeaders(imgSrc, frameAncestors))
  // No request to this server carries more than a few hundred bytes (a proof link's request, the
  // emulator's controls): a bigger one is refused before it is read, where a body of any size was
  // read whole before anything was checked (400 MB of it took the process to 1.4 GB).
  app.use(
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: (c) => {
        c.header('Cache-Control', 'no-store')
        return c.json({ error: `A request body may be at most ${MAX_BODY_BYTES} bytes.` }, 413)
      },
    }),
  )
  // For load balancers: says the process serves, nothing about the upstream or its credentials.
  app.get('/healthz', (c) => {
    c.header('Cache-Control', 'no-store')
    return c.json({ status: 'ok', mode })
  })
  // For load balancers: whether to send members here now (upstream and Redis, see health.ts).
  app.get('/readyz', async (c) => {
    c.header('Cache-Control', 'no-store')
    const report = await readiness.check()
    return c.json(report, report.status === 'not ready' ? 503 : 200)
  })
  // Prometheus text format; only counts and templated routes, never a member or a credential.
  app.get('/metrics', (c) => {
    c.header('Cache-Control', 'no-store')
    if (metricsToken !== null && !bearerIs(c.req.header('Authorization'), metricsToken)) {
      c.header('WWW-Authenticate', 'Bearer realm="metrics"')
      return c.json(
        { error: 'GET /metrics needs the metrics token (SHOWCASE_METRICS_TOKEN).' },
        401,
      )
    }
    return c.body(metrics.expose(), 200, { 'Content-Type': CONTENT_TYPE })
  })
  app.use('/api_gateway/*', dynamicCompression())
  app.route('/', api)

  if (distDir !== null) {
    const indexHtml = path.join(distDir, 'index.html')
    const configFile = path.join(distDir, 'config.json')
    // No config.json beside index.html: no brand settings (and no 404 in the browser's console),
    // only whether the data is the emulator's and whether proof links can be made.
    const serverSettings = {
      ...(mode === 'demo' && { demo: true }),
      ...(proofs && { proofs: true }),
    }
    // The page's settings: the brand's file beside index.html, with what only the server knows
    // (demo data, proof links) on top: a brand's file once hid the demo's marker from the page,
    // and turned proof links off until it said otherwise.
    const pageSettings = async (): Promise<unknown> => {
      if (!existsSync(configFile)) return serverSettings
      let file: unknown
      try {
        file = JSON.parse(await readFile(configFile, 'utf8')) as unknown
      } catch {
        return null
      }
      // Not an object: the app says what is wrong with it, as with any setting it cannot use.
      if (typeof file !== 'object' || file === null || Array.isArray(file)) return file
      const brand: Record<string, unknown> = { ...file }
      delete brand.demo
      delete brand.proofs
      return { ...brand, ...serverSettings }
    }
    // The same settings for a page that asks for them (a page of its own has them inside).
    app.get('/config.json', etag(), async (c) => {
      c.header('Cache-Control', 'no-cache')
      return c.json(await pageSettings())
    })
    app.use('*', staticFiles({ root: distDir, basePath, serveSourceMaps }))
    // The brand's look for a page the server rendered (brand-style.ts): the same rule for the same
    // settings, whoever asks.
    app.get('/brand.css', (c) => {
      const sheet = brandStyleSheet(new URL(c.req.url).searchParams)
      if (sheet === null) return c.text('Not a look of the showcase', 400)
      // Named by its content, as the app's code is: kept for good, no request on a member's next
      // visit. A page of an earlier build (another version) gets today's rule, checked each time.
      c.header('Cache-Control', sheet.current ? 'public, max-age=31536000, immutable' : 'no-cache')
      // Checked each time, it is sent again only when the rule changed (compression makes the tag
      // weak on its way out: either form matches).
      const tag = `"${sheet.version}"`
      c.header('ETag', tag)
      const known = (c.req.header('If-None-Match') ?? '').split(',').map((v) => v.trim())
      if (known.some((value) => value.replace(/^W\//, '') === tag)) return c.body(null, 304)
      return c.body(sheet.text, 200, { 'Content-Type': 'text/css; charset=utf-8' })
    })
    // The first view rendered for the page early.js names (server-render.ts): live mode's, the
    // token in the request's Authorization header, and demo mode's in a portal's frame (below). No
    // render (a route it does not render, no token, one the API refuses, data too slow): 204, and
    // the browser renders for itself.
    if (serverRender !== null) {
      let rendering = 0
      app.get('/first-view', dynamicCompression(), async (c) => {
        c.header('Cache-Control', 'no-store')
        const authorization = c.req.header('Authorization')
        const page = c.req.header('X-Showcase-Page') ?? ''
        const route = page.startsWith('/') && !page.startsWith('//') ? livePageRoute(page) : null
        // A render costs the server far more than a refusal: none for a request not signed in as
        // the page's member, and no more than a few at once (the browser then renders for itself).
        // (The place is taken before anything is awaited: counted only once the render began, a
        // burst of requests all passed the check while the token or config.json was being read.)
        // Demo mode's renders here (a portal's frame) are a page's: the same few at once and the
        // same share a minute per client as pages, where they once bypassed both (65 of 65 a
        // minute, 16 at once, rendered for one client).
        if (route === null) return c.body(null, 204)
        const demo = mode === 'demo'
        if (demo) {
          if (pagesRendering >= DEMO_RENDERS_AT_ONCE) return c.body(null, 204)
          if (pageRenders(clientAddress(c, trustProxy)) !== 0) return c.body(null, 204)
          pagesRendering += 1
        } else {
          if (rendering >= LIVE_RENDERS_AT_ONCE) return c.body(null, 204)
          rendering += 1
        }
        let rendered: Awaited<ReturnType<NonNullable<typeof serverRender>>>
        try {
          if (!(await mayRender(authorization, route.customer, route.by))) {
            return c.body(null, 204)
          }
          const configJson = await pageSettings()
          rendered = await serverRender({
            url: new URL(`${basePath.replace(/\/$/, '')}${page}`, pageUrl(c)).href,
            basename: basePath.replace(/\/$/, ''),
            configJson,
            acceptLanguage: c.req.header('Accept-Language') ?? null,
            fragment: c.req.header('X-Showcase-Settings') ?? '',
            timeZone: c.req.header('X-Showcase-Time-Zone'),
            framed: c.req.header('X-Showcase-Framed') === '1',
            authorization,
            env: c.env,
          }).catch((error: unknown) => {
            logger.warn('the first view could not be rendered', {
              requestId: c.get('requestId'),
              ...errorFields(error),
            })
            return null
          })
        } finally {
          if (demo) pagesRendering -= 1
          else rendering -= 1
        }
        if (rendered === null) return c.body(null, 204)
        const chunks = viewChunks(readManifest(distDir), route.view).map((file) => `./${file}`)
        return c.json({ ...rendered, chunks })
      })
    }
    app.get('*', dynamicCompression(), async (c) => {
      // early.js or hydrate.js by a name of an earlier build (a page sent before a deploy): the
      // current one, rather than a page, or a portal's frame, left without its code.
      const earlier = /\/assets\/(early|hydrate)-[\w-]+\.js$/.exec(c.req.path)
      if (earlier !== null) return c.redirect(`${basePath}${earlier[1]}.js`, 302)
      // A missing file is a 404; any other path is a deep link into the SPA.
      if (path.extname(c.req.path) !== '' && !c.req.path.endsWith('/index.html')) {
        return c.text('Not found', 404)
      }
      if (c.req.path.includes('/api_gateway/')) return c.notFound()
      if (!existsSync(indexHtml)) return c.text('The app is not built: run npm run build', 503)
      c.header('Cache-Control', 'no-cache')
      // A page in a frame is a portal's: demo mode renders it in the browser's request (below).
      const framed = ['iframe', 'frame'].includes(c.req.header('Sec-Fetch-Dest') ?? '')
      // (And the render speaks the browser's language: a cache must keep each language apart.)
      // (And in the browser's time zone, once it has told it: the cookie keeps each zone apart.)
      if (mode === 'demo') c.header('Vary', 'Sec-Fetch-Dest, Accept-Language, Cookie')
      let html = (await readFile(indexHtml, 'utf8')).replace(
        /<base href="[^"]*"/,
        `<base href="${basePath}"`,
      )
      // Demo mode: the first view's data, code and images start with the page. (Live mode: the
      // member is known only to the browser; public/early.js starts them there.)
      const relativePath = c.req.path.slice(basePath.length - 1).replace(/\/index\.html$/, '/')
      const route = mode === 'demo' ? routeOf(relativePath, new URL(c.req.url).searchParams) : null
      const settings = await pageSettings()
      html = withRuntimeConfig(html, settings)
      // In a portal's frame the embed snippet's settings (language, header, theme, brand) are in
      // the frame's URL fragment, which the server never sees with the page: a render here would
      // be drawn again by the browser, in another language or without its header, and move under
      // the member's eyes. early.js asks for the render with them instead, as in live mode. (Not
      // the root, which the router sends on to the demo's member: it carries its first view's data,
      // and the app draws it.)
      const renderInBrowserRequest =
        mode === 'demo' &&
        framed &&
        route !== null &&
        serverRender !== null &&
        livePageRoute(relativePath) !== null
      // Within the server's share for renders (the place taken before anything is awaited).
      const renderHere =
        route !== null &&
        serverRender !== null &&
        !renderInBrowserRequest &&
        pagesRendering < DEMO_RENDERS_AT_ONCE &&
        pageRenders(clientAddress(c, trustProxy)) === 0
      if (renderHere) pagesRendering += 1
      const rendered = !renderHere
        ? null
        : await serverRender({
            url: pageUrl(c),
            basename: basePath.replace(/\/$/, ''),
            configJson: settings,
            acceptLanguage: c.req.header('Accept-Language') ?? null,
            timeZone: browserTimeZone(c),
            env: c.env,
          })
            .catch((error: unknown) => {
              logger.warn('the first view could not be rendered', {
                requestId: c.get('requestId'),
                ...errorFields(error),
              })
              return null
            })
            .finally(() => {
              pagesRendering -= 1
            })
      if (route !== null && rendered !== null) {
        // The view is in the page; its code comes once it is on screen, for the hydration.
        html = withServerRender(
          html,
          rendered,
          viewChunks(readManifest(distDir), route.view),
          // As the browser has it: Hono's path is decoded ('%7E' reads '~'), the link would not match.
          addressOf(c.req.url),
          readPublicScripts(distDir).hydrate,
        )
      } else if (route !== null && !renderInBrowserRequest) {
        html = withFirstView(html, await firstView(api, route, readManifest(distDir), now()))
      } else if (mode === 'live' || renderInBrowserRequest) {
        // The member is the browser's to know, but the view is in the path: its code comes with
        // the page, not after the entry script has run. (The root opens the member's earned
        // badges unless the fragment asks otherwise.)
        const view = routeOf(relativePath, new URL(c.req.url).searchParams)?.view
        const chunks = view === undefined ? [] : viewChunks(readManifest(distDir), view)
        const entry = ENTRY_SCRIPT_TAG.exec(html)
        // A view's page: early.js asks for the view rendered and loads the app's code once it is
        // on screen, as hydrate.js does for a demo page; without a render, at once.
        const rendering = serverRender !== null && view !== undefined && entry !== null
        if (!rendering && chunks.length > 0) {
          html = withFirstView(html, { data: {}, chunks, images: [] })
        }
        // In place of the app's script when it loads the app itself; else deferred and just ahead
        // of it, so it always runs first. (As an async script it ran after the app's whenever that
        // arrived first: the app had by then taken the token out of the address, and early.js
        // started nothing.) Tiny, and asked for first, so the app does not wait for it in turn.
        const scripts = readPublicScripts(distDir)
        const early = rendering
          ? `<script defer fetchpriority="high" src="${scripts.early}" ${codeAttributes(entry[1] ?? '', chunks)} data-hydrate="${scripts.hydrate}"${mode === 'demo' ? ' data-demo' : ''}></script>`
          : `<script defer fetchpriority="high" src="${scripts.early}"></script>`
        html =
          rendering && entry !== null
            ? html.replace(entry[0], () => early)
            : html.includes('<script type="module"')
              ? html.replace('<script type="module"', `${early}\n    <script type="module"`)
              : html.replace('</head>', `  ${early}\n  </head>`)
      }
      return c.html(html)
    })
  }

  app.onError((error, c) => {
    logger.error('unhandled error', { requestId: c.get('requestId'), ...errorFields(error) })
    if (c.req.path.includes('/api_gateway/')) {
      return c.json(errorEnvelope(500, 'Internal server error'), 500)
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
