import { AsyncLocalStorage } from 'node:async_hooks'
import { dehydrate, type Query, type QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { createElement, StrictMode, Suspense } from 'react'
import { renderToString } from 'react-dom/server'
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from 'react-router'
import { configureBadgesApi } from './api/badges-api.ts'
import { AppStarted } from './components/app-started.tsx'
import { type FromList } from './components/badge-link.tsx'
import { startWithinList, toldList } from './components/home-list.tsx'
import { lateParts } from './components/part.tsx'
import { startClockAt } from './components/use-now.ts'
import { portalOnlySettings, readConfigFile, setRuntimeConfig } from './config/load.ts'
import { accentInks } from './config/accent-ink.ts'
import { setServerOrigin } from './config/page-origin.ts'
import { brandProperties } from './config/theme.ts'
import { canonicalTimeZone } from './config/time-zone.ts'
import {
  defaultConfig,
  fragmentSettings,
  type Locale,
  matchLocale,
  readSettings,
  type RuntimeConfig,
} from './config/runtime.ts'
import { setFormatTimeZone } from './components/format.ts'
import { ar } from './i18n/ar.ts'
import { type Messages } from './i18n/en.ts'
import { fr } from './i18n/fr.ts'
import { setLocale } from './i18n/i18n.ts'
import { createQueryClient } from './query-client.ts'
import { appRoutes } from './router.tsx'
import { pageUnder, type ServerRenderState } from './server-render-state.ts'

// The server's render of the first view (demo mode, server/server-render.ts): the same routes,
// loaders and queries as the browser's, run against the API in process, rendered to HTML the
// browser shows before any script has run, and hydrated there (main.tsx) from the same data.

export type RenderInput = {
  /** The page's address as the browser asked for it. */
  url: string
  /** Where the showcase is mounted, '' at the root. */
  basename: string
  /** config.json's content, as the browser would read it. */
  configJson: unknown
  acceptLanguage: string | null
  /**
   * Rendered for early.js (live mode, and demo mode in a frame): the embed snippet's settings from
   * the page's URL fragment (the member token left out), as the browser reads them; and the
   * browser's time zone, which dates are written in.
   */
  fragment?: string
  timeZone?: string
  /** The page is in a frame, which the browser counts as embedded whatever its settings. */
  framed?: boolean
  now: number
  /** The server's API in process (live mode: with the member's token on every request). */
  fetch: typeof fetch
  /** How long the data may take; past it the page is sent without the render. */
  budgetMs: number
}

export type Rendered = {
  /** What React hoists to the document's head (the page's title, its images' preloads). */
  head: string
  html: string
  htmlAttributes: { lang: Locale; dir: 'ltr' | 'rtl'; 'data-theme': string }
  /**
   * The brand's look (accent and its readable variants, radius, font) as CSS custom properties
   * for the page's root, as the app sets them (config/theme.ts); empty for the showcase's own.
   */
  htmlStyle: Array<[string, string]>
  state: ServerRenderState
}

const catalogs: Record<Locale, Messages | undefined> = { en: undefined, fr, ar }

/** The Accept-Language header's languages, most wanted first (as navigator.languages lists them). */
export function acceptedLanguages(header: string | null): string[] {
  if (header === null) return []
  return header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';')
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean)
      return { tag: tag.trim(), q: q === undefined ? 1 : Number(q), index }
    })
    .filter(({ tag, q }) => tag !== '' && tag !== '*' && q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index)
    .map(({ tag }) => tag)
}

/** The language the browser will choose (main.tsx): the configured one, else the browser's. */
export function renderLocale(config: RuntimeConfig, acceptLanguage: string | null): Locale {
  const accepted = acceptedLanguages(acceptLanguage)
  return config.locale ?? accepted.map(matchLocale).find((match) => match !== null) ?? 'en'
}

// setLocale writes the document's lang and dir; on the server they go into the page's <html>.
const htmlStandIn = () => ({ lang: '', dir: '' }) as unknown as HTMLElement

type Enabled = boolean | ((query: Query) => boolean) | undefined

function isEnabled(query: Query): boolean {
  const enabled = (query.options as { enabled?: Enabled }).enabled
  return typeof enabled === 'function' ? enabled(query) : enabled !== false
}

/** Waits until no query is on its way, or the deadline passes (false). */
async function settled(queryClient: QueryClient, deadline: number): Promise<boolean> {
  while (queryClient.isFetching() > 0) {
    if (Date.now() > deadline) return false
    await new Promise((resolve) => setTimeout(resolve, 1))
  }
  return true
}

const MAX_PASSES = 4

// The parts whose code the browser loads later are rendered with their content on every page, the
// first after a start included. React's lazy resolves only once a render has tried it, so each is
// tried once, off any page, and its code awaited. (A route's own code loads with its first page, so
// its parts are found then.)
const latePartsLoaded = new Map<ReturnType<typeof lateParts>[number], Promise<unknown>>()
function loadLateParts() {
  for (const part of lateParts()) {
    if (latePartsLoaded.has(part)) continue
    renderToString(<Suspense fallback={null}>{createElement(part.Component)}</Suspense>)
    // A part whose code fails to load renders its fallback, as in the browser; pages still render.
    latePartsLoaded.set(
      part,
      part
        .load()
        .catch(() => undefined)
        .then(() => new Promise((resolve) => setTimeout(resolve, 0))),
    )
  }
  return Promise.all(latePartsLoaded.values())
}

