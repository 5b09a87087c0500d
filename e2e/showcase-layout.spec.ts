import { expect, type Page, test } from '@playwright/test'

// The showcase's layout at a phone's and a desktop's size: badges first on the phone, nothing
// wider than the screen, and dates on cards that never break across lines.

const TOM = '62090013'
const NEWCOMER = '565039504'
const VIP = '381921157'

const phone = { width: 390, height: 844 }
const desktop = { width: 1280, height: 800 }

const views: { name: string; path: string; ready: (page: Page) => Promise<void> }[] = [
  {
    name: "Tom's earned view",
    path: `/customers/${TOM}/earned`,
    ready: (page) => expect(page.getByRole('heading', { name: 'First Sip' })).toBeVisible(),
  },
  {
    name: "Tom's earned view with expired badges",
    path: `/customers/${TOM}/earned?expired=1`,
    ready: (page) => expect(page.getByRole('heading', { name: 'Big Spender' })).toBeVisible(),
  },
  {
    name: "Tom's available view",
    path: `/customers/${TOM}/available`,
    ready: (page) => expect(page.getByRole('heading', { name: 'Holiday Cheer' })).toBeVisible(),
  },
  {
    name: "a badge's page (Regular)",
    path: `/customers/${TOM}/badges/6650b1c00000000000000002`,
    ready: (page) => expect(page.getByRole('heading', { level: 1 })).toHaveText('Regular'),
  },
  {
    name: "a badge's page (Barista's Favourite)",
    path: `/customers/${TOM}/badges/6650b1c00000000000000003`,
    ready: (page) =>
      expect(page.getByRole('heading', { level: 1 })).toHaveText("Barista's Favourite"),
  },
  {
    name: "the new member's earned view",
    path: `/customers/${NEWCOMER}/earned`,
    ready: (page) => expect(page.getByText('No badges earned yet')).toBeVisible(),
  },
  {
    name: "the new member's available view",
    path: `/customers/${NEWCOMER}/available`,
    ready: (page) => expect(page.getByText('Good ones to start with')).toBeVisible(),
  },
  {
    name: "the VIP's earned view",
    path: `/customers/${VIP}/earned`,
    ready: (page) => expect(page.locator('li.badge-card').nth(20)).toBeVisible(),
  },
]

/** The page scrolls no way but down. */
async function expectNoWiderThanScreen(page: Page, name: string) {
  const widths = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }))
  expect(widths.scroll, `${name} is no wider than the screen`).toBeLessThanOrEqual(widths.client)
}

/** Wait until no card waits for its state, so the layout is the final one. */
async function settled(page: Page) {
  await expect(page.locator('li.badge-card .animate-pulse')).toHaveCount(0)
}

/**
 * Every date on a card (written "Dec 16, 2026") and whether its text spans one line: the client
 * rects of the date's own text range, grouped by their vertical position.
 */
function datesOnCards(page: Page) {
  return page.locator('li.badge-card').evaluateAll((cards) => {
    const pattern = /[A-Z][a-z]{2}[\s\u00a0]\d{1,2},[\s\u00a0]\d{4}|in[\s\u00a0]\d+[\s\u00a0]\w+/g
    const found: { card: string; date: string; lines: number }[] = []
    for (const card of cards) {
      // (A folded group's cards past its preview are in the page, not on screen.)
      if (!card.checkVisibility()) continue
      const name = card.querySelector('h3')?.textContent ?? ''
      const walker = document.createTreeWalker(card, NodeFilter.SHOW_TEXT)
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? ''
        const parent = node.parentElement
        if (!parent || parent.closest('h3') || parent.closest('.sr-only')) continue
        for (const match of text.matchAll(pattern)) {
          const range = document.createRange()
          range.setStart(node, match.index)
          range.setEnd(node, match.index + match[0].length)
          const tops = new Set(
            [...range.getClientRects()]
              .filter((rect) => rect.width > 0)
              .map((rect) => Math.round(rect.top)),
          )
          found.push({ card: name, date: match[0], lines: tops.size })
        }
      }
    }
    return found
  })
}

