import { QueryClientProvider } from '@tanstack/react-query'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { RouterProvider } from 'react-router'
import { configureBadgesApi } from './api/badges-api.ts'
import { isApiError } from './api/errors.ts'
import {
  askHostForToken,
  connectToHost,
  hasHost,
  onHostNavigate,
  tellHost,
} from './config/embed.ts'
import { appPath, memberRoute } from './config/host-route.ts'
import { fromHost } from './components/use-page-change.ts'
import { basePath, loadRuntimeConfig } from './config/load.ts'
import { setMemberToken, subscribeMemberToken, tokenMember } from './config/member-token.ts'
import { matchLocale } from './config/runtime.ts'
import { applyTheme } from './config/theme.ts'
import { setLocale, t } from './i18n/i18n.ts'
import { createQueryClient } from './query-client.ts'
import { createAppRouter, viewModules } from './router.tsx'
import './index.css'

// No top-level await: with one, the bundler splits the entry into extra chunks the page must load.
async function start() {
  const { config, problems } = await loadRuntimeConfig()
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
  connectToHost(config)
  // Setting problems are for the brand's developer: the console and the portal's error event.
  for (const problem of problems) {
    console.warn(`Badge Showcase: ${problem.setting} ${problem.message}; the default is used.`)
    tellHost({ type: 'badge-showcase:error', reason: `config:${problem.setting}` })
  }
  // Until the first view names itself: the brand's name, or a neutral one when it wants none.
  document.title = config.brandName || t('app.tabs')
  configureBadgesApi({
    baseUrl: config.apiBaseUrl || basePath(),
    // In a portal, a missing or expired member token is the portal's to renew.
    freshToken: hasHost() ? askHostForToken : undefined,
  })
  if (config.memberToken) setMemberToken(config.memberToken)

  const queryClient = createQueryClient()
  // A fresh token from the host: everything that has no data yet is fetched again with it, whether
  // it failed or is still on its way with the old token (refetching cancels that request; a query
  // being fetched again reads as pending, not failed, so "failed" alone would miss it).
  subscribeMemberToken(
    () => void queryClient.refetchQueries({ predicate: (query) => query.state.data === undefined }),
  )
  // What the portal hears of failures, by the reason a developer can act on.
  queryClient.getQueryCache().subscribe((event) => {
    if (event.type === 'updated' && event.action.type === 'error' && isApiError(event.action.error))
      tellHost({ type: 'badge-showcase:error', reason: event.action.error.reason })
  })
  Object.assign(window, {
    BadgeShowcase: { ...(window as { BadgeShowcase?: object }).BadgeShowcase, setMemberToken },
  })

  // In a portal the portal's address holds the route, so the frame keeps its own history in
  // memory: one history entry per view, the portal's, and its back button works as members expect.
  const router = createAppRouter(queryClient, basePath(), hasHost())
  // The portal notes where the member was before the new view changes the frame's height.
  let navigating = false
  router.subscribe((state) => {
    const now = state.navigation.state !== 'idle'
    if (now && !navigating) tellHost({ type: 'badge-showcase:leaving' })
    navigating = now
  })
  onHostNavigate((route) => {
    const { location } = router.state
    const member = memberRoute(location.pathname, location.search)?.member ??
      tokenMember() ?? { id: config.customer ?? '', by: config.by }
    const path = appPath(route, member)
    if (path !== `${location.pathname}${location.search}`) {
      void router.navigate(path, { state: fromHost })
    }
  })
  const root = document.getElementById('root')
  if (root === null) throw new Error('index.html has no #root element')

  createRoot(root).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </StrictMode>,
  )
}

void start()

// Fetch the other views' code once the first is up, so they open at once, and still open if the
// connection drops in the meantime.
const warmUp = () => {
  for (const load of Object.values(viewModules)) void load().catch(() => undefined)
}
if ('requestIdleCallback' in window) requestIdleCallback(warmUp, { timeout: 5_000 })
else setTimeout(warmUp, 3_000)
