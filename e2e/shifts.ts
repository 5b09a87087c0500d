import { type Page } from '@playwright/test'

/**
 * Records every layout shift the page makes from its first byte, as CLS counts them (shifts within
 * half a second of the member's own input are left out). Call before the page is opened.
 */
export async function recordShifts(page: Page) {
  await page.addInitScript(() => {
    const shifts: number[] = []
    Object.assign(window, { __shifts: shifts })
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as unknown as Array<{
        value: number
        hadRecentInput: boolean
      }>)
        if (!entry.hadRecentInput) shifts.push(entry.value)
    }).observe({ type: 'layout-shift', buffered: true })
  })
}

/** The shifts recorded so far (none: an empty list). */
export const shifts = (page: Page) =>
  page.evaluate(() => (window as unknown as { __shifts: number[] }).__shifts)
