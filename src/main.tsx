import { QueryClientProvider } from '@tanstack/react-query'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { RouterProvider } from 'react-router'
import { setMemberToken, subscribeMemberToken, takeTokenFromUrl } from './config/member-token.ts'
import { createQueryClient } from './query-client.ts'
import { loadBadgeDetailPage } from './routes/badge-detail-loader.ts'
import { createAppRouter } from './router.tsx'
import './index.css'

takeTokenFromUrl(window.location, window.history)
const queryClient = createQueryClient()
// A fresh token from the host: whatever failed for want of one is fetched again.
subscribeMemberToken(
  () => void queryClient.resetQueries({ predicate: (query) => query.state.status === 'error' }),
)
Object.assign(window, {
  BadgeShowcase: { ...(window as { BadgeShowcase?: object }).BadgeShowcase, setMemberToken },
})
const router = createAppRouter(queryClient)
const root = document.getElementById('root')
if (root === null) throw new Error('index.html has no #root element')

createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  </StrictMode>,
)

// Fetch the detail page's code once the list is up, so opening a badge works even if the
// connection drops in the meantime.
const warmUp = () => void loadBadgeDetailPage().catch(() => undefined)
if ('requestIdleCallback' in window) requestIdleCallback(warmUp, { timeout: 5_000 })
else setTimeout(warmUp, 3_000)
