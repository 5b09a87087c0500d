import { type QueryClient } from '@tanstack/react-query'
import { type LoaderFunctionArgs } from 'react-router'
import { customerFromRoute } from './customer.ts'
import { startBadge } from './prefetch.ts'

// Kept out of the lazily loaded page, so both requests start while its code is still on the way.
export function badgeDetailLoader(queryClient: QueryClient) {
  return ({ params, request }: LoaderFunctionArgs) => {
    const customer = customerFromRoute(params.customer, new URL(request.url).searchParams)
    startBadge(queryClient, customer, params.badgeId ?? '')
    return null
  }
}
