import { QueryClientProvider } from '@tanstack/react-query'
import { startTransition, StrictMode } from 'react'
import { createRoot, hydrateRoot } from 'react-dom/client'
import { RouterProvider } from 'react-router'
import { AppStarted } from './components/app-started.tsx'
import { startWithinList } from './components/home-list.tsx'
import { keepPlaceAt } from './components/keep-place.tsx'
import { oneTapPerPlace } from './components/one-tap.ts'
import { startClockAt } from './components/use-now.ts'
import { configureBadgesApi } from './api/badges-api.ts'
import { basePath, loadRuntimeConfig } from './config/load.ts'
import { setMemberToken, subscribeMemberToken } from './config/member-token.ts'
import { matchLocale } from './config/runtime.ts'
import { applyTheme, type Inks } from './config/theme.ts'
import { currentLocale, setLocale, t } from './i18n/i18n.ts'
import { createQueryClient } from './query-client.ts'
import { answersLanded } from './queries/first-answer.ts'
import { createAppRouter, viewModules } from './router.tsx'
import { pageUnder, rendersAsServer, serverRenderState } from './server-render-state.ts'
import './index.css'

/** The longest the first render waits for answers already on their way (see below). */
const FIRST_ANSWERS_MS = 50

// No top-level await: with one, the bundler splits the entry into extra chunks the page must load.
async function start() {
  // Evaluating the script is one long task already; starting the app (settings, router, first
  // render) is another, after the browser has had a turn, rather than the same one made longer.
  await new Promise((resolve) => setTimeout(resolve, 0))
  const { config, problems } = await loadRuntimeConfig()
  // In a portal's frame (the embed script's): the bridge to the portal, fetched alongside the
  // language, and only there.
  const inPortal = config.parentOrigin !== null && window.parent !== window
  const bridgeLoading = inPortal
    ? import('./config/embed.ts').catch(() => null)
    : Promise.resolve(null)
  // The brand colour's readable variants, computed by a small module only brands with one load.
  const accent = config.accent
  const inksLoading =
    accent === null
      ? null
      : import('./config/accent-ink.ts').then(
          (module) => module.accentInks(accent),
          () => null,
        )
  applyTheme(config, document.documentElement)
  // The configured language, else the browser's, else English; loaded before the first render.
  const locale =
    config.locale ?? navigator.languages.map(matchLocale).find((match) => match !== null) ?? 'en'
  const catalogs = {
    fr: async () => (await import('./i18n/fr.ts')).fr,
    ar: async () => (await import('./i18n/ar.ts')).ar,
  }
  try {
    const catalog = locale === 'en' ? undefined : await catalogs[locale]()
    setLocale(locale, document.documentElement, catalog)
  } catch {
    // The language's messages did not load: English rather than nothing.
    setLocale('en', document.documentElement)
  }
  const bridge = await bridgeLoading
  // A page the server rendered carries the data it rendered with: the first render reads it too.
  const rendered = serverRenderState()
  // A page the server rendered for this accent came with its inks (brand.css, or early.js): the
  // app's own are set when they are computed, without holding up the hydration. Otherwise the
  // first render waits for them, so it is drawn in the brand's colours.
  if (inksLoading !== null) {
    const apply = (inks: Inks | null) => applyTheme(config, document.documentElement, inks)
    if (rendered?.config.accent === accent) void inksLoading.then(apply)
    else apply(await inksLoading)
  }
  bridge?.connectToHost(config)
  // Setting problems are for the brand's developer: the console and the portal's error event.
  for (const problem of problems) {
    console.warn(`Badge Showcase: ${problem.setting} ${problem.message}; the default is used.`)
  }
  // Until the first view names itself: the brand's name, or a neutral one when it wants none.
  document.title = config.brandName || t('app.tabs')
  configureBadgesApi({
    baseUrl: basePath(),
    // In a portal, a missing or expired member token is the portal's to renew.
    freshToken: bridge?.askHostForToken,
  })
  if (config.memberToken) setMemberToken(config.memberToken)

  const queryClient = createQueryClient()
  // (Set one by one: React Query's own hydrate() would add a kilobyte to the entry for the same.)
  for (const { queryKey, state } of rendered?.queries.queries ?? []) {
    queryClient.setQueryData(queryKey, state.data, { updatedAt: state.dataUpdatedAt })
  }
  // A fresh token from the host: everything that has no data yet is fetched again with it, whether
  // it failed or is still on its way with the old token (a query being fetched again reads as
  // pending, not failed, so "failed" alone would miss it). React Query lets a request still on its
  // way with no data yet run on rather than cancel it; if the old token is refused, the client
  // asks again with the new one (badges-api.ts).
  subscribeMemberToken(
    () => void queryClient.refetchQueries({ predicate: (query) => query.state.data === undefined }),
  )
  Object.assign(window, {
    BadgeShowcase: { ...(window as { BadgeShowcase?: object }).BadgeShowcase, setMemberToken },
  })

  // In a portal the portal's address holds the route, so the frame keeps its own history in
  // memory: one history entry per view, the portal's, and its back button works as members expect.
  bridge?.openNamedRoute(config, basePath())
  const router = createAppRouter(queryClient, basePath(), inPortal)
  bridge?.connectApp({ config, problems, queryClient, router })
  oneTapPerPlace(router)
  const root = document.getElementById('root')
  if (root === null) throw new Error('index.html has no #root element')

  const app = (
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
      <AppStarted />
    </StrictMode>
  )
  const here = {
    locale: currentLocale(),
    config,
    problems,
    timeZone: browserTimeZone(),
  }
  if (rendered !== null && root.firstChild !== null && rendersAsServer(rendered, here)) {
    // The server's HTML is on screen: take it over as it is. The first render must be the server's,
    // so it waits for the route's code (preloaded with the page) and reads the server's clock.
    await routerReady(router)
    // (Live mode's root opens a view the page's render had to work out: the same one, or not.)
    const { pathname, search } = router.state.location
    if (rendered.page === undefined || rendered.page === pageUnder(basePath(), pathname, search)) {
      // (A demo's clock is the emulator's, which may have been moved on: kept.)
      startClockAt(rendered.now, config.demo)
      // The tab the server marked for a badge's page.
      startWithinList(rendered.within ?? null)
      // The member may have scrolled the server's page already: the router leaves it there.
      keepPlaceAt(router.state.location.key)
      // As a transition, the hydration yields to the browser every few milliseconds (a default
      // update runs in one piece): a tap or a scroll during it is answered, and no task runs long.
      startTransition(() => {
        hydrateRoot(root, app, {
          // A page that does not match is rendered again by the browser; say so, it is a bug.
          onRecoverableError: (error) =>
            console.error('Badge Showcase: the server-rendered page did not match.', error),
        })
      })
      return
    }
  }
  // Anything the server could not know (the embed snippet's settings, another language or time
  // zone): this browser renders for itself, replacing what the server sent. (Not as a transition:
  // inside a portal's frame that left the first view pending while the frame was busy; the page is
  // blank until this render anyway.) Answers already here land first, if they can within a few
  // tens of milliseconds: the view is then drawn with them, not as a skeleton React would keep
  // for 300 ms (in Chromium at 4× CPU, live LCP 1148 → 996 ms, median of 6).
  await Promise.race([
    routerReady(router).then(() => answersLanded(queryClient, FIRST_ANSWERS_MS)),
    new Promise((resolve) => setTimeout(resolve, FIRST_ANSWERS_MS)),
  ])
  createRoot(root).render(app)
}

