import { anotherTokenThan, memberToken } from '../config/member-token.ts'
import { type BadgesClient, type BadgesClientOptions, createBadgesClient } from './client.ts'
import { takePreloaded } from './preloaded.ts'
import { isApiError } from './errors.ts'

// The one client the app uses. It talks to the server the page came from (under its base path),
// which serves the Capillary paths from the emulator (demo) or proxies them for the token's
// member (live).

const withToken = (): Record<string, string> => {
  const token = memberToken()
  return token ? { Authorization: `Bearer ${token}` } : {}
}

/** The answer, unless the request is given up first (the client's timeout, or React Query's). */
function unlessAborted(answer: Promise<Response>, signal: AbortSignal | null | undefined) {
  if (!signal) return answer
  return new Promise<Response>((resolve, reject) => {
    const abort = () => reject(signal.reason)
    if (signal.aborted) return abort()
    signal.addEventListener('abort', abort, { once: true })
    answer.then(resolve, reject).finally(() => signal.removeEventListener('abort', abort))
  })
}

// The first view's requests may already have their answers, sent with the page. An answer
// early.js started obeys the request's timeout like any other: a stalled one is reported as slow.
const fetchOrPreloaded: typeof fetch = (input, init) => {
  const headers = new Headers(init?.headers)
  const preloaded =
    typeof input === 'string'
      ? takePreloaded(input, headers.get('X-CAP-CUSTOMER-IDENTIFIER'), headers.get('Authorization'))
      : null
  return preloaded ? unlessAborted(preloaded, init?.signal) : globalThis.fetch(input, init)
}

let client: BadgesClient = createBadgesClient({ headers: withToken, fetch: fetchOrPreloaded })
let freshToken: (() => Promise<boolean>) | null = null

export type BadgesApiOptions = Pick<BadgesClientOptions, 'baseUrl'> & {
  /** How requests travel; the server's render asks its own API in process. */
  fetch?: typeof fetch
  /**
   * Asked when a request is refused for want of a valid member token (401): resolves true once a
   * fresh token is set, false when there is none. Without it a 401 fails at once.
   */
  freshToken?: () => Promise<boolean>
}

/** Set once at start, with the page's base path. */
export function configureBadgesApi({
  freshToken: ask,
  fetch = fetchOrPreloaded,
  ...options
}: BadgesApiOptions) {
  client = createBadgesClient({ ...options, headers: withToken, fetch })
  freshToken = ask ?? null
}

/**
 * Live mode opened with no member token and no member named (a portal that hands the token over
 * only when asked): asks the host for one. True once one is set.
 */
export async function askForToken(): Promise<boolean> {
  return freshToken === null ? false : freshToken()
}

/**
 * A call refused for its member token is tried once more: with another token, if one arrived while
 * it was on its way (from a portal, or a page of the brand's own through
 * BadgeShowcase.setMemberToken), else with a fresh one from the host, if it has one. `refused`
 * says which failures are a refused token.
 */
export async function withFreshToken<T>(
  call: () => Promise<T>,
  refused: (error: unknown) => boolean = isNotConnected,
): Promise<T> {
  const sent = memberToken()
  try {
    return await call()
  } catch (error) {
    if (!refused(error)) throw error
    if (anotherTokenThan(sent)) return call()
    if (freshToken === null || !(await freshToken())) throw error
    return call()
  }
}

const isNotConnected = (error: unknown) => isApiError(error) && error.reason === 'not-connected'

export const badgesApi: BadgesClient = {
  customerBadges: (...args) => withFreshToken(() => client.customerBadges(...args)),
  memberBadge: (...args) => withFreshToken(() => client.memberBadge(...args)),
  badgeMeta: (...args) => withFreshToken(() => client.badgeMeta(...args)),
  group: (...args) => withFreshToken(() => client.group(...args)),
}
