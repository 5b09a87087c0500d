import { QueryClient } from '@tanstack/react-query'
import { isApiError } from './api/errors.ts'

const MAX_RETRIES = 3

/**
 * Retry only what can pass by itself: server errors, 429, network failures and timeouts; but not a
 * network failure while the browser knows it is offline, so the member hears of it at once.
 */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (!isApiError(error) || !error.retryable || failureCount >= MAX_RETRIES) return false
  return !(error.reason === 'network' && globalThis.navigator?.onLine === false)
}

/** Exponential backoff with jitter, capped: about 0.5 s, 1 s, 2 s. */
export function retryDelay(attempt: number): number {
  const base = Math.min(500 * 2 ** attempt, 8_000)
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
