import { readFile } from 'node:fs/promises'
import { expect, type Page, test } from '@playwright/test'
import { SignJWT } from 'jose'
import { hostOrigin, live, portalOrigin } from '../playwright.config.ts'
import { expectNoAxeViolations } from './axe.ts'
import { calendarDaysUntil } from './calendar.ts'

// The showcase inside a member portal on another origin (examples/portal.html, or pages the tests
// serve on the portal's origin), as a member and as the brand's developer would meet it.

const showcase = `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 4179)}`
const liveShowcase = `http://127.0.0.1:${live.port}`
const portal = (query = '') => `${portalOrigin}/portal.html?showcase=${showcase}${query}`

/** A portal page of another origin that mounts the showcase at `app` with `mount`'s options. */
const host = (app: string, options: Record<string, unknown>, query = '') =>
  `${hostOrigin}/host.html?${new URLSearchParams({ app, options: JSON.stringify(options) })}${query}`

type Heard = [kind: string, name: string, detail: unknown][]
const heard = (page: Page) => page.evaluate(() => (window as unknown as { heard: Heard }).heard)

test('the frame keeps the height the portal reserved for it until the showcase reports its own', async ({
  page,
}) => {
  // The showcase's page held back: the frame stays as the snippet made it.
  await page.route(`${showcase}/customers/**`, () => undefined)
  const iframe = page.locator('#badges iframe')
  const height = () => iframe.evaluate((element) => element.getBoundingClientRect().height)
  await page.goto(host(showcase, { customer: '62090013', initialHeight: 900 }), {
    waitUntil: 'domcontentloaded',
  })
  await expect(iframe).toBeAttached()
  expect(await height()).toBe(900)
  // Not a height: the default, and the portal's developer is told.
  await page.goto(host(showcase, { customer: '62090013', initialHeight: 'tall' }), {
    waitUntil: 'domcontentloaded',
  })
  await expect(iframe).toBeAttached()
  expect(await height()).toBe(640)
  await expect
    .poll(() => heard(page))
    .toContainEqual(['event', 'error', { reason: 'config:initialHeight' }])
  // With its unit, as CSS writes it.
  await page.goto(host(showcase, { customer: '62090013', initialHeight: '700px' }), {
    waitUntil: 'domcontentloaded',
  })
  await expect(iframe).toBeAttached()
  expect(await height()).toBe(700)
})

test.describe('at phone width', () => {
  test.use({ viewport: { width: 390, height: 844 } })

  test("the member keeps their place: the badge's heading in view, the route in the portal's address, reload, back and forward", async ({
    page,
  }) => {
    await page.addInitScript(() => {
      // The device's share sheet, as the member would see what it is handed.
      Object.defineProperty(navigator, 'share', {
        value: async (data: ShareData) => {
          ;(window as unknown as { shared: ShareData }).shared = data
        },
      })
    })
    await page.goto(portal())
    const frame = page.frameLocator('#badges iframe')
    await expect(frame.getByRole('heading', { name: 'First Sip' })).toBeVisible()
    // The first view is mirrored in place, with no new history entry.
    await expect(page).toHaveURL(/[?&]badges=\/earned(&|$)/)

    const last = frame.getByRole('main').getByRole('link').last()
    const href = await last.getAttribute('href')
    const badgeId = /\/badges\/([^/?]+)/.exec(href ?? '')?.[1] ?? ''
    expect(badgeId).not.toBe('')
    const name = (await last.textContent())?.trim() ?? ''
    await last.scrollIntoViewIfNeeded()
    const listScroll = await page.evaluate(() => window.scrollY)
    expect(listScroll).toBeGreaterThan(844)
    await last.click()

    const heading = frame.getByRole('heading', { level: 1 })
    await expect(heading).toHaveText(name)
    await expect(heading).toBeFocused()
    await expect(page).toHaveURL(new RegExp(`[?&]badges=/badges/${badgeId}(&|$)`))
    await expect
      .poll(async () => {
        const box = await heading.boundingBox()
        return box !== null && box.y >= 0 && box.y + box.height <= 844
      })
      .toBe(true)

    // The link shared is the portal's, with the route, and no token.
    await frame.getByRole('button', { name: 'Share this badge' }).click()
    const iframe = await page.locator('#badges iframe').elementHandle()
    const showcaseFrame = await iframe?.contentFrame()
    await expect
      .poll(() =>
        showcaseFrame?.evaluate(() => (window as unknown as { shared?: ShareData }).shared?.url),
      )
      .toBe(`${portalOrigin}/portal.html?badges=/badges/${badgeId}`)

    // Back: the list, where the member was.
    await page.goBack()
    await expect(frame.getByRole('heading', { level: 1 })).toHaveText('Earned badges')
    await expect(page).toHaveURL(/[?&]badges=\/earned(&|$)/)
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(listScroll)

    // Forward, then a reload: the same badge.
    await page.goForward()
    await expect(frame.getByRole('heading', { level: 1 })).toHaveText(name)
    await page.reload()
    await expect(frame.getByRole('heading', { level: 1 })).toHaveText(name)
    await page.goBack()
    await expect(frame.getByRole('heading', { level: 1 })).toHaveText('Earned badges')
  })
})

