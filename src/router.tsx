import { type QueryClient } from '@tanstack/react-query'
import { createBrowserRouter, redirect } from 'react-router'
import { DEFAULT_CUSTOMER } from './config/demo.ts'
import { earnedLoader, EarnedPage } from './routes/earned.tsx'
import { Layout } from './routes/layout.tsx'
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
            { path: '/', loader: () => redirect(`/customers/${DEFAULT_CUSTOMER}/earned`) },
            {
              path: '/customers/:customer',
              loader: ({ params, request }) =>
                redirect(
                  `/customers/${encodeURIComponent(params.customer ?? '')}/earned${new URL(request.url).search}`,
                ),
            },
            {
              path: '/customers/:customer/earned',
              loader: earnedLoader(queryClient),
              element: <EarnedPage />,
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
