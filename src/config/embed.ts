import { setMemberToken } from './member-token.ts'
import { safeRoute } from './host-route.ts'
import { type RuntimeConfig } from './runtime.ts'

// Inside the embed script's iframe, the showcase and the portal talk in messages, only with the
// exact origin the snippet named and only with the parent window:
//   to the portal:   hello, height, leaving (a new view is on its way), navigate { route, replace, height }, ready, badgeopen { badgeId },
//                    error { reason }, token-needed
//   from the portal: hello (the answer: a portal that speaks this is there), token { token },
//                    no-token, navigate { route }
// public/embed.js is the other end.

type ToHost =
  | { type: 'badge-showcase:hello' }
  | { type: 'badge-showcase:leaving' }
  | { type: 'badge-showcase:height'; height: number }
  | { type: 'badge-showcase:navigate'; route: string; replace: boolean; height: number }
  | { type: 'badge-showcase:ready' }
  | { type: 'badge-showcase:badgeopen'; badgeId: string }
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

/** Whether the showcase runs in a portal's frame that the embed script set up. */
export function hasHost(): boolean {
  return host !== null
}

export function tellHost(message: ToHost) {
  if (host !== null) window.parent.postMessage(message, host)
}

export function bodyHeight(): number {
  return Math.ceil(document.body.getBoundingClientRect().height)
}

/** What to do when the portal's address changes (back, forward): open that route. */
export function onHostNavigate(handler: (route: string) => void) {
  navigateTo = handler
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
