import { expect, test } from 'vitest'
import { makeBadge } from '../test/factories.ts'
import { earnableNow, type Judged, nextUp, worthAimingFor } from './standing.ts'
import { type BadgeTruth } from './truth.ts'

const judged = (id: string, truth: BadgeTruth): Judged => ({ badge: makeBadge({ id }), truth })

test('"to earn now" counts what the member can earn today, repeats included, nothing closed', () => {
  const available = [
    judged('open', { kind: 'can-earn', until: null, left: null }),
    judged('started', { kind: 'in-progress', earnBy: null }),
    judged('again-now', {
      kind: 'earned',
      until: null,
      times: 1,
      lastEarnedAt: null,
      next: { kind: 'now' },
    }),
    judged('ran-out-again-now', {
      kind: 'expired',
      at: 1,
      times: 1,
      lastEarnedAt: null,
      next: { kind: 'now' },
    }),
    // Not today: opens later, must be opened by the brand first, held until it opens again,
    // over for everyone.
    judged('upcoming', { kind: 'not-yet', startsAt: 10 }),
    judged('needs-issue', { kind: 'not-yet', startsAt: null }),
    judged('again-later', { kind: 'earn-again-from', at: 10, times: 1 }),
    judged('held-later', {
      kind: 'earned',
      until: null,
      times: 1,
      lastEarnedAt: null,
      next: { kind: 'from', at: 10 },
    }),
    judged('sold-out', { kind: 'no-longer', why: 'sold-out', at: null }),
    // Earned before, its record not read: whether it is open again now is not known.
    judged('earned-before', { kind: 'can-earn', until: null, left: null, unsure: true }),
  ]
  expect(earnableNow(available).map(({ badge }) => badge.id)).toEqual([
    'open',
    'started',
    'again-now',
    'ran-out-again-now',
  ])
})

test('next up and the picks never lead with a badge that may not be open to the member', () => {
  const unsure = judged('earned-before', { kind: 'can-earn', until: null, left: 3, unsure: true })
  const open = judged('open', { kind: 'can-earn', until: null, left: null })
  // Three left would make it nearest, if it were known to be open to them.
  expect(nextUp([unsure, open], 0)).toEqual({ badge: open.badge, why: { kind: 'open' } })
  expect(nextUp([unsure], 0)).toBeNull()
  const another = judged('another', { kind: 'can-earn', until: null, left: null })
  expect(worthAimingFor([unsure, open, another], 0).map(({ badge }) => badge.id)).toEqual([
    'another',
  ])
})

test('next up: an offer ending within the month comes before a supply running low', () => {
  const scarce = judged('scarce', { kind: 'can-earn', until: null, left: 812 })
  const ending = judged('ending', { kind: 'can-earn', until: 12 * 86_400_000, left: null })
  const far = judged('far', { kind: 'can-earn', until: 90 * 86_400_000, left: null })
  expect(nextUp([scarce, ending], 0)).toEqual({
    badge: ending.badge,
    why: { kind: 'ends', at: 12 * 86_400_000 },
  })
  // An end months away is no deadline yet: the supply leads.
  expect(nextUp([far, scarce], 0)).toEqual({
    badge: scarce.badge,
    why: { kind: 'left', count: 812 },
  })
})

test('the picks for a new member are open now, and leave out the badge next up above them', () => {
  const scarce = judged('scarce', { kind: 'can-earn', until: null, left: 812 })
  const [a, b, c, d] = ['a', 'b', 'c', 'd'].map((id) =>
    judged(id, { kind: 'can-earn', until: null, left: null }),
  ) as [Judged, Judged, Judged, Judged]
  const later = judged('later', { kind: 'not-yet', startsAt: 10 })
  const available = [a, later, scarce, b, c, d]
  expect(nextUp(available, 0)?.badge.id).toBe('scarce')
  expect(worthAimingFor(available, 0).map(({ badge }) => badge.id)).toEqual(['a', 'b', 'c'])
})
