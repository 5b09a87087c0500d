import { type Page } from '@playwright/test'

/** Whether each tab carries the underline that marks where the member is. */
export async function tabMarks(page: Page) {
  const nav = page.getByRole('navigation', { name: 'Badges' })
  const marked = (name: RegExp) =>
    nav
      .getByRole('link', { name })
      .evaluate((tab) => getComputedStyle(tab).borderBottomColor !== 'rgba(0, 0, 0, 0)')
  return { earned: await marked(/^Earned/), available: await marked(/^Available/) }
}
