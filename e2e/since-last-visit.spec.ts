import { expect, type Page, test } from '@playwright/test'
import { live } from '../playwright.config.ts'
import { signMemberToken } from './member-token.ts'
import { expectNoAxeViolations } from './axe.ts'
import { startControlledDemo } from './own-server.ts'
import { recordShifts, shifts } from './shifts.ts'

// A returning member's "Since your last visit", against a demo server of this spec's own whose
// data the tests change between two visits (control.ts): a badge awarded, the clock moved on.

const MEMBER = '62090013'
const FIRST_SIP = '6650b1c00000000000000001'
const SOCIAL_STAR = '6650b1c00000000000000010'
const GREEN_STEP = '6650b1c0000000000000000b'
const DAY = 86_400_000

test.describe.configure({ mode: 'serial', timeout: 180_000 })

let server: Awaited<ReturnType<typeof startControlledDemo>>

test.beforeAll(async () => {
  server = await startControlledDemo()
})

test.afterAll(async () => {
  await server?.stop()
})

const digest = (page: Page) => page.getByRole('region', { name: 'Since your last visit' })
/** The button at the end of the tabs that says how much changed, and opens the news. */
const newsButton = (page: Page) => page.getByRole('button', { name: /since your last visit$/ })

/** The news opened, as a member who saw the button would. */
async function openNews(page: Page) {
  await newsButton(page).click()
  await expect(digest(page)).toBeVisible()
}
const earnedView = () => `${server.url}/customers/${MEMBER}/earned`

/**
 * What the page decided about news for this load, once it has (the marks are read after the page
 * is on screen): "0" for nothing to say, else the count. A check that there is no news waits for it.
 */
async function decided(page: Page) {
  const mark = page.locator('#badge-showcase-news [data-news]')
  await expect(mark).toHaveCount(1)
  return mark.getAttribute('data-news')
}

async function arrive(page: Page) {
  await page.goto(earnedView())
  await expect(page.getByRole('region', { name: 'Your badges at a glance' })).toBeVisible()
  // The digest, when there is one, comes with the summary's lists: wait for the marks to be kept.
  await expect
    .poll(() =>
      page.evaluate(
        () => Object.keys(localStorage).filter((key) => key.startsWith('badge-showcase:')).length,
      ),
    )
    .toBe(1)
  await decided(page)
}

/** The digest's lines as a member reads them: the badge, then what happened to it. */
async function lines(page: Page) {
  return (await digest(page).getByRole('listitem').allInnerTexts()).map((text) =>
    text.replace(/\s+/g, ' ').trim(),
  )
}

test('first visit: nothing; a badge awarded before the next: named once, as the list says', async ({
  page,
}) => {
  await arrive(page)
  await expect(newsButton(page)).toHaveCount(0)

  // What the device keeps: one key that names no member, badge ids and numbers only.
  const stored = await page.evaluate(() => Object.entries(localStorage))
  expect(stored).toHaveLength(1)
  const [key, value] = stored[0] ?? ['', '']
  expect(key).toMatch(/^badge-showcase:visit:[0-9a-f]{64}$/)
  expect(value).not.toContain(MEMBER)
  expect(value).not.toMatch(/First Sip|Regular/)

  await server.award(MEMBER, SOCIAL_STAR)
  await page.reload()
  await expect(newsButton(page)).toHaveAccessibleName('1 change since your last visit')
  await expect(newsButton(page)).toHaveText('1')
  await openNews(page)
  expect(await lines(page)).toEqual(['Social Star Earned'])
  // Truth before presence: the badge it names is on the earned list, behind the same link.
  const named = digest(page).getByRole('link', { name: 'Social Star' })
  const card = page.locator('.card-link', { hasText: 'Social Star' })
  await expect(card).toBeVisible()
  expect(await named.getAttribute('href')).toBe(await card.getAttribute('href'))
  // Its arrival announced once, politely, as the bell says it (open or not).
  await expect(page.getByRole('status').filter({ hasText: 'since your last visit' })).toHaveText(
    '1 change since your last visit',
  )
  await expectNoAxeViolations(page)

  // Its link opens the badge, and the news closes behind it; Back finds the button where it was.
  await named.click()
  await expect(page.getByRole('heading', { level: 1, name: 'Social Star' })).toBeVisible()
  await expect(digest(page)).toHaveCount(0)
  await page.goBack()
  await openNews(page)

  await digest(page).getByRole('button', { name: 'Dismiss' }).click()
  await expect(digest(page)).toHaveCount(0)
  await expect(newsButton(page)).toHaveCount(0)
  await expect(page.getByRole('heading', { level: 1, name: 'Earned badges' })).toBeFocused()

  // Seen: the next visit has nothing new to say.
  await page.reload()
  await expect(page.locator('.card-link', { hasText: 'Social Star' })).toBeVisible()
  expect(await decided(page)).toBe('0')
  await expect(newsButton(page)).toHaveCount(0)
})

