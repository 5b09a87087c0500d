import { expect, type Page, test } from '@playwright/test'
import { expectNoAxeViolations } from './axe.ts'
import { withoutFirstViewData } from './without-first-view-data.ts'
import { recordShifts, shifts } from './shifts.ts'

// Every state a view can be in, reached through the emulator's members or by intercepting the
// Badges API in the browser (so pages come without the first view's data, as in live mode).

test.beforeEach(({ page }) => withoutFirstViewData(page))

const LIST = '**/api_gateway/v1/badges/customer/**'
const earnedList = (url: URL) =>
  url.pathname.includes('/customer/') && url.searchParams.get('badgeType') === 'EARNED'

async function answer(page: Page, match: (url: URL) => boolean, status: number, body: string) {
  await page.route(
    (url) => match(url),
    (route) => route.fulfill({ status, contentType: 'application/json', body }),
  )
}

/** Every earned-list request fails at once with `status`; counts how many came. */
async function failEarnedList(page: Page, status: number) {
  const earned = { calls: 0 }
  await page.route(
    (url) => earnedList(url),
    (route) => {
      earned.calls += 1
      return route.fulfill({
        status,
        contentType: 'application/json',
        body: '{"data":null,"errors":[]}',
      })
    },
  )
  return earned
}

test('a failing server is retried with backoff, then explained, and "Try again" recovers', async ({
  page,
}) => {
  const earned = await failEarnedList(page, 500)
  await page.goto('/customers/62090013/earned')
  await expect(page.getByRole('alert')).toContainText('The badges service failed', {
    timeout: 20_000,
  })
  // The loader's attempt, then the page's first try and two retries.
  expect(earned.calls).toBeGreaterThanOrEqual(3)
  await expect(page.getByRole('banner')).toContainText('Badge Showcase')
  // A failing list is not a failing member: the tabs and the list's title stay.
  await expect(page.getByRole('navigation', { name: 'Badges' })).toBeVisible()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Earned badges')
  await expectNoAxeViolations(page)
  await page.unrouteAll()
  await page.getByRole('button', { name: 'Try again' }).click()
  await expect(page.getByRole('heading', { name: 'First Sip' })).toBeVisible()
})

test("on a slow phone a fast failure is still retried: the time counted is the request's, not the app starting", async ({
  page,
}) => {
  // The phone's processor 20 times slower: the answer comes at once, but the app is busy starting
  // when it lands, long past the 1 s under which a failure counts as fast and is tried again.
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 20 })
  const earned = await failEarnedList(page, 503)
  await page.goto('/customers/62090013/earned')
  await expect(page.getByRole('alert')).toContainText('The badges service', { timeout: 60_000 })
  // (With no retry there would be two: the loader's attempt and the page's own.)
  await expect.poll(() => earned.calls, { timeout: 30_000 }).toBeGreaterThanOrEqual(3)
})

test('a gateway timeout (504) reads as slow, without retries that would make it slower', async ({
  page,
}) => {
  const attempts: string[] = []
  await page.route(
    (url) => earnedList(url),
    (route) => {
      attempts.push(route.request().url())
      return route.fulfill({
        status: 504,
        contentType: 'application/json',
        body: '{"data":null,"errors":[{"code":504,"message":"The badges service did not answer in time"}]}',
      })
    },
  )
  await page.goto('/customers/62090013/earned')
  await expect(page.getByRole('alert')).toContainText('The badges service is taking too long')
  await expect(page.getByRole('button', { name: 'Try again' })).toBeVisible()
  await expect(page.getByRole('alert')).not.toContainText('failed')
  // The loader's attempt and the page's own, and no retry of either.
  expect(attempts.length).toBeLessThanOrEqual(2)
})

