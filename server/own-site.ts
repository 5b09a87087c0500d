import { type Context, type Next } from 'hono'

type Refuse = (c: Context, status: 403 | 415, message: string) => Response

/**
 * For a POST that changes something for the visitor (the emulator's clock, a proof link made in
 * their name): it comes from a script, a portal's server or the showcase's own pages, never from a
 * page on another site. A form or a "simple" fetch needs no CORS preflight (no body, or a
 * text/plain one), so any page the visitor opened could send one: JSON is required, which only a
 * preflighted request can send across sites, and a browser's cross-site request is refused.
 */
export function ownSiteJson(refuse: Refuse, what: string) {
  return async (c: Context, next: Next) => {
    const site = c.req.header('Sec-Fetch-Site')
    if (site !== undefined && site !== 'same-origin' && site !== 'none')
      return refuse(c, 403, `${what} takes requests from this site only.`)
    const type = c.req.header('Content-Type')?.split(';')[0]?.trim().toLowerCase()
    if (type !== 'application/json')
      return refuse(c, 415, 'Send the request with Content-Type: application/json.')
    await next()
  }
}
