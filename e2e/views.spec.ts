import { expect, type Page, test } from '@playwright/test'
import { expectNoAxeViolations } from './axe.ts'
import { detailRequests } from './detail-requests.ts'
import { recordShifts, shifts } from './shifts.ts'
import { tabMarks } from './tab-marks.ts'

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
  await expect(coffee.getByText('You have 2 of 4')).toBeVisible()
  // Earned, and the member's monthly limit is used: earned here too, with when it opens again.
  const regular = coffee.getByRole('listitem').filter({ hasText: 'Regular' })
  await expect(regular.getByRole('img', { name: 'Regular, earned' })).toHaveAttribute(
    'src',
    /regular-earned\.svg$/,
  )
  await expect(regular).toContainText(/Again from/)
  await expect(regular).not.toContainText(/again now/i)
  await expect(coffee.getByText('Reward: A free drink of your choice')).toBeVisible()
  // Issued to the member: in progress on the list as on its page.
  await expect(
    coffee.getByRole('img', { name: "Barista's Favourite, open to you, in progress" }),
  ).toHaveAttribute('src', /barista-in-progress\.svg$/)
  // Every one claimed by the members: no longer, its art greyed (it has no UN_EARNED image).
  const owl = coffee.getByRole('img', { name: 'Night Owl, no longer available' })
  await expect(owl).toHaveAttribute('src', /night-owl-earned\.svg$/)
  await expect(owl).toHaveClass(/grayscale/)
  await expect(coffee.getByRole('listitem').filter({ hasText: 'Night Owl' })).toContainText(
    'All claimed',
  )
  // An image that fails falls back to the next image that loads.
  const green = main.getByRole('img', { name: 'Green Step, not earned yet' })
  await expect(green).toHaveAttribute('src', /green-step-earned\.svg$/)
  await expect
    .poll(() => green.evaluate((image: HTMLImageElement) => image.naturalWidth))
    .toBeGreaterThan(0)
  // No artwork at all: a monogram.
  await expect(main.getByRole('img', { name: 'Social Star, not earned yet' })).toHaveText('SS')
  await expect(main.getByRole('listitem').filter({ hasText: 'Trailblazer' })).toContainText(
    /Opens /,
  )
  await expect(main.getByRole('listitem').filter({ hasText: 'Holiday Cheer' })).toContainText(
    'Only 812 left',
  )
  await expectNoAxeViolations(page)
  // "You have 2 of 4" above three cards, one of them earned: the count opens the two the member
  // holds (First Sip is no longer on offer to them), and the Earned tab shows exactly those.
  await coffee.getByRole('link', { name: 'You have 2 of 4' }).click()
  await expect(page).toHaveURL(/\/earned\?group=/)
  await expect(main.getByRole('heading', { level: 3 })).toHaveText(['First Sip', 'Regular'])
})

