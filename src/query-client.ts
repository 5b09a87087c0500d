import { QueryClient } from '@tanstack/react-query'
import { isApiError } from './api/errors.ts'

const MAX_RETRIES = 3

/** Retry only what can pass by itself: server errors, 429, network failures and timeouts. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  return failureCount < MAX_RETRIES && isApiError(error) && error.retryable
}

/** Exponential backoff with jitter, capped: about 0.5 s, 1 s, 2 s. */
export function retryDelay(attempt: number): number {
  const base = Math.min(500 * 2 ** attempt, 8_000)
  return base / 2 + Math.random() * (base / 2)
}

export function createQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: 60_000, retry: shouldRetry, retryDelay },
    },
  })
}
