import { expect, test } from 'vitest'
import { makeBadge } from '../test/factories.ts'
import { expiringWithin } from './expiring.ts'
import { type Judged } from './standing.ts'

const DAY = 86_400_000
const NOW = Date.UTC(2026, 10, 25, 12)

const held = (id: string, until: number | null): Judged => ({
  badge: makeBadge({ id, name: ` ${id} ` }),
  truth: { kind: 'earned', until, times: 1, lastEarnedAt: null, next: { kind: 'unknown' } },
})
const issued = (id: string, earnBy: number | null): Judged => ({
  badge: makeBadge({ id, name: id }),
  truth: { kind: 'in-progress', earnBy },
})

test('earned badges that run out and issued ones to earn within the days asked, soonest first', () => {
  const earned = [
    held('later', NOW + 6.5 * DAY),
    held('forever', null),
    held('too-late', NOW + 8 * DAY),
    held('gone', NOW - DAY),
  ]
  const available = [
    issued('issue', NOW + 2 * DAY),
    issued('open', null),
    { badge: makeBadge({ id: 'can' }), truth: { kind: 'can-earn', until: NOW + DAY, left: null } },
  ] satisfies Judged[]
  expect(expiringWithin(earned, available, NOW, 7)).toEqual([
    {
      badgeId: 'issue',
      name: 'issue',
      expiresOn: new Date(NOW + 2 * DAY).toISOString(),
      daysLeft: 2,
      kind: 'earn-by',
    },
    {
      badgeId: 'later',
      name: 'later',
      expiresOn: new Date(NOW + 6.5 * DAY).toISOString(),
      daysLeft: 6,
      kind: 'earned-expires',
    },
  ])
  expect(expiringWithin(earned, available, NOW, 10).map(({ badgeId }) => badgeId)).toEqual([
    'issue',
    'later',
    'too-late',
  ])
  expect(expiringWithin(earned, available, NOW, 0)).toEqual([])
})
