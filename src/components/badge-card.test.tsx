/** @vitest-environment jsdom */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { render, screen } from '@testing-library/react'
import { createMemoryRouter, RouterProvider } from 'react-router'
import { expect, test } from 'vitest'
import { type Benefit } from '../badges/types.ts'
import { makeBadge } from '../test/factories.ts'
import { BadgeCard } from './badge-card.tsx'

const coupon = (description: string): Benefit => ({ kind: 'coupon', seriesId: '1', description })

function renderCard(benefits: Benefit[]) {
  const badge = makeBadge({ id: 'b1', name: 'Friend Referrer', benefits })
  const card = (
    <ul>
      <BadgeCard
        badge={badge}
        truth={{ kind: 'can-earn', until: null, left: null }}
        customer={{ id: '62090013', by: null }}
        now={Date.UTC(2026, 10, 29)}
      />
    </ul>
  )
  const router = createMemoryRouter([{ path: '*', element: card }])
  render(
    <QueryClientProvider client={new QueryClient()}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  )
}

/** The rewards as the card reads aloud: each chip with its "Reward:". */
const chips = () =>
  screen.queryAllByText(/^Reward:/).map((label) => label.parentElement?.textContent)

test('each reward is its own chip on a card, as on the badge page', () => {
  renderCard([coupon('$10 off for you and your friend'), coupon('300 bonus points')])
  expect(chips()).toEqual(['Reward: $10 off for you and your friend', 'Reward: 300 bonus points'])
  expect(screen.queryByText(/more reward/)).toBeNull()
})

test('past two rewards, the card counts the rest rather than growing', () => {
  renderCard([coupon('A'), coupon('B'), coupon('C'), coupon('D')])
  expect(chips()).toEqual(['Reward: A', 'Reward: B'])
  expect(screen.getByText('and 2 more rewards')).toBeDefined()
})

test('a badge without rewards shows no chip', () => {
  renderCard([])
  expect(chips()).toEqual([])
})
