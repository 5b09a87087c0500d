import { expect, type Page, test } from '@playwright/test'
import { expectNoAxeViolations } from './axe.ts'

// axe on every view and state of the showcase, in light, dark and right to left (Arabic).

const TOM = '62090013'
const NEWCOMER = '565039504'
const VIP = '381921157'
const badge = (id: string) => `/customers/${TOM}/badges/6650b1c0000000000000${id}`

/** The page has its final content: a top heading and no placeholder left. */
async function settled(page: Page) {
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  await expect(page.locator('.animate-pulse')).toHaveCount(0)
}

type View = { name: string; path: string; then?: (page: Page) => Promise<void> }

const views: View[] = [
  { name: "Tom's earned view", path: `/customers/${TOM}/earned` },
  {
    name: "Tom's earned view with the filters open",
    path: `/customers/${TOM}/earned`,
    then: async (page) => {
      await page.locator('details > summary').click()
      await expect(page.locator('details form')).toBeVisible()
    },
  },
  { name: "Tom's earned view with expired badges", path: `/customers/${TOM}/earned?expired=1` },
  { name: "Tom's badges expiring soon", path: `/customers/${TOM}/earned?soon=1` },
  { name: "the VIP's badges expiring soon (none)", path: `/customers/${VIP}/earned?soon=1` },
  { name: "Tom's available view", path: `/customers/${TOM}/available` },
  { name: 'an earned badge (First Sip)', path: badge('0001') },
  { name: 'a badge earned days ago, celebrated (Regular)', path: badge('0002') },
  { name: "a badge in progress (Barista's Favourite)", path: badge('0003') },
  { name: 'an expired badge (Big Spender)', path: badge('0006') },
  { name: 'a badge all claimed (Night Owl)', path: badge('0004') },
  { name: 'a badge not open yet (Trailblazer)', path: badge('0008') },
  { name: "the new member's earned view", path: `/customers/${NEWCOMER}/earned` },
  { name: "the new member's available view", path: `/customers/${NEWCOMER}/available` },
  {
    name: "the VIP's earned view with a group folded",
    path: `/customers/${VIP}/earned`,
    then: async (page) => {
      const fold = page.locator('h2 button[aria-expanded="true"]').first()
      await fold.click()
      await expect(page.locator('h2 button[aria-expanded="false"]')).toHaveCount(1)
    },
  },
  {
    name: 'an unknown member',
    path: '/customers/123/earned',
    then: (page) => expect(page.getByRole('alert')).toBeVisible(),
  },
  {
    name: 'an unknown badge',
    path: `/customers/${TOM}/badges/ffffffffffffffffffffffff`,
    then: (page) => expect(page.getByRole('alert')).toBeVisible(),
  },
]

const modes = [
  { name: 'light', fragment: '#theme=light', check: { attr: 'data-theme', value: 'light' } },
  { name: 'dark', fragment: '#theme=dark', check: { attr: 'data-theme', value: 'dark' } },
  { name: 'right to left', fragment: '#locale=ar', check: { attr: 'dir', value: 'rtl' } },
]

// Animations end where they would have started without them; axe looks at the end state.
test.use({ contextOptions: { reducedMotion: 'reduce' } })

for (const mode of modes) {
  test.describe(`axe, ${mode.name}`, () => {
    for (const view of views) {
      test(view.name, async ({ page }) => {
        const [path, query = ''] = view.path.split('?')
        await page.goto(`${path}${query ? `?${query}` : ''}${mode.fragment}`)
        await expect(page.locator('html')).toHaveAttribute(mode.check.attr, mode.check.value)
        await settled(page)
        await view.then?.(page)
        await expectNoAxeViolations(page)
      })
    }
  })
}