test('too many requests says so', async ({ page }) => {
  await answer(page, earnedList, 429, '{"data":null,"errors":[{"code":429,"message":"slow down"}]}')
  await page.goto('/customers/62090013/earned')
  await expect(page.getByRole('alert')).toContainText('Too many requests', { timeout: 20_000 })
  await expect(page.getByRole('button', { name: 'Try again' })).toBeVisible()
})

test('a hanging request shows the skeleton in the page, never a blank view', async ({ page }) => {
  await page.route(
    (url) => earnedList(url),
    () => undefined,
  )
  await page.goto('/customers/62090013/earned')
  await expect(page.getByRole('status', { name: 'Loading earned badges' })).toBeVisible()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Earned badges')
  await expect(page.getByRole('link', { name: /^Available/ })).toBeVisible()
  await expectNoAxeViolations(page)
})

test('malformed JSON is explained at once and not retried', async ({ page }) => {
  let calls = 0
  await page.route(
    (url) => earnedList(url),
    (route) => {
      calls += 1
      return route.fulfill({
        status: 200,
        contentType: 'application/json',
        body: '{"data": {"badges": [',
      })
    },
  )
  await page.goto('/customers/62090013/earned')
  await expect(page.getByRole('alert')).toContainText('Unreadable answer')
  await expect(page.getByRole('button', { name: 'Try again' })).toHaveCount(0)
  expect(calls).toBeLessThanOrEqual(2)
})

test('offline: explained with a retry that works once the connection is back', async ({
  page,
  context,
}) => {
  await page.goto('/customers/62090013/earned')
  await expect(page.getByRole('heading', { name: 'First Sip' })).toBeVisible()
  await context.setOffline(true)
  await page.getByText('Sort and filter').click()
  await page.getByLabel('Group').selectOption({ label: 'Community' })
  await expect(page.getByRole('alert')).toContainText('You appear to be offline', {
    timeout: 20_000,
  })
  await context.setOffline(false)
  await page.getByRole('button', { name: 'Try again' }).click()
  await expect(page.getByRole('heading', { name: 'Reviewer' })).toBeVisible()
})

test('not connected (401) and not allowed (403) read differently', async ({ page }) => {
  await answer(
    page,
    earnedList,
    401,
    '{"data":null,"errors":[{"code":401,"message":"Unauthorized"}]}',
  )
  await page.goto('/customers/62090013/earned')
  await expect(page.getByRole('alert')).toContainText('Please sign in again')
  // Signed out, no tab can open anything: they go until the member is back.
  await expect(page.getByRole('navigation', { name: 'Badges' })).toHaveCount(0)
  await page.unrouteAll()
  await withoutFirstViewData(page)
  await answer(
    page,
    earnedList,
    403,
    '{"data":null,"errors":[{"code":4000,"message":"Forbidden"}]}',
  )
  await page.goto('/customers/62090013/earned')
  await expect(page.getByRole('alert')).toContainText('Not allowed')
  await expect(page.getByRole('button', { name: 'Try again' })).toHaveCount(0)
})

test('detail: an unknown member, an unknown badge', async ({ page }) => {
  await page.goto('/customers/999/badges/6650b1c00000000000000003')
  await expect(page.getByRole('alert')).toContainText('We could not find your badges')
  await expectNoAxeViolations(page)
  await page.goto('/customers/62090013/badges/000000000000000000000000')
  await expect(page.getByRole('alert')).toContainText('Badge not found')
  await expectNoAxeViolations(page)
})

test('a failed secondary request leaves the rest of the page working', async ({ page }) => {
  // The badge definition fails: the member's own record still shows the badge.
  await answer(
    page,
    (url) => url.pathname.includes('/badgeMeta/'),
    500,
    '{"data":null,"errors":[]}',
  )
  await page.goto('/customers/62090013/badges/6650b1c00000000000000003')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText("Barista's Favourite", {
    timeout: 20_000,
  })
  // One quiet line says what is missing and why, not a second page-sized failure under the hero.
  const notice = page.getByRole('alert')
  await expect(notice).toHaveCount(1)
  await expect(notice).toHaveText(
    'Some details of this badge could not be loaded. The badges service failed.Try again',
  )
  await expect(page.getByRole('heading', { name: 'The badges service failed' })).toHaveCount(0)
  await expect(page.getByText('It was withdrawn')).toBeVisible()
  await expectNoAxeViolations(page)
  // The service is back: the retry fills in what was missing and the notice goes.
  await page.unrouteAll()
  await notice.getByRole('button', { name: 'Try again' }).click()
  await expect(page.getByRole('alert')).toHaveCount(0)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText("Barista's Favourite")
})

