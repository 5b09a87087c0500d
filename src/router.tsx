import { type QueryClient } from '@tanstack/react-query'
import { createBrowserRouter, createMemoryRouter, redirect, type RouteObject } from 'react-router'
import { DEFAULT_CUSTOMER } from './config/demo.ts'
import { runtimeConfig } from './config/load.ts'
import { tokenMember } from './config/member-token.ts'
import { availableLoader } from './routes/available-loader.ts'
import { AppSkeleton } from './components/skeletons.tsx'
import { badgeDetailLoader } from './routes/badge-detail-loader.ts'
import { customerPath } from './routes/customer.ts'
import { earnedLoader } from './routes/earned-loader.ts'
import { Layout, memberLoader } from './routes/layout.tsx'
import { RouteError } from './routes/route-error.tsx'

/**
 * The views' code, split from the entry: each route's loader (in the entry) starts its requests at
 * once, and the view's code arrives alongside. Fetched ahead when the browser is idle.
 */
export const viewModules = {
  earned: () => import('./routes/earned.tsx'),
  available: () => import('./routes/available.tsx'),
  detail: () => import('./routes/badge-detail.tsx'),
}

export function createAppRouter(queryClient: QueryClient, basename = '', inMemory = false) {
  const routes: RouteObject[] = [
    {
      element: <Layout />,
      errorElement: <RouteError />,
      // While the first view's code arrives (its data is already on the way): the page's shape.
      hydrateFallbackElement: <AppSkeleton />,
      children: [
        {
          errorElement: <RouteError />,
          children: [
            {
              path: '/',
              // The signed-in member (live mode), else the configured one, else the demo's typical member.
              loader: () => {
                const { config } = runtimeConfig()
                const configured =
                  config.customer === null ? null : { id: config.customer, by: config.by }
                const member = tokenMember() ?? configured ?? { id: DEFAULT_CUSTOMER, by: null }
                return redirect(customerPath(member, config.view))
              },
            },
            {
              path: '/customers/:customer',
              loader: memberLoader(queryClient),
              children: [
                {
                  index: true,
                  loader: ({ request }) => redirect(`earned${new URL(request.url).search}`),
                },
                {
                  path: 'earned',
                  loader: earnedLoader(queryClient),
                  lazy: async () => ({
                    Component: (await import('./routes/earned.tsx')).EarnedPage,
                  }),
                },
                {
                  path: 'available',
                  loader: availableLoader(queryClient),
                  lazy: async () => ({
                    Component: (await import('./routes/available.tsx')).AvailablePage,
                  }),
                },
                {
                  path: 'badges/:badgeId',
                  loader: badgeDetailLoader(queryClient),
                  lazy: async () => ({
                    Component: (await viewModules.detail()).BadgeDetailPage,
                  }),
                },
              ],
            },
            {
              path: '*',
              loader: () => {
                throw new Response('Not found', { status: 404 })
              },
            },
          ],
        },
      ],
    },
  ]
  if (!inMemory) return createBrowserRouter(routes, { basename })
  const here = `${window.location.pathname}${window.location.search}`
  return createMemoryRouter(routes, { basename, initialEntries: [here] })
}
