import { expect, type Page, test } from '@playwright/test'
import { hostOrigin, live } from '../playwright.config.ts'
import { ENTRY_SCRIPT, hold } from './hold.ts'
import { signMemberToken } from './member-token.ts'
import { startShowcase } from './own-server.ts'
import { recordShifts, shifts } from './shifts.ts'

// Demo mode: the first view's data arrives with the page, so the view asks the network only for
// what it does not need for its first paint (the other tab's count).

function watch(page: Page) {
  const apiRequests: string[] = []
  const problems: string[] = []
  page.on('request', (request) => {
    const url = new URL(request.url())
    if (url.pathname.includes('/api_gateway/')) apiRequests.push(`${url.pathname}${url.search}`)
  })
  // Warnings too: a brand's console shows no library's notes meant for developers. (Chromium's
  // own note on a preload not yet used depends on the machine's speed, not on the page; and the
  // embed script's frame allows sharing, which Chromium on Linux does not know.)
  page.on('console', (message) => {
    const text = message.text()
    if (message.type() === 'error') problems.push(text)
    else if (
      message.type() === 'warning' &&
      !/was preloaded using link preload|Unrecognized feature: 'web-share'/.test(text)
    )
      problems.push(text)
  })
  page.on('pageerror', (error) => problems.push(error.message))
  return { apiRequests, problems }
}

test('earned: the list and its group names come with the page; the first row loads first', async ({
  page,
}) => {
  const { apiRequests, problems } = watch(page)
  await page.goto('/customers/62090013/earned')
  const main = page.getByRole('main')
  await expect(main.getByRole('heading', { name: 'First Sip' })).toBeVisible()
  await expect(page.getByRole('link', { name: 'Available (12)' })).toBeVisible()
  expect(apiRequests.filter((url) => url.includes('badgeType=EARNED'))).toEqual([])
  expect(apiRequests.filter((url) => url.includes('/group/'))).toEqual([])
  // The summary's lists and the member's own records came with the page too: nothing else asked.
  await expect(main.getByRole('region', { name: 'Your badges at a glance' })).toBeVisible()
  expect(apiRequests).toEqual([])

  const images = main.getByRole('listitem').locator('img')
  await expect(images.nth(0)).toHaveAttribute('fetchpriority', 'high')
  await expect(images.nth(0)).toHaveAttribute('loading', 'eager')
  await expect(images.nth(3)).toHaveAttribute('fetchpriority', 'high')
  await expect(images.nth(4)).toHaveAttribute('loading', 'lazy')
  // The page preloaded exactly the images the first row shows.
  const preloaded = await page
    .locator('link[rel="preload"][as="image"]')
    .evaluateAll((links) => links.map((link) => (link as HTMLLinkElement).href))
  const firstRow = await images.evaluateAll((list) =>
    list.slice(0, 4).map((image) => (image as HTMLImageElement).src),
  )
  expect(preloaded).toEqual(firstRow)
  expect(problems).toEqual([])
})

test('available: the list comes with the page; the artwork that fails to decode logs nothing', async ({
  page,
}) => {
  const { apiRequests, problems } = watch(page)
  await page.goto('/customers/62090013/available')
  const green = page.getByRole('img', { name: 'Green Step, not earned yet' })
  await expect(green).toHaveAttribute('src', /green-step-earned\.svg$/)
  await expect(page.getByRole('link', { name: 'Earned (7)' })).toBeVisible()
  expect(apiRequests.filter((url) => url.includes('badgeType=AVAILABLE'))).toEqual([])
  expect(problems).toEqual([])
})

test('a page the app draws again in another language keeps the next art for a broken image', async ({
  page,
}) => {
  // The server's English render already met the broken art; the app's Arabic one hears of it twice
  // (the image is done and undecodable, and its error event fires): still one step, not two.
  await page.goto('/customers/62090013/available#locale=ar')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('الشارات المتاحة')
  const green = page.getByRole('img', { name: /^\u2068?Green Step\u2069?،/ })
  await expect(green).toHaveAttribute('src', /green-step-earned\.svg$/)
  await page.waitForTimeout(500) // (a late second report would have replaced it by now)
  await expect(green).toHaveAttribute('src', /green-step-earned\.svg$/)
})

