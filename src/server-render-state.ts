import { type DehydratedState } from '@tanstack/react-query'
import { type FromList } from './components/badge-link.tsx'
import { type ConfigProblem, type Locale, type RuntimeConfig } from './config/runtime.ts'

// What a page the server rendered (src/entry-server.tsx) tells the browser, in a JSON data block
// (not a script: the CSP stays as it is), so that its first render is the server's and hydrates.

export type ServerRenderState = {
  locale: Locale
  /** The time the server rendered at: the browser's first render reads the same. */
  now: number
  /**
   * Dates are formatted in it (the browser's, once it has told it; demo mode's first page is in the
   * server's): a browser in another renders for itself.
   */
  timeZone: string
  /**
   * The settings rendered with; a browser with others that change the markup (an embed snippet's
   * language or header) renders for itself (rendersAsServer).
   */
  config: RuntimeConfig
  /** The settings it could not use: demo mode notes them above the view. */
  problems: ConfigProblem[]
  /**
   * The page rendered, as the router names it (path under the mount path, and query); live mode
   * only, where the root's render is of the view early.js worked out it opens.
   */
  page?: string
  /** A badge's page: the list whose tab the render marked (src/components/home-list.tsx). */
  within?: FromList
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

/**
 * Settings that change only the look, through the page's root (its scheme and style properties,
 * src/config/theme.ts), never the markup: a browser with others takes the server's page over as it
 * is, and what the member did on it before the code came (a panel opened) stays.
 */
const LOOK_ONLY = ['theme', 'accent', 'radius'] as const satisfies (keyof RuntimeConfig)[]

/** The settings a render's markup depends on. */
function markupOf(config: RuntimeConfig): string {
  // The member token is not a setting the page shows, and never part of a render (live mode).
  const drawn = { ...config, memberToken: null }
  return JSON.stringify(drawn, (key, value: unknown) =>
    (LOOK_ONLY as readonly string[]).includes(key) ? undefined : value,
  )
}

/** The notes a render shows above the view: demo mode's only (config-problems.tsx). */
const notes = (config: RuntimeConfig, problems: ConfigProblem[] | undefined) =>
  JSON.stringify(config.demo ? (problems ?? []) : [])

/**
 * Whether this browser renders exactly what the server did, so it takes the page over as it is
 * (else it renders for itself).
 */
export function rendersAsServer(
  state: ServerRenderState,
  // (Not the origin: the page's own images are paths, the same whatever Host the server heard,
  // so a page behind a reverse proxy that rewrites Host hydrates too.)
  here: {
    locale: Locale
    config: RuntimeConfig
    problems: ConfigProblem[]
    timeZone: string
  },
): boolean {
  return (
    state.locale === here.locale &&
    state.timeZone === here.timeZone &&
    markupOf(state.config) === markupOf(here.config) &&
    notes(state.config, state.problems) === notes(here.config, here.problems)
  )
}
