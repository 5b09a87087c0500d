import {
  QueryClient,
  QueryClientProvider,
  queryOptions,
  useSuspenseQuery,
} from '@tanstack/react-query'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { createBrowserRouter, RouterProvider } from 'react-router'

// The stack's floor, for the benchmark's bundle ratio: React, React DOM, React Query and a React
// Router data router whose loader starts one query that the page reads. Nothing of the showcase.

const queryClient = new QueryClient()
const badges = queryOptions({
  queryKey: ['badges'],
  queryFn: async (): Promise<unknown> =>
    (await fetch('/api_gateway/v1/badges/customer/62090013')).json(),
})

function Page() {
  const { data } = useSuspenseQuery(badges)
  return <pre>{JSON.stringify(data).length}</pre>
}

const router = createBrowserRouter([
  {
    path: '*',
    loader: () => {
      void queryClient.query(badges).catch(() => undefined)
      return null
    },
    element: <Page />,
  },
])

const root = document.getElementById('root')
if (root !== null) {
  createRoot(root).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </StrictMode>,
  )
}
