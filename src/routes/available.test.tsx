/** @vitest-environment jsdom */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { render, screen, waitFor, within } from '@testing-library/react'
import { createMemoryRouter, RouterProvider } from 'react-router'
import { afterEach, expect, test, vi } from 'vitest'
import { badgesApi } from '../api/badges-api.ts'
import { type CustomerBadge } from '../badges/types.ts'
import { badgeQueries, defaultLists, type ListPage } from '../queries/badges.ts'
import { makeBadge } from '../test/factories.ts'
import { AvailablePage } from './available.tsx'

// "Ready to earn now" (?now=1) over a list of more than one page: the rest is read first, and the
// cards are then the badges the summary counts, no more and no fewer.

afterEach(() => {
  vi.restoreAllMocks()
})

const customer = { id: 'member-1', by: null }
const SIZE = 50

const pageOf = (badges: CustomerBadge[], page: number, total: number): ListPage => ({
  badges,
  skipped: 0,
  pagination: { page, size: SIZE, total, totalPages: Math.ceil(total / SIZE) },
})

test('a list of two pages is read to its end, and the cards are the summary\'s "to earn now"', async () => {
  const DAY = 86_400_000
  // 60 badges: every fifth one opens next week (not now), the rest are open.
  const all = Array.from({ length: 60 }, (_, index) =>
    makeBadge({
      name: `Badge ${index}`,
      ...(index % 5 === 0 && { startsAt: Date.now() + 7 * DAY }),
    }),
  )
  const open = all.filter((_, index) => index % 5 !== 0)
  const client = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity } } })
  client.setQueryData(badgeQueries.list(customer, defaultLists.earned).queryKey, {
    pages: [pageOf([], 0, 0)],
    pageParams: [0],
  })
  // The first page as the view holds it; the second comes when asked for.
  client.setQueryData(badgeQueries.list(customer, defaultLists.available).queryKey, {
    pages: [pageOf(all.slice(0, SIZE), 0, all.length)],
    pageParams: [0],
  })
  vi.spyOn(badgesApi, 'customerBadges').mockImplementation(async (_customer, { page = 0 }) =>
    pageOf(all.slice(page * SIZE, (page + 1) * SIZE), page, all.length),
  )
  const router = createMemoryRouter(
    [{ path: '/customers/:customer/available', element: <AvailablePage /> }],
    { initialEntries: ['/customers/member-1/available?now=1'] },
  )
  render(
    <QueryClientProvider client={client}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  )
  await waitFor(
    () => expect(screen.getAllByRole('heading', { level: 3 }).length).toBeGreaterThan(1),
    { timeout: 4000 },
  )
  // A list this long folds its groups: the whole group, opened.
  screen.getByRole('button', { name: `See all ${open.length}` }).click()
  await waitFor(() =>
    expect(screen.getAllByRole('heading', { level: 3 })).toHaveLength(open.length),
  )
  const names = screen
    .getAllByRole('heading', { level: 3 })
    .map((heading) => heading.textContent?.trim())
  expect(names).toEqual(open.map((badge) => badge.name))
  const summary = screen.getByRole('region', { name: 'Your badges at a glance' })
  expect(within(summary).getByRole('link', { name: /^\d+\+? to earn now$/ }).textContent).toMatch(
    new RegExp(`^${open.length}\\b`),
  )
  expect(screen.getByRole('link', { name: 'Remove filter: Ready to earn now' })).toBeTruthy()
})
