import { expect, test } from 'vitest'
import { canonicalTimeZone } from './time-zone.ts'

test('a zone by any spelling is one name; an unknown one is none', () => {
  expect(canonicalTimeZone('Pacific/Pago_Pago')).toBe('Pacific/Pago_Pago')
  expect(canonicalTimeZone('asia/kolkata')).toBe(canonicalTimeZone('Asia/Kolkata'))
  expect(canonicalTimeZone('Mars/Olympus')).toBeNull()
  expect(canonicalTimeZone('')).toBeNull()
})

// Chromium's date formatting names GMT "+00:00"; Node 20 takes no offset as a zone.
test('a whole-hour offset is the Etc/GMT zone of the same hour, and writes the same dates', () => {
  const at = Date.UTC(2026, 10, 25, 22, 30)
  const day = (zone: string) =>
    new Intl.DateTimeFormat('en', { timeZone: zone, dateStyle: 'medium' }).format(at)
  expect(canonicalTimeZone('+00:00')).toBe('UTC')
  expect(day(canonicalTimeZone('+03:00') ?? '')).toBe('Nov 26, 2026')
  expect(day(canonicalTimeZone('-11:00') ?? '')).toBe('Nov 25, 2026')
})
