import { afterEach, beforeEach, expect, test } from 'vitest'
import { makeBadge } from '../test/factories.ts'
import { daysLeft, formatRelative, setFormatTimeZone } from '../components/format.ts'
import { expiringWithin as expiringWithinDays } from './expiring.ts'
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

// The member's calendar: UTC here, whatever the machine's.
beforeEach(() => setFormatTimeZone('UTC'))
afterEach(() => setFormatTimeZone(undefined))

const expiringWithin = (earned: Judged[], available: Judged[], now: number, days: number) =>
  expiringWithinDays(earned, available, now, days, daysLeft)

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
      // Midnight seven days on: the card says "in 7 days", by the calendar, and so does this.
      daysLeft: 7,
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

test("a portal hears the days a card says are left, on the member's calendar", () => {
  // Noon in UTC; each deadline's card line, and the days the portal hears.
  const deadlines = [NOW + 5 * 3_600_000, NOW + 1.5 * DAY, NOW + 12.5 * DAY, NOW + 13.4 * DAY]
  const heard = expiringWithin(
    deadlines.map((at, index) => held(`b${index}`, at)),
    [],
    NOW,
    14,
  )
  expect(heard.map(({ daysLeft }) => daysLeft)).toEqual([0, 2, 13, 13])
  expect(deadlines.map((at) => formatRelative(at, NOW))).toEqual([
    'in\u00a05\u00a0hours',
    'in\u00a02\u00a0days',
    'in\u00a013\u00a0days',
    'in\u00a013\u00a0days',
  ])
  // In Pago Pago (11 hours behind) noon UTC is 1 am: 12.5 days on is still 12 days off.
  setFormatTimeZone('Pacific/Pago_Pago')
  expect(expiringWithin([held('b', NOW + 12.5 * DAY)], [], NOW, 14)[0]?.daysLeft).toBe(12)
})

test('the window counts days as the cards do: a card that says "in 7 days" is within 7 days', () => {
  // Noon on Nov 25: 10:48 pm on Dec 2 is more than 7 times 24 hours away, yet its card says "in
  // 7 days", as does 2:24 am's that day; Dec 3's is not within 7.
  const sameDay = [held('early', NOW + 6.6 * DAY), held('late', NOW + 7.45 * DAY)]
  const heard = expiringWithin([...sameDay, held('next', NOW + 7.6 * DAY)], [], NOW, 7)
  expect(heard.map(({ badgeId, daysLeft }) => [badgeId, daysLeft])).toEqual([
    ['early', 7],
    ['late', 7],
  ])
  expect(
    sameDay.map(({ truth }) => formatRelative((truth as { until: number }).until, NOW)),
  ).toEqual(['in\u00a07\u00a0days', 'in\u00a07\u00a0days'])
})
