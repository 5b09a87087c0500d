import { type QueryClient } from '@tanstack/react-query'
import { type LoaderFunctionArgs, redirect } from 'react-router'
import { customerFromRoute, customerPath } from '../badges/member.ts'
import { DEFAULT_CUSTOMER } from '../config/demo.ts'
import { runtimeConfig } from '../config/load.ts'
import { tokenMember } from '../config/member-token.ts'
import { defaultLists } from '../queries/badges.ts'
import { startBadge, startList } from '../queries/prefetch.ts'
import { earnedFilters } from './list-params.ts'

// Every route's loader, in one place and in the entry bundle: each starts all the requests its
// view needs at once, while the view's code (a lazy chunk) is still on the way. None is awaited:
// the views read the same queries and show their skeletons meanwhile.

const routeCustomer = ({ params, request }: LoaderFunctionArgs) =>
  customerFromRoute(params.customer, new URL(request.url).searchParams)

/** `/`: the signed-in member (live mode), else the configured one, else the demo's typical member. */
export function startLoader() {
  const { config } = runtimeConfig()
  const configured = config.customer === null ? null : { id: config.customer, by: config.by }
  const member = tokenMember() ?? configured ?? { id: DEFAULT_CUSTOMER, by: null }
  return redirect(customerPath(member, config.view))
}

/** `/customers/:customer`: the tabs' counts read the default lists, which the pages read too. */
export function memberLoader(queryClient: QueryClient) {
  return (args: LoaderFunctionArgs) => {
    const customer = routeCustomer(args)
    startList(queryClient, customer, defaultLists.earned)
    startList(queryClient, customer, defaultLists.available)
    return null
  }
}

export function memberIndexLoader({ request }: LoaderFunctionArgs) {
  return redirect(`earned${new URL(request.url).search}`)
}

export function earnedLoader(queryClient: QueryClient) {
  return (args: LoaderFunctionArgs) => {
    const search = new URL(args.request.url).searchParams
    startList(queryClient, routeCustomer(args), earnedFilters(search))
    return null
  }
}

export function availableLoader(queryClient: QueryClient) {
  return (args: LoaderFunctionArgs) => {
    const customer = routeCustomer(args)
    startList(queryClient, customer, defaultLists.available)
    // The earned list says which available badges the member holds; one fetch serves the tab too.
    startList(queryClient, customer, defaultLists.earned)
    return null
  }
}

export function badgeDetailLoader(queryClient: QueryClient) {
  return (args: LoaderFunctionArgs) => {
    startBadge(queryClient, routeCustomer(args), args.params.badgeId ?? '')
    return null
  }
}

export function notFoundLoader(): never {
  throw new Response('Not found', { status: 404 })
}
