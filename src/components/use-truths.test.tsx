/** @vitest-environment jsdom */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { renderHook } from '@testing-library/react'
import { type ReactNode } from 'react'
import { expect, test } from 'vitest'
import { type CustomerBadge } from '../badges/types.ts'
import { badgeQueries } from '../queries/badges.ts'
import { makeBadge } from '../test/factories.ts'
import { type EarnedSoFar, useAvailableTruths } from './use-truths.ts'

// Which member records the offers ask for: each costs a request against the member's per-minute
// share and Capillary's quota, so none that the earned list may make needless.

const customer = { id: 'member-1', by: null }
const now = Date.UTC(2026, 10, 25, 12)

const issued = makeBadge({ id: 'issued', earnType: 'ISSUE_EARN' })
const earnedBefore = makeBadge({ id: 'earned-before', earnedCount: 2, lastEarnedAt: now - 1e9 })
const heldNow = makeBadge({ id: 'held', earnedCount: 1, lastEarnedAt: now - 1e8 })
const never = makeBadge({ id: 'never' })

function recordsAskedFor(earned: EarnedSoFar) {
  // Nothing answers (no fetch here): only which records were asked for is read.
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
  )
  const { result } = renderHook(
    () => useAvailableTruths(customer, [issued, earnedBefore, heldNow, never], earned, now),
    { wrapper },
  )
  const asked = queryClient
    .getQueryCache()
    .findAll({ queryKey: [...badgeQueries.member(customer), 'badge'] })
    .map((query) => String(query.queryKey.at(-1)))
    .sort()
  return { asked, truths: result.current }
}

test('before the earned list answers, only the records needed whatever it says', () => {
  const { asked, truths } = recordsAskedFor({ badges: undefined, complete: false, failed: false })
  expect(asked).toEqual(['issued'])
  // Badges earned before wait for the earned list; a badge never earned is judged at once.
  expect(truths.get('earned-before')).toBeNull()
  expect(truths.get('held')).toBeNull()
  expect(truths.get('never')).toMatchObject({ kind: 'can-earn' })
})

test('once it has, the record of a badge earned before and no longer held, not of one held', () => {
  const held: CustomerBadge = { ...heldNow, expiresAt: now + 1e9 }
  const { asked } = recordsAskedFor({ badges: [held], complete: true, failed: false })
  expect(asked).toEqual(['earned-before', 'issued'])
})

test('an earned list that failed does not hold the records back', () => {
  const { asked } = recordsAskedFor({ badges: undefined, complete: false, failed: true })
  expect(asked).toEqual(['earned-before', 'held', 'issued'])
})
