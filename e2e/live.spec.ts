import { expect, test } from '@playwright/test'
import { live } from '../playwright.config.ts'
import { signMemberToken } from './member-token.ts'

// The SPA in live mode: the showcase's server in front of the emulator playing a Capillary cluster
// (OAuth), the member bound by a token signed as a member portal's backend would.

test.use({ baseURL: `http://127.0.0.1:${live.port}` })

test("the signed-in member's badges, through the proxy, with the token kept out of the address", async ({
  page,
}) => {
  const token = await signMemberToken({ sub: 'tom.sawyer@example.com', idType: 'email' })
  await page.goto(`/#member_token=${token}`)
  await expect(page).toHaveURL(/\/customers\/tom\.sawyer%40example\.com\/earned\?by=email$/)
  await expect(page.getByRole('heading', { name: 'First Sip' })).toBeVisible()
  await expect(page.getByRole('link', { name: 'Available (12)' })).toBeVisible()
  expect(page.url()).not.toContain(token)
  await page.getByRole('link', { name: 'Reviewer' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Reviewer')
})

test('another member is not allowed, and no token is not connected', async ({ page }) => {
  const token = await signMemberToken({ sub: '62090013' })
  await page.goto(`/customers/381921157/earned#member_token=${token}`)
  await expect(page.getByRole('alert')).toContainText('Not allowed')
  await page.goto('/customers/62090013/earned')
  await expect(page.getByRole('alert')).toContainText('Please sign in again')
  // The start with no token and no member: asked to sign in, not sent to the demo's member.
  await page.goto('/')
  await expect(page.getByRole('alert')).toContainText('Please sign in again')
  expect(new URL(page.url()).pathname).toBe('/')
})

test('an expired token recovers when the host hands over a fresh one', async ({ page }) => {
  const expired = await signMemberToken({ sub: '62090013' }, '-5m')
  await page.goto(`/customers/62090013/earned#member_token=${expired}`)
  await expect(page.getByRole('alert')).toContainText('Please sign in again')
  const fresh = await signMemberToken({ sub: '62090013' })
  await page.evaluate((value) => {
    ;(
      window as unknown as { BadgeShowcase: { setMemberToken(token: string): void } }
    ).BadgeShowcase.setMemberToken(value)
  }, fresh)
  await expect(page.getByRole('heading', { name: 'First Sip' })).toBeVisible()
  await expect(page.getByRole('link', { name: 'Earned (7)' })).toBeVisible()
})

test('the live server sends its security headers and keeps its credentials', async ({
  request,
}) => {
  const response = await request.get('/customers/62090013/earned')
  expect(response.headers()['content-security-policy']).toContain("script-src 'self'")
  expect(await response.text()).not.toContain(live.oauthSecret)
  const health = await request.get('/healthz')
  expect(await health.json()).toEqual({ status: 'ok', mode: 'live' })
})
