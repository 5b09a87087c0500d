import { type DehydratedState } from '@tanstack/react-query'
import { type Locale, type RuntimeConfig } from './config/runtime.ts'

// What a page the server rendered (src/entry-server.tsx) tells the browser, in a JSON data block
// (not a script: the CSP stays as it is), so that its first render is the server's and hydrates.

export type ServerRenderState = {
  locale: Locale
  /** The time the server rendered at: the browser's first render reads the same. */
  now: number
  /** Dates are formatted in it; a browser elsewhere renders for itself. */
  timeZone: string
  /** The settings rendered with; a browser with others (an embed snippet's) renders for itself. */
  config: RuntimeConfig
  /**
   * The page rendered, as the router names it (path under the mount path, and query); live mode
   * only, where the root's render is of the view early.js worked out it opens.
   */
  page?: string
  /** The queries the render read, as React Query dehydrates them. */
  queries: DehydratedState
}

export const SERVER_RENDER_BLOCK_ID = 'server-render'

/**
 * A page as the state names it (`page`): the path under the mount path, and the query. The
 * server's render and the browser's router are compared by it, so both sides use this one.
 */
export function pageUnder(base: string, pathname: string, search: string): string {
  const path =
    pathname === base || pathname.startsWith(`${base}/`) ? pathname.slice(base.length) : pathname
  return `${path || '/'}${search}`
}

/** The server's render state from the page, or null for a page the server did not render. */
export function serverRenderState(): ServerRenderState | null {
  const block = document.getElementById(SERVER_RENDER_BLOCK_ID)
  if (block === null) return null
  try {
    const state = JSON.parse(block.textContent ?? '') as ServerRenderState
    return typeof state?.now === 'number' && typeof state.queries === 'object' ? state : null
  } catch {
    return null
  }
}

/** Whether this browser renders exactly what the server did (else it renders for itself). */
export function rendersAsServer(
  state: ServerRenderState,
  // (Not the origin: the page's own images are paths, the same whatever Host the server heard,
  // so a page behind a reverse proxy that rewrites Host hydrates too.)
  here: { locale: Locale; config: RuntimeConfig; timeZone: string },
): boolean {
  return (
    state.locale === here.locale &&
    state.timeZone === here.timeZone &&
    // The member token is not a setting the page shows, and never part of a render (live mode).
    JSON.stringify({ ...state.config, memberToken: null }) ===
      JSON.stringify({ ...here.config, memberToken: null })
  )
}