/**
 * Words in badge names and group headings that the layout splits across lines ("Anniversar" /
 * "y"): each word's text range, and how many lines its client rects sit on.
 */
function brokenWords(page: Page) {
  return page.evaluate(() => {
    const broken: string[] = []
    const headings = document.querySelectorAll('li.badge-card h3, section h2')
    for (const heading of headings) {
      const walker = document.createTreeWalker(heading, NodeFilter.SHOW_TEXT)
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? ''
        for (const match of text.matchAll(/\S{2,}/g)) {
          const range = document.createRange()
          range.setStart(node, match.index)
          range.setEnd(node, match.index + match[0].length)
          const tops = new Set(
            [...range.getClientRects()]
              .filter((rect) => rect.width > 0)
              .map((rect) => Math.round(rect.top)),
          )
          if (tops.size > 1) broken.push(`"${match[0]}" in "${heading.textContent?.trim()}"`)
        }
      }
    }
    return [...new Set(broken)]
  })
}

for (const size of [phone, desktop]) {
  test.describe(`at ${size.width} × ${size.height}`, () => {
    test.use({ viewport: size })

    test('no view scrolls sideways, and no date on a card breaks across lines', async ({
      page,
    }) => {
      for (const view of views) {
        await page.goto(view.path)
        await view.ready(page)
        await settled(page)
        await expectNoWiderThanScreen(page, view.name)
        const dates = await datesOnCards(page)
        const broken = dates.filter((date) => date.lines !== 1)
        expect(broken, `${view.name}: dates on cards on one line`).toEqual([])
      }
    })

    test("no word in a badge's name or a group's heading breaks inside", async ({ page }) => {
      const found: string[] = []
      for (const view of views) {
        await page.goto(view.path)
        await view.ready(page)
        await settled(page)
        found.push(...(await brokenWords(page)).map((word) => `${view.name}: ${word}`))
      }
      expect(found).toEqual([])
    })
  })
}

// The narrowest phones in use, in the longer languages too: a label that grows with the language
// (the demo's own header included) must give way inside the screen, never widen the page.
for (const locale of ['en-US', 'fr-FR', 'ar']) {
  test.describe(`at 320 px in ${locale}`, () => {
    test.use({ viewport: { width: 320, height: 700 }, locale })

    test('no view scrolls sideways', async ({ page }) => {
      for (const view of views) {
        await page.goto(view.path)
        await expect(page.getByRole('main').getByRole('heading', { level: 1 })).toBeVisible()
        await expect(page.locator('[aria-busy="true"]')).toHaveCount(0)
        await settled(page)
        await expectNoWiderThanScreen(page, view.name)
      }
    })
  })
}

test.describe('on a phone', () => {
  test.use({ viewport: phone })

  test("at least 4 badges are fully in the first screen of Tom's earned view", async ({ page }) => {
    await page.goto(`/customers/${TOM}/earned`)
    await expect(page.getByRole('heading', { name: 'First Sip' })).toBeVisible()
    await settled(page)
    // The summary arrives last and must not push the badges down once it is there.
    await expect(page.getByRole('region', { name: 'Your badges at a glance' })).toBeVisible()
    const inside = await page.locator('li.badge-card').evaluateAll((cards, screen) => {
      return cards.filter((card) => {
        const image = card.querySelector('img, [role="img"]')
        if (!image) return false
        const box = image.getBoundingClientRect()
        return (
          box.width > 0 &&
          box.top >= 0 &&
          box.left >= 0 &&
          box.bottom <= screen.height &&
          box.right <= screen.width
        )
      }).length
    }, phone)
    expect(inside).toBeGreaterThanOrEqual(4)
  })

  test('dates on the cards are written with spaces that do not break', async ({ page }) => {
    await page.goto(`/customers/${TOM}/available`)
    await expect(page.getByRole('heading', { name: 'Holiday Cheer' })).toBeVisible()
    await settled(page)
    const dates = await datesOnCards(page)
    // Trailblazer opens on a date, Regular is open again from one, Barista's has an earn-by date.
    expect(dates.length).toBeGreaterThanOrEqual(3)
    for (const { card, date } of dates)
      expect(date, `${card}: "${date}" holds together`).not.toMatch(/ /)
  })
})

