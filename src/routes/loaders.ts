import { type QueryClient } from '@tanstack/react-query'
import { type LoaderFunctionArgs, redirect } from 'react-router'
import { customerFromRoute, customerPath } from '../badges/member.ts'
import { DEFAULT_CUSTOMER } from '../config/demo.ts'
import { runtimeConfig } from '../config/load.ts'
import { tokenMember } from '../config/member-token.ts'
import { askForToken } from '../api/badges-api.ts'
import { notSignedIn } from '../api/errors.ts'
import { defaultLists } from '../queries/badges.ts'
import { startBadge, startList } from '../queries/prefetch.ts'
import { earnedFilters } from './list-params.ts'

// Every route's loader, in one place and in the entry bundle: each starts all the requests its
// view needs at once, while the view's code (a lazy chunk) is still on the way. None is awaited:
// the views read the same queries and show their skeletons meanwhile.

const routeCustomer = ({ params, request }: LoaderFunctionArgs) =>
  customerFromRoute(params.customer, new URL(request.url).searchParams)

/**
 * `/`: the signed-in member (live mode), else the configured one; in demo mode the demo's typical
 * member. Live mode with neither asks the host for a token first (a portal may hand it over only
 * when asked); with none, the member is told to sign in, never shown the demo's member id.
 */
export async function startLoader() {
  const { config } = runtimeConfig()
  const configured = config.customer === null ? null : { id: config.customer, by: config.by }
  let member = tokenMember() ?? configured
  if (member === null && !config.demo && (await askForToken())) member = tokenMember()
  if (member === null && !config.demo) throw notSignedIn()
  return redirect(customerPath(member ?? { id: DEFAULT_CUSTOMER, by: null }, config.view))
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
