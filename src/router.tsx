import { type QueryClient } from '@tanstack/react-query'
import { createBrowserRouter, createMemoryRouter, type RouteObject } from 'react-router'
import { AppSkeleton } from './components/skeletons.tsx'
import { Layout } from './routes/layout.tsx'
import {
  availableLoader,
  badgeDetailLoader,
  earnedLoader,
  memberIndexLoader,
  memberLoader,
  notFoundLoader,
  startLoader,
} from './routes/loaders.ts'
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

/** The app's routes; the server renders the first view with the very same (entry-server.tsx). */
export function appRoutes(queryClient: QueryClient): RouteObject[] {
  return [
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
              loader: startLoader,
            },
            {
              path: '/customers/:customer',
              loader: memberLoader(queryClient),
              children: [
                {
                  index: true,
                  loader: memberIndexLoader,
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
              loader: notFoundLoader,
            },
          ],
        },
      ],
    },
  ]
}

export function createAppRouter(queryClient: QueryClient, basename = '', inMemory = false) {
  const routes = appRoutes(queryClient)
  // Inside a portal the frame keeps its history in memory: each view is one entry in the portal's.
  if (!inMemory) return createBrowserRouter(routes, { basename })
  const here = `${window.location.pathname}${window.location.search}`
  return createMemoryRouter(routes, { basename, initialEntries: [here] })
}
