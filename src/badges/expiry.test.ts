import { expect, test } from 'vitest'
import { addSpan, expiresAt, expiryStatus, normalizeExpiry, type RawExpiry } from './expiry.ts'

const rule = (overrides: Partial<RawExpiry>): RawExpiry => ({
  expiryType: null,
  relativeExpirytype: null,
  value: null,
  type: null,
  expiresOn: null,
  expireWithBadgeMeta: null,
  ...overrides,
})

test('the three documented expiry kinds, and everything else as unknown', () => {
  expect(
    normalizeExpiry(rule({ expiryType: 'RELATIVE', relativeExpirytype: 'DAYS', value: 2 })),
  ).toEqual({
    kind: 'relative',
    after: { unit: 'DAYS', length: 2 },
  })
  expect(
    normalizeExpiry(rule({ expiryType: 'ABSOLUTE', type: 'FIXED_DATE', expiresOn: 5 })),
  ).toEqual({
    kind: 'fixed-date',
    at: 5,
  })
  expect(
    normalizeExpiry(
      rule({ expiryType: 'ABSOLUTE', type: 'WITH_BADGE_META', expireWithBadgeMeta: true }),
    ),
  ).toEqual({
    kind: 'with-badge',
  })
  expect(normalizeExpiry(rule({ expiryType: 'NEVER' }))).toEqual({ kind: 'never' })
  expect(
    normalizeExpiry(rule({ expiryType: 'RELATIVE', relativeExpirytype: 'FORTNIGHTS', value: 1 })),
  ).toEqual({
    kind: 'unknown',
  })
  expect(normalizeExpiry(null)).toEqual({ kind: 'unknown' })
})

test('months are calendar months, clamped to the end of a shorter month', () => {
  expect(addSpan(Date.UTC(2026, 0, 31), { unit: 'MONTHS', length: 1 })).toBe(Date.UTC(2026, 1, 28))
  expect(addSpan(Date.UTC(2026, 0, 1), { unit: 'WEEKS', length: 2 })).toBe(Date.UTC(2026, 0, 15))
})

test('when an earn expires under each rule', () => {
  const earned = Date.UTC(2026, 0, 1)
  expect(expiresAt({ kind: 'relative', after: { unit: 'DAYS', length: 30 } }, earned, null)).toBe(
    Date.UTC(2026, 0, 31),
  )
  expect(expiresAt({ kind: 'with-badge' }, earned, 99)).toBe(99)
  expect(expiresAt({ kind: 'never' }, earned, 99)).toBeNull()
  expect(expiresAt({ kind: 'relative', after: { unit: 'DAYS', length: 1 } }, null, null)).toBeNull()
})

test('expired, expiring or no expiry', () => {
  expect(expiryStatus(null, 10)).toEqual({ kind: 'none' })
  expect(expiryStatus(10, 10)).toEqual({ kind: 'expired', at: 10 })
  expect(expiryStatus(25, 10)).toEqual({ kind: 'expires', at: 25, remainingMs: 15 })
})
