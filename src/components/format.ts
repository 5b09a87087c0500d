import { currentLocale } from '../i18n/i18n.ts'

// Dates, numbers and relative times in the showcase's language, through Intl.

const DAY = 86_400_000

export function formatDate(ms: number): string {
  return new Intl.DateTimeFormat(currentLocale(), { dateStyle: 'medium' }).format(ms)
}

export function formatNumber(n: number): string {
  return new Intl.NumberFormat(currentLocale()).format(n)
}

/** "in 12 days", "3 hours ago": the largest unit that reads naturally. */
export function formatRelative(ms: number, now: number): string {
  const diff = ms - now
  const abs = Math.abs(diff)
  const format = new Intl.RelativeTimeFormat(currentLocale(), { numeric: 'auto' })
  if (abs < 3_600_000) return format.format(Math.round(diff / 60_000), 'minute')
  if (abs < DAY) return format.format(Math.round(diff / 3_600_000), 'hour')
  if (abs < 45 * DAY) return format.format(Math.round(diff / DAY), 'day')
  if (abs < 365 * DAY) return format.format(Math.round(diff / (30 * DAY)), 'month')
  return format.format(Math.round(diff / (365 * DAY)), 'year')
}
