// Answers the first view's requests from what arrived with the page, so its data does not wait for
// the script to run and ask. Two sources:
// - demo mode: the server ran the requests while sending the page and put the answers in a JSON
//   data block (#first-view-data, server/first-view.ts);
// - live mode: public/early.js, a tiny script that runs before the main one, started the requests
//   with the member token from the URL fragment (the server never sees it) and left the promises
//   in window.__badgeShowcaseEarly.
// Each answer is used once, for the very request it was made for, and only early in the page's
// life: after that the client asks the server as it always does.

export type PreloadedResponses = Record<string, { status: number; body: unknown }>

type EarlyRequest = { key: string; token: string | null; response: Promise<Response> }

const FRESH_FOR_MS = 30_000
export const DATA_BLOCK_ID = 'first-view-data'

/**
 * The same key for the same request however its query is ordered: the identifier kind (a header,
 * not in the URL), the path from /api_gateway on, and the sorted query.
 */
export function preloadKey(pathAndQuery: string, by: string | null): string {
  const url = new URL(pathAndQuery, 'http://key.invalid')
  const search = new URLSearchParams([...url.searchParams].sort(([a], [b]) => a.localeCompare(b)))
  return `${by ?? ''}|${url.pathname}${search.size > 0 ? `?${search}` : ''}`
}

let embedded: Map<string, { status: number; body: unknown }> | null = null
let early: Map<string, EarlyRequest> | null = null

function sources() {
  if (embedded === null) {
    embedded = new Map()
    const block = document.getElementById(DATA_BLOCK_ID)
    try {
      const parsed: unknown = JSON.parse(block?.textContent ?? '{}')
      if (typeof parsed === 'object' && parsed !== null) {
        for (const [key, value] of Object.entries(parsed as PreloadedResponses)) {
          if (typeof value?.status === 'number') embedded.set(key, value)
        }
      }
    } catch {
      // A damaged block costs only the head start: the requests go to the server.
    }
  }
  if (early === null) {
    early = new Map()
    const list = (window as { __badgeShowcaseEarly?: unknown }).__badgeShowcaseEarly
    if (Array.isArray(list)) {
      for (const entry of list as EarlyRequest[]) {
        if (typeof entry?.key === 'string' && entry.response instanceof Promise) {
          early.set(entry.key, entry)
        }
      }
    }
  }
  return { embedded, early }
}

/** Forgets what arrived with the page (tests; and nothing is kept once the page is old). */
export function resetPreloaded() {
  embedded = null
  early = null
}

/**
 * The answer that came with the page for this request, or null. `url` is what the client would
 * fetch; only same-origin requests under the page's base qualify.
 */
export function takePreloaded(
  url: string,
  by: string | null,
  authorization: string | null,
): Promise<Response> | null {
  // Only a page can have come with answers (not a worker, nor a test outside a browser).
  if (typeof document === 'undefined' || performance.now() > FRESH_FOR_MS) return null
  const resolved = new URL(url, document.baseURI)
  const base = new URL(document.baseURI).pathname.replace(/\/+$/, '')
  if (resolved.origin !== window.location.origin) return null
  if (!resolved.pathname.startsWith(`${base}/api_gateway/`)) return null
  const key = preloadKey(`${resolved.pathname.slice(base.length)}${resolved.search}`, by)
  const { embedded: fromPage, early: fromScript } = sources()

  const answer = fromPage.get(key)
  if (answer !== undefined) {
    fromPage.delete(key)
    return Promise.resolve(
      new Response(JSON.stringify(answer.body), {
        status: answer.status,
        headers: { 'Content-Type': 'application/json' },
      }),
    )
  }
  const started = fromScript.get(key)
  // Made with another token (the host sent a fresh one since): not this request's answer.
  if (
    started !== undefined &&
    (started.token ? `Bearer ${started.token}` : null) === authorization
  ) {
    fromScript.delete(key)
    return started.response
  }
  return null
}