test('detail: the badge comes with the page and does not wait for the tab counts', async ({
  page,
}) => {
  const { apiRequests, problems } = watch(page)
  await recordShifts(page)
  // Both lists held back: the detail must paint without them.
  let releaseLists: () => void = () => undefined
  const listsHeld = new Promise<void>((resolve) => {
    releaseLists = resolve
  })
  await page.route('**/api_gateway/v1/badges/customer/**', async (route) => {
    await listsHeld
    await route.continue()
  })
  await page.goto('/customers/62090013/badges/6650b1c00000000000000003')
  await expect(page.getByRole('heading', { level: 1, name: "Barista's Favourite" })).toBeVisible()
  await expect(page.getByRole('img', { name: /Barista's Favourite/ })).toHaveAttribute(
    'fetchpriority',
    'high',
  )
  expect(apiRequests.filter((url) => /management|badgeMeta/.test(url))).toEqual([])
  // The tabs are there, without their counts yet.
  await expect(page.getByRole('link', { name: /^Earned/ })).toBeVisible()
  releaseLists()
  await expect(page.getByRole('link', { name: 'Earned (7)' })).toBeVisible()
  await expect(page.getByRole('link', { name: 'Available (12)' })).toBeVisible()
  // The counts arrived into room kept for them: nothing moved.
  expect(await shifts(page)).toEqual([])
  expect(problems).toEqual([])
})

test('a filtered earned list and the bare root get their own first view', async ({ page }) => {
  const { apiRequests, problems } = watch(page)
  await page.goto('/customers/62090013/earned?sort=last-earned')
  await expect(page.getByText('Most recent first')).toBeVisible()
  expect(apiRequests.filter((url) => url.includes('sortOn=LAST_EARNED_ON_DATE'))).toEqual([])

  apiRequests.length = 0
  await page.goto('/')
  await expect(page).toHaveURL(/\/customers\/62090013\/earned$/)
  await expect(page.getByRole('main').getByRole('heading', { name: 'First Sip' })).toBeVisible()
  expect(apiRequests.filter((url) => url.includes('badgeType=EARNED'))).toEqual([])
  expect(problems).toEqual([])
})

/** The server renders nothing for early.js (as when it cannot): the page goes as it did without. */
async function withoutRender(page: Page) {
  await page.route(/\/first-view$/, (route) => route.fulfill({ status: 204 }))
}

test.describe('live mode', () => {
  test.use({ baseURL: `http://127.0.0.1:${live.port}` })

  test("without a render, early.js starts the view's requests before the app's script has run, and the app uses them", async ({
    page,
  }) => {
    const token = await signMemberToken({ sub: 'tom.sawyer@example.com', idType: 'email' })
    const { apiRequests, problems } = watch(page)
    await withoutRender(page)
    // The app's script held back: whatever reaches the API meanwhile was started by early.js.
    const releaseApp = await hold(page, ENTRY_SCRIPT)
    await page.goto(`/customers/tom.sawyer%40example.com/earned?by=email#member_token=${token}`, {
      waitUntil: 'commit',
    })
    await expect.poll(() => apiRequests.length).toBe(1)
    expect(apiRequests[0]).toContain('badgeType=EARNED')
    releaseApp()
    await expect(page.getByRole('heading', { name: 'First Sip' })).toBeVisible()
    await expect(page.getByRole('link', { name: 'Available (12)' })).toBeVisible()
    // The app took the early answer instead of asking again.
    const earnedLists = apiRequests.filter(
      (url) => url.includes('badgeType=EARNED') && url.includes('sortOn=RANK'),
    )
    expect(earnedLists).toHaveLength(1)
    expect(page.url()).not.toContain(token)
    expect(problems).toEqual([])
  })

  test("with the server's render off, early.js runs before the app's script even when it arrives after it", async ({
    page,
  }) => {
    // SHOWCASE_SSR=false: the page carries the app's script, and early.js starts the view's
    // requests while it downloads.
    const server = await startShowcase({
      CAPILLARY_API_URL: `http://127.0.0.1:${live.standInPort}`,
      CAPILLARY_OAUTH_KEY: live.oauthKey,
      CAPILLARY_OAUTH_SECRET: live.oauthSecret,
      SHOWCASE_TOKEN_SECRET: live.tokenSecret,
      SHOWCASE_SSR: 'false',
    })
    try {
      const token = await signMemberToken({ sub: 'tom.sawyer@example.com', idType: 'email' })
      const { apiRequests, problems } = watch(page)
      // early.js held until the app's script has arrived: a fast connection with early.js behind.
      const releaseEarly = await hold(page, /\/early\.js$/)
      const appArrived = page.waitForResponse(ENTRY_SCRIPT)
      await page.goto(
        `${server.url}/customers/tom.sawyer%40example.com/earned?by=email#member_token=${token}`,
        { waitUntil: 'commit' },
      )
      await appArrived
      releaseEarly()
      await expect(page.getByRole('heading', { name: 'First Sip' })).toBeVisible()
      // It still saw the member token (the app takes it out of the address when it starts), so it
      // started the list, and the app used that answer instead of asking again.
      const early = await page.evaluate(
        () => (window as { __badgeShowcaseEarly?: unknown[] }).__badgeShowcaseEarly?.length ?? 0,
      )
      expect(early).toBe(1)
      expect(apiRequests.filter((url) => url.includes('badgeType=EARNED'))).toHaveLength(1)
      expect(problems).toEqual([])
    } finally {
      await server.stop()
    }
  })

  test("in a portal's frame: the view is rendered before the app's code, and the app takes it over as it is", async ({
    page,
  }) => {
    const token = await signMemberToken({ sub: 'tom.sawyer@example.com', idType: 'email' })
    const { apiRequests, problems } = watch(page)
    await appStartedFlag(page)
    const releaseApp = await hold(page, ENTRY_SCRIPT)
    const options = { customer: 'tom.sawyer@example.com', by: 'email', memberToken: token }
    const asked = page.waitForRequest((request) => request.url().endsWith('/first-view'))
    await page.goto(
      `${hostOrigin}/host.html?${new URLSearchParams({ app: `http://127.0.0.1:${live.port}`, options: JSON.stringify(options) })}`,
    )
    const frame = page.frameLocator('#badges iframe')
    // In a frame, so rendered as the app draws a frame (no full-window height), with the embed
    // script's settings or without them.
    expect((await asked).headers()['x-showcase-framed']).toBe('1')
    await expect(frame.getByRole('heading', { name: 'First Sip' })).toBeVisible()
    await expect(frame.getByRole('link', { name: 'Available (12)' })).toBeVisible()
    expect(apiRequests).toEqual([])
    await frame
      .getByRole('heading', { level: 1 })
      .evaluate((h1) => h1.setAttribute('data-mark', ''))
    releaseApp()
    await expect
      .poll(() => frame.locator('html').evaluate(() => (window as Started).appStarted))
      .toBe(true)
    await expect(frame.locator('h1[data-mark]')).toHaveCount(1)
    // The frame's own router: a tap opens the badge, and the portal's address follows.
    await frame
      .getByRole('main')
      .getByRole('link', { name: /First Sip/ })
      .first()
      .click()
    await expect(frame.getByRole('heading', { level: 1 })).toHaveText('First Sip')
    await expect(page).toHaveURL(/[?&]badges=\/badges\//)
    expect(problems).toEqual([])
  })

  test("the root opens config.json's view: early.js asks for that view's render", async ({
    page,
  }) => {
    const token = await signMemberToken({ sub: 'tom.sawyer@example.com', idType: 'email' })
    // The brand's config.json says to open the available badges (the server puts it in the page;
    // here the page is changed on its way, so the server's own render settings stay as they are).
    await page.route(
      (url) => url.pathname === '/',
      async (route) => {
        const response = await route.fetch()
        const html = (await response.text()).replace(
          /(<script type="application\/json" id="runtime-config">).*?(<\/script>)/s,
          '$1{"view":"Available"}$2',
        )
        await route.fulfill({ response, body: html })
      },
    )
    const asked = page.waitForRequest((request) => request.url().endsWith('/first-view'))
    await hold(page, ENTRY_SCRIPT)
    await page.goto(`/#member_token=${token}`)
    expect((await asked).headers()['x-showcase-page']).toBe(
      '/customers/tom.sawyer%40example.com/available?by=email',
    )
    // Before the app's code: the view the app will open, not the earned one.
    await expect(
      page.getByRole('main').getByRole('heading', { name: 'Available badges', level: 1 }),
    ).toBeVisible()
  })

  test('available without a render: early.js starts both lists, and the view paints once, whole, with nothing moving', async ({
    page,
  }) => {
    const token = await signMemberToken({ sub: 'tom.sawyer@example.com', idType: 'email' })
    const { apiRequests, problems } = watch(page)
    await withoutRender(page)
    await recordShifts(page)
    // The earned list answers last, well after the available one: the view waits for it.
    let releaseEarned: () => void = () => undefined
    const earnedHeld = new Promise<void>((resolve) => {
      releaseEarned = resolve
    })
    await page.route(
      (url) =>
        url.pathname.includes('/customer/') && url.searchParams.get('badgeType') === 'EARNED',
      async (route) => {
        await earnedHeld
        await route.continue()
      },
    )
    await page.goto(`/customers/tom.sawyer%40example.com/available?by=email#member_token=${token}`)
    const main = page.getByRole('main')
    await expect(page.getByRole('link', { name: 'Available (12)' })).toBeVisible()
    await expect(main.getByRole('status', { name: 'Loading available badges' })).toBeVisible()
    await expect(main.getByRole('heading', { name: 'Night Owl' })).toHaveCount(0)
    releaseEarned()
    // One paint with the cards and each group's count, the same counts the earned list gives.
    await expect(main.getByRole('heading', { name: 'Night Owl' })).toBeVisible()
    await expect(
      main.getByRole('region', { name: 'Coffee Club' }).getByText('You have 2 of 4'),
    ).toBeVisible()
    await expect(page.getByRole('link', { name: 'Earned (7)' })).toBeVisible()
    // Both lists were started by early.js, asked once, and the app took both answers.
    const early = await page.evaluate(() =>
      (
        window as unknown as { __badgeShowcaseEarly: Array<{ key: string }> }
      ).__badgeShowcaseEarly.map((entry) => entry.key),
    )
    expect(early).toEqual([
      expect.stringContaining('badgeType=AVAILABLE'),
      expect.stringContaining('badgeType=EARNED'),
    ])
    expect(apiRequests.filter((url) => url.includes('badgeType=AVAILABLE'))).toHaveLength(1)
    expect(apiRequests.filter((url) => url.includes('badgeType=EARNED'))).toHaveLength(1)
    await expect(main.getByRole('region', { name: 'Your badges at a glance' })).toBeVisible()
    expect(await shifts(page)).toEqual([])
    expect(problems).toEqual([])
  })

  test("a page of its own: the server renders the member's view for early.js before the app's code, and the app takes it over as it is", async ({
    page,
    browser,
    baseURL,
  }) => {
    const token = await signMemberToken({ sub: 'tom.sawyer@example.com', idType: 'email' })
    // A server that has served before: its token for Capillary fetched, its render run. Cold, the
    // first render can pass its 1 s budget on a busy machine, and the page then comes unrendered.
    const before = await browser.newContext({ baseURL })
    const visit = await before.newPage()
    await visit.goto(`/customers/tom.sawyer%40example.com/earned?by=email#member_token=${token}`)
    await expect(visit.getByRole('main').getByRole('heading', { name: 'First Sip' })).toBeVisible()
    await before.close()
    const { apiRequests, problems } = watch(page)
    await recordShifts(page)
    await appStartedFlag(page)
    const releaseApp = await hold(page, ENTRY_SCRIPT)
    await page.goto(`/customers/tom.sawyer%40example.com/earned?by=email#member_token=${token}`)
    // On screen with none of the app's code run: the list, both tabs' counts, the view's title.
    const main = page.getByRole('main')
    await expect(main.getByRole('heading', { name: 'First Sip' })).toBeVisible()
    await expect(page.getByRole('link', { name: 'Earned (7)' })).toBeVisible()
    await expect(page.getByRole('link', { name: 'Available (12)' })).toBeVisible()
    await expect(page).toHaveTitle(/^Earned badges/)
    // The server asked the API in process, with the token from early.js's request: the browser
    // asked it nothing, and the token is in no part of the page.
    expect(apiRequests).toEqual([])
    expect(await page.locator('#server-render').textContent()).not.toContain(token)
    expect(await page.locator('#root').innerHTML()).not.toContain(token)
    await page.getByRole('heading', { level: 1 }).evaluate((h1) => h1.setAttribute('data-mark', ''))
    // The token left the address bar as the page arrived, not when the app started.
    await expect(page).toHaveURL(/\/earned\?by=email$/)

    releaseApp()
    await expect.poll(() => page.evaluate(() => (window as Started).appStarted)).toBe(true)
    await expect(page).not.toHaveURL(/member_token/)
    // Taken over, not drawn afresh: the server's heading is still the one on screen.
    await expect(page.locator('h1[data-mark]')).toHaveCount(1)
    // The app answers, and asks only for what it did not have.
    await page.getByRole('link', { name: 'Available (12)' }).click()
    await expect(main.getByRole('heading', { name: 'Night Owl' })).toBeVisible()
    expect(apiRequests.filter((url) => url.includes('badgeType=EARNED'))).toEqual([])
    expect(await shifts(page)).toEqual([])
    expect(problems).toEqual([])
  })

  test('should the code fail to load, a tapped badge opens as a plain link, still signed in', async ({
    page,
  }) => {
    const token = await signMemberToken({ sub: 'tom.sawyer@example.com', idType: 'email' })
    await page.route(ENTRY_SCRIPT, (route) => route.abort())
    await page.goto(`/customers/tom.sawyer%40example.com/earned?by=email#member_token=${token}`)
    const main = page.getByRole('main')
    await opensFirstSipForTheMember(page)
    // Back: the list again, still signed in (its entry in the history kept the token).
    await page.goBack()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Earned badges')
    await expect(main.getByRole('heading', { name: 'First Sip' })).toBeVisible()
  })

  test("a link to another site, tapped before the app runs, never carries the member's token", async ({
    page,
  }) => {
    const token = await signMemberToken({ sub: 'tom.sawyer@example.com', idType: 'email' })
    await hold(page, ENTRY_SCRIPT)
    await page.route('https://elsewhere.example/**', (route) =>
      route.fulfill({ contentType: 'text/html', body: '<p>Elsewhere</p>' }),
    )
    await page.goto(`/customers/tom.sawyer%40example.com/earned?by=email#member_token=${token}`)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Earned badges')
    // (A brand's reward or share link would be such a link.)
    await page.getByRole('main').evaluate((main) => {
      const link = document.createElement('a')
      link.href = 'https://elsewhere.example/reward'
      link.textContent = 'Elsewhere'
      main.prepend(link)
    })
    await page.getByRole('link', { name: 'Elsewhere' }).click()
    // The other site's address exactly: no fragment, so no token.
    await expect(page).toHaveURL('https://elsewhere.example/reward', { timeout: 10_000 })
  })

  test('should the code fail to load, the skip link does not cost the member their token', async ({
    page,
  }) => {
    const token = await signMemberToken({ sub: 'tom.sawyer@example.com', idType: 'email' })
    await page.route(ENTRY_SCRIPT, (route) => route.abort())
    const failed = page.waitForEvent('requestfailed', (request) =>
      ENTRY_SCRIPT.test(new URL(request.url()).pathname),
    )
    await page.goto(`/customers/tom.sawyer%40example.com/earned?by=email#member_token=${token}`)
    await failed
    // The skip link goes to the content, on this page (not to the root's, under <base>).
    await page.keyboard.press('Tab')
    await page.keyboard.press('Enter')
    await expect(page.getByRole('main')).toBeFocused()
    await expect(page).toHaveURL(/\/customers\/tom\.sawyer%40example\.com\/earned\?by=email$/)
    // A badge then opens as a page of its own, for the same member.
    await opensFirstSipForTheMember(page)
  })

  test.describe('far from the server', () => {
    test.use({ timezoneId: 'Pacific/Kiritimati' })

    test("the root, with the portal's settings: rendered as the member will see it, in their language and time zone", async ({
      page,
    }) => {
      const token = await signMemberToken({ sub: '62090013' })
      const { problems } = watch(page)
      await appStartedFlag(page)
      const releaseApp = await hold(page, ENTRY_SCRIPT)
      await page.goto(`/#member_token=${token}&view=available&locale=fr`)
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Badges proposés')
      await expect(page.locator('html')).toHaveAttribute('lang', 'fr')
      const state = JSON.parse((await page.locator('#server-render').textContent()) ?? '{}') as {
        timeZone?: string
      }
      expect(state.timeZone).toBe('Pacific/Kiritimati')
      await page
        .getByRole('heading', { level: 1 })
        .evaluate((h1) => h1.setAttribute('data-mark', ''))

      releaseApp()
      await expect.poll(() => page.evaluate(() => (window as Started).appStarted)).toBe(true)
      await expect(page).toHaveURL(/\/customers\/62090013\/available$/)
      // The same dates and words as the browser's own render would have: taken over as it is.
      await expect(page.locator('h1[data-mark]')).toHaveCount(1)
      expect(problems).toEqual([])
    })

    test('a browser without Temporal: the render is asked for in the same time zone', async ({
      page,
    }) => {
      // early.js names the zone with Temporal where there is one (no locale data to load first),
      // else with the browser's date formatting.
      await page.addInitScript(() => {
        delete (globalThis as { Temporal?: unknown }).Temporal
      })
      const token = await signMemberToken({ sub: '62090013' })
      const asked = page.waitForRequest((request) => request.url().endsWith('/first-view'))
      await hold(page, ENTRY_SCRIPT)
      await page.goto(`/customers/62090013/earned#member_token=${token}`)
      expect((await asked).headers()['x-showcase-time-zone']).toBe('Pacific/Kiritimati')
      await expect(page.getByRole('heading', { name: 'First Sip' })).toBeVisible()
      expect(
        await page.evaluate(() => typeof (globalThis as { Temporal?: unknown }).Temporal),
      ).toBe('undefined')
    })
  })

  test.describe('in a zone the browser names two ways', () => {
    // Chromium names GMT "UTC" through Temporal (as early.js asks for the render) and "+00:00"
    // through its date formatting.
    test.use({ timezoneId: 'GMT' })

    test('the render is taken over as it is, not drawn again', async ({ page }) => {
      const token = await signMemberToken({ sub: '62090013' })
      const { problems } = watch(page)
      await appStartedFlag(page)
      const releaseApp = await hold(page, ENTRY_SCRIPT)
      await page.goto(`/customers/62090013/earned#member_token=${token}`)
      const heading = page.getByRole('heading', { level: 1 })
      await heading.evaluate((h1) => h1.setAttribute('data-mark', ''))
      releaseApp()
      await expect.poll(() => page.evaluate(() => (window as Started).appStarted)).toBe(true)
      await expect(page.locator('h1[data-mark]')).toHaveCount(1)
      expect(problems).toEqual([])
    })
  })
})

/**
 * Taps First Sip on a page whose code failed: it opens as a page of its own, rendered for the same
 * member (the token went along in the fragment, and left that page's address in turn), or the
 * page would not know them.
 */
async function opensFirstSipForTheMember(page: Page) {
  await page
    .getByRole('main')
    .getByRole('link', { name: /First Sip/ })
    .first()
    .click()
  await expect(page).toHaveURL(/\/badges\/[^/#]+\?by=email$/)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('First Sip')
  await expect(page.getByText('Part of Coffee Club')).toBeVisible()
}

type Started = { appStarted?: boolean }

/** Notes when the app has started (it says so once it has taken the page over). */
async function appStartedFlag(page: Page) {
  await page.addInitScript(() => {
    window.addEventListener('badgeshowcase:app-started', () => {
      ;(window as Started).appStarted = true
    })
  })
}