test("no screen's cards are narrower than a phone's, and a desktop row holds Tom's groups", async ({
  page,
}) => {
  const cardWidths = async (width: number) => {
    await page.setViewportSize({ width, height: 800 })
    await page.goto(`/customers/${TOM}/earned`)
    await expect(page.getByRole('heading', { name: 'First Sip' })).toBeVisible()
    await settled(page)
    return page
      .locator('li.badge-card')
      .evaluateAll((cards) => cards.map((card) => card.getBoundingClientRect().width))
  }
  const onPhone = Math.min(...(await cardWidths(phone.width)))
  // Small tablets, an iPad upright and on its side, a laptop: each where a column is added.
  for (const width of [576, 640, 768, 820, 960, 1024, desktop.width])
    expect(Math.min(...(await cardWidths(width))), `at ${width} px`).toBeGreaterThanOrEqual(onPhone)
  // Tom's four groups hold five badges: one row, side by side, on a desktop.
  const tops = await page
    .locator('section')
    .filter({ has: page.getByRole('heading', { name: /Coffee Club|2026|Community|Seasonal/ }) })
    .evaluateAll((sections) => sections.map((section) => section.getBoundingClientRect().top))
  expect(tops).toHaveLength(4)
  expect(new Set(tops).size).toBe(1)
})

test("a VIP's folded group shows whole rows, on a phone, a tablet and a desktop", async ({
  page,
}) => {
  for (const width of [phone.width, 600, 800, desktop.width]) {
    await page.setViewportSize({ width, height: 800 })
    await page.goto(`/customers/${VIP}/earned`)
    const seeAll = page.getByRole('button', { name: /^See all \d+$/ }).first()
    await expect(seeAll).toBeVisible()
    const list = page.locator(`#${await seeAll.getAttribute('aria-controls')}`)
    const shown = await list.locator('li.badge-card').evaluateAll((cards) =>
      cards
        .map((card) => card.getBoundingClientRect())
        .filter((box) => box.width > 0)
        .map((box) => ({ left: Math.round(box.left), top: Math.round(box.top) })),
    )
    const columns = new Set(shown.map((box) => box.left)).size
    const rows = new Set(shown.map((box) => box.top)).size
    expect(shown.length, `at ${width} px: ${columns} columns`).toBe(columns * rows)
    expect(rows, `at ${width} px`).toBeGreaterThanOrEqual(2)
  }
})

for (const size of [phone, desktop])
  test(`at ${size.width} px, cards side by side end on one line, whatever group they are in`, async ({
    page,
  }) => {
    await page.setViewportSize(size)
    for (const path of [`/customers/${TOM}/earned`, `/customers/${TOM}/available`]) {
      await page.goto(path)
      await expect(page.locator('li.badge-card').first()).toBeVisible()
      await settled(page)
      const rows = await page.locator('li.badge-card').evaluateAll((cards) => {
        const byTop = new Map<number, Set<number>>()
        for (const card of cards) {
          const box = card.getBoundingClientRect()
          const row = byTop.get(Math.round(box.top)) ?? new Set<number>()
          row.add(Math.round(box.bottom))
          byTop.set(Math.round(box.top), row)
        }
        return [...byTop.values()].map((bottoms) => bottoms.size)
      })
      // Some row holds cards of two groups (Tom's 2026 Challenges and Community on a phone).
      expect(rows.length, path).toBeGreaterThan(1)
      expect(
        rows.every((bottoms) => bottoms === 1),
        `${path}: ${JSON.stringify(rows)}`,
      ).toBe(true)
    }
  })