test('Back pressed while the showcase is still loading after a reload opens the list, not the badge', async ({
  page,
}) => {
  await page.goto(portal())
  const frame = page.frameLocator('#badges iframe')
  const first = frame.getByRole('main').getByRole('link', { name: 'First Sip' })
  await first.click()
  await expect(frame.getByRole('heading', { level: 1 })).toHaveText('First Sip')
  await expect(page).toHaveURL(/[?&]badges=\/badges\//)
  // The showcase's script is slow after the reload: the member presses Back before it runs.
  let delayed = 0
  await page.route(
    (url) =>
      url.origin === showcase &&
      url.pathname.startsWith('/assets/') &&
      url.pathname.endsWith('.js'),
    async (route) => {
      delayed += 1
      await new Promise((resolve) => setTimeout(resolve, 1_500))
      await route.continue()
    },
  )
  await page.reload({ waitUntil: 'domcontentloaded' })
  await expect(page.locator('#badges iframe')).toBeAttached()
  await page.goBack()
  await expect(page).toHaveURL(/[?&]badges=\/earned(&|$)/)
  await expect(frame.getByRole('heading', { level: 1 })).toHaveText('Earned badges', {
    timeout: 15_000,
  })
  expect(delayed).toBeGreaterThan(0)
  // And it stays there: the address and the view agree.
  await expect(page).toHaveURL(/[?&]badges=\/earned(&|$)/)
})

test('the snippet opens on the route the portal address names, and refuses one that leaves the showcase', async ({
  page,
}) => {
  await page.goto(`${portal()}&badges=/available`)
  const frame = page.frameLocator('#badges iframe')
  await expect(frame.getByRole('heading', { level: 1 })).toHaveText('Available badges')

  for (const hostile of ['//evil.example/x', 'https://evil.example/', '/../../etc', '/%2e%2e/x']) {
    await page.goto(`${portal()}&badges=${encodeURIComponent(hostile)}`)
    await expect(frame.getByRole('heading', { level: 1 })).toHaveText('Earned badges')
    const src = await page.locator('#badges iframe').getAttribute('src')
    expect(src?.startsWith(`${showcase}/customers/62090013/earned#`)).toBe(true)
    await expect(page.locator('#event-log')).toContainText('error {"reason":"config:route"}')
  }
})

test('the portal hears ready, navigate, badgeopen, resize and error, in order, as DOM events and callbacks', async ({
  page,
}) => {
  const options = { customer: '62090013', routeParam: 'b', brandNmae: 'typo' }
  await page.goto(host(showcase, options))
  const frame = page.frameLocator('#badges iframe')
  await expect(frame.getByRole('heading', { name: 'First Sip' })).toBeVisible()
  await frame.getByRole('link', { name: 'Reviewer' }).click()
  await expect(frame.getByRole('heading', { level: 1 })).toHaveText('Reviewer')
  await expect(page).toHaveURL(/&b=\/badges\/6650b1c00000000000000009$/)

  await expect
    // The expiring event comes when the lists are read, in no fixed place among these.
    .poll(async () =>
      (await heard(page)).filter(
        ([, name]) => !['resize', 'expiring', 'onExpiring'].includes(name),
      ),
    )
    .toEqual([
      ['event', 'error', { reason: 'config:brandNmae' }],
      ['callback', 'onError', { reason: 'config:brandNmae' }],
      ['event', 'navigate', { route: '/earned' }],
      ['callback', 'onNavigate', { route: '/earned' }],
      ['event', 'ready', {}],
      ['callback', 'onReady', {}],
      ['event', 'navigate', { route: '/badges/6650b1c00000000000000009' }],
      ['callback', 'onNavigate', { route: '/badges/6650b1c00000000000000009' }],
      ['event', 'badgeopen', { badgeId: '6650b1c00000000000000009' }],
      ['callback', 'onBadgeOpen', { badgeId: '6650b1c00000000000000009' }],
    ])
  const iframe = page.locator('#badges iframe')
  const height = () => iframe.evaluate((element) => element.getBoundingClientRect().height)
  // The last size the portal heard is the frame's size as it settles (both read on each try: the
  // badge's page may still be growing when the check starts).
  await expect
    .poll(async () => {
      const last = (await heard(page)).filter(([, name]) => name === 'resize').at(-1)
      const frame = await height()
      return last?.[0] === 'event' && (last[2] as { height: number }).height === frame
    }, 'the last resize the portal heard gives the frame its height')
    .toBe(true)

  // A member the showcase cannot find: the reason, for the developer.
  await page.goto(host(showcase, { customer: '999999' }))
  await expect(frame.getByRole('alert').first()).toContainText('We could not find your badges')
  await expect
    .poll(async () => await heard(page))
    .toContainEqual(['callback', 'onError', { reason: 'member-not-found' }])
})

test('the portal hears once a load which badges run out within the days it asked for', async ({
  page,
  request,
}) => {
  const listed = await request.get('/api_gateway/v1/badges/customer/62090013?badgeType=EARNED')
  const { data } = (await listed.json()) as {
    data: { badges: { badgeMetaId: string; name: string; expiresOn: number | null }[] }
  }
  const explorer = data.badges.find((badge) => badge.name === 'Weekend Explorer')
  const expiresOn = new Date(Math.round((explorer?.expiresOn ?? 0) * 1000)).toISOString()
  const expiring = async () =>
    (await heard(page)).filter(([, name]) => name === 'expiring' || name === 'onExpiring')

  // Weekend Explorer runs out in 12 days and 5 hours: named when the portal asks for 14, with the
  // days its card says are left (13 from 19:00 on: the member's calendar).
  await page.goto(host(showcase, { customer: '62090013', expiringWithinDays: 14 }))
  await expect.poll(async () => (await expiring()).length).toBe(2)
  const got = await expiring()
  expect(got.map(([kind, name]) => `${kind} ${name}`)).toEqual([
    'event expiring',
    'callback onExpiring',
  ])
  expect(got[1]?.[2]).toEqual(got[0]?.[2])
  const { badges } = got[0]?.[2] as { badges: Record<string, unknown>[] }
  const daysLeft = await calendarDaysUntil(page, Date.parse(expiresOn))
  expect(badges).toContainEqual({
    badgeId: explorer?.badgeMetaId,
    name: 'Weekend Explorer',
    expiresOn,
    daysLeft,
    kind: 'earned-expires',
  })
  for (const badge of badges) expect(badge.daysLeft).toBeLessThanOrEqual(14)
  // The member's card in the frame says the same number.
  const frame = page.frameLocator('#badges iframe')
  await expect(frame.getByRole('listitem').filter({ hasText: 'Weekend Explorer' })).toContainText(
    new RegExp(`Expires\\sin\\s${daysLeft}\\sdays`),
  )

  // Once a load: another view does not send it again.
  await frame.getByRole('link', { name: 'Reviewer' }).click()
  await expect(frame.getByRole('heading', { level: 1 })).toHaveText('Reviewer')
  expect(await expiring()).toHaveLength(2)

  // The default, 7 days: the event comes, without it.
  await page.goto(host(showcase, { customer: '62090013' }))
  await expect.poll(async () => (await expiring()).length).toBe(2)
  const week = (await expiring())[0]?.[2] as { badges: { name: string }[] }
  expect(week.badges.map((badge) => badge.name)).not.toContain('Weekend Explorer')
})

function sign(expiresIn: string) {
  return new SignJWT({ sub: '62090013' })
    .setProtectedHeader({ alg: 'HS256' })
    .setExpirationTime(expiresIn)
    .sign(new TextEncoder().encode(live.tokenSecret))
}

test('an expired member token: the portal is asked for a fresh one, and the view recovers without a reload', async ({
  page,
}) => {
  const expired = await sign('-5m')
  let asked = 0
  await page.exposeFunction('freshTokenFromBackend', async () => {
    asked += 1
    return sign('10m')
  })
  await page.addInitScript(() => {
    const page = window as unknown as {
      freshToken: () => Promise<string>
      freshTokenFromBackend: () => Promise<string>
    }
    page.freshToken = () => page.freshTokenFromBackend()
  })
  await page.goto(host(liveShowcase, { customer: '62090013', memberToken: expired, accent: 'red' }))
  const frame = page.frameLocator('#badges iframe')
  await expect(frame.getByRole('heading', { name: 'First Sip' })).toBeVisible()
  await expect(frame.getByRole('link', { name: 'Earned (7)' })).toBeVisible()
  await expect(frame.getByRole('alert')).toHaveCount(0)
  expect(asked).toBe(1)
  const events = (await heard(page))
    .filter(([kind]) => kind === 'event')
    .map(([, name, detail]) => [name, detail])
  expect(events).toContainEqual(['tokenexpired', {}])
  // A setting the showcase cannot use goes to the developer, never to the member (live mode).
  expect(events).toContainEqual(['error', { reason: 'config:accent' }])
  expect(events).not.toContainEqual(['error', { reason: 'not-connected' }])
  await expect(frame.getByText('could not be used')).toHaveCount(0)
  // The same frame, never reloaded: one document since the portal mounted it.
  const showcaseFrame = await (await page.locator('#badges iframe').elementHandle())?.contentFrame()
  expect(
    await showcaseFrame?.evaluate(() => performance.getEntriesByType('navigation').length),
  ).toBe(1)
})

test("mounted with no token and no member: the portal is asked for one, and the token's member opens", async ({
  page,
}) => {
  await page.exposeFunction('freshTokenFromBackend', async () => sign('10m'))
  await page.addInitScript(() => {
    const page = window as unknown as {
      freshToken: () => Promise<string>
      freshTokenFromBackend: () => Promise<string>
    }
    page.freshToken = () => page.freshTokenFromBackend()
  })
  await page.goto(host(liveShowcase, {}))
  const frame = page.frameLocator('#badges iframe')
  await expect(frame.getByRole('heading', { name: 'First Sip' })).toBeVisible()
  await expect(frame.getByRole('link', { name: 'Earned (7)' })).toBeVisible()
  await expect(frame.getByRole('alert')).toHaveCount(0)
  const events = (await heard(page)).map(([kind, name]) => `${kind} ${name}`)
  expect(events).toContain('event tokenexpired')
  expect(events).not.toContain('event error')
})

test('a portal with no fresh token to give: then, and only then, "not connected"', async ({
  page,
}) => {
  await page.goto(host(liveShowcase, { customer: '62090013' }))
  const frame = page.frameLocator('#badges iframe')
  await expect(frame.getByRole('alert').first()).toContainText('Please sign in again')
  const names = async () =>
    (await heard(page)).map(([kind, name, detail]) => `${kind} ${name} ${JSON.stringify(detail)}`)
  await expect.poll(names).toContain('event error {"reason":"not-connected"}')
  const seen = await names()
  expect(seen.indexOf('callback onTokenExpired {}')).toBeGreaterThanOrEqual(0)
  expect(seen.indexOf('event tokenexpired {}')).toBeLessThan(
    seen.indexOf('event error {"reason":"not-connected"}'),
  )
})

test("the brand's name, header and member name, and no raw member id", async ({ page }) => {
  await page.goto(portal())
  // The snippet: the portal has its own header (data-header="none"), the tabs stay.
  const snippet = page.frameLocator('#badges iframe')
  await expect(snippet.getByRole('heading', { name: 'First Sip' })).toBeVisible()
  await expect(snippet.getByRole('link', { name: /^Available/ })).toBeVisible()
  await expect(snippet.getByText('Bean There')).toHaveCount(0)
  await expect(snippet.getByText('62090013')).toHaveCount(0)

  // The API showcase: the full header, the brand's name and the portal's name for its member.
  const api = page.frameLocator('#api-badges iframe')
  await expect(api.getByRole('heading', { level: 1 })).toHaveText('Available badges')
  await expect(api.getByRole('banner')).toContainText('Bean There')
  await expect(api.getByRole('banner')).toContainText('Becky')
  await expect(api.getByText('565039504')).toHaveCount(0)
  await expect(api.getByText('Badge Showcase')).toHaveCount(0)
  const apiFrame = await (await page.locator('#api-badges iframe').elementHandle())?.contentFrame()
  await expect.poll(() => apiFrame?.title()).toBe('Available badges · Bean There')

  // No brand name at all, by choice.
  await page.locator('input[name="brandName"]').fill('')
  await page.getByRole('button', { name: 'Apply' }).click()
  await expect(api.getByRole('heading', { level: 1 })).toHaveText('Available badges')
  const again = await (await page.locator('#api-badges iframe').elementHandle())?.contentFrame()
  await expect.poll(() => again?.title()).toBe('Available badges')
})

for (const [label, query] of [
  ['light', '&theme=light'],
  ['dark', '&theme=dark&accent=%23ffb000'],
  ['right to left', '&locale=ar&accent=%2399ccff'],
] as const) {
  test(`axe finds nothing on the framed views, ${label}`, async ({ page }) => {
    await page.goto(portal(query))
    const frame = page.frameLocator('#badges iframe')
    await expect(frame.getByRole('main').getByRole('link').first()).toBeVisible()
    await expect(page.frameLocator('#api-badges iframe').getByRole('main')).toBeVisible()
    await expectNoAxeViolations(page)
    await frame.getByRole('main').getByRole('listitem').getByRole('link').first().click()
    await expect(frame.getByRole('heading', { level: 1 })).toBeFocused()
    await expectNoAxeViolations(page)
  })
}

/** The first code block of `language` after `heading` in the README's embedding section. */
async function readmeBlock(heading: string, language: string): Promise<string> {
  const readme = await readFile(new URL('../README.md', import.meta.url), 'utf8')
  const section = readme.slice(readme.indexOf('## Embedding in a member portal'))
  const after = section.slice(section.indexOf(heading))
  const block = new RegExp('```' + language + '\\n([\\s\\S]*?)```').exec(after)?.[1]
  if (block === undefined) throw new Error(`README: no ${language} block after ${heading}`)
  return block.replaceAll('https://showcase.example.com', showcase)
}

test("the README's embedding section, step by step", async ({ page }) => {
  // Try it: the sample portal looks for the showcase on its own host name unless told otherwise.
  await page.goto(`${portalOrigin}/portal.html`)
  await expect(page.locator('script[src$="/embed.js"]')).toHaveAttribute(
    'src',
    'http://127.0.0.1:4173/embed.js',
  )

  // The snippet, pasted into a portal's page as it is.
  await page.goto(`${hostOrigin}/blank.html`)
  await page.setContent(
    `<main><h1>Rewards</h1>${await readmeBlock('### The snippet', 'html')}</main>`,
  )
  const frame = page.frameLocator('#badges iframe')
  await expect(frame.getByRole('heading', { name: 'First Sip' })).toBeVisible()
  await expect(page).toHaveURL(`${hostOrigin}/blank.html?badges=/earned`)
  await expect(frame.getByText('Bean There')).toHaveCount(0) // data-header="none"
  await expect(frame.getByRole('link', { name: /^Available/ })).toBeVisible()

  // The script API, with its callbacks, as the README writes it (up to the handle's calls).
  const code = await readmeBlock('Or from your own script', 'js')
  await page.goto(`${hostOrigin}/blank.html`)
  await page.setContent(`<div id="badges"></div><script src="${showcase}/embed.js"></script>`)
  await page.evaluate(
    (source) => {
      const logged: unknown[][] = []
      Object.assign(window, { logged, signedIn: { badgesToken: undefined, firstName: 'Tom' } })
      console.log = (...args: unknown[]) => void logged.push(args)
      // The README's own code, run as a portal would.
      new Function(`${source}; window.showcase = showcase`)()
    },
    code.slice(0, code.indexOf('showcase.setMemberToken')),
  )
  await expect(frame.getByRole('banner')).toContainText('Bean There')
  await expect(frame.getByRole('banner')).toContainText('Tom')
  await frame.getByRole('link', { name: 'Reviewer' }).click()
  await expect(frame.getByRole('heading', { level: 1 })).toHaveText('Reviewer')
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { logged: unknown[][] }).logged))
    .toEqual([
      ['member went to', '/earned'],
      ['showcase ready'],
      ['member went to', '/badges/6650b1c00000000000000009'],
      ['badge opened', '6650b1c00000000000000009'],
    ])
  await page.evaluate(() =>
    (window as unknown as { showcase: { unmount(): void } }).showcase.unmount(),
  )
  await expect(page.locator('#badges iframe')).toHaveCount(0)
})

