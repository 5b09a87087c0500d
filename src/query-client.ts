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
export const WORST_CASE_WAIT_MS =
  MAX_RETRIES * FAST_FAILURE_MS +
  Array.from({ length: MAX_RETRIES }, (_, attempt) =>
    Math.min(500 * 2 ** attempt, MAX_DELAY_MS),
  ).reduce((sum, delay) => sum + delay, 0) +
  DEFAULT_TIMEOUT_MS

/**
 * Retry only what can pass by itself and failed fast: server errors, 429, network failures; but not
 * a network failure while the browser knows it is offline, so the member hears of it at once.
 */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (!isApiError(error) || !error.retryable || failureCount >= MAX_RETRIES) return false
  if (error.reason === 'slow' || error.reason === 'timeout') return false
  if (error.elapsedMs !== null && error.elapsedMs > FAST_FAILURE_MS) return false
  return !(error.reason === 'network' && globalThis.navigator?.onLine === false)
}

/** Exponential backoff with jitter, capped: about 0.5 s, then 1 s. */
export function retryDelay(attempt: number): number {
  const base = Math.min(500 * 2 ** attempt, MAX_DELAY_MS)
  return base / 2 + Math.random() * (base / 2)
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