test('earned: sort, show expired and group filter live in the URL and survive a reload', async ({
  page,
}) => {
  await page.goto('/customers/62090013/earned')
  const main = page.getByRole('main')
  await expect(main.getByRole('heading', { name: 'First Sip' })).toBeVisible()
  await expect(main.getByText('Big Spender')).toHaveCount(0)

  await main.getByText('Sort and filter').click()
  await main.getByLabel('Show expired').click()
  await expect(main.getByLabel('Show expired')).toBeChecked()
  await expect(page).toHaveURL(/expired=1/)
  const bigSpender = main.getByRole('listitem').filter({ hasText: 'Big Spender' })
  await expect(bigSpender).toContainText(/Expired /)
  // Run out, it still says when it was earned: a list by date puts it there.
  await expect(bigSpender).toContainText(/Earned\s[A-Z][a-z]{2}\s\d{1,2},\s\d{4}/)
  await expect(bigSpender.getByRole('img', { name: 'Big Spender, expired' })).toBeVisible()

  await main.getByLabel('Sort by').selectOption('last-earned')
  await expect(page).toHaveURL(/sort=last-earned/)
  await expect(main.getByRole('heading', { level: 2 })).toHaveText(['Most recent first'])
  await expect(main.getByRole('heading', { level: 3 }).first()).toHaveText('Regular')
  // By activity: the list says so, and each card gives the date it is in order of.
  await main.getByLabel('Sort by').selectOption('last-event')
  await expect(main.getByRole('heading', { level: 2 })).toHaveText(['Most recent activity first'])
  const cards = main.locator('li.badge-card')
  await expect(cards.filter({ hasText: /Activity\s[A-Z][a-z]{2}\s\d/ })).toHaveCount(
    await cards.count(),
  )
  await expect(cards.filter({ hasText: /Earned\s[A-Z]/ })).toHaveCount(0)
  await main.getByLabel('Sort by').selectOption('last-earned')
  await expect(main.getByRole('heading', { level: 2 })).toHaveText(['Most recent first'])

  await page.reload()
  // The panel stays closed over the badges; its controls still say what the list shows.
  const panel = main.getByRole('form', { name: 'Sort and filter' })
  await expect(panel).toBeHidden()
  await expect(main.getByRole('heading', { level: 3 }).first()).toHaveText('Regular')
  await expect(main.getByLabel('Sort by')).toHaveValue('last-earned')
  await expect(main.getByLabel('Show expired')).toBeChecked()

  await main.getByText('Sort and filter').click()
  await expect(panel).toBeVisible()
  await main.getByLabel('Sort by').selectOption('rank')
  await main.getByLabel('Group').selectOption({ label: 'Community' })
  await expect(page).toHaveURL(/group=/)
  await expect(main.getByRole('heading', { level: 3 })).toHaveText(['Reviewer'])
  // What is on is said under the heading, in the words of the panel, and each goes with a press.
  await page.keyboard.press('Escape')
  const chips = main.getByRole('list', { name: 'Filters on' })
  await expect(chips.getByRole('link')).toHaveText(['Community×', 'Including expired×'])
  await expectNoAxeViolations(page)
  await chips.getByRole('link', { name: 'Remove filter: Community' }).click()
  await expect(page).not.toHaveURL(/group=/)
  await expect(page).toHaveURL(/expired=1/)
  await expect(main.getByRole('listitem').filter({ hasText: 'Big Spender' })).toBeVisible()
  await expect(chips.getByRole('link')).toHaveText(['Including expired×'])
  await chips.getByRole('link', { name: 'Remove filter: Including expired' }).click()
  await expect(page).toHaveURL(/\/earned$/)
  await expect(main.getByText('Big Spender')).toHaveCount(0)
  await expect(chips).toHaveCount(0)
})

/** Each card on the list: its badge's name and the lines it says (the eye's, not the reader's). */
const cardLines = (page: Page) =>
  page.locator('li.badge-card').evaluateAll((cards) =>
    cards.map((card) => ({
      name: card.querySelector('h3')?.textContent?.trim() ?? '',
      alt:
        card.querySelector('img')?.getAttribute('alt') ??
        card.querySelector('[role="img"]')?.getAttribute('aria-label') ??
        '',
      lines: [...card.querySelectorAll(':scope > p')]
        .filter((line) => !line.classList.contains('sr-only'))
        .map((line) => (line as HTMLElement).innerText.trim()),
    })),
  )

