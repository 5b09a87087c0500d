import { existsSync } from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { type Hono } from 'hono'
import type { render as renderFirstView, Rendered } from '../src/entry-server.tsx'
import { DEFAULT_CUSTOMER } from '../src/config/demo.ts'
import { SERVER_RENDER_BLOCK_ID } from '../src/server-render-state.ts'
import { brandStyleHref } from './brand-style.ts'

// The first view rendered on the server (src/entry-server.tsx, built by `npm run build` into
// dist-server/), so the member's badges show before the app's script has run; the browser hydrates
// it from the data that came with it (src/main.tsx).
// - Demo mode: rendered into the page itself.
// - Live mode: the member token is in the URL fragment, which the server never sees with the page.
//   public/early.js asks for the render (GET first-view, the token in its Authorization header, as
//   on every API request: never in an address, a log or a cookie) and puts it in the page.

/** Where `npm run build` puts the server's render (outside dist/, so it is never served). */
export const SERVER_ENTRY = path.join('dist-server', 'entry-server.js')

/**
 * The data may take this long by default (SHOWCASE_RENDER_BUDGET_MS); past it the page goes without
 * the render (as before). Longer than the data block's 250 ms: a page without the render still
 * waits for the script to paint.
 */
export const RENDER_BUDGET_MS = 1_000

type Render = typeof renderFirstView
export type PageRender = (request: {
  url: string
  basename: string
  configJson: unknown
  acceptLanguage: string | null
  /** Live mode: the fragment's settings, whether the page is in a frame, and the member's token. */
  fragment?: string
  /** The browser's time zone (live mode's early.js, or demo mode's cookie); else the server's. */
  timeZone?: string
  framed?: boolean
  authorization?: string
  /**
   * The page's own request's environment (Hono's `c.env`, the browser's connection): the render's
   * API requests, made in process, count against that browser's limits as its own requests do
   * (without it, every render counted as one client, and a few a minute used up the share).
   */
  env?: unknown
}) => Promise<Rendered | null>

/** The warm-up's API: every request answered at once, in process, with an empty list. */
const noBadges: typeof fetch = () =>
  Promise.resolve(
    Response.json({ data: { badges: [], pagination: { total: 0 } }, errors: [], warnings: [] }),
  )

/**
 * The server's render over the API in process, or null when it is not built. It loads on first
 * use; a render that throws is logged by the caller and the page is sent without it.
 */
export function serverRenderer(
  root: string,
  api: Hono,
  now: () => number = Date.now,
  /** Demo mode: the warm-up may render the emulator's badges (its cards then run warm too). */
  warmUpOverApi = false,
  /** How long a render's data may take before the page goes without it. */
  budgetMs = RENDER_BUDGET_MS,
): PageRender | null {
  const file = path.join(root, SERVER_ENTRY)
  if (!existsSync(file)) return null
  const inProcessFor =
    (env?: unknown): typeof fetch =>
    (input, init) =>
      Promise.resolve(api.request(typeof input === 'string' ? input : String(input), init, env))
  const inProcess = inProcessFor()
  // Loaded and run once at start, so the first member's page does not pay for the cold start
  // (loading the module, the first render) and miss the budget. Its data never leaves the process:
  // the emulator's in demo mode; in live mode, where the API is the brand's cluster and no member
  // is asked for before one comes, an empty list.
  const loading = import(pathToFileURL(file).href).then((module: { render: Render }) => {
    void module
      .render({
        url: `http://localhost/customers/${DEFAULT_CUSTOMER}/earned`,
        basename: '',
        configJson: {},
        acceptLanguage: null,
        now: now(),
        fetch: warmUpOverApi ? inProcess : noBadges,
        budgetMs: 10_000,
      })
      .catch(() => undefined)
    return module.render
  })
  loading.catch(() => undefined)
  return async ({ authorization, env, ...request }) => {
    const render = await loading
    const asBrowser = inProcessFor(env)
    const asMember: typeof fetch =
      authorization === undefined
        ? asBrowser
        : (input, init) => {
            const headers = new Headers(init?.headers)
            headers.set('Authorization', authorization)
            return asBrowser(input, { ...init, headers })
          }
    return render({ ...request, now: now(), fetch: asMember, budgetMs })
  }
}

