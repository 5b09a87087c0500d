import { expect, test } from '@playwright/test'
import { SignJWT } from 'jose'
import { impostorOrigin, live, portalOrigin, subPathURL } from '../playwright.config.ts'
import { expectNoAxeViolations } from './axe.ts'
import { ENTRY_SCRIPT, hold } from './hold.ts'
import { recordShifts, shifts } from './shifts.ts'

const showcase = `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 4179)}`

test('the snippet on a portal of another origin: the iframe appears, themed, and fits its content', async ({
  page,
}) => {
  await page.goto(
    `${portalOrigin}/portal.html?showcase=${showcase}&theme=dark&accent=%23ffb000&locale=fr`,
  )
  const frame = page.frameLocator('#badges iframe')
  await expect(frame.getByRole('heading', { name: 'First Sip' })).toBeVisible()
  await expect(frame.locator('html')).toHaveAttribute('data-theme', 'dark')
  await expect(frame.getByRole('heading', { level: 1 })).toHaveText('Badges obtenus')
  const accent = await frame
    .locator('html')
    .evaluate((html) => getComputedStyle(html).getPropertyValue('--accent'))
  expect(accent.trim()).toBe('#ffb000')
  await expectNoAxeViolations(page)

  // The frame is as tall as the showcase, with no scrollbar inside, and follows it as it changes.
  const iframe = page.locator('#badges iframe')
  const fits = async () => {
    const outer = await iframe.evaluate((element) => element.getBoundingClientRect().height)
    const inner = await frame
      .locator('body')
      .evaluate((body) => body.getBoundingClientRect().height)
    return Math.abs(outer - Math.ceil(inner)) <= 1
  }
  await expect.poll(fits).toBe(true)
  const before = await iframe.evaluate((element) => element.getBoundingClientRect().height)
  await frame.getByText('Trier et filtrer').click()
  await frame.getByLabel('Afficher les expirés').click()
  await expect(frame.getByText('Big Spender')).toBeVisible()
  await frame.getByText('Trier et filtrer').click()
  await expect.poll(fits).toBe(true)

  // Deep links inside the frame work, and the frame follows the new page's height.
  await frame.getByRole('listitem').getByRole('link', { name: 'Reviewer' }).click()
  await expect(frame.getByRole('heading', { level: 1 })).toHaveText('Reviewer')
  await expect
    .poll(() => iframe.evaluate((element) => element.getBoundingClientRect().height))
    .not.toBe(before)
  await expect.poll(fits).toBe(true)

  // The JavaScript API mounted a second showcase.
  await expect(
    page.frameLocator('#api-badges iframe').getByRole('heading', { name: 'Available badges' }),
  ).toBeVisible()
})

test("in a portal's frame the first view is the server's, in the snippet's language and look, and nothing in it moves", async ({
  page,
}) => {
  // The snippet's settings (Arabic, the portal's own header, its colour) are in the frame's URL
  // fragment, which the server never sees with the page: early.js asks for the render with them.
  // Rendered with the page itself, it was drawn again in Arabic: a shift of 0.24, or 1.0 when the
  // header went away.
  const problems: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.location().url.endsWith('/favicon.ico')) {
      problems.push(message.text())
    }
  })
  page.on('pageerror', (error) => problems.push(error.message))
  await recordShifts(page)
  // The app's code held: what shows is the server's render, as early.js put it on screen.
  const release = await hold(page, ENTRY_SCRIPT)
  const rendered = page.waitForResponse(
    (response) => response.url() === `${showcase}/first-view` && response.status() !== 0,
  )
  await page.goto(`${portalOrigin}/portal.html?showcase=${showcase}&locale=ar`)
  expect((await rendered).status()).toBe(200)
  const frame = page.frameLocator('#badges iframe')
  await expect(frame.getByRole('heading', { level: 1 })).toHaveText('الشارات المكتسبة')
  await expect(frame.locator('html')).toHaveAttribute('dir', 'rtl')
  await expect(frame.getByRole('heading', { name: 'First Sip' })).toBeVisible()
  // The portal's own header (header none): no brand row; the portal's colour on the tabs.
  await expect(frame.getByText('Bean There')).toHaveCount(0)
  const accent = await frame
    .locator('html')
    .evaluate((html) => getComputedStyle(html).getPropertyValue('--accent'))
  expect(accent.trim()).toBe('#0a7d5a')
  const link = () =>
    frame.locator('html').evaluate((html) => getComputedStyle(html).getPropertyValue('--link'))
  // The colour's readable ink (links, focus rings) too, before the app and after it.
  const ink = await link()
  expect(ink).toMatch(/^light-dark\(/)
  release()
  // The app took over the server's page as it was (the heading is the same node, now React's).
  const showcaseFrame = page.frames().find((each) => each.url().includes('/customers/'))
  await showcaseFrame?.waitForFunction(() => {
    const heading = document.querySelector('main h1')
    return heading !== null && Object.keys(heading).some((key) => key.startsWith('__reactFiber'))
  })
  await expect(frame.locator('[data-news]')).toHaveAttribute('data-news', /.+/)
  expect(await link()).toBe(ink)
  expect(
    await showcaseFrame?.evaluate(() => (window as unknown as { __shifts: number[] }).__shifts),
  ).toEqual([])
  // Nor does the portal move: it keeps the frame's first room (README), and the frame grows below
  // the fold.
  expect(await shifts(page)).toEqual([])
  expect(problems).toEqual([])
})

