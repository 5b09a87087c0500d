import { expect, test } from 'vitest'
import { makeBadge } from '../test/factories.ts'
import { earnableNow, type Judged } from './standing.ts'
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
  ]
  expect(earnableNow(available).map(({ badge }) => badge.id)).toEqual([
    'open',
    'started',
    'again-now',
    'ran-out-again-now',
  ])
})
