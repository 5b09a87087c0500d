import { basePath, runtimeConfig } from './load.ts'
import { memberRoute, portalSettings, portalShareLink } from './portal-links.ts'

/**
 * The link to share for the view at `location` (the router's): inside a portal, the portal's page
 * (or the brand's template) with the route; on its own, the showcase's address, which carries no
 * token (the token never enters the address).
 */
export function shareLink(location: { pathname: string; search: string }): string {
  const { config } = runtimeConfig()
  const inPortal = memberRoute(location.pathname, location.search)
  if (config.parentOrigin !== null && inPortal !== null) {
    const link = portalShareLink(inPortal.route, portalSettings(config).settings)
    if (link !== null) return link
  }
  return new URL(`${basePath()}${location.pathname}${location.search}`, window.location.origin).href
}
