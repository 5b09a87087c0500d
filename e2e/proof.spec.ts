import { expect, type Locator, test } from '@playwright/test'
import { SignJWT } from 'jose'
import jsQR from 'jsqr'
import { PNG } from 'pngjs'
import { hostOrigin, live } from '../playwright.config.ts'
import { expectNoAxeViolations } from './axe.ts'
import { ENTRY_SCRIPT, hold } from './hold.ts'
import { startControlledDemo, startShowcase } from './own-server.ts'

// Badge proof links end to end, on servers of these tests' own (their clocks move and badges are
// revoked): the member makes a link on the detail page, a stranger's browser opens it and sees
// what a live check says, and the counter's QR code carries exactly that link.

const PROOF_KEY = 'e2e-proof-link-key-0123456789abcdef-0123'
const FIRST_SIP = '6650b1c00000000000000001'
const TOM = ['62090013', 'tom.sawyer', '15550100001', 'TOM-001', 'CARD-0001']
const detail = `/customers/62090013/badges/${FIRST_SIP}`

/** What a QR code image on the page encodes, read from a screenshot of it. */
async function decodeQr(image: Locator): Promise<string | null> {
  const png = PNG.sync.read(await image.screenshot())
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data ?? null
}

test.describe('demo mode', () => {
  test.describe.configure({ mode: 'serial' })
  test.use({ deviceScaleFactor: 3 })
  let server: Awaited<ReturnType<typeof startControlledDemo>>

  test.beforeAll(async () => {
    server = await startControlledDemo({ SHOWCASE_PROOF_KEY: PROOF_KEY })
  })
  test.afterAll(async () => {
    await server.stop()
  })

  test('a shared proof opens for a stranger, valid; it says when it expired, and when revoked', async ({
    page,
    context,
    browser,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'])
    await page.addInitScript(() => Object.defineProperty(navigator, 'share', { value: undefined }))
    await page.goto(`${server.url}${detail}`)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('First Sip')
    await expect(page.getByRole('button', { name: 'Show at a counter' })).toBeVisible()
    await page.getByRole('button', { name: 'Share this badge' }).click()
    await expect(page.getByRole('status').filter({ hasText: 'Proof link copied' })).toBeVisible()
    const link = await page.evaluate(() => navigator.clipboard.readText())
    expect(link).toMatch(new RegExp(`^${server.url}/proof/[\\w-]+$`))
    for (const identifier of TOM) expect(link).not.toContain(identifier)

    // Someone else: no token, no cookies, nothing of the member's session.
    const stranger = await browser.newContext()
    const view = await stranger.newPage()
    const opened = await view.goto(link)
    expect(opened?.status()).toBe(200)
    await expect(view.getByRole('heading', { level: 1 })).toHaveText('First Sip')
    await expect(view.getByText(/^✓ Valid$/)).toBeVisible()
    await expect(view.getByText(/^A member earned this badge on /)).toBeVisible()
    await expect(view.getByRole('img', { name: 'The badge’s art' })).toBeVisible()
    const html = await view.content()
    for (const identifier of TOM) expect(html).not.toContain(identifier)
    await expect(view.locator('meta[property="og:image"]')).toHaveAttribute(
      'content',
      new RegExp(`^${server.url}/`),
    )
    await expectNoAxeViolations(view)

    // Past the link's 30 days: expired, whatever the badge.
    await server.advance(31)
    await view.reload()
    await expect(view.getByRole('heading', { level: 1 })).toHaveText('This proof link has expired')
    await expectNoAxeViolations(view)

    // A new link, then the badge is taken away: the same link now says so.
    await page.reload()
    await expect(page.getByRole('button', { name: 'Show at a counter' })).toBeVisible()
    await page.getByRole('button', { name: 'Share this badge' }).click()
    await expect(page.getByRole('status').filter({ hasText: 'Proof link copied' })).toBeVisible()
    const second = await page.evaluate(() => navigator.clipboard.readText())
    expect(second).not.toBe(link)
    await view.goto(second)
    await expect(view.getByText(/^✓ Valid$/)).toBeVisible()
    await server.revoke('62090013', FIRST_SIP)
    // A check answers every opening of the badge's links for 30 s (a link posted where many open
    // it asks the badge service once): within them, the page still says what the check found.
    await view.reload()
    await expect(view.getByText(/^✓ Valid$/)).toBeVisible()
    await server.advance(1)
    await view.reload()
    await expect(view.getByText(/^No longer held: this badge was revoked on /)).toBeVisible()
    await expect(view.getByText(/^✓ Valid$/)).toHaveCount(0)
    await stranger.close()
  })

  test("the counter's QR code encodes a proof link that opens valid", async ({ page, browser }) => {
    // Regular is still held (First Sip was revoked above).
    await page.goto(`${server.url}/customers/62090013/badges/6650b1c00000000000000002`)
    await page.getByRole('button', { name: 'Show at a counter' }).click()
    const panel = page.getByRole('region', { name: 'Show this code at the counter' })
    const qr = panel.getByRole('img', { name: /QR code/ })
    await expect(qr).toBeVisible()
    await expect(panel.getByText(/^Valid until \d{2}:\d{2}/)).toBeVisible()
    const proofLink = new RegExp(`^${server.url}/proof/[\\w-]+$`)
    // Read once the image has come: the img has its size, and is visible, before (a run of CI
    // read it then, and found nothing).
    await expect
      .poll(async () => (await decodeQr(qr)) ?? '', 'the code encodes a proof link')
      .toMatch(proofLink)
    const encoded = await decodeQr(qr)
    const stranger = await browser.newContext()
    const view = await stranger.newPage()
    await view.goto(encoded ?? '')
    await expect(view.getByRole('heading', { level: 1 })).toHaveText('Regular')
    await expect(view.getByText(/^✓ Valid$/)).toBeVisible()
    await stranger.close()
    // A new one is a different link. (The code is drawn afresh as it changes: read while it is
    // being replaced, there is nothing to read yet, and the poll tries again.)
    await panel.getByRole('button', { name: 'Make a new one' }).click()
    await expect
      .poll(async () => {
        const next = await decodeQr(qr).catch(() => null)
        return next !== null && next !== encoded && proofLink.test(next)
      }, 'the new code encodes another proof link')
      .toBe(true)
  })

  test('"Show at a counter" tapped before the code has come opens once it has', async ({
    page,
  }) => {
    // The page as the server sent it: the proof actions are there, the app's code is not yet.
    const release = await hold(page, ENTRY_SCRIPT)
    await page.goto(`${server.url}/customers/62090013/badges/6650b1c00000000000000002`, {
      waitUntil: 'commit',
    })
    await page.getByRole('button', { name: 'Show at a counter' }).click()
    const panel = page.getByRole('region', { name: 'Show this code at the counter' })
    await expect(panel).toHaveCount(0)
    release()
    // Played once the page and the proof actions (a part of their own) are both the app's.
    await expect(panel.getByRole('img', { name: /QR code/ })).toBeVisible()
    await expect(page.getByRole('button', { name: 'Show at a counter' })).toHaveAttribute(
      'aria-expanded',
      'true',
    )
  })

  test('a tap on the proof actions while their own code is on the way is kept for them', async ({
    page,
  }) => {
    // The app runs; the proof actions, a part whose code comes after the rest, are still the
    // server's (React drops a click there until it has taken them over).
    const release = await hold(page, /\/assets\/proof-actions-[^/]+\.js$/)
    await page.addInitScript(() =>
      window.addEventListener('badgeshowcase:app-started', () =>
        Object.assign(window, { __started: true }),
      ),
    )
    await page.goto(`${server.url}/customers/62090013/badges/6650b1c00000000000000002`)
    await page.waitForFunction(() => (window as { __started?: boolean }).__started === true)
    await page.getByRole('button', { name: 'Show at a counter' }).click()
    const panel = page.getByRole('region', { name: 'Show this code at the counter' })
    await expect(panel).toHaveCount(0)
    release()
    await expect(panel.getByRole('img', { name: /QR code/ })).toBeVisible()
  })

  test('a revoked badge offers no proof; the plain share link remains', async ({ page }) => {
    await page.goto(`${server.url}${detail}`)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('First Sip')
    await expect(page.getByRole('button', { name: 'Share this badge' })).toBeVisible()
    await expect(page.getByRole('button', { name: 'Show at a counter' })).toHaveCount(0)
  })
})

test('without the key there is no proof: the share button shares the showcase link', async ({
  page,
  context,
}) => {
  // The shared e2e server runs without SHOWCASE_PROOF_KEY.
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  await page.addInitScript(() => Object.defineProperty(navigator, 'share', { value: undefined }))
  await page.goto(detail)
  await expect(page.getByRole('button', { name: 'Show at a counter' })).toHaveCount(0)
  await page.getByRole('button', { name: 'Share this badge' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Link copied' })).toBeVisible()
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(page.url())
})

test.describe('live mode', () => {
  test.use({ deviceScaleFactor: 3 })
  let server: Awaited<ReturnType<typeof startShowcase>>

  test.beforeAll(async () => {
    // The shared stand-in cluster, behind a live showcase of this test's own with proofs on.
    server = await startShowcase({
      CAPILLARY_API_URL: `http://127.0.0.1:${live.standInPort}`,
      CAPILLARY_OAUTH_KEY: live.oauthKey,
      CAPILLARY_OAUTH_SECRET: live.oauthSecret,
      SHOWCASE_TOKEN_SECRET: live.tokenSecret,
      SHOWCASE_PROOF_KEY: PROOF_KEY,
      SHOWCASE_FRAME_ANCESTORS: `'self' ${hostOrigin}`,
    })
  })
  test.afterAll(async () => {
    await server.stop()
  })

  const sign = (claims: Record<string, string>) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256' })
      .setExpirationTime('10m')
      .sign(new TextEncoder().encode(live.tokenSecret))

  test('minting needs a valid member token; with one, the link proves the badge', async ({
    request,
    page,
  }) => {
    const body = {
      badgeId: FIRST_SIP,
      lifetime: 'share',
      customer: 'tom.sawyer@example.com',
      by: 'email',
    }
    const refused = await request.post(`${server.url}/proofs`, { data: body })
    expect(refused.status()).toBe(401)
    const forged = await request.post(`${server.url}/proofs`, {
      data: body,
      headers: { Authorization: 'Bearer a.b.c' },
    })
    expect(forged.status()).toBe(401)
    const token = await sign({ sub: 'tom.sawyer@example.com', idType: 'email' })
    const minted = await request.post(`${server.url}/proofs`, {
      data: body,
      headers: { Authorization: `Bearer ${token}` },
    })
    expect(minted.status()).toBe(201)
    const { url } = (await minted.json()) as { url: string }
    await page.goto(url)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('First Sip')
    await expect(page.getByText(/^✓ Valid$/)).toBeVisible()
  })

  test("inside a portal's frame the member shows a QR code made with their token", async ({
    page,
  }) => {
    const token = await sign({ sub: '62090013' })
    await page.goto(
      `${hostOrigin}/host.html?${new URLSearchParams({ app: server.url, options: JSON.stringify({ customer: '62090013', memberToken: token }) })}`,
    )
    const frame = page.frameLocator('#badges iframe')
    await frame.getByRole('link', { name: 'First Sip' }).click()
    await expect(frame.getByRole('heading', { level: 1 })).toHaveText('First Sip')
    await frame.getByRole('button', { name: 'Show at a counter' }).click()
    const qr = frame.getByRole('img', { name: /QR code/ })
    await expect(qr).toBeVisible()
    // Read until it is drawn, as in demo mode: visible a moment before its image has decoded.
    await expect
      .poll(
        async () => (await decodeQr(qr).catch(() => null)) ?? '',
        'the code encodes a proof link',
      )
      .toMatch(new RegExp(`^${server.url}/proof/[\\w-]+$`))
  })
})
