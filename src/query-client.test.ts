import { createServer, type RequestListener, type Server } from 'node:http'
import { type AddressInfo } from 'node:net'
import { afterAll, expect, test } from 'vitest'
import { createBadgesClient } from './api/client.ts'
import { ApiError } from './api/errors.ts'
import {
  createQueryClient,
  FAST_FAILURE_MS,
  retryDelay,
  shouldRetry,
  WORST_CASE_WAIT_MS,
} from './query-client.ts'

const error = (status: number | null, reason?: ApiError['reason'], elapsedMs = 20) =>
  new ApiError({ status, code: null, message: 'x', elapsedMs, ...(reason ? { reason } : {}) })

test('only errors that can pass by themselves and failed fast are retried, twice at most', () => {
  expect(shouldRetry(0, error(503))).toBe(true)
  expect(shouldRetry(1, error(500))).toBe(true)
  expect(shouldRetry(0, error(429))).toBe(true)
  expect(shouldRetry(0, error(null, 'network'))).toBe(true)
  expect(shouldRetry(2, error(503))).toBe(false)
  expect(shouldRetry(0, error(503, undefined, FAST_FAILURE_MS + 1))).toBe(false)
  expect(shouldRetry(0, error(404))).toBe(false)
  expect(shouldRetry(0, error(403))).toBe(false)
  expect(shouldRetry(0, error(200, 'malformed'))).toBe(false)
  expect(shouldRetry(0, new Error('bug'))).toBe(false)
})

test('a slow answer is never retried, though the member may try again', () => {
  const gatewayTimeout = error(504)
  expect(gatewayTimeout.reason).toBe('slow')
  expect(gatewayTimeout.retryable).toBe(true)
  expect(shouldRetry(0, gatewayTimeout)).toBe(false)
  expect(shouldRetry(0, error(null, 'timeout', 11_000))).toBe(false)
})

test('the longest wait before the member hears of a failure is within 15 s', () => {
  expect(WORST_CASE_WAIT_MS).toBeLessThanOrEqual(15_000)
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

test('the backoff grows and stays capped at a second', () => {
  for (let attempt = 0; attempt < 10; attempt += 1) {
    const base = Math.min(500 * 2 ** attempt, 1_000)
    expect(retryDelay(attempt)).toBeGreaterThanOrEqual(base / 2)
    expect(retryDelay(attempt)).toBeLessThanOrEqual(base)
  }
})

const servers: Server[] = []
afterAll(() => servers.forEach((server) => server.close()))

/** A list read through a real query client from a real server answering as `handler` does:
 *  resolves with the failure, or null. */
async function listThrough(handler: RequestListener) {
  const server = createServer(handler)
  servers.push(server)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const client = createBadgesClient({
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
  })
  const queryClient = createQueryClient()
  return (id: string) =>
    queryClient
      .fetchQuery({
        queryKey: ['list', id],
        queryFn: () => client.customerBadges({ id, by: null }, { badgeType: 'EARNED' }),
      })
      .then(
        () => null,
        (failure: unknown) => failure,
      )
}

test('through a real query client: a 504 fails at once as slow, a fast 502 is tried three times', async () => {
  let requests = 0
  const fetchList = await listThrough((request, response) => {
    requests += 1
    const status = request.url?.includes('/customer/504') ? 504 : 502
    response.writeHead(status, { 'Content-Type': 'application/json' })
    response.end(JSON.stringify({ data: null, errors: [{ code: status, message: 'upstream' }] }))
  })

  expect(await fetchList('504')).toMatchObject({ reason: 'slow', status: 504 })
  expect(requests).toBe(1)
  requests = 0
  expect(await fetchList('502')).toMatchObject({ reason: 'server', status: 502 })
  expect(requests).toBe(3)
})

test("a 429 is tried again no sooner than the server's Retry-After; asked to wait a minute, not at all", async () => {
  const seen: Record<string, number[]> = {}
  const fail = await listThrough((request, response) => {
    const id = request.url?.match(/customer\/(\w+)/)?.[1] ?? ''
    ;(seen[id] ??= []).push(Date.now())
    response.writeHead(429, {
      'Content-Type': 'application/json',
      'Retry-After': id === 'minute' ? '60' : '1',
    })
    response.end(JSON.stringify({ data: null, errors: [{ code: 429, message: 'slow down' }] }))
  })

  expect(await fail('second')).toMatchObject({ reason: 'too-many-requests', retryAfterMs: 1_000 })
  const times = seen['second'] ?? []
  expect(times).toHaveLength(3)
  // The backoff alone would have tried again after 0.25 to 0.5 s.
  for (let retry = 1; retry < times.length; retry += 1)
    expect((times[retry] ?? 0) - (times[retry - 1] ?? 0)).toBeGreaterThanOrEqual(990)

  expect(await fail('minute')).toMatchObject({ reason: 'too-many-requests', retryAfterMs: 60_000 })
  expect(seen['minute']).toHaveLength(1)
})
