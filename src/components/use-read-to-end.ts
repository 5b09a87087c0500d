import { type InfiniteData, useIsFetching, useQueryClient } from '@tanstack/react-query'
import { useEffect, useState } from 'react'
import { type Customer } from '../badges/member.ts'
import { badgeQueries, type ListPage, type ListQuery } from '../queries/badges.ts'

/** Pages asked for at once: a long list reads in a few rounds, and the gateway is not flooded. */
const AT_ONCE = 3

type Pages = InfiniteData<ListPage, number>

/**
 * Reads every page of a list not read yet, a few at once rather than one after the other (the
 * total is known from the first page), and adds them to the list in order as they arrive, so the
 * views and the summary reading the list see them too. `failed`: a page could not be read (after
 * the query client's own retries); `retry` reads on from where it stopped.
 */
export function useReadToEnd(customer: Customer, filters: ListQuery) {
  const client = useQueryClient()
  const { queryKey } = badgeQueries.list(customer, filters)
  const [attempt, setAttempt] = useState(0)
  const [failed, setFailed] = useState(false)
  const key = JSON.stringify(queryKey)
  // The list itself being fetched (a refetch as the member comes back, "Show more"): it ends with
  // the pages it began with and drops any added meanwhile, so the reading stops and goes on once
  // it has ended, from what the list then holds. (Read on only once, it left the list at its first
  // page for good, and a view waiting for the end waited for ever.)
  const listFetching = useIsFetching({ queryKey, exact: true }) > 0

  useEffect(() => {
    if (listFetching) return
    const start = client.getQueryData<Pages>(queryKey)
    const lastRead = start?.pages.at(-1)
    if (start === undefined || lastRead === undefined) return
    // The pages the list holds are 0, 1, 2… (the list asks for them in order), as many as its
    // latest page says there are.
    const missing: number[] = []
    for (let page = start.pages.length; page < lastRead.pagination.totalPages; page++)
      missing.push(page)
    if (missing.length === 0 || lastRead.badges.length === 0) return

    let stopped = false
    const arrived = new Map<number, ListPage>()
    // Each page that arrived and follows the list's last one goes on its end: the list stays in
    // the server's order, whatever order the answers came in.
    const extend = () =>
      client.setQueryData<Pages>(queryKey, (data) => {
        if (data === undefined) return data
        const pages = [...data.pages]
        const pageParams = [...data.pageParams]
        for (let next = pages.length; arrived.has(next); next++) {
          const page = arrived.get(next) as ListPage
          // An empty page ends the list, as the list's own paging has it.
          if (pages.at(-1)?.badges.length === 0) break
          pages.push(page)
          pageParams.push(next)
        }
        return pages.length === data.pages.length ? data : { pages, pageParams }
      })
    let cursor = 0
    const reader = async () => {
      while (!stopped && cursor < missing.length) {
        const page = missing[cursor++] as number
        arrived.set(page, await client.fetchQuery(badgeQueries.listPage(customer, filters, page)))
        if (!stopped) extend()
      }
    }
    const readers = Array.from({ length: Math.min(AT_ONCE, missing.length) }, reader)
    Promise.all(readers).catch(() => {
      stopped = true
      setFailed(true)
    })
    return () => {
      stopped = true
    }
    // The list's key as text: a new array each render must not read the pages again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [client, key, attempt, listFetching])

  return {
    failed,
    retry: () => {
      setFailed(false)
      setAttempt((count) => count + 1)
    },
  }
}