// The API client is one per process, and renders interleave while they wait for data: each request
// goes out through the fetch of the render it belongs to (live mode: that member's token), whichever
// render set the client up last.
const renderFetch = new AsyncLocalStorage<typeof fetch>()
const fetchOfThisRender: typeof fetch = (input, init) => {
  const own = renderFetch.getStore()
  if (own === undefined) return Promise.reject(new Error('a request outside any render'))
  return own(input, init)
}

/**
 * The first view as HTML, or null when the server cannot render what the browser will (a setting
 * the server cannot reproduce, a redirect, an error, data too slow): the page is then sent as before.
 */
export function render(input: RenderInput): Promise<Rendered | null> {
  return renderFetch.run(input.fetch, () => renderPage(input))
}

async function renderPage(input: RenderInput): Promise<Rendered | null> {
  const file = readConfigFile(input.configJson)
  const settings = fragmentSettings(input.fragment ?? '')
  // The token is never part of a render: it stays in the request's header, not in the page.
  delete settings.memberToken
  // A portal's words only inside a frame, as the browser reads them (load.ts): outside one, such a
  // page is the browser's to draw (it leaves them out and says why), never the server's with them.
  if (input.framed !== true && portalOnlySettings(settings).length > 0) return null
  const snippet = readSettings(settings, 'the embed snippet')
  const config: RuntimeConfig = { ...defaultConfig, ...file.settings, ...snippet.settings }
  // As the browser counts it: the embed script's frame, or any frame early.js says it is in.
  config.embedded = config.parentOrigin !== null || input.framed === true
  // The browser's time zone, as it names it (the state says it back; main.tsx compares), and the
  // zone's one name for the formatters.
  const timeZone = input.timeZone
  const formatZone = timeZone === undefined ? undefined : canonicalTimeZone(timeZone)
  if (formatZone === null) return null
  // The brand's colour, corners and font: the page gets them before it shows (server-render.ts).
  const htmlStyle = brandProperties(
    config,
    config.accent === null ? null : accentInks(config.accent),
  ).filter((entry): entry is [string, string] => entry[1] !== null)
  const loaded = { config, problems: [...file.problems, ...snippet.problems] }
  const locale = renderLocale(config, input.acceptLanguage)
  const pageUrl = new URL(input.url)
  const origin = pageUrl.origin
  const queryClient = createQueryClient()
  // A failure is the browser's to retry and explain; the server only renders what succeeded.
  queryClient.setDefaultOptions({
    queries: { ...queryClient.getDefaultOptions().queries, retry: false },
  })
  configureBadgesApi({ baseUrl: '', fetch: fetchOfThisRender })
  const html = htmlStandIn()
  // The list a badge's page belongs to, as the page told it in the pass before (its tabs render
  // above it, so they learn it on the next pass).
  let within: FromList | null = null
  // The one the markup kept was rendered with: the state tells the browser that one.
  let marked: FromList | null = null
  // The app reads these from modules; one process renders many pages, so each render sets them
  // right before it runs (renderToString is synchronous: no other render can come in between).
  const prepare = () => {
    setRuntimeConfig(loaded)
    setLocale(locale, html, catalogs[locale])
    startClockAt(input.now)
    setServerOrigin(origin)
    setFormatTimeZone(formatZone)
    startWithinList(within)
  }
  prepare()
  const handler = createStaticHandler(appRoutes(queryClient), { basename: input.basename || '/' })
  const context = await handler.query(new Request(input.url))
  if (context instanceof Response || context.errors !== null || context.statusCode !== 200) {
    return null
  }
  await loadLateParts()
  const router = createStaticRouter(handler.dataRoutes, context)
  const app = (
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <StaticRouterProvider router={router} context={context} hydrate={false} />
      </QueryClientProvider>
      <AppStarted />
    </StrictMode>
  )

  // Each render may name queries the loaders did not start (a group's name, a member's record):
  // fetch those and render again, until the view has everything its first screen reads. A badge's
  // page that names its list renders once more, for the tabs.
  const deadline = Date.now() + input.budgetMs
  let markup = ''
  try {
    for (let pass = 0; pass < MAX_PASSES; pass += 1) {
      if (!(await settled(queryClient, deadline))) return null
      prepare()
      markup = renderToString(app)
      marked = within
      const told = toldList()
      const missing = queryClient
        .getQueryCache()
        .findAll({ predicate: (query) => query.state.data === undefined && isEnabled(query) })
      if (missing.length === 0 && told === within) break
      within = told
      if (missing.some((query) => query.state.status === 'error')) return null
      for (const query of missing) {
        if (query.state.fetchStatus === 'idle') void query.fetch().catch(() => undefined)
      }
    }
    const failed = queryClient
      .getQueryCache()
      .findAll({ predicate: (query) => query.state.status === 'error' && isEnabled(query) })
    if (failed.length > 0) return null
    // Rendered alone (not as a whole document), React puts what belongs in the head first.
    const [, head = '', body = ''] =
      /^((?:<link[^>]*>|<meta[^>]*>|<title>[^<]*<\/title>)*)([\s\S]*)$/.exec(markup) ?? [
        '',
        '',
        markup,
      ]
    return {
      head,
      html: body,
      htmlAttributes: {
        lang: locale,
        dir: locale === 'ar' ? 'rtl' : 'ltr',
        'data-theme': config.theme,
      },
      htmlStyle,
      state: {
        locale,
        now: input.now,
        timeZone: timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone,
        config,
        problems: loaded.problems,
        ...(input.fragment !== undefined && {
          page: pageUnder(input.basename, pageUrl.pathname, pageUrl.search),
        }),
        ...(marked !== null && { within: marked }),
        queries: dehydrate(queryClient),
      },
    }
  } finally {
    queryClient.clear()
  }
}
