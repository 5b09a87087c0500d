import { expect, test } from 'vitest'
import { makeMemberBadge } from '../test/factories.ts'
import { earnLapsedAt, memberBadgeState, recentlyEarnedAt } from './display-state.ts'

const now = Date.UTC(2026, 10, 22)
const day = 86_400_000

test('a member badge with an active earn is earned, even without activeEarnedCount', () => {
  expect(memberBadgeState(makeMemberBadge({ activeEarnedCount: 1 }), now)).toBe('EARNED')
  const earn = {
    id: 'e',
    status: null,
    earnedAt: now - day,
    expiresAt: now + day,
    revokedAt: null,
    eventAt: null,
  }
  expect(memberBadgeState(makeMemberBadge({ activeEarnedCount: null, earns: [earn] }), now)).toBe(
    'EARNED',
  )
  const expired = { ...earn, expiresAt: now - 1 }
  expect(
    memberBadgeState(makeMemberBadge({ activeEarnedCount: null, earns: [expired] }), now),
  ).toBe('LOCKED')
})

test('an active issual is in progress; a revoked or expired one is not', () => {
  const issual = {
    id: 'i',
    status: 'ACTIVE',
    issuedAt: now - day,
    expiresAt: now + day,
    revokedAt: null,
    eventAt: null,
  }
  expect(memberBadgeState(makeMemberBadge({ issuals: [issual] }), now)).toBe('IN_PROGRESS')
  const revoked = { ...issual, status: 'REVOKED', revokedAt: now - 1 }
  expect(memberBadgeState(makeMemberBadge({ issuals: [revoked] }), now)).toBe('LOCKED')
  const lapsed = { ...issual, expiresAt: now - 1 }
  expect(memberBadgeState(makeMemberBadge({ issuals: [lapsed] }), now)).toBe('LOCKED')
  expect(memberBadgeState(makeMemberBadge({ issuals: [revoked, issual] }), now)).toBe('IN_PROGRESS')
})

test('a badge earned and since expired says when it lapsed; one never earned or still held does not', () => {
  const earn = (earnedAt: number, expiresAt: number | null) => ({
    id: 'e',
    status: null,
    earnedAt,
    expiresAt,
    revokedAt: null,
    eventAt: null,
  })
  expect(
    earnLapsedAt(
      makeMemberBadge({
        earns: [earn(now - 9 * day, now - 5 * day), earn(now - 4 * day, now - day)],
      }),
      now,
    ),
  ).toBe(now - day)
  expect(earnLapsedAt(makeMemberBadge({ earns: [] }), now)).toBeNull()
  expect(
    earnLapsedAt(
      makeMemberBadge({ activeEarnedCount: 1, earns: [earn(now - 9 * day, now - 5 * day)] }),
      now,
    ),
  ).toBeNull()
})

test('a badge earned in the last week is worth celebrating; an older or revoked one is not', () => {
  const earn = (earnedAt: number, revokedAt: number | null = null) => ({
    id: 'e',
    status: null,
    earnedAt,
    expiresAt: null,
    revokedAt,
    eventAt: null,
  })
  expect(recentlyEarnedAt(makeMemberBadge({ earns: [earn(now - 2 * day)] }), now)).toBe(
    now - 2 * day,
  )
  expect(recentlyEarnedAt(makeMemberBadge({ earns: [earn(now - 9 * day)] }), now)).toBeNull()
  expect(recentlyEarnedAt(makeMemberBadge({ earns: [earn(now - day, now)] }), now)).toBeNull()
  expect(recentlyEarnedAt(makeMemberBadge({ earns: [], lastEarnedAt: now - day }), now)).toBe(
    now - day,
  )
})