/**
 * The browser's time zone, named as public/early.js names it when it asks for the server's render:
 * with Temporal where there is one. (The two names can differ for the same zone: Chromium's GMT is
 * "UTC" to Temporal and "+00:00" to the date formatting, and the render would be drawn again.)
 */
function browserTimeZone(): string {
  try {
    const temporal = (globalThis as { Temporal?: { Now: { timeZoneId(): unknown } } }).Temporal
    const zone = temporal?.Now.timeZoneId()
    if (typeof zone === 'string') return zone
  } catch {
    // The date formatting's name below.
  }
  return Intl.DateTimeFormat().resolvedOptions().timeZone
}

/** Resolves once the router has run its first loaders and loaded the route's code. */
function routerReady(router: ReturnType<typeof createAppRouter>): Promise<void> {
  if (router.state.initialized) return Promise.resolve()
  return new Promise((resolve) => {
    const unsubscribe = router.subscribe((state) => {
      if (!state.initialized) return
      unsubscribe()
      resolve()
    })
  })
}

void start()

// Fetch the other views' code once the first is up, so they open at once, and still open if the
// connection drops in the meantime.
const warmUp = () => {
  for (const load of Object.values(viewModules)) void load().catch(() => undefined)
}
if ('requestIdleCallback' in window) requestIdleCallback(warmUp, { timeout: 5_000 })
else setTimeout(warmUp, 3_000)
