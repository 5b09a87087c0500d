import { type QueryClient } from '@tanstack/react-query'
import { type createMemoryRouter } from 'react-router'
import { isApiError } from '../api/errors.ts'
import { type ExpiringBadge, expiringWithin } from '../badges/expiring.ts'
import { fromHost } from '../components/use-page-change.ts'
import { onListsJudged, onPageChange } from './host-channel.ts'
import { appPath, safeRoute } from './host-route.ts'
import { setMemberToken, tokenMember } from './member-token.ts'
import { badgeIdOf, memberRoute, portalSettings } from './portal-links.ts'
import { type ConfigProblem, type RuntimeConfig } from './runtime.ts'

// Inside the embed script's iframe, the showcase and the portal talk in messages, only with the
// exact origin the snippet named and only with the parent window:
//   to the portal:   hello, height, leaving (a new view is on its way), navigate { route, replace, height }, ready, badgeopen { badgeId },
//                    expiring { badges } (once a load), error { reason }, token-needed
//   from the portal: hello (the answer: a portal that speaks this is there), token { token },
//                    no-token, navigate { route }
// public/embed.js is the other end. Loaded only inside a portal's frame, so the showcase on its
// own does not carry it.

type ToHost =
  | { type: 'badge-showcase:hello' }
  | { type: 'badge-showcase:leaving' }
  | { type: 'badge-showcase:height'; height: number }
  | { type: 'badge-showcase:navigate'; route: string; replace: boolean; height: number }
  | { type: 'badge-showcase:ready' }
  | { type: 'badge-showcase:badgeopen'; badgeId: string }
  | { type: 'badge-showcase:expiring'; badges: ExpiringBadge[] }
  | { type: 'badge-showcase:error'; reason: string }
  | { type: 'badge-showcase:token-needed' }

// How long the showcase waits for the portal's fresh token before it says "not connected", and
// for the portal's answer to its hello (a page that frames it without the embed script never does).
const TOKEN_WAIT_MS = 60_000
const HELLO_WAIT_MS = 3_000

let host: string | null = null
let navigateTo: ((route: string) => void) | null = null
let tokenAnswer: Promise<boolean> | null = null
let answerToken: ((given: boolean) => void) | null = null
let answerHello: (() => void) | null = null
let hostAnswered: Promise<boolean> = Promise.resolve(false)

function tellHost(message: ToHost) {
  if (host !== null) window.parent.postMessage(message, host)
}

function bodyHeight(): number {
  return Math.ceil(document.body.getBoundingClientRect().height)
}

/**
 * The member token is missing or was refused: ask the portal for a fresh one. True once the portal
 * has handed one over (already set), false when it has none (or does not answer in time). One
 * question at a time, however many requests failed together.
 */
export function askHostForToken(): Promise<boolean> {
  if (host === null) return Promise.resolve(false)
  if (tokenAnswer !== null) return tokenAnswer
  const asking = new Promise<boolean>((resolve) => {
    const timer = window.setTimeout(() => settle(false), TOKEN_WAIT_MS)
    const settle = (given: boolean) => {
      window.clearTimeout(timer)
      tokenAnswer = null
      answerToken = null
      resolve(given)
    }
    answerToken = settle
  })
  tokenAnswer = hostAnswered.then((there) => {
    if (!there) {
      answerToken?.(false)
      return false
    }
    tellHost({ type: 'badge-showcase:token-needed' })
    return asking
  })
  return tokenAnswer
}

/**
 * Tell the host page how tall the showcase is (so the frame fits it, with no inner scrollbar), and
 * take fresh member tokens and routes from it.
 */
export function connectToHost(config: Pick<RuntimeConfig, 'parentOrigin'>) {
  if (config.parentOrigin === null || window.parent === window) return
  host = config.parentOrigin
  const parentOrigin = config.parentOrigin
  hostAnswered = new Promise<boolean>((resolve) => {
    const timer = window.setTimeout(() => resolve(false), HELLO_WAIT_MS)
    answerHello = () => {
      window.clearTimeout(timer)
      resolve(true)
    }
  })
  tellHost({ type: 'badge-showcase:hello' })
  let reported = 0
  const report = () => {
    const height = bodyHeight()
    if (height === reported) return
    reported = height
    tellHost({ type: 'badge-showcase:height', height })
  }
  new ResizeObserver(report).observe(document.body)
  window.addEventListener('message', (event: MessageEvent<unknown>) => {
    if (event.origin !== parentOrigin || event.source !== window.parent) return
    const data = event.data
    if (typeof data !== 'object' || data === null || !('type' in data)) return
    if (data.type === 'badge-showcase:hello') {
      answerHello?.()
    } else if (
      data.type === 'badge-showcase:token' &&
      'token' in data &&
      typeof data.token === 'string'
    ) {
      setMemberToken(data.token)
      answerToken?.(data.token.trim() !== '')
    } else if (data.type === 'badge-showcase:no-token') {
      answerToken?.(false)
    } else if (data.type === 'badge-showcase:navigate' && 'route' in data) {
      const route = safeRoute(data.route)
      if (route !== null) navigateTo?.(route)
    }
  })
}