test("a group's heading (and its count) sits right above its cards, with no empty line between", async ({
  page,
}) => {
  await page.setViewportSize(desktop)
  for (const path of [`/customers/${TOM}/earned`, `/customers/${TOM}/available`]) {
    await page.goto(path)
    await expect(page.locator('li.badge-card').first()).toBeVisible()
    await settled(page)
    const gaps = await page.locator('section.group-block').evaluateAll((sections) =>
      sections.map((section) => {
        const header = section.firstElementChild as HTMLElement
        const said = [...header.children].filter((child) => child.textContent?.trim())
        const textEnd = Math.max(...said.map((child) => child.getBoundingClientRect().bottom))
        const cards = section.querySelector('ul')?.getBoundingClientRect().top ?? textEnd
        return [section.querySelector('h2')?.textContent ?? '', Math.round(cards - textEnd)]
      }),
    )
    // "Other badges" (no group, no count) had an empty line of 24 px under its heading.
    expect(
      gaps.some(([name]) => name === 'Other badges'),
      path,
    ).toBe(true)
    for (const [name, gap] of gaps) expect(gap, `${path}: ${name}`).toBeLessThanOrEqual(12)
  }
})

test("a phone turned sideways shows a badge's name, its state and its art on the first screen", async ({
  page,
}) => {
  const sideways = { width: 844, height: 390 }
  await page.setViewportSize(sideways)
  await page.goto(`/customers/${TOM}/badges/6650b1c00000000000000003`)
  const main = page.getByRole('main')
  const parts = [
    main.getByRole('img', { name: "Barista's Favourite, open to you, in progress" }),
    main.getByRole('heading', { level: 1, name: "Barista's Favourite" }),
    main.getByText(/^This badge is open to you: earn it by /),
  ]
  for (const part of parts) {
    await expect(part).toBeVisible()
    const box = await part.boundingBox()
    expect(box && box.y + box.height).toBeLessThanOrEqual(sideways.height)
  }
  // The art beside the words, not above them.
  const [art, name] = await Promise.all(parts.slice(0, 2).map((part) => part.boundingBox()))
  expect((art?.x ?? 0) + (art?.width ?? Infinity)).toBeLessThanOrEqual(name?.x ?? 0)
})

test('groups are drawn in their order at every width, as the keyboard and a screen reader meet them', async ({
  page,
}) => {
  // Packed into earlier gaps, Seasonal Specials came before Community on a desktop, and the
  // keyboard went down to one and back up to the other.
  for (const path of [
    `/customers/${NEWCOMER}/available`,
    `/customers/${VIP}/available`,
    `/customers/${TOM}/available#locale=ar`,
  ]) {
    for (const width of [phone.width, 768, 1024, desktop.width]) {
      await page.setViewportSize({ width, height: 800 })
      await page.goto(path)
      await expect(page.locator('li.badge-card').first()).toBeVisible()
      await settled(page)
      if (path.endsWith('locale=ar'))
        await expect(page.locator('html')).toHaveAttribute('dir', 'rtl')
      const places = await page.locator('section.group-block').evaluateAll((sections) => {
        const rtl = document.documentElement.dir === 'rtl'
        return sections.map((section) => {
          const box = section.getBoundingClientRect()
          return {
            name: section.querySelector('h2')?.textContent ?? '',
            top: Math.round(box.top),
            start: Math.round(rtl ? -box.right : box.left),
          }
        })
      })
      expect(places.length, `${path} at ${width} px`).toBeGreaterThan(3)
      for (const [index, place] of places.entries()) {
        const before = places[index - 1]
        if (before === undefined) continue
        const after =
          place.top > before.top || (place.top === before.top && place.start > before.start)
        expect(after, `${path} at ${width} px: ${place.name} after ${before.name}`).toBe(true)
      }
    }
  }
})
