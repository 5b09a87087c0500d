// The emulator's own calendar, written apart from the app's (src/badges/expiry.ts) so that the
// emulator stays an independent oracle: a mistake in the app's date arithmetic shows up as a
// disagreement in the tests instead of being copied into the answers.

import { DAY } from './model.ts'

export type CalendarUnit = 'DAYS' | 'WEEKS' | 'MONTHS'

/**
 * `from` moved by `length` units (negative goes back). Months are calendar months, and a day that
 * the target month lacks is its last day (31 January + 1 month = the end of February), in UTC.
 */
export function addSpan(from: number, { unit, length }: { unit: CalendarUnit; length: number }) {
  if (unit === 'DAYS') return from + length * DAY
  if (unit === 'WEEKS') return from + length * 7 * DAY
  const start = new Date(from)
  const year = start.getUTCFullYear()
  const month = start.getUTCMonth() + length
  const daysInTarget = new Date(Date.UTC(year, month + 1, 0)).getUTCDate()
  const day = Math.min(start.getUTCDate(), daysInTarget)
  return Date.UTC(
    year,
    month,
    day,
    start.getUTCHours(),
    start.getUTCMinutes(),
    start.getUTCSeconds(),
    start.getUTCMilliseconds(),
  )
}

/** Inside a group: badges with a rank first, lowest first; then the rest, latest expiry first. */
export function byBadgeRank(
  a: { rank: number | null; expiresAt: number | null },
  b: { rank: number | null; expiresAt: number | null },
): number {
  if (a.rank !== null || b.rank !== null) {
    if (a.rank === null) return 1
    if (b.rank === null) return -1
    return a.rank - b.rank
  }
  return (b.expiresAt ?? Number.NEGATIVE_INFINITY) - (a.expiresAt ?? Number.NEGATIVE_INFINITY) || 0
}