type AppRouter = ReturnType<typeof createMemoryRouter>

/**
 * The app's side, once its router exists: the portal hears of setting problems, failures (by a
 * reason a developer can act on), each view (navigate, ready, badgeopen) and when the member leaves
 * one, and once a load the badges about to run out (expiring); the portal's back and forward open their route here.
 */
export function connectApp({
  config,
  problems,
  queryClient,
  router,
}: {
  config: Pick<
    RuntimeConfig,
    | 'customer'
    | 'by'
    | 'routeParam'
    | 'shareUrl'
    | 'hostPage'
    | 'parentOrigin'
    | 'route'
    | 'expiringWithinDays'
  >
  problems: ConfigProblem[]
  queryClient: QueryClient
  router: AppRouter
}) {
  const portal = portalSettings(config)
  for (const problem of portal.problems) {
    console.warn(`Badge Showcase: ${problem.setting} ${problem.message}; the default is used.`)
  }
  if (config.route !== null && safeRoute(config.route) === null) {
    console.warn('Badge Showcase: route must be a path inside the showcase; the default is used.')
    problems = [...problems, { setting: 'route', message: '' }]
  }
  for (const problem of [...problems, ...portal.problems]) {
    tellHost({ type: 'badge-showcase:error', reason: `config:${problem.setting}` })
  }
  queryClient.getQueryCache().subscribe((event) => {
    if (event.type === 'updated' && event.action.type === 'error' && isApiError(event.action.error))
      tellHost({ type: 'badge-showcase:error', reason: event.action.error.reason })
  })
  // The portal notes where the member was before the new view changes the frame's height.
  let navigating = false
  router.subscribe((state) => {
    const now = state.navigation.state !== 'idle'
    if (now && !navigating) tellHost({ type: 'badge-showcase:leaving' })
    navigating = now
  })
  navigateTo = (route) => {
    const { location } = router.state
    const member = memberRoute(location.pathname, location.search)?.member ??
      tokenMember() ?? { id: config.customer ?? '', by: config.by }
    const path = appPath(route, member)
    if (path !== `${location.pathname}${location.search}`) {
      void router.navigate(path, { state: fromHost })
    }
  }
  let previous: string | null = null
  // Once a load, as soon as the summary has judged the member's lists (the earned or available
  // view): the same truths the cards show, and no request of its own.
  let expiringSent = config.expiringWithinDays <= 0
  onListsJudged(({ earned, available, now, daysLeft }) => {
    if (expiringSent) return
    expiringSent = true
    const badges = expiringWithin(earned, available, now, config.expiringWithinDays, daysLeft)
    tellHost({ type: 'badge-showcase:expiring', badges })
  })
  onPageChange(({ pathname, search, first, replace }) => {
    const inPortal = memberRoute(pathname, search)
    if (inPortal !== null) {
      tellHost({
        type: 'badge-showcase:navigate',
        route: inPortal.route,
        replace,
        height: bodyHeight(),
      })
    }
    if (first) tellHost({ type: 'badge-showcase:ready' })
    const badgeId = inPortal === null ? null : badgeIdOf(inPortal.route)
    if (badgeId !== null && inPortal?.route !== previous) {
      tellHost({ type: 'badge-showcase:badgeopen', badgeId })
    }
    previous = inPortal?.route ?? null
  })
}

/**
 * The view the portal's address named, when the snippet could not open it itself (the member is
 * the token's): opened in place of `/`, before the router reads the address.
 */
export function openNamedRoute(
  config: Pick<RuntimeConfig, 'route' | 'customer' | 'by'>,
  base: string,
) {
  const route = safeRoute(config.route)
  if (route === null || window.location.pathname.replace(/\/+$/, '') !== base) return
  const member =
    tokenMember() ?? (config.customer === null ? null : { id: config.customer, by: config.by })
  if (member === null) return
  window.history.replaceState(window.history.state, '', `${base}${appPath(route, member)}`)
}
