import {
  type APIRequestContext,
  expect,
  type Page,
  request as requests,
  test,
} from '@playwright/test'
import { startControlledDemo } from './own-server.ts'

// One truth about each badge: what a list card says (its image's alt text and its lines) is what
// the badge's own page says, and neither claims the member can earn it again while the member's
// limit in the emulator's data is used up.

const TOM = '62090013'
const NEWCOMER = '565039504'
const VIP = '381921157'
const BARISTA = '6650b1c00000000000000003'
const GREEN_STEP = '6650b1c0000000000000000b'
const BIRTHDAY = '6650b1c0000000000000000c'

type Card = { name: string; href: string; alt: string; lines: string[] }
type Hero = { alt: string; sentences: string[] }

/** Every card on the list as the member sees it, once every card knows its state. */
async function readCards(page: Page, path: string): Promise<Card[]> {
  await page.goto(path)
  await expect(page.locator('li.badge-card').first()).toBeVisible()
  // A card waits for the member's own record with a placeholder where its image goes.
  await expect(page.locator('li.badge-card .animate-pulse')).toHaveCount(0)
  return page.locator('li.badge-card').evaluateAll((cards) =>
    cards.map((card) => {
      const link = card.querySelector('h3 a')
      const image = card.querySelector('img, [role="img"]')
      return {
        name: link?.textContent?.trim() ?? '',
        href: link?.getAttribute('href') ?? '',
        alt: image?.getAttribute('alt') ?? image?.getAttribute('aria-label') ?? '',
        lines: [...card.querySelectorAll(':scope > p')]
          .filter((line) => !line.classList.contains('sr-only'))
          .map((line) => (line as HTMLElement).innerText.trim()),
      }
    }),
  )
}

/** The hero at the top of a badge's own page: its image's alt text and its sentences. */
async function readHero(page: Page, href: string, name: string): Promise<Hero> {
  await page.goto(href)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name)
  const hero = page.locator('header').filter({ has: page.getByRole('heading', { level: 1 }) })
  return hero.evaluate((header) => {
    const image = header.querySelector('img, [role="img"]')
    return {
      alt: image?.getAttribute('alt') ?? image?.getAttribute('aria-label') ?? '',
      sentences: [...header.querySelectorAll(':scope > p')].map((p) =>
        (p as HTMLElement).innerText.trim(),
      ),
    }
  })
}

type UsedUp = {
  kind: 'total' | 'fixed' | 'rolling'
  cycleEnd: number | null
  /** Earned only while the brand has it open to the member: a freed window promises nothing. */
  issued: boolean
}

type Constraint = {
  constraintType?: string
  maxEarnLimit?: number | null
  earnConstraintBlockStatistics?: Record<string, number | null> | null
  fixedWindowCycle?: { startDate?: number; endDate?: number } | null
}

/** The member's own limits that are used up, read from the emulator's management endpoint. */
async function usedUpLimits(
  request: APIRequestContext,
  member: string,
  badgeId: string,
): Promise<UsedUp[]> {
  const response = await request.get(
    `/api_gateway/v1/badges/management/${member}/badge/${badgeId}?includeStatistics=true`,
  )
  expect(response.ok(), `the member's record of ${badgeId}`).toBe(true)
  const body = (await response.json()) as {
    data: { customerConstraints?: Constraint[]; badgeType?: string }
  }
  const issued = body.data.badgeType === 'ISSUE_EARN'
  return (body.data.customerConstraints ?? []).flatMap((limit): UsedUp[] => {
    const max = limit.maxEarnLimit
    const counts = Object.values(limit.earnConstraintBlockStatistics ?? {}).filter(
      (count): count is number => typeof count === 'number',
    )
    if (typeof max !== 'number' || counts.length === 0 || Math.max(...counts) < max) return []
    const kind =
      limit.constraintType === 'FIXED_WINDOW'
        ? 'fixed'
        : limit.constraintType === 'ROLLING_WINDOW'
          ? 'rolling'
          : 'total'
    const end = limit.fixedWindowCycle?.endDate
    const cycleEnd = kind === 'fixed' && typeof end === 'number' ? end * 1000 : null
    return [{ kind, cycleEnd, issued }]
  })
}

