import { currentLocale } from '../i18n/i18n.ts'

// Dates and relative times in the showcase's language, through Intl (numbers: i18n.ts).

const DAY = 86_400_000

// Dates and relative times never break across lines: their spaces are non-breaking.
const keepTogether = (text: string) => text.replace(/\s/g, '\u00a0')

// The member's time zone: the browser's own. The server's render is told the browser's (live mode's
// early.js; demo mode's cookie, server/time-zone.ts) or writes in its own (a demo's first page; a
// browser elsewhere renders for itself).
let timeZone: string | undefined

/** For the server's render: the time zone its dates are written in (undefined: the process's). */
export function setFormatTimeZone(zone: string | undefined) {
  timeZone = zone
}

// Made once per language (and time zone): making a formatter costs far more than using one, and a
// list of badges formats hundreds of dates and numbers in one render.
function perLocale<T>(make: (locale: string) => T): () => T {
  const made = new Map<string, T>()
  return () => {
    const locale = currentLocale()
    const key = `${locale} ${timeZone}`
    let formatter = made.get(key)
    if (formatter === undefined) {
      formatter = make(locale)
      made.set(key, formatter)
    }
    return formatter
  }
}

const dates = perLocale(
  (locale) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone }),
)
const relatives = perLocale((locale) => new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }))
// The calendar day a moment falls on where the member is, as a day number.
const days = perLocale(
  () =>
    new Intl.DateTimeFormat('en', { year: 'numeric', month: 'numeric', day: 'numeric', timeZone }),
)
function calendarDay(ms: number): number {
  const part: Partial<Record<string, number>> = {}
  for (const { type, value } of days().formatToParts(ms)) part[type] = Number(value)
  return Date.UTC(part.year ?? 0, (part.month ?? 1) - 1, part.day ?? 1) / DAY
}

/** Whether two moments fall on the same day of the member's calendar (the day their dates name). */
export function sameDay(a: number, b: number): boolean {
  return calendarDay(a) === calendarDay(b)
}

export function formatDate(ms: number): string {
  return keepTogether(dates().format(ms))
}

/**
 * The days left until a moment still to come, as formatRelative counts them: 0 within a day (it
 * says hours), then days of the member's calendar (it says "in 13 days" up to 45, then months).
 */
export function daysLeft(ms: number, now: number): number {
  return ms - now < DAY ? 0 : calendarDay(ms) - calendarDay(now)
}

/** "in 12 days", "3 hours ago": the largest unit that reads naturally. */
export function formatRelative(ms: number, now: number): string {
  const diff = ms - now
  const abs = Math.abs(diff)
  const format = (value: number, unit: Intl.RelativeTimeFormatUnit) =>
    keepTogether(relatives().format(value, unit))
  if (abs < 3_600_000) return format(Math.round(diff / 60_000), 'minute')
  if (abs < DAY) return format(Math.round(diff / 3_600_000), 'hour')
  // Days as the calendar counts them where the member is, as the date beside it is written: by
  // hours, Dec 11 read "tomorrow" late on Dec 9 far west of the server.
  if (abs < 45 * DAY) return format(calendarDay(ms) - calendarDay(now), 'day')
  if (abs < 365 * DAY) return format(Math.round(diff / (30 * DAY)), 'month')
  return format(Math.round(diff / (365 * DAY)), 'year')
}
