import { type Customer } from '../badges/member.ts'

// What the portal hears of a view, and the links it is shared by (the member-relative routes of
// host-route.ts). Loaded with the portal bridge and the share button, not with the first view.

const MEMBER_PATH = /^\/customers\/([^/]+)(\/[^?]*)?$/

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

/** The portal's settings the embed script passed, checked: what can be used, and what cannot. */
export function portalSettings(config: {
  routeParam: string
  shareUrl: string | null
  hostPage: string | null
  parentOrigin: string | null
}): { settings: ShareSettings; problems: Array<{ setting: string; message: string }> } {
  const problems: Array<{ setting: string; message: string }> = []
  const routeParam = /^[A-Za-z][\w-]{0,31}$/.test(config.routeParam) ? config.routeParam : null
  if (routeParam === null) {
    problems.push({ setting: 'routeParam', message: 'must be a query parameter name like badges' })
  }
  let shareUrl: string | null = null
  if (config.shareUrl !== null) {
    shareUrl =
      isWebUrl(config.shareUrl) && config.shareUrl.includes('{route}') ? config.shareUrl : null
    if (shareUrl === null) {
      problems.push({
        setting: 'shareUrl',
        message:
          'must be an http(s) URL with {route} in it, like https://brand.example/r?b={route}',
      })
    }
  }
  const hostPage = config.hostPage !== null && isWebUrl(config.hostPage) ? config.hostPage : null
  return {
    settings: {
      routeParam: routeParam ?? 'badges',
      shareUrl,
      // Without the page (an older embed script), the portal's home rather than our own address.
      hostPage: hostPage ?? (config.parentOrigin === null ? null : `${config.parentOrigin}/`),
      parentOrigin: config.parentOrigin,
    },
    problems,
  }
}

function isWebUrl(value: string): boolean {
  try {
    const { protocol } = new URL(value)
    return protocol === 'https:' || protocol === 'http:'
  } catch {
    return false
  }
}