/** A date as the showcase writes it in English: medium style, spaces that never break. */
function formatIn(page: Page, ms: number): Promise<string> {
  return page.evaluate(
    (at) =>
      new Intl.DateTimeFormat('en', { dateStyle: 'medium' }).format(at).replace(/\s/g, '\u00a0'),
    ms,
  )
}

// A card line and the sentence its badge's page must then say (null: any sentence of the state).
const cardToHero: [RegExp, (match: RegExpMatchArray) => RegExp][] = [
  [/^Yours to keep$/, () => /^It is yours to keep\.$/],
  [/^Yours until (.+)$/, (m) => new RegExp(`^It is yours until ${esc(m[1])}, `)],
  [/^Expires (.+)$/, (m) => new RegExp(`^It is yours until .+, ${esc(m[1])}\\.$`)],
  [/^Earn it again now$/, () => /^You can earn it again now\.$/],
  [/^Again from (.+)$/, (m) => new RegExp(`^You can earn it again from ${esc(m[1])}\\.$`)],
  [/^Expired (.+)$/, (m) => new RegExp(`^(You earned it; it e|It e)xpired on ${esc(m[1])}\\.$`)],
  [
    /^Earn it by (.+)$/,
    (m) => new RegExp(`^This badge is open to you: earn it by ${esc(m[1])}\\.$`),
  ],
  [/^Time to earn it ends (.+)$/, () => /^This badge is open to you: earn it by .+\.$/],
  [/^Not open to you again yet$/, () => /^It is not open to you again yet\.$/],
  [/^Only (\d[\d,]*) left$/, (m) => new RegExp(`^Only ${esc(m[1])} left for all members\\.$`)],
  [/^Not open to you yet$/, () => /^This badge is not open to you yet\.$/],
  [/^Ends (in .+)$/, () => /^You can earn this badge until .+\.$/],
  [/^Open until (.+)$/, (m) => new RegExp(`^You can earn this badge until ${esc(m[1])}\\.$`)],
  [/^Opens (.+)$/, (m) => new RegExp(`^You can earn this badge from ${esc(m[1])}\\.$`)],
  [/^Ended (.+)$/, (m) => new RegExp(`^This badge ended on ${esc(m[1])}\\.$`)],
  [/^All claimed$/, () => /^All of them have been claimed: it cannot be earned any more\.$/],
  [/^Earned as often as allowed$/, () => /^You have earned it as many times as allowed\.$/],
  [
    /^Earned (\S+\s\d{1,2},\s\d{4})$/,
    (m) =>
      new RegExp(
        `^You earned it (on|once, on|twice, last on|\\d+ times, last on) ${esc(m[1])}\\.$`,
      ),
  ],
]