test('the summary\'s "to earn now" opens those badges and no others, and its chip shows them all again', async ({
  page,
}) => {
  await page.goto('/customers/62090013/available')
  const main = page.getByRole('main')
  await expect(page.locator('li.badge-card')).toHaveCount(12)
  await expect(page.locator('li.badge-card .animate-pulse')).toHaveCount(0)
  const all = await cardLines(page)
  const stat = page.getByRole('region', { name: 'Your badges at a glance' }).getByRole('link', {
    name: /to earn now/,
  })
  const count = Number((await stat.innerText()).match(/\d+/)?.[0])
  expect(count).toBeGreaterThan(0)
  expect(count).toBeLessThan(all.length)
  await stat.click()
  await expect(page).toHaveURL(/\/available\?now=1$/)
  await expect(page.locator('li.badge-card')).toHaveCount(count)
  const ready = await cardLines(page)
  // What each card says agrees: those shown are open now, those left out are not.
  const closed =
    /^(All claimed|Opens |Again from|Not open to you|Earned as often as allowed|Ended )/
  for (const card of ready)
    expect(
      card.lines.filter((line) => closed.test(line)),
      card.name,
    ).toEqual([])
  // And each says it is open now, whatever else it says (a supply, an end): a member counting the
  // cards finds the summary's number.
  for (const card of ready)
    expect(card.lines, card.name).toContainEqual(
      expect.stringMatching(
        /^(Ready to earn now|Earn it again now|Earn it by |Time to earn it ends )/,
      ),
    )
  const shown = new Set(ready.map((card) => card.name))
  for (const card of all.filter((card) => !shown.has(card.name)))
    expect(card.lines, card.name).not.toContainEqual(expect.stringMatching(/now$/))
  // And none is missing: every card of the whole list its image calls open, or that says again now.
  const open = all.filter(
    (card) =>
      /, (not earned yet|open to you, in progress)$/.test(card.alt) ||
      card.lines.includes('Earn it again now'),
  )
  expect([...shown].sort()).toEqual(open.map((card) => card.name).sort())
  await expectNoAxeViolations(page)
  await main.getByRole('link', { name: 'Remove filter: Ready to earn now' }).click()
  await expect(page).toHaveURL(/\/available$/)
  await expect(page.locator('li.badge-card')).toHaveCount(all.length)
})

