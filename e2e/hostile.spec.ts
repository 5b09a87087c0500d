import { expect, test } from '@playwright/test'
import { expectNoAxeViolations } from './axe.ts'
import { withoutFirstViewData } from './without-first-view-data.ts'

// What a real cluster may send: markup and script in every string, very long names, right-to-left
// text and emoji, unsafe image URLs, unknown enum values, missing keys and nulls. All of it must
// render as text, and nothing of it may run.

const longName = 'Marathon '.repeat(230).slice(0, 2000)
const hostileBadges = [
  {
    badgeMetaId: 'h1',
    name: '<script>window.__pwned = 1</script>',
    description: '<img src=x onerror="window.__pwned = 2">',
    images: [{ url: 'javascript:window.__pwned=3', tag: 'EARNED' }],
    badgeGroupId: 'g1',
    badgeGroupName: '<b onmouseover="window.__pwned=4">Bold group</b>',
    badgeRank: 1,
    earnedCount: 2,
    lastEarnedOnDate: 1763000000.123,
    expiresOn: 1900000000,
    customFields: { '<i>key</i>': '<a href="javascript:alert(1)">click</a>' },
  },
  {
    badgeMetaId: 'h2',
    name: longName,
    images: [{ url: 'data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+', tag: 'EARNED' }],
    badgeGroupId: 'g1',
    badgeRank: 2,
  },
  {
    badgeMetaId: 'h3',
    name: 'شارة المستكشف 🧭✨',
    description: 'اشترِ ثلاث مرات',
    images: [
      { url: '../../etc/passwd', tag: 'UN_EARNED' },
      { url: 'string', tag: 'EARNED' },
    ],
    badgeGroupId: null,
    badgeRank: 'first',
    earnType: 'TELEPATHY',
    customerConstraints: [{ constraintType: 'CUSTOMER_BADGE_LUNAR', maxEarnLimit: 'many' }],
  },
  {
    badgeMetaId: 'h4',
    name: null,
    description: null,
    startOn: null,
    expiresOn: null,
    images: null,
    badgeGroupId: null,
    badgeGroupName: null,
    badgeRank: null,
    earnedCount: null,
    customerConstraints: null,
    badgeConstraints: null,
    customFields: null,
    benefits: null,
  },
  { badgeMetaId: 'h5', images: [{ url: '//evil.example.com/x.png', tag: 'SPARKLY' }] },
  { name: 'No id: cannot be linked' },
]

test.beforeEach(async ({ page }) => {
  // Hostile answers are given in the browser: the page must not carry the real ones already.
  await withoutFirstViewData(page)
  page.on('dialog', (dialog) => {
    throw new Error(`A dialog opened: ${dialog.message()}`)
  })
  await page.route(
    (url) => url.pathname.includes('/customer/') && url.searchParams.get('badgeType') === 'EARNED',
    (route) =>
      route.fulfill({
        contentType: 'application/json',
        body: JSON.stringify({
          data: {
            badges: hostileBadges,
            pagination: { page: 0, size: 50, total: 6, totalPages: 1 },
          },
        }),
      }),
  )
})

test.use({ viewport: { width: 360, height: 800 } })

test('hostile strings render as text, unsafe images never load, and nothing runs', async ({
  page,
}) => {
  const requested: string[] = []
  page.on('request', (request) => requested.push(request.url()))
  await page.goto('/customers/62090013/earned')
  const main = page.getByRole('main')
  await expect(
    main.getByRole('heading', { name: '<script>window.__pwned = 1</script>' }),
  ).toBeVisible()
  await expect(
    main.getByRole('heading', {
      level: 2,
      name: '<b onmouseover="window.__pwned=4">Bold group</b>',
    }),
  ).toBeVisible()
  await expect(main.getByRole('heading', { name: 'شارة المستكشف 🧭✨' })).toHaveAttribute(
    'dir',
    'auto',
  )
  await expect(main.getByRole('heading', { name: 'Unnamed badge' })).toHaveCount(2)
  await expect(
    main.getByText('1 badge could not be shown because the badges service sent incomplete data.'),
  ).toBeVisible()

  // Every unsafe URL became a monogram; no image element points anywhere unsafe.
  const sources = await main
    .getByRole('listitem')
    .getByRole('img')
    .evaluateAll((images) =>
      images.map((image) => image.getAttribute('src')).filter((src) => src !== null),
    )
  expect(sources).toEqual([])
  expect(
    requested.filter((url) => url.includes('evil.example.com') || url.startsWith('data:')),
  ).toEqual([])
  await main.getByRole('heading', { name: '<script>window.__pwned = 1</script>' }).hover()
  expect(
    await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned),
  ).toBeUndefined()

  // A 2,000-character name wraps instead of pushing the page sideways.
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  )
  expect(overflow).toBe(0)
  await expectNoAxeViolations(page)
})