test("the README's snippet in live mode: the container's tokenexpired is answered with a fresh token", async ({
  page,
}) => {
  let asked = 0
  await page.route(`${hostOrigin}/api/badges-token`, async (route) => {
    asked += 1
    await route.fulfill({ body: await sign('10m'), contentType: 'text/plain' })
  })
  // The snippet as the README writes it, in live mode: the member named by an expired token.
  const snippet = (await readmeBlock('### The snippet', 'html'))
    .replaceAll(showcase, liveShowcase)
    .replace('data-customer="62090013"', `data-member-token="${await sign('-5m')}"`)
  const answer = await readmeBlock('asked to sign in again', 'js')
  // What the portal hears: never "not connected" (the member was never asked to sign in again).
  const hearing = `window.heard = [];
    document.getElementById('badges').addEventListener('badgeshowcase:error', (event) => heard.push(event.detail.reason))`
  await page.goto(`${hostOrigin}/blank.html`)
  await page.setContent(
    `<main><h1>Rewards</h1>${snippet}</main><script>${hearing}</script><script>${answer}</script>`,
  )
  const frame = page.frameLocator('#badges iframe')
  await expect(frame.getByRole('heading', { name: 'First Sip' })).toBeVisible()
  await expect(frame.getByRole('link', { name: 'Earned (7)' })).toBeVisible()
  await expect(frame.getByRole('alert')).toHaveCount(0)
  // One question for every request the expired token failed, one answer.
  expect(asked).toBe(1)
  expect(await page.evaluate(() => (window as unknown as { heard: string[] }).heard)).toEqual([])
})

