/** @vitest-environment jsdom */
import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query'
import { act, render, screen } from '@testing-library/react'
import { Suspense } from 'react'
import { expect, test, vi } from 'vitest'
import { answersLanded, useFirstAnswer } from './first-answer.ts'

// A view that waits for a query's first answer paints once it has it, and never waits for more:
// not for the retries after a failed attempt, and not for a query nobody started.

/** What the list's next fetch answers, as the test decides. */
let nextAnswer: () => Promise<string> = () => Promise.resolve('asked again')

function View() {
  useFirstAnswer(['list'])
  const { data, failureCount } = useQuery({
    queryKey: ['list'],
    queryFn: () => nextAnswer(),
    staleTime: Infinity,
    // A failed list is not asked again just because the view appeared.
    retryOnMount: false,
  })
  return <p>{data ?? `no answer yet, failures: ${failureCount}`}</p>
}

function deferred() {
  let resolve: (value: string) => void = () => undefined
  let reject: (error: Error) => void = () => undefined
  const promise = new Promise<string>((res, rej) => {
    resolve = res
    reject = rej
  })
  return { promise, resolve, reject }
}

/** The answer lands, and React Query tells its listeners (on a timer): all within act(). */
const settle = (land: () => void) =>
  act(async () => {
    land()
    await new Promise((resolve) => setTimeout(resolve, 10))
  })

// Awaited: a render that suspends inside act() is only retried if act() is awaited.
async function show(client: QueryClient) {
  await act(async () => {
    render(
      <QueryClientProvider client={client}>
        <Suspense fallback={<p>waiting</p>}>
          <View />
        </Suspense>
      </QueryClientProvider>,
    )
  })
}

test('the view waits for the first answer, then paints with it', async () => {
  const client = new QueryClient()
  const answer = deferred()
  void client.prefetchQuery({ queryKey: ['list'], queryFn: () => answer.promise })
  await show(client)
  expect(screen.getByText('waiting')).toBeInTheDocument()
  await settle(() => answer.resolve('the list'))
  expect(screen.getByText('the list')).toBeInTheDocument()
})

test('a first attempt that fails ends the wait; the retries go on without holding the view', async () => {
  const client = new QueryClient({ defaultOptions: { queries: { retry: 3, retryDelay: 60_000 } } })
  const first = deferred()
  void client.prefetchQuery({ queryKey: ['list'], queryFn: () => first.promise })
  await show(client)
  expect(screen.getByText('waiting')).toBeInTheDocument()
  await settle(() => first.reject(new Error('502')))
  expect(screen.getByText('no answer yet, failures: 1')).toBeInTheDocument()
  expect(client.getQueryState(['list'])?.fetchStatus).toBe('fetching')
  client.clear()
})

test('a query nobody started holds nothing', async () => {
  await show(new QueryClient({ defaultOptions: { queries: { enabled: false } } }))
  expect(screen.getByText('no answer yet, failures: 0')).toBeInTheDocument()
})

test('a list that failed before and is fetched again does not take the view back to waiting', async () => {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  const first = deferred()
  void client.prefetchQuery({ queryKey: ['list'], queryFn: () => first.promise })
  await show(client)
  await settle(() => first.reject(new Error('502')))
  expect(screen.getByText('no answer yet, failures: 1')).toBeInTheDocument()
  // Fetched again (a fresh member token, the window in focus again): a new fetch counts no
  // failures yet, but the view stays as it is while it runs.
  const again = deferred()
  nextAnswer = () => again.promise
  await settle(() => void client.refetchQueries({ queryKey: ['list'] }))
  expect(client.getQueryState(['list'])?.fetchStatus).toBe('fetching')
  expect(screen.queryByText('waiting')).not.toBeInTheDocument()
  await settle(() => again.resolve('the list'))
  expect(screen.getByText('the list')).toBeInTheDocument()
})

test('a list taken out of the cache on its way ends the wait', async () => {
  const client = new QueryClient()
  void client.prefetchQuery({ queryKey: ['list'], queryFn: () => deferred().promise })
  await show(client)
  expect(screen.getByText('waiting')).toBeInTheDocument()
  await settle(() => client.removeQueries({ queryKey: ['list'] }))
  expect(screen.queryByText('waiting')).not.toBeInTheDocument()
})

test('a view opened while a list that failed before is fetched again does not wait for it', async () => {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  await client.prefetchQuery({
    queryKey: ['list'],
    queryFn: () => Promise.reject(new Error('502')),
  })
  const again = deferred()
  void client.prefetchQuery({ queryKey: ['list'], queryFn: () => again.promise })
  expect(client.getQueryState(['list'])?.fetchStatus).toBe('fetching')
  await show(client)
  expect(screen.queryByText('waiting')).not.toBeInTheDocument()
  await settle(() => again.resolve('the list'))
})

test('the first render waits for answers on their way, and no longer than it says', async () => {
  vi.useFakeTimers()
  try {
    const client = new QueryClient()
    // Nothing on its way: at once.
    let done = false
    void answersLanded(client, 50).then(() => (done = true))
    await vi.advanceTimersByTimeAsync(0)
    expect(done).toBe(true)

    // An answer that lands within the wait ends it when it lands.
    const soon = deferred()
    void client.prefetchQuery({ queryKey: ['soon'], queryFn: () => soon.promise })
    done = false
    void answersLanded(client, 50).then(() => (done = true))
    await vi.advanceTimersByTimeAsync(10)
    expect(done).toBe(false)
    soon.resolve('here')
    await vi.advanceTimersByTimeAsync(1)
    expect(done).toBe(true)

    // One that does not: the wait ends at its limit, and the answer comes as it always did.
    void client.prefetchQuery({ queryKey: ['late'], queryFn: () => deferred().promise })
    done = false
    void answersLanded(client, 50).then(() => (done = true))
    await vi.advanceTimersByTimeAsync(49)
    expect(done).toBe(false)
    await vi.advanceTimersByTimeAsync(1)
    expect(done).toBe(true)
    client.clear()
  } finally {
    vi.useRealTimers()
  }
})