/** The marker after the rendered view that the first paint waits for. */
const VIEW_END_ID = 'view-end'

const escapeHtml = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

/** The app's entry script as the build puts it in index.html; its address is the first group. */
export const ENTRY_SCRIPT_TAG = /<script type="module" crossorigin src="([^"]+)"><\/script>/

/**
 * The app's code named on the script that loads it later (hydrate.js on a demo page, early.js on
 * a live one): the entry, and the view's chunks.
 */
export const codeAttributes = (entry: string, chunks: string[]) =>
  `data-entry="${escapeHtml(entry)}" data-chunks="${escapeHtml(chunks.map((file) => `./${file}`).join(' '))}"`

/** JSON that cannot end its data block ("</script>" in a badge name stays text). */
export const jsonForPage = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c')

/**
 * The page with the rendered view in #root, its language on <html>, and its state in a data block.
 * Its code (the entry and the view's chunks) is loaded by public/hydrate.js once the view is on
 * screen, rather than alongside it: the page needs no script to show, and the art and styles it
 * does need get the connection to themselves. hydrate.js itself (2 kB, asked for first and at high
 * priority, cached for good) holds the first paint as the styles do, only to read what the server
 * cannot know (the address's fragment, the browser's time zone): a page opened with other settings
 * there, or rendered in another zone, is hidden until the app has drawn it with them. (Not holding
 * it, the server's English was painted before it ran, every time: the member saw English, then
 * nothing, then Arabic.)
 *
 * The browser paints the view once all of #root is in (`<link rel="expect" blocking="render">`):
 * a phone busy parsing, or a page arriving in pieces, would otherwise paint half a view, a button
 * without its label, and move it when the rest came. The link names an empty marker right after
 * #root, not #root itself: Chromium lets the paint go once the named element is in the page, not
 * once it is whole. `address` is the page's path and query as the browser asked for it: the link
 * must name an element of this very page, and `#…` alone would name one of the <base>'s page.
 * (Browsers without rel=expect paint as they parse, as before.)
 */
export function withServerRender(
  html: string,
  rendered: Rendered,
  chunks: string[],
  address: string,
  /** hydrate.js as the build named it (readPublicScripts). */
  hydrateSrc = 'hydrate.js',
): string {
  const attributes = Object.entries(rendered.htmlAttributes)
    .map(([name, value]) => `${name}="${escapeHtml(value)}"`)
    .join(' ')
  const block = `<script type="application/json" id="${SERVER_RENDER_BLOCK_ID}">${jsonForPage(rendered.state)}</script>`
  // The brand's look, before the page shows (brand-style.ts).
  const brandHref = brandStyleHref(rendered.state.config)
  const brandSheet =
    brandHref === null ? '' : `<link rel="stylesheet" href="${escapeHtml(brandHref)}">\n    `
  return (
    html
      .replace(/<html[^>]*>/, `<html ${attributes}>`)
      // The view's own title replaces the neutral one; React keeps it once it hydrates.
      .replace(/\s*<title>[^<]*<\/title>/, (title) =>
        rendered.head.includes('<title>') ? '' : title,
      )
      .replace(
        '</head>',
        () =>
          `  ${brandSheet}<link rel="expect" href="${escapeHtml(address)}#${VIEW_END_ID}" blocking="render">\n  ${rendered.head}\n  </head>`,
      )
      .replace(
        '<div id="root"></div>',
        () => `<div id="root">${rendered.html}</div><template id="${VIEW_END_ID}"></template>`,
      )
      .replace('</body>', () => `${block}\n  </body>`)
      .replace(
        ENTRY_SCRIPT_TAG,
        (_, entry: string) =>
          `<script defer blocking="render" fetchpriority="high" src="${escapeHtml(hydrateSrc)}" ${codeAttributes(entry, chunks)} data-fragment-unseen data-time-zone="${escapeHtml(rendered.state.timeZone)}"></script>`,
      )
  )
}
