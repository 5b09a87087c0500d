import { QueryClient } from '@tanstack/react-query'
import { DEFAULT_TIMEOUT_MS } from './api/client.ts'
import { isApiError } from './api/errors.ts'

// The member hears of a failure within 15 s of network time, whatever the failure (a phone busy
// elsewhere adds its own delay): only failures that came back fast are retried, twice at most with
// short pauses, and a slow answer (the server's 504 or the client's own timeout) is never retried,
// since trying again would double the wait. Worst case: two fast failures, both pauses, then one
// attempt that runs to the client's timeout.
export const MAX_RETRIES = 2
export const FAST_FAILURE_MS = 1_000
const MAX_DELAY_MS = 1_000
// (A pause is the backoff's, or the server's Retry-After when it asks for longer, up to the cap.)
export const WORST_CASE_WAIT_MS =
  MAX_RETRIES * (FAST_FAILURE_MS + MAX_DELAY_MS) + DEFAULT_TIMEOUT_MS

/**
 * Retry only what can pass by itself and failed fast: server errors, 429, network failures; but not
 * a network failure while the browser knows it is offline, so the member hears of it at once.
 */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (!isApiError(error) || !error.retryable || failureCount >= MAX_RETRIES) return false
  if (error.reason === 'slow' || error.reason === 'timeout') return false
  // Asked to wait longer than a pause here (a member past their share for the minute): the member
  // hears of it now, with "Try again", rather than a retry the server has said it will refuse.
  if ((error.retryAfterMs ?? 0) > MAX_DELAY_MS) return false
  if (error.elapsedMs !== null && error.elapsedMs > FAST_FAILURE_MS) return false
  return !(error.reason === 'network' && globalThis.navigator?.onLine === false)
}

/** Exponential backoff with jitter, capped: about 0.5 s, then 1 s; never before a Retry-After. */
export function retryDelay(attempt: number, error?: unknown): number {
  const base = Math.min(500 * 2 ** attempt, MAX_DELAY_MS)
  const waitAtLeast = isApiError(error) ? (error.retryAfterMs ?? 0) : 0
  return Math.max(base / 2 + Math.random() * (base / 2), waitAtLeast)
}

export function createQueryClient() {
  return new QueryClient({
    defaultOptions: {
      // 'always': offline, a query fails and the page says so; React Query's default would pause
      // it and leave the skeleton up with no word of why.
      queries: { staleTime: 60_000, retry: shouldRetry, retryDelay, networkMode: 'always' },
    },
  })
}
