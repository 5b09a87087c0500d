import { memberToken } from '../config/member-token.ts'
import { type BadgesClient, type BadgesClientOptions, createBadgesClient } from './client.ts'
import { takePreloaded } from './preloaded.ts'

// The one client the app uses. It talks to the server the page came from (under its base path),
// which serves the Capillary paths from the emulator (demo) or proxies them for the token's
// member (live).

const withToken = (): Record<string, string> => {
  const token = memberToken()
  return token ? { Authorization: `Bearer ${token}` } : {}
}

// The first view's requests may already have their answers, sent with the page.
const fetchOrPreloaded: typeof fetch = (input, init) => {
  const headers = new Headers(init?.headers)
  const preloaded =
    typeof input === 'string'
      ? takePreloaded(input, headers.get('X-CAP-CUSTOMER-IDENTIFIER'), headers.get('Authorization'))
      : null
  return preloaded ?? globalThis.fetch(input, init)
}

let client: BadgesClient = createBadgesClient({ headers: withToken, fetch: fetchOrPreloaded })

/** Set once at start, with the page's base path. */
export function configureBadgesApi(options: Pick<BadgesClientOptions, 'baseUrl'>) {
  client = createBadgesClient({ ...options, headers: withToken, fetch: fetchOrPreloaded })
}

export const badgesApi: BadgesClient = {
  customerBadges: (...args) => client.customerBadges(...args),
  memberBadge: (...args) => client.memberBadge(...args),
  badgeMeta: (...args) => client.badgeMeta(...args),
  group: (...args) => client.group(...args),
}
