import { type QueryClient } from '@tanstack/react-query'
import { type LoaderFunctionArgs } from 'react-router'
import { customerFromRoute } from './customer.ts'
import { earnedFilters } from './list-params.ts'
import { startList } from './prefetch.ts'

export function earnedLoader(queryClient: QueryClient) {
  return ({ params, request }: LoaderFunctionArgs) => {
    const search = new URL(request.url).searchParams
    startList(queryClient, customerFromRoute(params.customer, search), earnedFilters(search))
    return null
  }
}
