import { type Query, type QueryKey, useQueryClient } from '@tanstack/react-query'
import { use } from 'react'

const waits = new WeakMap<Query, Promise<void>>()

const waiting = (query: Query) =>
  query.state.data === undefined &&
  query.state.fetchStatus === 'fetching' &&
  query.state.fetchFailureCount === 0

/**
 * Suspends while a query that the view's first paint depends on has its first request on the
 * way, so the view paints once, whole, instead of painting and then moving as the answer lands.
 * Unlike a suspense query it never throws the query's failure: the wait ends at the first failed
 * attempt (the retries go on without holding the view), and the view reads the query as usual.
 * A query nobody started, or one already answered, holds nothing.
 */
export function useFirstAnswer(queryKey: QueryKey) {
  const cache = useQueryClient().getQueryCache()
  const query = cache.find({ queryKey, exact: true })
  if (query === undefined || !waiting(query)) return
  let answered = waits.get(query)
  if (answered === undefined) {
    answered = new Promise<void>((resolve) => {
      const stop = cache.subscribe(() => {
        if (waiting(query)) return
        stop()
        waits.delete(query)
        resolve()
      })
    })
    waits.set(query, answered)
  }
  use(answered)
}
