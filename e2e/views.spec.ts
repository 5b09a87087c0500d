import { expect, test } from '@playwright/test'
import { expectNoAxeViolations } from './axe.ts'

test('available: the image for each state, how to earn, rewards, limits and group completion', async ({
  page,
}) => {
  await page.goto('/customers/62090013/available')
  const main = page.getByRole('main')
  await expect(page.getByRole('link', { name: 'Available (12)' })).toHaveAttribute(
    'aria-current',
    'page',
  )
  const coffee = main.getByRole('region', { name: 'Coffee Club' })
  await expect(coffee.getByText('2 of 4 earned')).toBeVisible()
  // Earned before and can be earned again: in progress.
  await expect(coffee.getByRole('img', { name: 'Regular, in progress' })).toHaveAttribute(
    'src',
    /regular-in-progress\.svg$/,
  )
  await expect(coffee.getByText('Reward: A free drink of your choice')).toBeVisible()
  await expect(coffee.getByText('Up to once every month.')).toBeVisible()
  // No UN_EARNED artwork: the EARNED image, greyed out.
  const owl = coffee.getByRole('img', { name: 'Night Owl, not yet earned' })
  await expect(owl).toHaveAttribute('src', /night-owl-earned\.svg$/)
  await expect(owl).toHaveClass(/grayscale/)
  // A dead image URL falls back to the next image that loads.
  const green = main.getByRole('img', { name: 'Green Step, not yet earned' })
  await expect(green).toHaveAttribute('src', /green-step-earned\.svg$/)
  await expect
    .poll(() => green.evaluate((image: HTMLImageElement) => image.naturalWidth))
    .toBeGreaterThan(0)
  // No artwork at all: a monogram.
  await expect(main.getByRole('img', { name: 'Social Star, not yet earned' })).toHaveText('SS')
  await expect(main.getByText(/^Starts /)).toBeVisible()
  await expectNoAxeViolations(page)
})

test('earned: sort, show expired and group filter live in the URL and survive a reload', async ({
  page,
}) => {
  await page.goto('/customers/62090013/earned')
  const main = page.getByRole('main')
  await expect(main.getByRole('heading', { name: 'First Sip' })).toBeVisible()
  await expect(main.getByText('Big Spender')).toHaveCount(0)

  await main.getByLabel('Show expired').click()
  await expect(main.getByLabel('Show expired')).toBeChecked()
  await expect(page).toHaveURL(/expired=1/)
  const bigSpender = main.getByRole('listitem').filter({ hasText: 'Big Spender' })
  await expect(bigSpender.getByText('Expired', { exact: true })).toBeVisible()

  await main.getByLabel('Sort by').selectOption('last-earned')
  await expect(page).toHaveURL(/sort=last-earned/)
  await expect(main.getByRole('heading', { level: 2 })).toHaveText(['Most recent first'])
  await expect(main.getByRole('heading', { level: 3 }).first()).toHaveText('Regular')

  await page.reload()
  await expect(main.getByLabel('Sort by')).toHaveValue('last-earned')
  await expect(main.getByLabel('Show expired')).toBeChecked()

  await main.getByLabel('Sort by').selectOption('rank')
  await main.getByLabel('Group').selectOption({ label: 'Community' })
  await expect(page).toHaveURL(/group=/)
  await expect(main.getByRole('heading', { level: 3 })).toHaveText(['Reviewer'])
  await expectNoAxeViolations(page)
})

test('detail: status, how to earn, rewards, limits with progress, expiry, history, group and fields', async ({
  page,
}) => {
  await page.goto('/customers/62090013/badges/6650b1c00000000000000003')
  const main = page.getByRole('main')
  await expect(main.getByRole('heading', { level: 1 })).toHaveText("Barista's Favourite")
  await expect(main.getByRole('img', { name: "Barista's Favourite, in progress" })).toBeVisible()
  await expect(main.getByText('Live', { exact: true })).toBeVisible()
  await expect(main.getByText('#3 in Coffee Club')).toBeVisible()
  await expect(main.getByText('200 bonus points')).toBeVisible()
  await expect(main.getByText('Up to twice every 3 days.')).toBeVisible()
  await expect(main.getByText(/^0 of 2 this 3-day cycle, resets /)).toBeVisible()
  await expect(main.getByText('Once earned, it lasts 2 weeks.')).toBeVisible()
  const history = main.getByRole('region', { name: 'Your history' })
  await expect(history.getByRole('listitem')).toHaveCount(3)
  await expect(history.getByText('Issue withdrawn')).toBeVisible()
  await expect(
    main.getByRole('region', { name: 'Details' }).getByText('Terms and conditions'),
  ).toBeVisible()
  await expect(page).toHaveTitle("Barista's Favourite · Badge Showcase")
  await expectNoAxeViolations(page)
})

test('a badge earned and since expired says so on its page, with its art muted', async ({
  page,
}) => {
  await page.goto('/customers/62090013/badges/6650b1c00000000000000006')
  const main = page.getByRole('main')
  await expect(main.getByRole('heading', { level: 1 })).toHaveText('Big Spender')
  await expect(main.getByText(/^You earned this badge; it expired on /)).toBeVisible()
  await expect(main.getByRole('img', { name: 'Big Spender, earned, expired' })).toHaveClass(
    /grayscale/,
  )
})

test('back from a badge returns to the list with its filters and scroll position', async ({
  page,
}) => {
  await page.goto('/customers/381921157/earned?expired=1')
  const main = page.getByRole('main')
  const card = main.getByRole('link', { name: 'Gourmet Epicure Silver' })
  await card.scrollIntoViewIfNeeded()
  const scrolled = await page.evaluate(() => window.scrollY)
  expect(scrolled).toBeGreaterThan(500)
  await card.click()
  await expect(main.getByRole('heading', { level: 1 })).toHaveText('Gourmet Epicure Silver')
  await main.getByRole('button', { name: 'Back to badges' }).click()
  await expect(page).toHaveURL(/\/earned\?expired=1$/)
  await expect(main.getByRole('link', { name: 'Gourmet Epicure Silver' })).toBeInViewport()
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(scrolled - 50)
})

test('hovering a card loads its detail, so opening it makes no new request', async ({ page }) => {
  await page.goto('/customers/62090013/earned')
  const link = page.getByRole('link', { name: 'Reviewer' })
  const detailRequests: string[] = []
  page.on('request', (request) => {
    if (/\/(management|badgeMeta)\//.test(request.url())) detailRequests.push(request.url())
  })
  await link.hover()
  await expect.poll(() => detailRequests.length).toBe(2)
  await link.click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Reviewer')
  await expect(page.getByText('Your history')).toBeVisible()
  expect(detailRequests).toHaveLength(2)
})

test('keyboard: tab to a badge and open it with Enter, with a visible focus ring', async ({
  page,
}) => {
  await page.goto('/customers/62090013/earned')
  await expect(page.getByRole('link', { name: 'First Sip' })).toBeVisible()
  const link = page.getByRole('link', { name: 'First Sip' })
  for (
    let i = 0;
    i < 15 && !(await link.evaluate((element) => element === document.activeElement));
    i += 1
  ) {
    await page.keyboard.press('Tab')
  }
  await expect(link).toBeFocused()
  const outline = await link.evaluate(
    (element) => getComputedStyle(element, '::after').outlineStyle,
  )
  expect(outline).toBe('solid')
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('First Sip')
})