test('detail: status, how to earn, rewards, limits with progress, expiry, history, group and fields', async ({
  page,
}) => {
  await page.goto('/customers/62090013/badges/6650b1c00000000000000003')
  const main = page.getByRole('main')
  await expect(main.getByRole('heading', { level: 1 })).toHaveText("Barista's Favourite")
  await expect(
    main.getByRole('img', { name: "Barista's Favourite, open to you, in progress" }),
  ).toBeVisible()
  await expect(main.getByText(/^This badge is open to you: earn it by /)).toBeVisible()
  // No back-office words: no status chip, no rank.
  await expect(main.getByText('Live', { exact: true })).toHaveCount(0)
  await expect(main.getByText(/#\d+ in/)).toHaveCount(0)
  await expect(main.getByText('Part of Coffee Club')).toBeVisible()
  await expect(main.getByText('Reward: 200 bonus points')).toBeVisible()
  await expect(main.getByText('Up to twice every 3 days.')).toBeVisible()
  await expect(main.getByText(/^0 of 2 since .+, resets /)).toBeVisible()
  // The bar under that sentence is drawn, not read out again as "0 of 2".
  const limits = main.getByRole('region', { name: 'How often you can earn it' })
  await expect(limits.locator('span:has(> svg)')).toBeVisible()
  await expect(limits.getByRole('img')).toHaveCount(0)
  await expect(main.getByText('Once earned, it lasts 2 weeks.')).toBeVisible()
  const history = main.getByRole('region', { name: 'Your story with this badge' })
  await expect(history.getByRole('listitem')).toHaveCount(3)
  await expect(history.getByText('It was withdrawn')).toBeVisible()
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
  // When it was earned, as its card says it, then when it ran out.
  await expect(main.getByText(/^You earned it on [A-Z][a-z]{2}\s\d/)).toBeVisible()
  await expect(main.getByText(/^It expired on /)).toBeVisible()
  await expect(main.getByRole('img', { name: 'Big Spender, expired' })).toHaveClass(/grayscale/)
  // Opened by its address, the way back is to the earned list with the expired ones shown (the
  // list without them does not have it).
  await main.getByRole('link', { name: 'Your earned badges' }).click()
  await expect(page).toHaveURL(/\/customers\/62090013\/earned\?expired=1$/)
  await expect(main.getByRole('link', { name: 'Big Spender' })).toBeVisible()
})

test('a badge not open to the member says how often it can be earned, not a count of a window they cannot use', async ({
  page,
}) => {
  // The new member: Barista's Favourite must be opened to them by the brand first.
  await page.goto('/customers/565039504/badges/6650b1c00000000000000003')
  const main = page.getByRole('main')
  await expect(main.getByRole('heading', { level: 1 })).toHaveText("Barista's Favourite")
  await expect(main.getByText('This badge is not open to you yet.')).toBeVisible()
  const limits = main.getByRole('region', { name: 'How often you can earn it' })
  await expect(limits).toContainText('twice')
  await expect(limits).not.toContainText(/0 of 2|resets/)
  // Tom, to whom it is open, sees his count.
  await page.goto('/customers/62090013/badges/6650b1c00000000000000003')
  await expect(main.getByRole('heading', { level: 1 })).toHaveText("Barista's Favourite")
  await expect(main.getByRole('region', { name: 'How often you can earn it' })).toContainText(
    /of 2/,
  )
})

test('a badge whose copy ran out and may be earned again now is drawn open, not dead, everywhere', async ({
  page,
}) => {
  // The VIP's Regular expired in May; the monthly limit is free again.
  await page.goto('/customers/381921157/available')
  const main = page.getByRole('main')
  const card = main.getByRole('listitem').filter({ hasText: 'Regular' }).first()
  await expect(card).toContainText('Earn it again now')
  const art = card.getByRole('img', { name: 'Regular, expired, open to you again' })
  await expect(art).toBeVisible()
  await expect(art).not.toHaveClass(/opacity-80/)
  await expect(card).not.toHaveClass(/border-dashed/)
  // Its page says the same, and leads back to the offers it is on.
  await page.goto('/customers/381921157/badges/6650b1c00000000000000002')
  await expect(main.getByRole('heading', { level: 1 })).toHaveText('Regular')
  await expect(main.getByRole('img', { name: 'Regular, expired, open to you again' })).toBeVisible()
  await expect(main.getByRole('link', { name: 'Available badges' })).toBeVisible()
})

test('a badge opened from the offers leads back to them, and one opened by its address to the list it is on', async ({
  page,
}) => {
  await page.goto('/customers/62090013/available')
  const main = page.getByRole('main')
  await main.getByRole('link', { name: /^Night Owl/ }).click()
  await expect(main.getByRole('heading', { level: 1 })).toHaveText('Night Owl')
  expect(await tabMarks(page)).toEqual({ earned: false, available: true })
  await main.getByRole('button', { name: 'Back to available badges' }).click()
  await expect(page).toHaveURL(/\/customers\/62090013\/available$/)
  expect(await tabMarks(page)).toEqual({ earned: false, available: true })
  // Opened by its address (a shared link, a reminder), the page marks the tab of the list it is on,
  // the one its link back names.
  await page.goto(page.url().replace(/available$/, 'badges/6650b1c00000000000000004'))
  await expect(main.getByRole('heading', { level: 1 })).toHaveText('Night Owl')
  await expect.poll(() => tabMarks(page)).toEqual({ earned: false, available: true })
  await main.getByRole('link', { name: 'Available badges' }).click()
  await expect(page).toHaveURL(/\/customers\/62090013\/available$/)
  // A badge the member holds: the earned list's.
  await page.goto(page.url().replace(/available$/, 'badges/6650b1c00000000000000001'))
  await expect(main.getByRole('heading', { level: 1 })).toHaveText('First Sip')
  await expect(main.getByRole('link', { name: 'Your earned badges' })).toBeVisible()
  await expect.poll(() => tabMarks(page)).toEqual({ earned: true, available: false })
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
  // The member is still in the Earned list: its tab stays marked, the other does not.
  expect(await tabMarks(page)).toEqual({ earned: true, available: false })
  await main.getByRole('button', { name: 'Back to your earned badges' }).click()
  await expect(page).toHaveURL(/\/earned\?expired=1$/)
  await expect(main.getByRole('link', { name: 'Gourmet Epicure Silver' })).toBeInViewport()
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(scrolled - 50)
})

test('Back from a badge far down a long list on a phone puts it exactly where it was', async ({
  page,
}) => {
  // A list of 24 badges and more lays out cards far off screen from an estimate of their height
  // (index.css, .long-list). Back put the same scroll offset on that other layout, and the badge
  // the member opened came back 10 to 100 px from where they left it.
  await page.setViewportSize({ width: 390, height: 844 })
  await page.addInitScript(() =>
    window.addEventListener('badgeshowcase:app-started', () =>
      Object.assign(window, { started: true }),
    ),
  )
  await page.goto('/customers/381921157/earned')
  await expect.poll(() => page.evaluate(() => 'started' in window)).toBe(true)
  const main = page.getByRole('main')
  const card = main.getByRole('link', { name: 'Gourmet Epicure Gold' })
  await card.scrollIntoViewIfNeeded()
  // Where the member sees it once the cards around it are drawn.
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done))))
  const top = async () => Math.round((await card.boundingBox())?.y ?? NaN)
  const seen = await top()
  expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(2000)
  await card.click()
  await expect(main.getByRole('heading', { level: 1 })).toHaveText('Gourmet Epicure Gold')
  await page.goBack()
  await expect(card).toBeInViewport()
  expect(await top()).toBe(seen)
  // And stays there as the cards around it are drawn.
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done))))
  expect(await top()).toBe(seen)
})

