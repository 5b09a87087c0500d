import { type Context } from 'hono'
import { getCookie } from 'hono/cookie'
import { canonicalTimeZone } from '../src/config/time-zone.ts'

/**
 * The browser's time zone, as public/hydrate.js keeps it for the showcase's pages once a page came
 * rendered in another (demo mode: a member far from the server). The next page is rendered in it,
 * so its dates read as the browser's own render would have them, and it is taken over as it is.
 */
export const TIME_ZONE_COOKIE = 'badge-showcase-tz'

/**
 * The zone a demo page is rendered in: the browser's, by the browser's own name for it (the page
 * says which it was rendered in, and the browser compares the names), when it has told it and the
 * server can write dates in it; else the server's.
 */
export function browserTimeZone(c: Context): string | undefined {
  const zone = getCookie(c, TIME_ZONE_COOKIE)
  return zone !== undefined && canonicalTimeZone(zone) !== null ? zone : undefined
}