test.describe('on a phone, in Arabic, dark', () => {
  test.use({ viewport: { width: 390, height: 844 }, colorScheme: 'dark' })

  test('the digest reads right to left, in the member’s language, and passes axe', async ({
    page,
  }) => {
    await page.goto(`${earnedView()}#locale=ar&theme=dark`)
    await expect(page.getByRole('region', { name: 'شاراتك في لمحة' })).toBeVisible()
    await expect.poll(() => page.evaluate(() => localStorage.length)).toBe(1)
    await server.award(MEMBER, GREEN_STEP)
    // The settings leave the address once read: the next visit names them again.
    await page.goto('about:blank')
    await page.goto(`${earnedView()}#locale=ar&theme=dark`)
    // The number on the bell is in its name (for voice control, "press 1" must find it).
    const button = page.getByRole('button', { name: 'تغيير واحد (1) منذ زيارتك الأخيرة' })
    await expect(button).toHaveText('1')
    await button.click()
    const news = page.getByRole('region', { name: 'منذ زيارتك الأخيرة' })
    await expect(news).toBeVisible()
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl')
    expect(
      (await news.getByRole('listitem').allInnerTexts()).map((text) => text.replace(/\s+/g, ' ')),
    ).toEqual(['Green Step اكتُسبت'])
    await expect(page.getByRole('status').filter({ hasText: 'منذ' })).toHaveText(
      'تغيير واحد (1) منذ زيارتك الأخيرة',
    )
    await expectNoAxeViolations(page)
    // Escape closes it, back on its button.
    await page.keyboard.press('Escape')
    await expect(news).toHaveCount(0)
    await expect(button).toBeFocused()
    await button.click()
    await news.getByRole('button', { name: 'تجاهل' }).click()
    await expect(button).toHaveCount(0)
  })
})

/** As if the member's last visit on this device came before they earned the badge. */
async function forgetEarning(page: Page, badgeId: string) {
  await page.evaluate((id) => {
    for (const key of Object.keys(localStorage).filter((k) => k.startsWith('badge-showcase:'))) {
      const marks = JSON.parse(localStorage.getItem(key) ?? '{}') as { b: Record<string, unknown> }
      const b = Object.fromEntries(Object.entries(marks.b).filter(([badge]) => badge !== id))
      localStorage.setItem(key, JSON.stringify({ ...marks, b }))
    }
  }, badgeId)
}

test('a returning member with news: it arrives after the page is on screen, and moves nothing', async ({
  page,
}) => {
  await recordShifts(page)
  await arrive(page)
  // A phone's pace: the news comes well after the badges (the marks are read once the app runs).
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 })
  const views = [earnedView(), `${server.url}/customers/${MEMBER}/available`]
  for (const view of [...views, ...views]) {
    await forgetEarning(page, FIRST_SIP)
    await page.goto(view)
    await expect(newsButton(page)).toHaveAccessibleName('1 change since your last visit')
    // Every layout shift from the first byte on: none, the news's arrival included (once the
    // browser has painted it and handed its entries to the observer).
    await page.evaluate(
      () => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 50))),
    )
    expect(await shifts(page)).toEqual([])
  }
  await openNews(page)
  expect(await lines(page)).toEqual(['First Sip Earned'])
  await expectNoAxeViolations(page)
})

test('news left unread waits for the next visit; read, it is not told again', async ({ page }) => {
  await arrive(page)
  await forgetEarning(page, FIRST_SIP)
  await page.reload()
  await expect(newsButton(page)).toBeVisible()
  // Not opened: the member has not seen it, so it is there again on the next visit.
  await page.reload()
  await expect(newsButton(page)).toHaveAccessibleName('1 change since your last visit')
  await openNews(page)
  expect(await lines(page)).toEqual(['First Sip Earned'])
  // Opened: seen, even without a dismissal.
  await page.reload()
  expect(await decided(page)).toBe('0')
  await expect(newsButton(page)).toHaveCount(0)
})

test('the keyboard: open news never covers the focus, and Escape elsewhere is not its own', async ({
  page,
}) => {
  await arrive(page)
  await forgetEarning(page, FIRST_SIP)
  await page.reload()
  await newsButton(page).focus()
  await page.keyboard.press('Enter')
  await expect(digest(page)).toBeVisible()
  // Through the news and out of it: it closes as the focus leaves.
  await page.keyboard.press('Tab')
  await expect(digest(page).getByRole('button', { name: 'Dismiss' })).toBeFocused()
  await page.keyboard.press('Tab')
  await expect(digest(page).getByRole('link', { name: 'First Sip' })).toBeFocused()
  await page.keyboard.press('Tab')
  await expect(digest(page)).toHaveCount(0)
  // Open while the focus is elsewhere (a browser whose buttons take no focus on a click): Escape
  // is not the news's, and the focus stays where it is.
  const sort = page.getByRole('main').locator('summary', { hasText: 'Sort and filter' })
  await sort.focus()
  await newsButton(page).dispatchEvent('click')
  await expect(digest(page)).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(sort).toBeFocused()
  await expect(digest(page)).toBeVisible()
})

