import { expect, test } from 'vitest'
import { epochToMs, isoToMs, timestamp } from './time.ts'

test('epoch seconds with a nine-digit fraction become milliseconds', () => {
  expect(epochToMs(1698557400.0)).toBe(1698557400000)
  expect(epochToMs(1719900534.389096)).toBe(1719900534389)
})

test('a value above 1e11 is already milliseconds', () => {
  expect(epochToMs(1698557400123)).toBe(1698557400123)
})

test('numeric strings are read, everything unreadable is unknown rather than 1970', () => {
  expect(epochToMs('1698557400.5')).toBe(1698557400500)
  for (const bad of [null, undefined, '', 'soon', 0, -5, Number.NaN, Infinity, {}, true]) {
    expect(epochToMs(bad)).toBeNull()
  }
})

test('ISO strings with an offset are read as the instant they name', () => {
  expect(isoToMs('2024-05-27T15:21:27+05:30')).toBe(Date.UTC(2024, 4, 27, 9, 51, 27))
  expect(isoToMs('not a date')).toBeNull()
  expect(isoToMs(null)).toBeNull()
})

test('the ISO twin wins over the epoch value, and the epoch value fills in when the twin is missing', () => {
  expect(timestamp(1, '2025-12-02T05:50:07Z')).toBe(Date.UTC(2025, 11, 2, 5, 50, 7))
  expect(timestamp(1764654607.0, null)).toBe(Date.UTC(2025, 11, 2, 5, 50, 7))
  expect(timestamp(1764654607.0, 'garbage')).toBe(Date.UTC(2025, 11, 2, 5, 50, 7))
  expect(timestamp(null, undefined)).toBeNull()
})

test('values beyond what a date can hold are unknown, not a crash later', () => {
  expect(epochToMs(Number.MAX_SAFE_INTEGER * 1024)).toBeNull()
  expect(epochToMs(1.7e18)).toBeNull()
  expect(isoToMs('+275760-09-14T00:00:00.000Z')).toBeNull()
})
