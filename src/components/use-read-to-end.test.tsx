/** @vitest-environment jsdom */
import { type InfiniteData, QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { renderHook, waitFor } from '@testing-library/react'
import { type ReactNode } from 'react'
import { afterEach, expect, test, vi } from 'vitest'
import { badgesApi } from '../api/badges-api.ts'
import { type Customer } from '../badges/member.ts'
import { badgeQueries, defaultLists, type ListPage } from '../queries/badges.ts'
import { makeBadge } from '../test/factories.ts'
import { useReadToEnd } from './use-read-to-end.ts'

afterEach(() => {
  vi.restoreAllMocks()
})

const customer: Customer = { id: 'member-1', by: null }
const filters = defaultLists.earned
const TOTAL_PAGES = 8

const pageOf = (page: number): ListPage => ({
  badges: [makeBadge({ id: `p${page}`, name: `Page ${page}` })],
  pagination: { page, size: 1, total: TOTAL_PAGES, totalPages: TOTAL_PAGES },
  skipped: 0,
})

function setUp() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  // The first page, as the view already holds it.
  client.setQueryData<InfiniteData<ListPage, number>>(
    badgeQueries.list(customer, filters).queryKey,
    { pages: [pageOf(0)], pageParams: [0] },
  )
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={client}>{children}</QueryClientProvider>
  )
  const pages = () =>
    client
      .getQueryData<InfiniteData<ListPage, number>>(badgeQueries.list(customer, filters).queryKey)
      ?.pages.map((page) => page.badges[0]?.id)
  return { client, wrapper, pages }
}

test('the rest of a list is read a few pages at once and joins the list in order', async () => {
  let inFlight = 0
  let most = 0
  // Later pages answer first: the list must still read 0, 1, 2…
  vi.spyOn(badgesApi, 'customerBadges').mockImplementation(async (_customer, { page = 0 }) => {
    most = Math.max(most, ++inFlight)
    await new Promise((resolve) => setTimeout(resolve, (TOTAL_PAGES - page) * 3))
    inFlight--
    return pageOf(page)
  })
  const { wrapper, pages } = setUp()
  const { result } = renderHook(() => useReadToEnd(customer, filters), { wrapper })
  await waitFor(() => expect(pages()).toHaveLength(TOTAL_PAGES))
  expect(pages()).toEqual(Array.from({ length: TOTAL_PAGES }, (_, page) => `p${page}`))
  expect(most).toBe(3)
  expect(badgesApi.customerBadges).toHaveBeenCalledTimes(TOTAL_PAGES - 1)
  expect(result.current.failed).toBe(false)
})

test('a page that fails stops the reading, keeps what came in order, and retry reads on', async () => {
  let failing = true
  vi.spyOn(badgesApi, 'customerBadges').mockImplementation(async (_customer, { page = 0 }) => {
    await Promise.resolve()
    if (page === 4 && failing) throw new Error('busy')
    return pageOf(page)
  })
  const { wrapper, pages } = setUp()
  const { result } = renderHook(() => useReadToEnd(customer, filters), { wrapper })
  await waitFor(() => expect(result.current.failed).toBe(true))
  // Nothing after the gap joins the list: it would be out of order.
  expect(pages()).toEqual(['p0', 'p1', 'p2', 'p3'])
  failing = false
  result.current.retry()
  await waitFor(() => expect(pages()).toHaveLength(TOTAL_PAGES))
  expect(result.current.failed).toBe(false)
})

test('a refetch of the list under way (it ends with the pages it began with) does not end the reading', async () => {
  // The list's own refetch answers slowly; the reading's pages quickly.
  vi.spyOn(badgesApi, 'customerBadges').mockImplementation(async (_customer, { page = 0 }) => {
    await new Promise((resolve) => setTimeout(resolve, page === 0 ? 60 : 2))
    return pageOf(page)
  })
  const { client, wrapper, pages } = setUp()
  const { result } = renderHook(() => useReadToEnd(customer, filters), { wrapper })
  // The member comes back to the page as the reading begins: the list is fetched again.
  void client.fetchInfiniteQuery({ ...badgeQueries.list(customer, filters), staleTime: 0 })
  await waitFor(() => expect(pages()).toHaveLength(TOTAL_PAGES))
  expect(pages()).toEqual(Array.from({ length: TOTAL_PAGES }, (_, page) => `p${page}`))
  // And it stays whole once everything has settled.
  await new Promise((resolve) => setTimeout(resolve, 100))
  expect(pages()).toHaveLength(TOTAL_PAGES)
  expect(result.current.failed).toBe(false)
})
