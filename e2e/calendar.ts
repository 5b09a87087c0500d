import { type Page } from '@playwright/test'

/**
 * The days from now to `at` on the browser's calendar, as the showcase counts them ("in 13 days"):
 * 12 days and 5 hours away is 13 days from 19:00 on.
 */
export function calendarDaysUntil(page: Page, at: number): Promise<number> {
  return page.evaluate((until) => {
    const parts = new Intl.DateTimeFormat('en', { dateStyle: 'short' })
    const day = (ms: number) => {
      const [month, date, year] = parts.format(ms).split('/').map(Number)
      return Date.UTC(2000 + (year ?? 0), (month ?? 1) - 1, date ?? 1) / 86_400_000
    }
    return day(until) - day(Date.now())
  }, at)
}
