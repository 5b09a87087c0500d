import { encodeSegment } from './encode.ts'

// Whom a view is about and how a list is asked for: shared by the fetch layer, the query factories,
// the routes and the components, so it lives with the domain rather than in any one of them.

/** Whom a request is about: Capillary's numeric customer id, or another identifier by kind. */
export type Customer = { id: string; by: string | null }

export const sortOptions = ['RANK', 'LAST_EARNED_ON_DATE', 'LAST_EARNED_EVENT_DATE'] as const
export type SortOn = (typeof sortOptions)[number]

export type ListFilters = {
  badgeType: 'EARNED' | 'AVAILABLE'
  sortOn?: SortOn
  includeExpired?: boolean
  groupId?: string | null
  limit?: number
  page?: number
}

/** The member a route is about: `:customer`, and `?by=` when it is not the numeric customer id. */
export function customerFromRoute(param: string | undefined, search: URLSearchParams): Customer {
  const by = search.get('by')?.trim()
  return { id: param ?? '', by: by ? by : null }
}

/** A path under the member, keeping `?by=` so the identifier kind survives every link. */
export function customerPath(
  customer: Customer,
  rest: string,
  search = new URLSearchParams(),
): string {
  const params = new URLSearchParams(search)
  if (customer.by) params.set('by', customer.by)
  else params.delete('by')
  const query = params.toString()
  return `/customers/${encodeSegment(customer.id)}/${rest}${query ? `?${query}` : ''}`
}
