import { type Query, type QueryClient, type QueryKey, useQueryClient } from '@tanstack/react-query'
import { use } from 'react'

const waits = new WeakMap<Query, Promise<void>>()

type Progress = {
  data: unknown
  fetchStatus: string
  failureCount: number
  dataUpdatedAt: number
  errorUpdateCount: number
}

/**
 * Whether a query has its very first request on the way: no answer yet, no attempt failed. React
 * Query starts every fetch with no failures counted, so a query that failed before, or had an
 * answer, is told apart by what it has been through. (A query's state or a useQuery result.)
 */
export const firstAnswerPending = (query: Progress) =>
  query.data === undefined &&
  query.fetchStatus === 'fetching' &&
  query.failureCount === 0 &&
  query.dataUpdatedAt === 0 &&
  query.errorUpdateCount === 0

const waiting = ({ state }: Query) =>
  firstAnswerPending({ ...state, failureCount: state.fetchFailureCount })

/**
 * Suspends while a query that the view's first paint depends on has its first request on the
 * way, so the view paints once, whole, instead of painting and then moving as the answer lands.
 * Unlike a suspense query it never throws the query's failure: the wait ends at the first failed
 * attempt (the retries go on without holding the view), and the view reads the query as usual.
 * A query nobody started, one already answered, or one that failed before (fetched again later,
 * by a fresh token or a refocused window) holds nothing: a view on screen never goes back to
 * its skeleton for it.
 */
export function useFirstAnswer(queryKey: QueryKey) {
  const cache = useQueryClient().getQueryCache()
  const query = cache.find({ queryKey, exact: true })
  if (query === undefined) return
  let answered = waits.get(query)
  if (answered === undefined) {
    if (!waiting(query)) return
    answered = new Promise<void>((resolve) => {
      const stop = cache.subscribe(() => {
        // Taken out of the cache on its way (its fetch then never reports): nothing to wait for.
        if (waiting(query) && cache.get(query.queryHash) === query) return
        stop()
        resolve()
      })
    })
    waits.set(query, answered)
  }
  // Read on every render once made, settled or not (at once, then): a component that suspended
  // on use() must call it again when it resumes.
  use(answered)
}

/**
 * Resolves once no query is on its way, or after `atMostMs`, whichever comes first. The app's
 * first render waits for it (briefly): answers already in the browser (early.js's, the page's own)
 * then land before it, and the view is drawn with them at once. Drawn as a skeleton first, React
 * would keep that for at least 300 ms before showing the view (its Suspense reveal throttle).
 */
export function answersLanded(queryClient: QueryClient, atMostMs: number): Promise<void> {
  return new Promise<void>((resolve) => {
    if (queryClient.isFetching() === 0) return resolve()
    const done = () => {
      clearTimeout(timer)
      stop()
      resolve()
    }
    const timer = setTimeout(done, atMostMs)
    const stop = queryClient.getQueryCache().subscribe(() => {
      if (queryClient.isFetching() === 0) done()
    })
  })
}
