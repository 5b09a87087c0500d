/** @vitest-environment jsdom */
import { afterEach, expect, test, vi } from 'vitest'
import { createBadgesClient } from './client.ts'
import { isApiError } from './errors.ts'

// How long a failed request took decides whether it is tried again (query-client.ts): the
// browser's own timing of the request, not the time until the code ran again.

afterEach(() => {
  vi.restoreAllMocks()
})

/** A client whose server fails at once, while the page is busy for 5 s before it reads that. */
function busyPhone() {
  let clock = 0
  vi.spyOn(Date, 'now').mockImplementation(() => clock)
  return createBadgesClient({
    fetch: async () => {
      clock += 5_000
      return new Response('{"data":null,"errors":[]}', { status: 503 })
    },
  })
}

async function failure(client: ReturnType<typeof createBadgesClient>) {
  const error: unknown = await client.badgeMeta('b1').catch((caught: unknown) => caught)
  if (!isApiError(error)) throw new Error('expected an API error')
  return error
}

test("a failure counts the request's own time when the browser timed it", async () => {
  const client = busyPhone()
  vi.spyOn(performance, 'getEntriesByName').mockImplementation((name) => [
    {
      name,
      entryType: 'resource',
      startTime: performance.now(),
      duration: 120,
    } as PerformanceEntry,
  ])
  expect((await failure(client)).elapsedMs).toBe(120)
})

test('without the browser timing it, the time until the answer was read', async () => {
  const client = busyPhone()
  vi.spyOn(performance, 'getEntriesByName').mockReturnValue([])
  expect((await failure(client)).elapsedMs).toBe(5_000)
})

test("another request's timing (an earlier one to the same address) is not this one's", async () => {
  const client = busyPhone()
  vi.spyOn(performance, 'getEntriesByName').mockImplementation((name) => [
    { name, entryType: 'resource', startTime: -1_000, duration: 120 } as PerformanceEntry,
  ])
  expect((await failure(client)).elapsedMs).toBe(5_000)
})
