import { type Customer } from '../api/client.ts'

// The showcase's place, as the portal's own address carries it (`?badges=/badges/6650…`): a route
// relative to the member, so a shared link opens the same badge for whoever is signed in on the
// portal, and never names the member who shared it.

const MAX_ROUTE = 512
const MEMBER_PATH = /^\/customers\/([^/]+)(\/[^?]*)?$/

/**
 * A route as it arrives in a portal's address, or null when it is anything but a path inside this
 * app: one leading slash (so no `//host`), no scheme, no backslash, no whitespace or control
 * characters, no fragment, no `.` or `..` segment (encoded or not).
 */
export function safeRoute(value: unknown): string | null {
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_ROUTE) return null
  if (!/^\/(?![/\\])[^\\#\s]*$/.test(value)) return null
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  if (/[\u0000-\u001f\u007f]/.test(value)) return null
  const path = value.split('?')[0] ?? ''
  for (const segment of path.split('/')) {
    let decoded: string
    try {
      decoded = decodeURIComponent(segment)
    } catch {
      return null
    }
    if (decoded === '.' || decoded === '..' || /[/\\]/.test(decoded)) return null
  }
  const base = 'https://showcase.invalid/app/'
  try {
    return new URL(value, base).origin === new URL(base).origin ? value : null
  } catch {
    return null
  }
}

/** The member-relative route of an app path (`/customers/62090013/badges/x?by=…` → `/badges/x`). */
export function memberRoute(
  pathname: string,
  search: string,
): { route: string; member: Customer } | null {
  const match = MEMBER_PATH.exec(pathname)
  if (match === null) return null
  let id: string
  try {
    id = decodeURIComponent(match[1] ?? '')
  } catch {
    return null
  }
  const params = new URLSearchParams(search)
  const by = params.get('by')
  params.delete('by')
  const query = params.toString()
  const rest = match[2] && match[2] !== '/' ? match[2] : '/earned'
  return { route: `${rest}${query ? `?${query}` : ''}`, member: { id, by: by || null } }
}

/** The app path of a member-relative route, for the given member (keeping `?by=`). */
export function appPath(route: string, member: Customer): string {
  const [path = '/', query = ''] = route.split(/\?(.*)/s)
  const params = new URLSearchParams(query)
  if (member.by) params.set('by', member.by)
  else params.delete('by')
  const search = params.toString()
  return `/customers/${encodeURIComponent(member.id)}${path === '/' ? '/earned' : path}${search ? `?${search}` : ''}`
}

/** The badge a route opens, if it is a badge's page. */
export function badgeIdOf(route: string): string | null {
  const match = /^\/badges\/([^/?]+)\/?(\?|$)/.exec(route)
  if (match === null) return null
  try {
    return decodeURIComponent(match[1] ?? '')
  } catch {
    return null
  }
}

export type ShareSettings = {
  /** The portal page the showcase is embedded in (origin and path, as the embed script sent it). */
  hostPage: string | null
  parentOrigin: string | null
  routeParam: string
  /** The brand's own link template, with `{route}` where the route goes. */
  shareUrl: string | null
}

/**
 * The link a member shares from inside a portal: the brand's template, or the portal page with
 * the route in its parameter. Never the showcase's own address (which needs the member's token),
 * and never the portal's other query parameters or fragment, which may carry its session.
 * Null when the showcase is not in a portal it can name.
 */
export function portalShareLink(route: string, settings: ShareSettings): string | null {
  if (settings.shareUrl !== null) {
    return settings.shareUrl.replaceAll('{route}', encodeURIComponent(route))
  }
  if (settings.hostPage === null || settings.parentOrigin === null) return null
  let page: URL
  try {
    page = new URL(settings.hostPage)
  } catch {
    return null
  }
  if (page.origin !== settings.parentOrigin) return null
  page.search = ''
  page.hash = ''
  const query = new URLSearchParams()
  query.set(settings.routeParam, route)
  // Slashes need no escaping in a query: the link reads ?badges=/badges/6650…, as the address does.
  page.search = query.toString().replace(/%2F/gi, '/')
  return page.href
}
