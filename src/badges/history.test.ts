import { expect, test } from 'vitest'
import { makeMemberBadge } from '../test/factories.ts'
import { historyEvents } from './history.ts'

const now = 1_000_000

test('issued, revoked, earned and expired events, newest first', () => {
  const badge = makeMemberBadge({
    issuals: [
      { id: 'i1', status: 'REVOKED', issuedAt: 100, expiresAt: 900, revokedAt: 200, eventAt: null },
      {
        id: 'i2',
        status: 'ACTIVE',
        issuedAt: 300,
        expiresAt: 2_000_000,
        revokedAt: null,
        eventAt: null,
      },
      { id: 'i3', status: 'ACTIVE', issuedAt: 50, expiresAt: 60, revokedAt: null, eventAt: null },
    ],
    earns: [
      { id: 'e1', status: 'ACTIVE', earnedAt: 400, expiresAt: 500, revokedAt: null, eventAt: null },
      {
        id: 'e2',
        status: 'ACTIVE',
        earnedAt: 600,
        expiresAt: null,
        revokedAt: null,
        eventAt: null,
      },
    ],
  })
  expect(historyEvents(badge, now).map((event) => [event.kind, event.of, event.at])).toEqual([
    ['earned', 'earn', 600],
    ['expired', 'earn', 500],
    ['earned', 'earn', 400],
    ['issued', 'issual', 300],
    ['revoked', 'issual', 200],
    ['issued', 'issual', 100],
    ['expired', 'issual', 60],
    ['issued', 'issual', 50],
  ])
  // Which earn ran out: the one made at 400.
  expect(historyEvents(badge, now).find((event) => event.kind === 'expired')).toEqual({
    kind: 'expired',
    at: 500,
    of: 'earn',
    earnedAt: 400,
  })
})

test('an issual that was earned does not also expire; unknown dates are left out', () => {
  const badge = makeMemberBadge({
    issuals: [
      { id: 'i', status: 'EARNED', issuedAt: null, expiresAt: 10, revokedAt: null, eventAt: null },
    ],
    earns: [
      { id: 'e', status: 'REVOKED', earnedAt: 5, expiresAt: null, revokedAt: null, eventAt: null },
    ],
  })
  expect(historyEvents(badge, now)).toEqual([{ kind: 'earned', at: 5, of: 'earn' }])
})

test('an only earn that ran out is not told apart by its date: there is no other', () => {
  const badge = makeMemberBadge({
    earns: [
      { id: 'e', status: 'ACTIVE', earnedAt: 400, expiresAt: 500, revokedAt: null, eventAt: null },
    ],
  })
  expect(historyEvents(badge, now)).toEqual([
    { kind: 'expired', at: 500, of: 'earn' },
    { kind: 'earned', at: 400, of: 'earn' },
  ])
})
