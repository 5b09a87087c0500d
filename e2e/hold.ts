import { type Page } from '@playwright/test'

/** The app's entry script: held, the page is as the server sent it. */
export const ENTRY_SCRIPT = /\/assets\/index-[^/]+\.js$/

/** Holds the files matching `files` until the returned function is called. */
export async function hold(page: Page, files: RegExp): Promise<() => void> {
  let release = () => {}
  const released = new Promise<void>((resolve) => (release = resolve))
  await page.route(files, async (route) => {
    await released
    await route.continue()
  })
  return release
}
