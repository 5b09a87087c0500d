import { afterEach, expect, test } from 'vitest'
import { formatDate, formatRelative, setFormatTimeZone } from './format.ts'

afterEach(() => setFormatTimeZone(undefined))

const now = Date.UTC(2026, 11, 10, 9, 40)
const until = Date.UTC(2026, 11, 11, 12, 0)

test('days are counted as the calendar counts them where the member is, as the date is written', () => {
  // Late on Dec 9 in Pago Pago: Dec 11 is two days off, not "tomorrow" by 26 hours.
  setFormatTimeZone('Pacific/Pago_Pago')
  expect(formatDate(until)).toBe('Dec\u00a011,\u00a02026')
  expect(formatRelative(until, now)).toBe('in\u00a02\u00a0days')
  // Late on Dec 10 in Kiritimati: Dec 12, two days off.
  setFormatTimeZone('Pacific/Kiritimati')
  expect(formatDate(until)).toBe('Dec\u00a012,\u00a02026')
  expect(formatRelative(until, now)).toBe('in\u00a02\u00a0days')
  // In London the same moments are a day apart.
  setFormatTimeZone('Europe/London')
  expect(formatRelative(until, now)).toBe('tomorrow')
  expect(formatRelative(now - 3 * 86_400_000, now)).toBe('3\u00a0days\u00a0ago')
})

test('within a day, hours and minutes; far off, months and years', () => {
  setFormatTimeZone('UTC')
  expect(formatRelative(now + 5 * 3_600_000, now)).toBe('in\u00a05\u00a0hours')
  expect(formatRelative(now + 20 * 60_000, now)).toBe('in\u00a020\u00a0minutes')
  expect(formatRelative(now + 92 * 86_400_000, now)).toBe('in\u00a03\u00a0months')
  expect(formatRelative(now + 800 * 86_400_000, now)).toBe('in\u00a02\u00a0years')
})