test('the portal ignores height messages that do not come from its showcase frame', async ({
  page,
}) => {
  await page.goto(`${portalOrigin}/portal.html?showcase=${showcase}`)
  const frame = page.frameLocator('#badges iframe')
  await expect(frame.getByRole('heading', { name: 'First Sip' })).toBeVisible()
  const iframe = page.locator('#badges iframe')
  await expect
    .poll(() => iframe.evaluate((element) => element.getBoundingClientRect().height))
    .toBeGreaterThan(700)
  await page.evaluate(() => window.postMessage({ type: 'badge-showcase:height', height: 5 }, '*'))
  await page.waitForTimeout(200)
  expect(
    await iframe.evaluate((element) => element.getBoundingClientRect().height),
  ).toBeGreaterThan(700)
})

test('the showcase takes a member token only from the portal it was given, never from an impostor', async ({
  page,
}) => {
  const token = await new SignJWT({ sub: '62090013' })
    .setProtectedHeader({ alg: 'HS256' })
    .setExpirationTime('10m')
    .sign(new TextEncoder().encode(live.tokenSecret))
  const app = `http://127.0.0.1:${live.port}/customers/62090013/earned#parent=${encodeURIComponent(portalOrigin)}`
  await page.goto(`${impostorOrigin}/impostor.html?${new URLSearchParams({ app, token })}`)
  const frame = page.frameLocator('#f')
  // The showcase first gives the portal it was told of a few seconds to answer its hello (it would
  // hand over a fresh token); the impostor's page never hears it.
  await expect(frame.getByRole('alert')).toContainText('Please sign in again', { timeout: 20_000 })
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { sent?: boolean }).sent))
    .toBe(true)
  await page.waitForTimeout(1_000)
  // The token was refused, and the showcase told the impostor nothing.
  await expect(frame.getByRole('alert')).toContainText('Please sign in again')
  expect(
    await page.evaluate(() => (window as unknown as { received: unknown[] }).received),
  ).toEqual([])
})

test('hosted under a sub-path: deep links, reload and assets all live below it', async ({
  page,
}) => {
  await page.goto(`${subPathURL}customers/62090013/badges/6650b1c00000000000000009`)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Reviewer')
  await page.reload()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Reviewer')
  const image = page.getByRole('img', { name: 'Reviewer, earned' })
  await expect(image).toHaveAttribute('src', /\/rewards\/badges\/demo\/reviewer-earned\.svg$/)
  await expect
    .poll(() => image.evaluate((img: HTMLImageElement) => img.naturalWidth))
    .toBeGreaterThan(0)
  await page.getByRole('link', { name: 'Your earned badges' }).click()
  await expect(page).toHaveURL(`${subPathURL}customers/62090013/earned`)
  await page.getByRole('link', { name: /^Available/ }).click()
  await expect(page).toHaveURL(`${subPathURL}customers/62090013/available`)
  await expect(page.getByRole('heading', { name: 'Night Owl' })).toBeVisible()
})
