import { expect, type Page, test } from '@playwright/test'

// The member's way through the showcase with a keyboard only: the summary, a folded group and
// the celebration of a new badge.

const TOM = '62090013'
const VIP = '381921157'
const REGULAR = '6650b1c00000000000000002'

/** Tab until the focused element matches `selector` (inside the page's main content). */
async function tabTo(page: Page, selector: string, limit = 60): Promise<void> {
  for (let presses = 0; presses < limit; presses++) {
    await page.keyboard.press('Tab')
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return
  }
  throw new Error(`${selector} is not reachable with Tab in ${limit} presses`)
}

const focusedHref = (page: Page) =>
  page.evaluate(() => document.activeElement?.getAttribute('href') ?? null)

test('the summary: each part is a link, reached by Tab, to what it counts', async ({ page }) => {
  await page.goto(`/customers/${TOM}/earned`)
  const summary = page.getByRole('region', { name: 'Your badges at a glance' })
  await expect(summary).toBeVisible()
  await expect(page.getByRole('heading', { name: 'First Sip' })).toBeVisible()

  // Tab into the summary, then through each of its parts in order.
  await tabTo(page, '[aria-label="Your badges at a glance"] a')
  const parts: { href: string | null; text: string }[] = []
  for (;;) {
    const inside = await page.evaluate(
      () => document.activeElement?.closest('[aria-label="Your badges at a glance"]') !== null,
    )
    if (!inside) break
    parts.push({
      href: await focusedHref(page),
      // What it says, without the arrow that marks a figure as a link (hidden from screen readers).
      text: await page.evaluate(() =>
        (document.activeElement as HTMLElement).innerText.replace(/\s*›/g, ''),
      ),
    })
    await page.keyboard.press('Tab')
  }
  expect(parts.length).toBeGreaterThanOrEqual(4)
  const [earned, toEarn, , nextUp] = parts
  expect(earned?.href).toBe(`/customers/${TOM}/earned`)
  expect(earned?.text).toMatch(/^7\s+badges earned$/)
  expect(toEarn?.href).toBe(`/customers/${TOM}/available?now=1`)
  expect(toEarn?.text).toMatch(/to earn now$/)
  expect(nextUp?.href).toMatch(new RegExp(`^/customers/${TOM}/badges/`))
  expect(nextUp?.text).toMatch(/^Next up/)
  const nextName = nextUp?.text.split('\n')[1]?.trim() ?? ''

  // "To earn" opens the list of what it counts, just those; "Next up" opens that badge's page.
  await page.locator(`[aria-label="Your badges at a glance"] a[href$="/available?now=1"]`).focus()
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(new RegExp(`/customers/${TOM}/available\\?now=1$`))
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Available badges')
  const count = Number(toEarn?.text.match(/^\d+/)?.[0])
  const cards = page.locator('li.badge-card')
  await expect(cards.first()).toBeVisible()
  await expect(page.locator('li.badge-card .animate-pulse')).toHaveCount(0)
  // What "to earn now" counts: every badge on the list, each one the member can earn today by
  // what its card says (not one that opens later or is not open to them).
  await expect(cards).toHaveCount(count)
  const open = await cards.evaluateAll(
    (items) =>
      items.filter((item) => {
        const alt =
          item.querySelector('img')?.getAttribute('alt') ??
          item.querySelector('[role="img"]')?.getAttribute('aria-label') ??
          ''
        return (
          /, (not earned yet|open to you, in progress)$/.test(alt) ||
          (item as HTMLElement).innerText.includes('Earn it again now')
        )
      }).length,
  )
  expect(count).toBe(open)

  await page.locator(`[aria-label="Your badges at a glance"] a[href*="/badges/"]`).focus()
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(new RegExp(`/customers/${TOM}/badges/`))
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(nextName)
})

