import { expect, test } from '@playwright/test'
import { expectNoAxeViolations } from './axe.ts'

test('French: the interface, plurals and dates in French, the badges as Capillary sends them', async ({
  page,
}) => {
  await page.goto('/customers/62090013/earned#locale=fr')
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Badges obtenus')
  await expect(page.getByRole('link', { name: 'Proposés (12)' })).toBeVisible()
  const regular = page.getByRole('listitem').filter({ hasText: 'Regular' })
  await expect(regular).toContainText('Obtenu 3 fois')
  await expect(regular).toContainText(/À vous jusqu’au \d+\s\S+\s\d{4}/)
  await expect(regular).toContainText(/De nouveau dès le/)
  await page.goto('/customers/62090013/badges/6650b1c00000000000000003#locale=fr')
  await expect(page.getByText('Jusqu’à deux fois tous les 3 jours.')).toBeVisible()
  await expect(page.getByRole('region', { name: 'Votre histoire avec ce badge' })).toContainText(
    'Il vous a été retiré',
  )
  await expectNoAxeViolations(page)
  // The fragment's settings do not stick to the tab: the next load without them is in English.
  await page.goto('/customers/62090013/earned')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Earned badges')
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
})

test('Arabic: right to left, Arabic text and digits, and no accessibility violation', async ({
  page,
}) => {
  await page.goto('/customers/62090013/earned#locale=ar')
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('الشارات المكتسبة')
  const ar = new Intl.NumberFormat('ar')
  await expect(page.getByRole('link', { name: `المكتسبة (${ar.format(7)})` })).toBeVisible()
  // The layout mirrors: the brand sits at the right edge, the member switcher to its left.
  const brand = await page.getByText('Badge Showcase').boundingBox()
  const member = await page.getByLabel('عضو تجريبي').boundingBox()
  expect((brand?.x ?? 0) > (member?.x ?? 0)).toBe(true)
  await expectNoAxeViolations(page)
  await page.getByRole('link', { name: `المتاحة (${ar.format(12)})` }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('الشارات المتاحة')
  // A group's Latin name starts where its Arabic count below it starts: at the right.
  const group = page.getByRole('region', { name: 'Coffee Club' })
  const name = await group.getByRole('heading', { level: 2 }).locator('bdi').boundingBox()
  const count = await group.getByText(/لديك/).boundingBox()
  const first = await group.getByRole('listitem').first().boundingBox()
  expect(name && count && first).toBeTruthy()
  if (name && count && first) {
    expect(Math.abs(name.x + name.width - (first.x + first.width))).toBeLessThanOrEqual(2)
    expect(Math.abs(name.x + name.width - (count.x + count.width))).toBeLessThanOrEqual(2)
  }
  await expectNoAxeViolations(page)
})

test('Arabic on a phone: a group beside no other keeps its name whole, its longer count below', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 })
  await page.goto('/customers/381921157/earned#locale=ar')
  // The VIP's one-card Coffee Club heading is one column wide: "Coffee Club" and "شارة واحدة"
  // do not fit on one line, and the name was the part that broke ("Coffee" above "Club").
  const heading = page
    .getByRole('region', { name: 'Coffee Club' })
    .getByRole('heading', { level: 2 })
  await expect(heading).toContainText('شارة واحدة')
  // Its lines, read off the text itself (the name's own box is one, however many lines it holds).
  const lines = await heading.locator('bdi').evaluate((name) => {
    const text = document.createRange()
    text.selectNodeContents(name)
    return new Set([...text.getClientRects()].map((line) => Math.round(line.top))).size
  })
  expect(lines).toBe(1)
})

test('dark theme: no accessibility violation in any view', async ({ page }) => {
  await page.goto('/customers/62090013/earned#theme=dark&accent=%23ffb000')
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
  await expect(page.getByRole('heading', { name: 'First Sip' })).toBeVisible()
  await expectNoAxeViolations(page)
  await page.getByRole('link', { name: /^Available/ }).click()
  await expect(page.getByRole('heading', { name: 'Night Owl' })).toBeVisible()
  await expectNoAxeViolations(page)
  await page.getByRole('listitem').getByRole('link', { name: "Barista's Favourite" }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText("Barista's Favourite")
  await expectNoAxeViolations(page)
})

test('a setting the showcase cannot use is explained on the page, not a blank view', async ({
  page,
}) => {
  await page.goto('/customers/62090013/earned#locale=de&accent=red')
  const notice = page.getByRole('complementary', {
    name: 'Some settings of this showcase could not be used',
  })
  await expect(notice).toContainText('locale')
  await expect(notice).toContainText('accent')
  await expect(page.getByRole('heading', { name: 'First Sip' })).toBeVisible()
})