for (const locale of ['en', 'fr', 'ar'])
  test(`a 320 px phone in ${locale}: the tabs and the news fit, nothing scrolls sideways`, async ({
    page,
  }) => {
    await page.setViewportSize({ width: 320, height: 640 })
    await page.goto(`${earnedView()}#locale=${locale}`)
    await expect.poll(() => page.evaluate(() => localStorage.length)).toBe(1)
    await forgetEarning(page, FIRST_SIP)
    await page.goto('about:blank')
    await page.goto(`${earnedView()}#locale=${locale}`)
    const bell = page.getByRole('navigation').getByRole('button')
    await expect(bell).toHaveText('1')
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
    ).toBe(0)
    const row = await page.getByRole('navigation').boundingBox()
    const box = await bell.boundingBox()
    expect(box && row && box.x >= 0 && box.x + box.width <= 320).toBe(true)
    // One line of tabs, as tall as the bell.
    expect(row?.height).toBeLessThanOrEqual(45)
  })

test('time moves on: a badge that ran out shows as expired, and nothing else', async ({ page }) => {
  const now = (await server.advance(0)).now ?? Date.now()
  await page.clock.install({ time: now })
  await arrive(page)
  await expect(newsButton(page)).toHaveCount(0)
  // Weekend Explorer is the member's until 12 days from the demo's start.
  const moved = await server.advance(13)
  await page.clock.setSystemTime(moved.now ?? now + 13 * DAY)
  await page.reload()
  await openNews(page)
  const said = await lines(page)
  expect(said).toEqual(['Weekend Explorer Expired'])
  // It left the earned list: the digest is where the member hears of it.
  await expect(page.locator('.card-link', { hasText: 'Weekend Explorer' })).toHaveCount(0)
  await expectNoAxeViolations(page)
})

test('a month on: the repeat badge whose window was used is open to the member again', async ({
  page,
}) => {
  const now = (await server.advance(0)).now ?? Date.now()
  await page.clock.install({ time: now })
  await arrive(page)
  const moved = await server.advance(32)
  await page.clock.setSystemTime(moved.now ?? now + 32 * DAY)
  await page.reload()
  await expect(newsButton(page)).toHaveAccessibleName('3 changes since your last visit')
  await openNews(page)
  const said = await lines(page)
  expect(said).toEqual([
    'Regular You can earn it again now',
    'Birthday Treat Expired',
    'Anniversary Expired',
  ])
})

test('a badge earned on a page of a long list not read is news too, and leads to it', async ({
  page,
}) => {
  // The VIP: 326 badges, 50 a page; the summary reads the first. Social Star sorts last.
  const vip = `${server.url}/customers/381921157/earned`
  await page.goto(vip)
  await expect(page.getByRole('region', { name: 'Your badges at a glance' })).toBeVisible()
  expect(await decided(page)).toBe('0')
  await server.award('381921157', SOCIAL_STAR)
  await page.reload()
  await expect(newsButton(page)).toHaveAccessibleName('1 change since your last visit')
  await openNews(page)
  expect(await lines(page)).toEqual(['1 more badge Earned'])
  // Its link opens the earned list, the latest first: the badge it counts is the first there.
  await digest(page).getByRole('link', { name: '1 more badge' }).click()
  await expect(page).toHaveURL(/\/customers\/381921157\/earned\?sort=last-earned$/)
  await expect(page.locator('li.badge-card h3').first()).toHaveText('Social Star')
})

test('live mode: the member of the token, kept under a hashed key, never the token', async ({
  page,
}) => {
  const token = await signMemberToken({ sub: 'tom.sawyer@example.com', idType: 'email' })
  const signIn = `http://127.0.0.1:${live.port}/#member_token=${token}`
  await page.goto(signIn)
  await expect(page.getByRole('region', { name: 'Your badges at a glance' })).toBeVisible()
  await expect.poll(() => page.evaluate(() => localStorage.length)).toBe(1)
  const [key, value] = (await page.evaluate(() => Object.entries(localStorage)))[0] ?? ['', '']
  expect(key).toMatch(/^badge-showcase:visit:[0-9a-f]{64}$/)
  for (const secret of [token, 'tom.sawyer', 'example.com', 'email'])
    expect(`${key} ${value}`).not.toContain(secret)

  // As if the last visit came before First Sip was earned: the live data cannot be changed here.
  const stored = JSON.parse(value) as { b: Record<string, unknown> }
  expect(stored.b).toHaveProperty(FIRST_SIP)
  const before = {
    ...stored,
    b: Object.fromEntries(Object.entries(stored.b).filter(([id]) => id !== FIRST_SIP)),
  }
  await page.evaluate(({ k, v }) => localStorage.setItem(k, v), {
    k: key,
    v: JSON.stringify(before),
  })
  await page.goto('about:blank')
  await page.goto(signIn)
  await openNews(page)
  expect(await lines(page)).toEqual(['First Sip Earned'])
  expect(await page.evaluate(() => JSON.stringify(localStorage))).not.toContain(token)
})
