import { useMemo } from 'react'
import { useParams, useSearchParams } from 'react-router'
import { type Customer } from '../api/client.ts'
import { encodeSegment } from '../api/encode.ts'

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

/** The route's member, the same object while it stays the same member (memoised cards rely on it). */
export function useCustomer(): Customer {
  const { customer: param } = useParams()
  const [search] = useSearchParams()
  const by = search.get('by')
  return useMemo(() => customerFromRoute(param, new URLSearchParams(by ? { by } : {})), [param, by])
}
