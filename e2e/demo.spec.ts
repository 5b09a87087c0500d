import { expect, test } from '@playwright/test'
import { expectNoAxeViolations } from './axe.ts'

test('the demo tells its story: a marked persona switcher through members and error cases', async ({
  page,
}) => {
  await page.goto('/')
  await expect(page.getByText('Demo data')).toBeVisible()
  const switcher = page.getByLabel('Demo member')
  await expect(switcher).toHaveValue('/customers/62090013/earned')
  await switcher.selectOption({ label: 'A VIP with 300+ badges' })
  await expect(page).toHaveURL(/\/customers\/381921157\/earned$/)
  await expect(page.getByText('50 of 326 badges loaded')).toBeVisible()
  await switcher.selectOption({ label: 'A new member' })
  await expect(page.getByText('No badges earned yet')).toBeVisible()
  await switcher.selectOption({ label: 'An unknown member' })
  await expect(page.getByRole('alert')).toContainText('We could not find your badges')
  await expectNoAxeViolations(page)
})

test('sharing a badge copies its link where the device has no share sheet', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  await page.addInitScript(() => Object.defineProperty(navigator, 'share', { value: undefined }))
  await page.goto('/customers/62090013/badges/6650b1c00000000000000009')
  await page.getByRole('button', { name: 'Share this badge' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Link copied' })).toBeVisible()
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(page.url())
})

test('a badge earned in the last days is celebrated, without motion for those who ask for less', async ({
  page,
}) => {
  await page.goto('/customers/62090013/badges/6650b1c00000000000000002')
  const name = await page.getByRole('heading', { level: 1 }).textContent()
  // Earned before too (its third time): "again", not "new".
  const celebration = page.getByRole('status').filter({ hasText: 'Earned again!' })
  await expect(celebration).toContainText(`You earned ${name} 2\u00a0days\u00a0ago.`)
  // The art arrives with motion, in the member's earned state.
  const art = page.locator('.celebrate-art')
  await expect(art.getByRole('img', { name: `${name}, earned` })).toBeVisible()
  expect(await art.evaluate((element) => getComputedStyle(element).animationName)).toBe(
    'celebrate-art',
  )
  // Dismissible from the keyboard.
  await page.getByRole('button', { name: 'Close' }).focus()
  await page.keyboard.press('Enter')
  await expect(celebration).toHaveCount(0)

  // Closed, it stays closed on the next visit.
  await page.reload()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name ?? '')
  await expect(page.getByText('Earned again!')).toHaveCount(0)

  // On a device where it was never closed, for a member who asks for less motion: still.
  await page.evaluate(() => localStorage.clear())
  await page.emulateMedia({ reducedMotion: 'reduce' })
  await page.reload()
  await expect(celebration).toBeVisible()
  expect(await art.evaluate((element) => getComputedStyle(element).animationName)).toBe('none')
  // A badge earned long ago is not celebrated.
  await page.goto('/customers/62090013/badges/6650b1c00000000000000001')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('First Sip')
  await expect(page.getByText(/^(New badge|Earned again)!$/)).toHaveCount(0)
})

test('the switcher names the member shown on every page, however the route finds them', async ({
  page,
}) => {
  const switcher = page.getByLabel('Demo member')
  await page.goto('/customers/62090013/badges/6650b1c0000000000000000c')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Birthday Treat')
  await expect(switcher).toHaveValue('/customers/62090013/earned')
  await page.goto('/customers/tom.sawyer%40example.com/available?by=email')
  await expect(page.getByRole('heading', { name: 'Night Owl' })).toBeVisible()
  await expect(switcher.locator('option:checked')).toHaveText('Tom, found by email')
  await page.goto('/customers/123/earned')
  await expect(page.getByRole('alert')).toContainText('We could not find your badges')
  await expect(switcher.locator('option:checked')).toHaveText('An unknown member')
})

test("the demo's deliberately broken artwork falls back without a failed request or console error", async ({
  page,
}) => {
  const problems: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text())
  })
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`)
  })
  await page.goto('/customers/62090013/available')
  const green = page.getByRole('img', { name: /^Green Step/ })
  await expect(green).toHaveAttribute('src', /green-step-earned\.svg$/)
  await expect
    .poll(() => green.evaluate((image: HTMLImageElement) => image.naturalWidth))
    .toBeGreaterThan(0)
  expect(problems).toEqual([])
})

test('another member opens on the badge this one was looking at', async ({ page }) => {
  await page.goto('/customers/62090013/badges/6650b1c0000000000000000c')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Birthday Treat')
  await expect(page.getByRole('img', { name: 'Birthday Treat, earned' })).toBeVisible()
  await page.getByLabel('Demo member').selectOption({ label: 'A new member' })
  await expect(page).toHaveURL(/\/customers\/565039504\/badges\/6650b1c0000000000000000c$/)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Birthday Treat')
  // Their own truth about it, not Tom's: the new member has not earned it.
  await expect(page.getByRole('img', { name: /^Birthday Treat, / })).toBeVisible()
  await expect(page.getByRole('img', { name: 'Birthday Treat, earned' })).toHaveCount(0)
})
