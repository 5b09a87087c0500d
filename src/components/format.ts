import { currentLocale } from '../i18n/i18n.ts'

// Dates, numbers and relative times in the showcase's language, through Intl.

const DAY = 86_400_000

// Dates and relative times never break across lines: their spaces are non-breaking.
const keepTogether = (text: string) => text.replace(/\s/g, '\u00a0')

export function formatDate(ms: number): string {
  return keepTogether(new Intl.DateTimeFormat(currentLocale(), { dateStyle: 'medium' }).format(ms))
}

export function formatNumber(n: number): string {
  return new Intl.NumberFormat(currentLocale()).format(n)
}

/** "in 12 days", "3 hours ago": the largest unit that reads naturally. */
export function formatRelative(ms: number, now: number): string {
  const diff = ms - now
  const abs = Math.abs(diff)
  const relative = new Intl.RelativeTimeFormat(currentLocale(), { numeric: 'auto' })
  const format = (value: number, unit: Intl.RelativeTimeFormatUnit) =>
    keepTogether(relative.format(value, unit))
  if (abs < 3_600_000) return format(Math.round(diff / 60_000), 'minute')
  if (abs < DAY) return format(Math.round(diff / 3_600_000), 'hour')
  if (abs < 45 * DAY) return format(Math.round(diff / DAY), 'day')
  if (abs < 365 * DAY) return format(Math.round(diff / (30 * DAY)), 'month')
  return format(Math.round(diff / (365 * DAY)), 'year')
}