test('a double tap on a badge opens it once: Back returns to the list', async ({ page }) => {
  // A phone's pace. The router is at the badge before its page is on screen (it renders it in a
  // transition): a second tap in that moment lands on the same card of the list still shown.
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 })
  await page.addInitScript(() =>
    window.addEventListener('badgeshowcase:app-started', () =>
      document.documentElement.setAttribute('data-test-started', ''),
    ),
  )
  await page.goto('/customers/62090013/earned')
  const main = page.getByRole('main')
  await expect(page.locator('html[data-test-started]')).toHaveCount(1)
  for (const name of ['First Sip', 'Regular', 'Weekend Explorer']) {
    // The second tap at that very moment, whatever the machine's pace: once the address is the
    // badge's, on the card if the list is still there (it is: the page is rendered after).
    const again = await main.getByRole('link', { name }).evaluate(async (card: HTMLElement) => {
      const list = window.location.pathname
      card.click()
      while (window.location.pathname === list) await new Promise((later) => setTimeout(later, 0))
      if (!card.isConnected) return false
      card.click()
      return true
    })
    expect(again).toBe(true)
    await expect(main.getByRole('heading', { level: 1 })).toHaveText(name)
    // One history entry for the badge: one Back is the list again.
    await page.goBack()
    await expect(page).toHaveURL(/\/customers\/62090013\/earned$/)
    await expect(main.getByRole('heading', { level: 1 })).toHaveText('Earned badges')
  }
})

test('hovering a card loads its detail, so opening it makes no new request', async ({ page }) => {
  await page.goto('/customers/62090013/earned')
  const link = page.getByRole('listitem').getByRole('link', { name: 'Reviewer' })
  const id = await link.getAttribute('data-badge-link')
  const requests = detailRequests(page, id)
  await link.hover()
  await expect.poll(() => requests.length).toBe(2)
  await link.click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Reviewer')
  await expect(page.getByText('Your story with this badge')).toBeVisible()
  expect(requests).toHaveLength(2)
})

test('keyboard: tab to a badge and open it with Enter, with a visible focus ring', async ({
  page,
}) => {
  await page.goto('/customers/62090013/earned')
  await expect(page.getByRole('link', { name: 'First Sip' })).toBeVisible()
  const link = page.getByRole('link', { name: 'First Sip' })
  for (
    let i = 0;
    i < 30 && !(await link.evaluate((element) => element === document.activeElement));
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

test("a badge's page paints once, with its definition and the member's record both there", async ({
  page,
}) => {
  await recordShifts(page)
  await page.goto('/customers/62090013/earned')
  // The member's record of the badge held until the definition has come: the hero waits for it
  // (painted without it, its sentences grew when it came and moved everything below).
  let release: () => void = () => undefined
  const held = new Promise<void>((resolve) => (release = resolve))
  await page.route('**/api_gateway/v1/badges/management/**', async (route) => {
    await held
    await route.continue()
  })
  const definition = page.waitForResponse(/\/badgeMeta\//)
  await page
    .getByRole('main')
    .getByRole('link', { name: /First Sip/ })
    .first()
    .click()
  await definition
  await expect(page.getByRole('main').getByRole('heading', { level: 1 })).toHaveCount(0)
  release()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('First Sip')
  await expect(page.getByText('Part of Coffee Club')).toBeVisible()
  expect(await shifts(page)).toEqual([])
})