test("a VIP's group folds and unfolds with Enter and Space, and See all opens the rest", async ({
  page,
}) => {
  await page.goto(`/customers/${VIP}/earned`)
  await expect(page.locator('li.badge-card').nth(20)).toBeVisible()

  await tabTo(page, 'h2 button[aria-expanded]')
  const fold = page.locator(':focus')
  const list = page.locator(`#${await fold.getAttribute('aria-controls')}`)
  await expect(fold).toHaveAttribute('aria-expanded', 'true')
  const shown = await list.locator('li.badge-card').count()
  expect(shown).toBeGreaterThan(0)

  await page.keyboard.press('Enter')
  await expect(fold).toHaveAttribute('aria-expanded', 'false')
  await expect(fold).toBeFocused()
  await expect(list.locator('li.badge-card')).toHaveCount(0)

  await page.keyboard.press('Space')
  await expect(fold).toHaveAttribute('aria-expanded', 'true')
  await expect(list.locator('li.badge-card')).toHaveCount(shown)

  // A group bigger than its preview: Tab from its heading through its cards to "See all".
  const seeAll = page.getByRole('button', { name: /^See all \d+$/ }).first()
  const total = Number((await seeAll.innerText()).match(/\d+/)?.[0])
  const bigList = page.locator(`#${await seeAll.getAttribute('aria-controls')}`)
  const preview = await bigList.locator('li.badge-card').count()
  expect(preview).toBeLessThan(total)
  const heading = page.locator(
    `h2 button[aria-controls="${await seeAll.getAttribute('aria-controls')}"]`,
  )
  await heading.focus()
  await tabTo(page, 'button:not([aria-expanded])', preview * 2 + 2)
  await expect(seeAll).toBeFocused()
  // Several groups have a "See all 27": each says whose it is, its group's heading.
  const groupName = await heading.locator(':scope > span:not([aria-hidden])').innerText()
  expect(groupName).toMatch(new RegExp(`^\\S.* ${total} badges$`))
  await expect(seeAll).toHaveAccessibleDescription(groupName)
  await page.keyboard.press('Enter')
  await expect(bigList.locator('li.badge-card')).toHaveCount(total)
  await expect(page.getByRole('button', { name: 'See fewer' }).first()).toBeVisible()
})

test('the celebration: announced once, closed from the keyboard, still without motion', async ({
  page,
}) => {
  await page.goto(`/customers/${TOM}/badges/${REGULAR}`)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Regular')
  const announcement = page.getByRole('status').filter({ hasText: 'Earned again!' })
  await expect(announcement).toHaveCount(1)
  await expect(announcement).toContainText(/You earned Regular \d+\u00a0days\u00a0ago\./)
  await expect(page.locator('.celebrate-art')).toHaveCSS('animation-name', 'celebrate-art')

  // Back to the list and to the badge again, in the same visit: shown, but not announced again.
  await page.getByRole('link', { name: 'Your earned badges' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Earned badges')
  await page.getByRole('link', { name: 'Regular', exact: true }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Regular')
  await expect(page.getByText('Earned again!')).toBeVisible()
  await expect(page.getByRole('status').filter({ hasText: 'Earned again!' })).toHaveCount(0)

  // Its close button is on the keyboard's path and closes it.
  await page.goto(`/customers/${TOM}/badges/${REGULAR}`)
  await expect(page.getByText('Earned again!')).toBeVisible()
  await tabTo(page, 'main header button:has(.sr-only)')
  await expect(page.locator(':focus')).toHaveAccessibleName('Close')
  await page.keyboard.press('Enter')
  await expect(page.getByText('Earned again!')).toHaveCount(0)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Regular')

  // For a member who asks for less motion (on a device where it was never closed): the art is
  // simply there.
  await page.evaluate(() => localStorage.clear())
  await page.emulateMedia({ reducedMotion: 'reduce' })
  await page.reload()
  await expect(page.getByText('Earned again!')).toBeVisible()
  // (Read as the page settles: read once, just as the app takes the page over, the style of an
  // element being taken over could come back empty; 1 run in 6 failed so.)
  for (const selector of ['.celebrate-art', '.celebrate-burst'])
    await expect(page.locator(selector), selector).toHaveCSS('animation-name', 'none')
})
