import { expect, test } from 'vitest'
import { effectiveStatus, readBadgeStatus } from './status.ts'

test("the server's status is read, ENDED meaning expired", () => {
  expect(readBadgeStatus('LIVE')).toBe('LIVE')
  expect(readBadgeStatus('upcoming')).toBe('UPCOMING')
  expect(readBadgeStatus('ENDED')).toBe('EXPIRED')
  expect(readBadgeStatus('PAUSED')).toBe('UNKNOWN')
  expect(readBadgeStatus(null)).toBe('UNKNOWN')
})

test('an unknown status falls back on the dates', () => {
  const at = (startsAt: number | null, expiresAt: number | null) =>
    effectiveStatus({ status: 'UNKNOWN', startsAt, expiresAt }, 100)
  expect(at(50, 90)).toBe('EXPIRED')
  expect(at(150, 200)).toBe('UPCOMING')
  expect(at(50, 200)).toBe('LIVE')
  expect(at(null, null)).toBe('UNKNOWN')
  expect(effectiveStatus({ status: 'LIVE', startsAt: null, expiresAt: 1 }, 100)).toBe('LIVE')
})