test('a hostile badge detail renders its custom fields as text', async ({ page }) => {
  const badge = {
    id: 'h1',
    name: '<script>window.__pwned = 1</script>',
    description: '<img src=x onerror="window.__pwned = 2">',
    badgeStatus: 'HIBERNATING',
    badgeType: 'TELEPATHY',
    earnExpiry: { expiryType: 'SOMETIMES' },
    customerConstraints: [
      { constraintLevel: 'GALAXY', constraintType: 'WHATEVER', maxEarnLimit: null },
    ],
    issualDetails: { issuals: [{ issuedOn: 'yesterday', issuedStatus: 'ACTIVE' }, null] },
    earnDetails: null,
    customFields: { '<i>key</i>': '<a href="javascript:alert(1)">click</a>', nested: { a: 1 } },
  }
  await page.route('**/api_gateway/v1/badges/management/**', (route) =>
    route.fulfill({
      contentType: 'application/json',
      body: JSON.stringify({ data: badge, errors: [] }),
    }),
  )
  await page.route('**/api_gateway/v1/badges/badgeMeta/**', (route) =>
    route.fulfill({
      contentType: 'application/json',
      body: JSON.stringify({ data: { id: 'h1', status: 'ODD' } }),
    }),
  )
  await page.goto('/customers/62090013/badges/h1')
  const main = page.getByRole('main')
  await expect(main.getByRole('heading', { level: 1 })).toHaveText(
    '<script>window.__pwned = 1</script>',
  )
  await expect(main.getByText('<img src=x onerror="window.__pwned = 2">')).toBeVisible()
  await expect(main.getByText('<a href="javascript:alert(1)">click</a>')).toBeVisible()
  await expect(main.getByRole('link', { name: 'click' })).toHaveCount(0)
  await expect(main.getByText('There is a limit to how often you can earn it.')).toBeVisible()
  expect(
    await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned),
  ).toBeUndefined()
  await expectNoAxeViolations(page)
})

test('one badge id that cannot be put in a URL skips that badge, not the list', async ({
  page,
}) => {
  const badges = Array.from({ length: 50 }, (_, index) => ({
    badgeMetaId: `b${index}`,
    name: `Badge number ${index}`,
    badgeRank: index + 1,
  }))
  // JSON.stringify writes the lone surrogate as the escape "\ud800", as a real response can.
  badges[17] = { badgeMetaId: 'abc\ud800', name: 'Lone surrogate', badgeRank: 18 }
  await page.route(
    (url) => url.pathname.includes('/customer/') && url.searchParams.get('badgeType') === 'EARNED',
    (route) =>
      route.fulfill({
        contentType: 'application/json',
        body: JSON.stringify({
          data: { badges, pagination: { page: 0, size: 50, total: 50, totalPages: 1 } },
        }),
      }),
  )
  await page.goto('/customers/62090013/earned')
  const main = page.getByRole('main')
  // Forty-nine badges in one group: it shows its first ones, "See all" the rest.
  await main.getByRole('button', { name: 'See all 49' }).click()
  await expect(main.getByRole('heading', { name: 'Badge number 49' })).toBeVisible()
  await expect(main.getByRole('heading', { name: /^Badge number \d+$/ })).toHaveCount(49)
  await expect(main.getByRole('heading', { name: 'Lone surrogate' })).toHaveCount(0)
  await expect(
    main.getByText('1 badge could not be shown because the badges service sent incomplete data.'),
  ).toBeVisible()
})
