import { expect, test } from 'vitest'
import { ApiError } from './api/errors.ts'
import { retryDelay, shouldRetry } from './query-client.ts'

const error = (status: number | null, reason?: ApiError['reason']) =>
  new ApiError({ status, code: null, message: 'x', ...(reason ? { reason } : {}) })

test('only errors that can pass by themselves are retried, three times at most', () => {
  expect(shouldRetry(0, error(503))).toBe(true)
  expect(shouldRetry(0, error(429))).toBe(true)
  expect(shouldRetry(0, error(null, 'network'))).toBe(true)
  expect(shouldRetry(0, error(null, 'timeout'))).toBe(true)
  expect(shouldRetry(3, error(503))).toBe(false)
  expect(shouldRetry(0, error(404))).toBe(false)
  expect(shouldRetry(0, error(403))).toBe(false)
  expect(shouldRetry(0, error(200, 'malformed'))).toBe(false)
  expect(shouldRetry(0, new Error('bug'))).toBe(false)
})

test('offline, a network failure is not retried', () => {
  const online = Object.getOwnPropertyDescriptor(globalThis, 'navigator')
  Object.defineProperty(globalThis, 'navigator', { value: { onLine: false }, configurable: true })
  try {
    expect(shouldRetry(0, error(null, 'network'))).toBe(false)
    expect(shouldRetry(0, error(503))).toBe(true)
  } finally {
    if (online) Object.defineProperty(globalThis, 'navigator', online)
  }
})

test('the backoff grows and stays capped', () => {
  for (let attempt = 0; attempt < 10; attempt += 1) {
    const base = Math.min(500 * 2 ** attempt, 8_000)
    expect(retryDelay(attempt)).toBeGreaterThanOrEqual(base / 2)
    expect(retryDelay(attempt)).toBeLessThanOrEqual(base)
  }
})
