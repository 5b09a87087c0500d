import { type QueryClient } from '@tanstack/react-query'
import { type LoaderFunctionArgs } from 'react-router'
import { defaultLists } from '../queries/badges.ts'
import { customerFromRoute } from './customer.ts'
import { startList } from './prefetch.ts'

export function availableLoader(queryClient: QueryClient) {
  return ({ params, request }: LoaderFunctionArgs) => {
    const customer = customerFromRoute(params.customer, new URL(request.url).searchParams)
    startList(queryClient, customer, defaultLists.available)
    // The earned list completes "3 of 7 earned"; the layout starts it too, and one fetch serves both.
    startList(queryClient, customer, defaultLists.earned)
    return null
  }
}
