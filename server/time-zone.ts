import { getCookie } from 'hono/cookie'
import { type Context } from 'hono'

/**
 * The browser's time zone, as public/hydrate.js keeps it for the showcase's pages once a page came
 * rendered in another (demo mode: a member far from the server). The next page is rendered in it,
 * so its dates read as the browser's own render would have them, and it is taken over as it is.
 */
export const TIME_ZONE_COOKIE = 'badge-showcase-tz'

/** The zone a demo page is rendered in: the browser's, when it has told it; else the server's. */
export function browserTimeZone(c: Context): string | undefined {
  const zone = getCookie(c, TIME_ZONE_COOKIE)
  if (zone === undefined || zone.length > 64) return undefined
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone })
    return zone
  } catch {
    // Not a zone this server knows: rendered in its own, and the browser draws the page itself.
    return undefined
  }
}