test('opened from a list while the definition fails, the badge keeps the reward its card showed', async ({
  page,
}) => {
  await page.goto('/customers/62090013/available')
  const card = page.getByRole('listitem').filter({ hasText: 'Early Bird' })
  await expect(card).toContainText('25 bonus points')
  await answer(
    page,
    (url) => url.pathname.includes('/badgeMeta/'),
    500,
    '{"data":null,"errors":[]}',
  )
  await card.getByRole('link', { name: 'Early Bird' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Early Bird')
  await expect(page.getByText('Some details of this badge could not be loaded.')).toBeVisible({
    timeout: 20_000,
  })
  await expect(page.getByRole('main').getByText('25 bonus points')).toBeVisible()
})

test('a failed group name or tab count does not break the list', async ({ page }) => {
  await answer(page, (url) => url.pathname.includes('/group/'), 500, '{"data":null,"errors":[]}')
  await answer(
    page,
    (url) =>
      url.pathname.includes('/customer/') && url.searchParams.get('badgeType') === 'AVAILABLE',
    500,
    '{"data":null,"errors":[]}',
  )
  await page.goto('/customers/62090013/earned')
  await expect(page.getByRole('heading', { name: 'First Sip' })).toBeVisible()
  await expect(page.getByRole('heading', { level: 2, name: 'More badges' })).toBeVisible({
    timeout: 20_000,
  })
  await expect(page.getByRole('link', { name: 'Available', exact: true })).toBeVisible()
  await expect(page.getByRole('link', { name: 'Earned (7)' })).toBeVisible()
})

test('the new member: empty earned view, everything available', async ({ page }) => {
  await page.goto('/customers/565039504/available')
  await expect(page.getByRole('heading', { name: 'Available badges' })).toBeVisible()
  await expect(page.getByRole('link', { name: 'Earned (0)' })).toBeVisible()
  await expect(page.getByText('You have 0 of 4')).toBeVisible()
  await expectNoAxeViolations(page)
})

test('a list with no route match for the API never shows the app HTML as data', async ({
  page,
}) => {
  await page.route(LIST, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html>' }),
  )
  await page.goto('/customers/62090013/earned')
  await expect(page.getByRole('alert')).toContainText('Unreadable answer')
})

test.describe('a narrow phone in French', () => {
  test.use({ locale: 'fr-FR', viewport: { width: 320, height: 740 } })

  test('the summary arriving after the list moves nothing below it', async ({ page }) => {
    await recordShifts(page)
    // The member's own records settle the summary: held, so it comes after the list, as it does
    // in live mode. Its labels take two lines at this width ("badges obtenus", "expirent bientôt").
    let release: () => void = () => undefined
    const held = new Promise<void>((resolve) => (release = resolve))
    await page.route('**/api_gateway/v1/badges/management/**', async (route) => {
      await held
      await route.continue()
    })
    await page.goto('/customers/62090013/earned')
    const main = page.getByRole('main')
    await expect(main.getByRole('heading', { name: 'First Sip' })).toBeVisible()
    await expect(main.getByRole('region', { name: 'Vos badges en un coup d’œil' })).toBeHidden()
    release()
    const summary = main.getByRole('region', { name: 'Vos badges en un coup d’œil' })
    await expect(summary).toContainText('expirent bientôt')
    expect(await shifts(page)).toEqual([])
  })
})
