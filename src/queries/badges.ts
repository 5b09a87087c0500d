import {
  type InfiniteData,
  infiniteQueryOptions,
  type QueryClient,
  queryOptions,
} from '@tanstack/react-query'
import { badgesApi } from '../api/badges-api.ts'
import { type Customer, type ListFilters } from '../badges/member.ts'
import { type BadgePage, type CustomerBadge } from '../badges/types.ts'

export const PAGE_SIZE = 50

export type ListQuery = Omit<ListFilters, 'page' | 'limit'>

export type ListPage = BadgePage & { skipped: number }

/** A list as the views read it: every badge loaded so far, in the server's order. */
export type LoadedList = {
  badges: CustomerBadge[]
  /** How many the server has in all (the tab counts). */
  total: number
  /** Badges left out because the server sent them without what a card needs. */
  skipped: number
}

/** The loaded pages as one list; the query's `select`, and the prefetch's view of the same data. */
export function loadedList(data: InfiniteData<ListPage, number>): LoadedList {
  const badges = data.pages.flatMap((page) => page.badges)
  return {
    badges,
    total: data.pages[0]?.pagination.total ?? badges.length,
    skipped: data.pages.reduce((sum, page) => sum + page.skipped, 0),
  }
}

/** The lists as the tabs show them by default; the tab counts read these same entries. */
export const defaultLists = {
  earned: { badgeType: 'EARNED', sortOn: 'RANK' },
  available: { badgeType: 'AVAILABLE', sortOn: 'RANK' },
} as const satisfies Record<string, ListQuery>

// Keys go from general to specific, so one member's data (or all badge definitions) can be
// invalidated at once.
export const badgeQueries = {
  all: () => ['badges'] as const,
  member: (customer: Customer) =>
    [...badgeQueries.all(), 'member', customer.by ?? 'id', customer.id] as const,

  list: (customer: Customer, filters: ListQuery) =>
    infiniteQueryOptions({
      queryKey: [...badgeQueries.member(customer), 'list', filters] as const,
      queryFn: ({ pageParam, signal }) =>
        badgesApi.customerBadges(
          customer,
          { ...filters, limit: PAGE_SIZE, page: pageParam },
          { signal },
        ),
      initialPageParam: 0,
      // From the page asked for, not the page the server says it sent: a gateway that ignores
      // `page` must not make the list load page 1 for ever.
      getNextPageParam: (last, _pages, lastPageParam) =>
        last.badges.length > 0 && lastPageParam + 1 < last.pagination.totalPages
          ? lastPageParam + 1
          : undefined,
      select: loadedList,
    }),

  /**
   * One page of a list on its own, for reading the rest of a list at once (use-read-to-end.ts)
   * rather than a page after the other; kept only until the list has taken it.
   */
  listPage: (customer: Customer, filters: ListQuery, page: number) =>
    queryOptions({
      queryKey: [...badgeQueries.member(customer), 'list', filters, 'page', page] as const,
      queryFn: ({ signal }) =>
        badgesApi.customerBadges(customer, { ...filters, limit: PAGE_SIZE, page }, { signal }),
      gcTime: 0,
    }),

  memberBadge: (customer: Customer, badgeId: string) =>
    queryOptions({
      queryKey: [...badgeQueries.member(customer), 'badge', badgeId] as const,
      queryFn: ({ signal }) => badgesApi.memberBadge(customer, badgeId, { signal }),
    }),

  meta: (badgeId: string) =>
    queryOptions({
      queryKey: [...badgeQueries.all(), 'meta', badgeId] as const,
      queryFn: ({ signal }) => badgesApi.badgeMeta(badgeId, { signal }),
    }),

  group: (groupId: string) =>
    queryOptions({
      queryKey: [...badgeQueries.all(), 'group', groupId] as const,
      queryFn: ({ signal }) => badgesApi.group(groupId, { signal }),
      staleTime: 60 * 60 * 1000,
    }),
}

/**
 * A badge as one of the member's lists already holds it (read from the cache, never asked for):
 * what a card showed, for a badge page whose definition could not be read.
 */
export function listedBadge(
  queryClient: QueryClient,
  customer: Customer,
  badgeId: string,
): CustomerBadge | null {
  const lists = queryClient.getQueriesData<InfiniteData<BadgePage>>({
    queryKey: [...badgeQueries.member(customer), 'list'],
  })
  for (const [, data] of lists) {
    // (A single page's query shares the prefix: it has no pages, and is passed over.)
    for (const page of data?.pages ?? []) {
      const found = page.badges.find((badge) => badge.id === badgeId)
      if (found) return found
    }
  }
  return null
}