function esc(text: string | undefined): string {
  return (text ?? '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** The lines a card must have for the state its image's alt text names. */
const stateLines: Record<string, RegExp> = {
  earned: /^(Yours to keep|Yours until .+|Expires .+)$/,
  expired: /^Expired .+$|^expired$/,
  // Run out, and may be earned again now: both said.
  'expired, open to you again': /^Earn it again now$/,
  'open to you, in progress': /^(Earn it by|Time to earn it ends) .+$|^Ready to earn now$/,
  'earned, not open again yet': /^Again from .+$|^earned, not open again yet$/,
  'not open yet': /^Opens .+$|^Not open to you yet$|^not open yet$/,
  // Open to them: said in words too, the summary's "to earn now", first.
  'not earned yet': /^Ready to earn now$/,
  'no longer available': /^(All claimed|Earned as often as allowed|Ended .+|no longer available)$/,
  // Earned before, its record not read yet: only that, first, and what is known for everyone.
  'earned before': /^Earned before$/,
}

/** The card, its badge's page and the member's limits agree, for every card given. */
async function expectOneTruth(
  page: Page,
  request: APIRequestContext,
  member: string,
  view: string,
  cards: Card[],
) {
  for (const card of cards) {
    const where = `${card.name} on ${view}`
    expect(card.alt, `${where}: the image says whose badge it is`).toMatch(
      new RegExp(`^${esc(card.name)}, `),
    )
    const state = card.alt.slice(card.name.length + 2)
    const known = stateLines[state]
    if (known) {
      expect(
        card.lines.some((line) => known.test(line)),
        `${where} is "${state}" and says so: ${JSON.stringify(card.lines)}`,
      ).toBe(true)
    } else {
      expect(Object.keys(stateLines), `${where}: a state the member knows`).toContain(state)
    }

    const hero = await readHero(page, card.href, card.name)
    expect(hero.alt, `${where}: the same state on its page`).toBe(card.alt)
    for (const line of card.lines) {
      for (const [pattern, sentence] of cardToHero) {
        const match = line.match(pattern)
        if (!match) continue
        const expected = sentence(match)
        expect(
          hero.sentences.some((text) => expected.test(text)),
          `${where} says "${line}"; its page must say ${String(expected)} but says ${JSON.stringify(hero.sentences)}`,
        ).toBe(true)
        break
      }
    }
    // And back: what the page says about earning it again, the card says too.
    for (const sentence of hero.sentences) {
      if (sentence === 'You can earn it again now.')
        expect(card.lines, `${where}: its page says "${sentence}"`).toContain('Earn it again now')
      const from = sentence.match(/^You can earn it again from (.+)\.$/)
      if (from)
        expect(card.lines, `${where}: its page says "${sentence}"`).toContain(
          `Again from ${from[1]}`,
        )
    }

    const usedUp = await usedUpLimits(
      request,
      member,
      decodeURIComponent(card.href.split('/').pop() ?? ''),
    )
    const said = [...card.lines, ...hero.sentences]
    for (const limit of usedUp) {
      expect(
        said.filter((text) => /again now/i.test(text)),
        `${where}: its limit is used up`,
      ).toEqual([])
      if (limit.kind === 'total') {
        expect(
          said.filter((text) => /again/i.test(text)),
          `${where}: earned as often as allowed`,
        ).toEqual([])
      }
      const offered = state === 'earned' || state === 'earned, not open again yet'
      if (limit.kind === 'fixed' && limit.cycleEnd !== null && offered && !limit.issued) {
        const date = await formatIn(page, limit.cycleEnd)
        expect(card.lines, `${where}: its window resets on ${date}`).toContain(`Again from ${date}`)
        expect(hero.sentences, `${where}: its window resets on ${date}`).toContain(
          `You can earn it again from ${date}.`,
        )
      }
    }
  }
}

/** A demo server of the describe's own, on a clock and badges the test controls. */
function controlledDemo() {
  let server: Awaited<ReturnType<typeof startControlledDemo>> | undefined
  test.beforeAll(async () => {
    server = await startControlledDemo()
  })
  test.afterAll(async () => {
    await server?.stop()
  })
  const started = () => {
    if (server === undefined) throw new Error('the controlled demo has not started')
    return server
  }
  return {
    get server() {
      return started()
    },
    /** The list's cards, their links made absolute on this server. */
    read: async (page: Page, path: string) =>
      (await readCards(page, `${started().url}${path}`)).map((card) => ({
        ...card,
        href: `${started().url}${card.href}`,
      })),
  }
}

/** The card of the badge with this name, which must be on the list. */
function cardNamed(cards: Card[], name: string): Card {
  const card = cards.find((c) => c.name === name)
  expect(card, name).toBeDefined()
  return card as Card
}

test.describe('one truth about each badge, on every list and its own page', () => {
  test.describe.configure({ timeout: 240_000 })

  test("Tom's earned badges, the expired one included", async ({ page, request }) => {
    const cards = await readCards(page, `/customers/${TOM}/earned?expired=1`)
    expect(cards.map((card) => card.name)).toEqual(
      expect.arrayContaining(['First Sip', 'Regular', 'Big Spender', 'Anniversary']),
    )
    expect(cards).toHaveLength(8)
    await expectOneTruth(page, request, TOM, "Tom's earned view", cards)
  })

  test("Tom's available badges", async ({ page, request }) => {
    const cards = await readCards(page, `/customers/${TOM}/available`)
    expect(cards.length).toBeGreaterThanOrEqual(12)
    // The tab counts the cards; the summary's "to earn now" counts the cards the member can earn
    // today, by what each card says (not earned yet, in progress, or "Earn it again now"): not
    // one that opens later, is not open to them, or opens again later; and the heading claims
    // nothing a card denies.
    await expect(page.getByRole('link', { name: `Available (${cards.length})` })).toBeVisible()
    const toEarn = cards.filter(
      (card) =>
        /, (not earned yet|open to you, in progress)$/.test(card.alt) ||
        card.lines.includes('Earn it again now'),
    )
    expect(toEarn.map((card) => card.name)).toContain('Reviewer')
    expect(toEarn.map((card) => card.name)).not.toContain('Trailblazer')
    await expect(
      page.getByRole('region', { name: 'Your badges at a glance' }).getByRole('link', {
        name: /to earn now/,
      }),
    ).toHaveAccessibleName(new RegExp(`^${toEarn.length}\\s*to earn now$`))
    const closed = cards.filter((card) => card.alt.endsWith(', no longer available'))
    expect(closed.map((card) => card.name)).toContain('Night Owl')
    await expect(page.getByRole('heading', { level: 1 })).not.toHaveText(/can earn/)
    await expectOneTruth(page, request, TOM, "Tom's available view", cards)
  })

  test("the new member's available badges", async ({ page, request }) => {
    const cards = await readCards(page, `/customers/${NEWCOMER}/available`)
    // Each badge once, as many cards as the tab counts: the picks above the list are links to
    // badges on it, not cards again.
    expect(new Set(cards.map((card) => card.href)).size).toBe(cards.length)
    expect(cards.length).toBeGreaterThanOrEqual(12)
    await expect(page.getByRole('link', { name: `Available (${cards.length})` })).toBeVisible()
    // Each pick says what its card says, and is not the summary's next up just above it.
    const picks = await page
      .getByRole('region', { name: 'Good ones to start with' })
      .getByRole('listitem')
      .evaluateAll((items) =>
        items.map((item) => {
          const image = item.querySelector('img, [role="img"]')
          return {
            href: item.querySelector('a')?.getAttribute('href') ?? '',
            alt: image?.getAttribute('alt') ?? image?.getAttribute('aria-label') ?? '',
            line: (
              item.querySelector('a')?.parentElement?.nextElementSibling as HTMLElement | null
            )?.innerText.trim(),
          }
        }),
      )
    expect(picks.length).toBe(3)
    const nextUp = await page
      .getByRole('region', { name: 'Your badges at a glance' })
      .getByRole('link')
      .filter({ hasText: 'Next up' })
      .getAttribute('href')
    for (const pick of picks) {
      const card = cards.find((c) => c.href === pick.href)
      expect(card, `the pick ${pick.href} is a badge on the list`).toBeDefined()
      expect(pick.alt).toBe(card?.alt)
      expect(pick.line).toBe(card?.lines[0])
      expect(pick.href).not.toBe(nextUp)
    }
    for (const card of cards)
      expect(card.alt, `${card.name}: the new member has earned nothing`).not.toMatch(
        /, (earned|expired)/,
      )
    // "To earn now": the cards open to them today, not those the brand must open first.
    const open = cards.filter((card) => /, not earned yet$/.test(card.alt))
    expect(cards.filter((card) => /, not open yet$/.test(card.alt)).length).toBeGreaterThan(0)
    await expect(
      page.getByRole('region', { name: 'Your badges at a glance' }).getByRole('link', {
        name: /to earn now/,
      }),
    ).toHaveAccessibleName(new RegExp(`^${open.length}\\s*to earn now$`))
    await expectOneTruth(page, request, NEWCOMER, "the new member's available view", cards)
  })

  test("the VIP's available badges, those to earn again included", async ({ page, request }) => {
    const all = await readCards(page, `/customers/${VIP}/available`)
    const cards = all.filter((card, index) => all.findIndex((c) => c.href === card.href) === index)
    // Regular ran out in May and may be earned again now: the card says both, as its page does.
    const regular = cards.find((card) => card.name === 'Regular')
    expect(regular?.lines.slice(0, 3)).toEqual([
      expect.stringMatching(/^Expired /),
      expect.stringMatching(/^Earned /),
      'Earn it again now',
    ])
    await expectOneTruth(page, request, VIP, "the VIP's available view", cards)
  })

  test("a sample of the VIP's earned badges", async ({ page, request }) => {
    const all = await readCards(page, `/customers/${VIP}/earned`)
    expect(all.length).toBeGreaterThanOrEqual(20)
    const step = Math.floor(all.length / 20)
    const cards = all.filter((_, index) => index % step === 0).slice(0, 20)
    await expectOneTruth(page, request, VIP, "the VIP's earned view", cards)
  })
})

test('the states the member sees, as the demo data has them', async ({ page }) => {
  const tomEarned = await readCards(page, `/customers/${TOM}/earned?expired=1`)
  const tomAvailable = await readCards(page, `/customers/${TOM}/available`)
  const on = (cards: Card[], name: string) => {
    const card = cards.find((c) => c.name === name)
    expect(card, name).toBeDefined()
    return card as Card
  }
  const date = /[A-Z][a-z]{2}\u00a0\d{1,2},\u00a0\d{4}/.source
  // Regular: 1 of 1 this month, so "again" only from the day the month resets, on both lists.
  for (const cards of [tomEarned, tomAvailable]) {
    const regular = on(cards, 'Regular')
    expect(regular.alt).toBe('Regular, earned')
    expect(regular.lines).not.toContain('Earn it again now')
    expect(regular.lines.join('\n')).toMatch(new RegExp(`^Again from ${date}$`, 'm'))
    expect(on(cards, 'Anniversary').lines.join('\n')).toMatch(
      new RegExp(`^Again from ${date}$`, 'm'),
    )
    // Birthday Treat is earned only when the brand opens it to the member: no date promised.
    expect(on(cards, 'Birthday Treat').lines.join('\n')).not.toMatch(/again/i)
  }
  expect(on(tomEarned, 'Big Spender').alt).toBe('Big Spender, expired')
  expect(on(tomAvailable, "Barista's Favourite").alt).toBe(
    "Barista's Favourite, open to you, in progress",
  )
  expect(on(tomAvailable, 'Trailblazer').alt).toBe('Trailblazer, not open yet')
  expect(on(tomAvailable, 'Night Owl').alt).toBe('Night Owl, no longer available')
  expect(on(tomAvailable, 'Night Owl').lines).toContain('All claimed')
  expect(on(tomAvailable, 'Holiday Cheer').lines).toContain('Only 812 left')
})

test.describe('a year on: a copy run out, one the brand must open again, one taken back', () => {
  test.describe.configure({ timeout: 240_000 })
  const demo = controlledDemo()

  test('both lists, the summary and each badge’s page say the same', async ({ page }) => {
    // Tom earns Barista's Favourite while it is open to him; its copy runs out in two weeks and
    // its time to earn it in January. Green Step he earns and the brand takes back. A year on,
    // Anniversary's copy has run out and its year is up.
    const server = demo.server
    await server.advance(22)
    await server.award(TOM, BARISTA)
    await server.award(TOM, GREEN_STEP)
    await server.revoke(TOM, GREEN_STEP)
    await server.advance(325)
    const read = (path: string) => demo.read(page, path)
    const earned = await read(`/customers/${TOM}/earned?expired=1`)
    const available = await read(`/customers/${TOM}/available`)
    const on = cardNamed

    // Taken back is not "expired": off the earned list, and never earned as far as the offer goes.
    expect(earned.map((card) => card.name)).not.toContain('Green Step')
    expect(on(available, 'Green Step').alt).toBe('Green Step, not earned yet')
    // One state per badge, whichever list shows it.
    for (const card of earned) {
      const offered = available.find((other) => other.href === card.href)
      if (offered) expect(offered.alt, `${card.name} on both lists`).toBe(card.alt)
    }
    // Only the brand can open Barista's Favourite again, and its time for that ended in January:
    // no "again" anywhere, not even "not open to you again yet".
    expect(on(available, "Barista's Favourite").alt).toBe("Barista's Favourite, expired")
    expect(on(available, "Barista's Favourite").lines.join('\n')).not.toMatch(/again/i)
    expect(on(earned, "Barista's Favourite").lines.join('\n')).not.toMatch(/again/i)
    // To a member it was never opened to, it is over: not "not open to you yet", which promised
    // an opening that can no longer come.
    const newcomer = on(await read(`/customers/${NEWCOMER}/available`), "Barista's Favourite")
    expect(newcomer.alt).toBe("Barista's Favourite, no longer available")
    expect(newcomer.lines[0]).toMatch(/^Ended [A-Z][a-z]{2}\u00a0\d{1,2},\u00a02027$/)
    const over = await readHero(page, newcomer.href, "Barista's Favourite")
    expect(over.sentences[0]).toBe(
      `This badge ended on ${newcomer.lines[0]?.slice('Ended '.length)}.`,
    )
    expect(over.sentences.join('\n')).not.toMatch(/not open to you|earn it by/i)
    // Anniversary's offer remembers the copy that ran out, on the day the earned list gives.
    const anniversary = on(available, 'Anniversary')
    expect(anniversary.alt).toBe('Anniversary, expired, open to you again')
    expect(anniversary.lines[0]).toBe(on(earned, 'Anniversary').lines[0])
    expect(anniversary.lines[0]).toMatch(/^Expired /)
    // Each group's "You have n of m" counts the badges the member holds now, as the earned list
    // shows them: not one earned before whose copies have run out, which its card calls earned
    // (it read "0 of 2 earned" above "Earned twice").
    const groups = async (path: string, ready = page.locator('[data-badge-link]')) => {
      await page.goto(`${server.url}${path}`)
      await ready.first().waitFor()
      return page.locator('section.group-block').evaluateAll((sections) =>
        sections.map((section) => ({
          name: section.querySelector('h2 bdi')?.textContent ?? '',
          cards: section.querySelectorAll('[data-badge-link]').length,
          line: section.querySelector('.group-head > p')?.textContent ?? null,
        })),
      )
    }
    const heldNow = await groups(`/customers/${TOM}/earned`)
    const counted = page.getByText(/^You have \d+ of \d+$/)
    const offeredGroups = (await groups(`/customers/${TOM}/available`, counted)).filter(
      (group) => group.line !== null,
    )
    expect(offeredGroups.length).toBeGreaterThan(1)
    for (const group of offeredGroups) {
      const held = heldNow.find((other) => other.name === group.name)?.cards ?? 0
      expect(group.line, group.name).toMatch(new RegExp(`^You have ${held} of \\d+$`))
    }
    // "To earn now" counts what the cards say can be earned today, and nothing else.
    await page.goto(`${server.url}/customers/${TOM}/available`)
    const toEarn = available.filter(
      (card) => /, not earned yet$/.test(card.alt) || card.lines.includes('Earn it again now'),
    )
    await expect(
      page.getByRole('region', { name: 'Your badges at a glance' }).getByRole('link', {
        // Not the "Next up" badge, whose name ends "Ready to earn now".
        name: /^\d+\s*to earn now$/,
      }),
    ).toHaveAccessibleName(new RegExp(`^${toEarn.length}\\s*to earn now$`))

    const api = await requests.newContext({ baseURL: server.url })
    const names = ["Barista's Favourite", 'Anniversary', 'Birthday Treat', 'Green Step']
    await expectOneTruth(
      page,
      api,
      TOM,
      'a year on',
      available.filter((card) => names.includes(card.name)),
    )
    await api.dispose()
  })
})

test.describe('the brand opens a badge it issues again, while the member holds a copy', () => {
  test.describe.configure({ timeout: 240_000 })
  const demo = controlledDemo()

  test('"again now" only while its issue and its limit both allow, the same in every place', async ({
    page,
  }) => {
    const server = demo.server
    const api = await requests.newContext({ baseURL: server.url })
    const read = (path: string) => demo.read(page, path)
    const on = cardNamed
    const toEarnNow = (cards: Card[]) =>
      cards.filter(
        (card) => /, not earned yet$/.test(card.alt) || card.lines.includes('Earn it again now'),
      ).length
    const summarySays = async (count: number) => {
      await page.goto(`${server.url}/customers/${TOM}/available`)
      await expect(
        page
          .getByRole('region', { name: 'Your badges at a glance' })
          .getByRole('link', { name: /^\d+\s*to earn now$/ }),
      ).toHaveAccessibleName(new RegExp(`^${count}\\s*to earn now$`))
    }
    const counted = toEarnNow(await read(`/customers/${TOM}/available`))

    // Barista's Favourite (twice in any 3 days) earned on its open issue, then opened again: once
    // more is allowed, so "earn it again now", counted, and said on its page.
    await server.award(TOM, BARISTA)
    await server.issue(TOM, BARISTA)
    let offers = await read(`/customers/${TOM}/available`)
    expect(on(offers, "Barista's Favourite").lines).toContain('Earn it again now')
    expect(toEarnNow(offers)).toBe(counted + 1)
    await summarySays(counted + 1)
    const hero = await readHero(page, on(offers, "Barista's Favourite").href, "Barista's Favourite")
    expect(hero.sentences).toContain('You can earn it again now.')
    await expectOneTruth(page, api, TOM, 'issued again', [on(offers, "Barista's Favourite")])

    // Earned again on that issue and opened a third time: its 3 days' two are used, and the issue
    // is still open when they reset, so "again from" that day, not "now".
    await server.award(TOM, BARISTA)
    await server.issue(TOM, BARISTA)
    // Birthday Treat opened again in the year its one earn is used: the issue closes in a month,
    // long before the year resets, so no "again" at all, rather than a date the issue will miss.
    await server.issue(TOM, BIRTHDAY)
    offers = await read(`/customers/${TOM}/available`)
    expect(on(offers, "Barista's Favourite").lines.join('\n')).toMatch(/^Again from .+$/m)
    expect(on(offers, 'Birthday Treat').lines.join('\n')).not.toMatch(/again/i)
    expect(toEarnNow(offers)).toBe(counted)
    await summarySays(counted)
    const earned = await read(`/customers/${TOM}/earned`)
    for (const name of ["Barista's Favourite", 'Birthday Treat']) {
      expect(on(earned, name).alt, `${name} on both lists`).toBe(on(offers, name).alt)
    }
    expect(on(earned, 'Birthday Treat').lines.join('\n')).not.toMatch(/again/i)
    await expectOneTruth(page, api, TOM, 'issued again, limits used', [
      on(offers, "Barista's Favourite"),
      on(offers, 'Birthday Treat'),
    ])
    await api.dispose()
  })
})
