import { type Customer } from '../api/client.ts'

/** The member a route is about: `:customer`, and `?by=` when it is not the numeric customer id. */
export function customerFromRoute(param: string | undefined, search: URLSearchParams): Customer {
  const by = search.get('by')?.trim()
  return { id: param ?? '', by: by ? by : null }
}

export function customerSearch(customer: Customer): string {
  return customer.by ? `?${new URLSearchParams({ by: customer.by })}` : ''
}
