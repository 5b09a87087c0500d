/** @vitest-environment jsdom */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { render, screen, within } from '@testing-library/react'
import { createMemoryRouter, RouterProvider } from 'react-router'
import { expect, test } from 'vitest'
import { type CustomerBadge } from '../badges/types.ts'
import { badgeQueries, defaultLists } from '../queries/badges.ts'
import { makeBadge } from '../test/factories.ts'
import { StandingSummary } from './standing-summary.tsx'

// The summary's "next up" row is always there, so the summary keeps the height its placeholder
// holds; what it says must still be true: the nearest badge, a way to the rest of a list only
// partly loaded, or plainly that nothing is open.

const customer = { id: 'member-1', by: null }

function page(badges: CustomerBadge[], totalPages = 1) {
  return {
    pages: [
      {
        badges,
        skipped: 0,
        pagination: { page: 0, size: 50, total: badges.length, totalPages },
      },
    ],
    pageParams: [0],
  }
}

function show(available: CustomerBadge[], totalPages = 1) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity } } })
  const held = makeBadge({ name: 'First Sip', earnedCount: 1, lastEarnedAt: Date.now() })
  queryClient.setQueryData(badgeQueries.list(customer, defaultLists.earned).queryKey, page([held]))
  queryClient.setQueryData(
    badgeQueries.list(customer, defaultLists.available).queryKey,
    page(available, totalPages),
  )
  const router = createMemoryRouter(
    [{ path: '*', element: <StandingSummary customer={customer} /> }],
    { initialEntries: ['/customers/member-1/earned'] },
  )
  render(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  )
  return screen.getByRole('region', { name: 'Your badges at a glance' })
}

test('with a badge open to the member, "next up" names it and opens its page', () => {
  const open = makeBadge({ id: 'night-owl', name: 'Night Owl' })
  const summary = show([open])
  const next = within(summary).getByRole('link', { name: /Next up/ })
  expect(next.textContent).toContain('Night Owl')
  expect(next.getAttribute('href')).toBe('/customers/member-1/badges/night-owl')
})

test('with nothing open and the whole list read, it says so, and links nowhere', () => {
  const summary = show([])
  expect(within(summary).getByText('Nothing open to you right now')).toBeTruthy()
  expect(within(summary).queryByRole('link', { name: /Next up/ })).toBeNull()
})

test('with only part of the list read, it claims nothing and leads to the whole list', () => {
  // The one badge on the first page has closed: nothing open there, but more pages follow.
  const closed = makeBadge({ name: 'Summer Only', expiresAt: Date.now() - 86_400_000 })
  const summary = show([closed], 2)
  expect(within(summary).queryByText('Nothing open to you right now')).toBeNull()
  const more = within(summary).getByRole('link', { name: /See the available badges/ })
  expect(more.getAttribute('href')).toBe('/customers/member-1/available')
})

test('a count of none is a figure, not a link to an empty list', () => {
  // Nothing open (the whole list read), nothing running out: figures. One earned: its link.
  const summary = show([])
  expect(within(summary).getByRole('link', { name: /^1\s*badge earned$/ })).toBeTruthy()
  expect(within(summary).queryByRole('link', { name: /to earn now/ })).toBeNull()
  expect(within(summary).getByText('to earn now').previousElementSibling?.textContent).toBe('0')
  expect(within(summary).queryByRole('link', { name: /expiring soon/ })).toBeNull()
})

test('none found on a list with pages left is "0+", and leads to the rest', () => {
  const partial = show([makeBadge({ name: 'Summer Only', expiresAt: Date.now() - 86_400_000 })], 2)
  expect(within(partial).getByRole('link', { name: /^0\+\s*to earn now$/ })).toBeTruthy()
})
