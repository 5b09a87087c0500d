import { type QueryClient } from '@tanstack/react-query'
import { createBrowserRouter, redirect } from 'react-router'
import { DEFAULT_CUSTOMER } from './config/demo.ts'
import { tokenMember } from './config/member-token.ts'
import { AvailablePage, availableLoader } from './routes/available.tsx'
import { badgeDetailLoader, loadBadgeDetailPage } from './routes/badge-detail-loader.ts'
import { customerPath } from './routes/customer.ts'
import { EarnedPage, earnedLoader } from './routes/earned.tsx'
import { Layout, memberLoader } from './routes/layout.tsx'
import { RouteError } from './routes/route-error.tsx'

export function createAppRouter(queryClient: QueryClient) {
  return createBrowserRouter([
    {
      element: <Layout />,
      errorElement: <RouteError />,
      children: [
        {
          errorElement: <RouteError />,
          children: [
            {
              path: '/',
              // The signed-in member (live mode), else the demo's typical member.
              loader: () => {
                const member = tokenMember() ?? { id: DEFAULT_CUSTOMER, by: null }
                return redirect(customerPath(member, 'earned'))
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
                { path: 'earned', loader: earnedLoader(queryClient), element: <EarnedPage /> },
                {
                  path: 'available',
                  loader: availableLoader(queryClient),
                  element: <AvailablePage />,
                },
                {
                  path: 'badges/:badgeId',
                  loader: badgeDetailLoader(queryClient),
                  lazy: async () => ({ Component: (await loadBadgeDetailPage()).BadgeDetailPage }),
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
  ])
}