test("on its own too, focus moves to each new view's heading (not on the first load)", async ({
  page,
}) => {
  await page.goto(`${showcase}/customers/62090013/earned`)
  await expect(page.getByRole('heading', { name: 'First Sip' })).toBeVisible()
  await expect(page.getByRole('heading', { level: 1 })).not.toBeFocused()
  await page.getByRole('link', { name: 'Reviewer' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Reviewer')
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused()
  // Focusable by script, not a stop on the member's way through the page with Tab.
  await expect(page.getByRole('heading', { level: 1 })).toHaveAttribute('tabindex', '-1')
  // Back on the list: on the badge the member opened, to go on from there (not the list's top).
  await page.goBack()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Earned badges')
  await expect(page.getByRole('link', { name: 'Reviewer' })).toBeFocused()
  // Another list by its tab: its heading.
  await page.getByRole('link', { name: /^Available/ }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Available badges')
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused()
})

test("opened in a new window by a page of another site, the showcase is out of that page's reach", async ({
  page,
}) => {
  await page.goto(portal())
  const [opened] = await Promise.all([
    page.waitForEvent('popup'),
    page.evaluate((url) => {
      ;(window as unknown as { opened: Window | null }).opened = window.open(url)
    }, `${showcase}/customers/62090013/earned`),
  ])
  await expect(opened.getByRole('heading', { name: 'Earned badges', level: 1 })).toBeVisible()
  // Neither side holds the other: the showcase has no opener, and the page's handle is dead.
  expect(await opened.evaluate(() => window.opener === null)).toBe(true)
  expect(
    await page.evaluate(() => (window as unknown as { opened: Window | null }).opened?.closed),
  ).toBe(true)
})
