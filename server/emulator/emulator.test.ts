import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { addSpan } from '../../src/badges/expiry.ts'
import { demoBadgeIds, demoDataset, groupIds, NEW_MEMBER, TYPICAL_MEMBER } from './demo-data.ts'
import { createEmulator } from './emulator.ts'
import { DAY } from './model.ts'
import { currentCycle, indexDataset, memberRecord, usedAgainst } from './state.ts'
import { VIP_BADGE_COUNT, VIP_MEMBER, vipTiers } from './vip-data.ts'

const NOW = Date.UTC(2026, 10, 22, 12)
const emulator = createEmulator({ now: () => NOW })

type Body = {
  data: Record<string, unknown> & { badges?: Array<Record<string, unknown>> }
  errors: Array<{ code: number }>
}

async function get(path: string, headers: Record<string, string> = {}) {
  const response = await emulator.request(path, { headers })
  const text = await response.text()
  return { status: response.status, text, body: JSON.parse(text) as Body }
}

const names = (body: Body) => (body.data.badges ?? []).map((badge) => badge.name)

describe('members and identifiers', () => {
  const identities = [
    ['numeric id', TYPICAL_MEMBER, {}],
    ['email', 'tom.sawyer@example.com', { 'X-CAP-CUSTOMER-IDENTIFIER': 'email' }],
    [
      'email in another case, URL-encoded',
      'Tom.Sawyer%40example.com',
      { 'X-CAP-CUSTOMER-IDENTIFIER': 'email' },
    ],
    ['mobile', '15550100001', { 'X-CAP-CUSTOMER-IDENTIFIER': 'mobile' }],
    ['externalId', 'TOM-001', { 'X-CAP-CUSTOMER-IDENTIFIER': 'externalId' }],
    ['cardNumber', 'CARD-0001', { 'X-CAP-CUSTOMER-IDENTIFIER': 'cardNumber' }],
  ] as const

  test.each(identities)('the typical member by %s', async (_, id, headers) => {
    const { status, body } = await get(`/customer/${id}?badgeType=EARNED&limit=100`, headers)
    expect(status).toBe(200)
    expect(names(body)).toContain('First Sip')
  })

  test('the new member has earned nothing and can earn everything offered to all', async () => {
    const earned = await get(`/customer/${NEW_MEMBER}?badgeType=EARNED`)
    expect(earned.body.data.badges).toEqual([])
    expect(earned.body.data.pagination).toEqual({ page: 0, size: 10, total: 0, totalPages: 0 })
    const available = await get(
      `/customer/new.member%40example.com?badgeType=AVAILABLE&limit=100`,
      {
        'X-CAP-CUSTOMER-IDENTIFIER': 'email',
      },
    )
    expect(available.body.data.badges?.length).toBeGreaterThanOrEqual(15)
  })

  test('an unknown member is 1026, an unknown identifier kind 1028', async () => {
    const missing = await get('/customer/1?badgeType=EARNED')
    expect(missing.status).toBe(404)
    expect(missing.body).toMatchObject({ data: null, errors: [{ code: 1026 }], warnings: [] })
    const byEmail = await get('/customer/nobody%40example.com', {
      'X-CAP-CUSTOMER-IDENTIFIER': 'email',
    })
    expect(byEmail.body.errors[0]?.code).toBe(1026)
    const kind = await get(`/customer/${TYPICAL_MEMBER}`, {
      'X-CAP-CUSTOMER-IDENTIFIER': 'passport',
    })
    expect(kind.status).toBe(400)
    expect(kind.body.errors[0]?.code).toBe(1028)
  })
})

describe('the customer badges list', () => {
  test('the typical member: 6+ earned and 8+ available in 3+ named groups plus ungrouped ones', async () => {
    const earned = (await get(`/customer/${TYPICAL_MEMBER}?badgeType=EARNED&limit=100`)).body
    const available = (await get(`/customer/${TYPICAL_MEMBER}?badgeType=AVAILABLE&limit=100`)).body
    expect(earned.data.badges?.length).toBeGreaterThanOrEqual(6)
    expect(available.data.badges?.length).toBeGreaterThanOrEqual(8)
    const groups = new Set(earned.data.badges?.map((badge) => badge.badgeGroupName).filter(Boolean))
    expect(groups.size).toBeGreaterThanOrEqual(3)
    expect(earned.data.badges?.some((badge) => badge.badgeGroupId === null)).toBe(true)
  })

  test('RANK: groups by group rank, ranked badges by rank, then by expiry, ungrouped last', async () => {
    const { body } = await get(
      `/customer/${TYPICAL_MEMBER}?badgeType=AVAILABLE&sortOn=RANK&limit=100`,
    )
    expect(names(body)).toEqual([
      'Regular',
      "Barista's Favourite",
      'Night Owl',
      'Early Bird',
      'Trailblazer',
      'Reviewer',
      'Friend Referrer',
      'Green Step',
      'Birthday Treat',
      'Holiday Cheer',
      'Anniversary',
      'Social Star',
    ])
  })

  test('sort by last earned puts the most recent first', async () => {
    const { body } = await get(
      `/customer/${TYPICAL_MEMBER}?badgeType=EARNED&sortOn=LAST_EARNED_ON_DATE&limit=3`,
    )
    expect(names(body)).toEqual(['Regular', 'Birthday Treat', 'Weekend Explorer'])
  })

  test('expired earned badges appear only with includeExpired', async () => {
    const without = await get(`/customer/${TYPICAL_MEMBER}?badgeType=EARNED&limit=100`)
    const withExpired = await get(
      `/customer/${TYPICAL_MEMBER}?badgeType=EARNED&limit=100&includeExpired=true`,
    )
    expect(names(without.body)).not.toContain('Big Spender')
    expect(names(withExpired.body)).toContain('Big Spender')
  })

  test('groupId filters to one group', async () => {
    const { body } = await get(
      `/customer/${TYPICAL_MEMBER}?badgeType=AVAILABLE&groupId=${groupIds.coffee}`,
    )
    expect(names(body)).toEqual(['Regular', "Barista's Favourite", 'Night Owl'])
  })

  test('limit and page walk the VIP member through every badge once', async () => {
    const seen = new Set<unknown>()
    const groups = new Set<unknown>()
    const first = await get(`/customer/${VIP_MEMBER}?badgeType=EARNED&limit=100&page=0`)
    const pages = first.body.data.pagination as { total: number; totalPages: number; size: number }
    expect(pages.total).toBeGreaterThanOrEqual(300)
    expect(pages.totalPages).toBe(Math.ceil(pages.total / 100))
    for (let page = 0; page < pages.totalPages; page += 1) {
      const { body } = await get(`/customer/${VIP_MEMBER}?badgeType=EARNED&limit=100&page=${page}`)
      for (const badge of body.data.badges ?? []) {
        seen.add(badge.badgeMetaId)
        groups.add(badge.badgeGroupId)
      }
    }
    expect(seen.size).toBe(pages.total)
    // Their own badges plus First Sip and Welcome Aboard; their Regular earn has expired.
    expect(pages.total).toBe(VIP_BADGE_COUNT + 2)
    expect(groups.size).toBeGreaterThanOrEqual(10)
    const beyond = await get(`/customer/${VIP_MEMBER}?badgeType=EARNED&limit=100&page=99`)
    expect(beyond.body.data.badges).toEqual([])
  })

  test.each([
    ['badgeType=SOME', 'badgeType'],
    ['sortOn=NAME', 'sortOn'],
    ['includeExpired=yes', 'includeExpired'],
    ['limit=0', 'limit'],
    ['limit=abc', 'limit'],
    ['limit=1000', 'limit'],
    ['page=-1', 'page'],
    ['page=1.5', 'page'],
  ])('a malformed %s is a 400 naming the parameter', async (query, parameter) => {
    const { status, body } = await get(`/customer/${TYPICAL_MEMBER}?${query}`)
    expect(status).toBe(400)
    expect(body).toMatchObject({ data: null, errors: [{ code: 400, reference: parameter }] })
  })

  test('responses have the quirks of real ones', async () => {
    const { text, body } = await get(`/customer/${TYPICAL_MEMBER}?badgeType=EARNED&limit=100`)
    // Seconds with nine fraction digits, written as numbers.
    expect(text).toMatch(/"startOn": \d{10}\.\d{9},/)
    const byName = new Map(body.data.badges?.map((badge) => [badge.name, badge]))
    // A group id without its name, as some real badges have.
    expect(byName.get('Birthday Treat')).not.toHaveProperty('badgeGroupName')
    expect(byName.get('Birthday Treat')?.badgeGroupId).toBe(groupIds.seasonal)
    // An event date stored in milliseconds.
    expect(byName.get('Welcome Aboard')?.lastEarnEventDate).toBeGreaterThan(1e11)
    // The list-endpoint constraint shape.
    expect(byName.get('Regular')?.customerConstraints).toEqual([
      expect.objectContaining({
        constraintType: 'CUSTOMER_BADGE_FIXED_WINDOW',
        durationType: 'MONTHS',
      }),
    ])
    expect(byName.get('Regular')?.earnedCount).toBe(3)
    // In the earned list the expiry is the member's: 3 months after the last earn, none for a
    // badge whose earns never expire.
    expect(byName.get('Regular')?.expiresOn).toBeLessThan(NOW / 1000 + 93 * 86_400)
    expect(byName.get('First Sip')?.expiresOn).toBeNull()
  })
})

describe('one badge', () => {
  test('management with statistics: the constraintLevel shape, issuals with a revoked one, startsOn', async () => {
    const { body } = await get(
      `/management/${TYPICAL_MEMBER}/badge/${demoBadgeIds.barista}?includeStatistics=true`,
    )
    const data = body.data as Record<string, unknown> & {
      customerConstraints: Array<Record<string, unknown>>
      issualDetails: { issuals: Array<Record<string, unknown>> }
    }
    expect(data).toHaveProperty('startsOn')
    expect(data).not.toHaveProperty('startOn')
    expect(data.customerConstraints[0]).toMatchObject({
      constraintLevel: 'CUSTOMER',
      constraintType: 'FIXED_WINDOW',
      earnConstraintBlockStatistics: { currentEarnCount: 0 },
    })
    expect(data.issualDetails.issuals.map((issual) => issual.issuedStatus)).toEqual([
      'REVOKED',
      'ACTIVE',
    ])
  })

  test('management without statistics leaves the statistics out', async () => {
    const { body } = await get(`/management/${TYPICAL_MEMBER}/badge/${demoBadgeIds.regular}`)
    expect(body.data).not.toHaveProperty('customerConstraints')
    expect(body.data.activeEarnedCount).toBe(1)
  })

  test('badgeMeta carries ISO twins and the current cycle', async () => {
    const { body } = await get(`/badgeMeta/${demoBadgeIds.regular}?includeStatistics=true`)
    expect(body.data).toMatchObject({ status: 'LIVE', startOnISO: expect.stringMatching(/Z$/) })
    expect((body.data.customerConstraints as Array<Record<string, unknown>>)[0]).toHaveProperty(
      'currentCycle',
    )
    expect(body.data.earnedCount).toEqual(expect.any(Number))
  })

  test('an unknown badge is a 404 envelope on both endpoints; an unknown member still 1026', async () => {
    expect((await get('/badgeMeta/000000000000000000000000')).body.errors[0]?.code).toBe(404)
    expect((await get(`/management/${TYPICAL_MEMBER}/badge/nope`)).status).toBe(404)
    expect((await get(`/management/1/badge/${demoBadgeIds.regular}`)).body.errors[0]?.code).toBe(
      1026,
    )
  })

  test('a group by id, and a 404 for an unknown one', async () => {
    expect((await get(`/group/${groupIds.seasonal}`)).body.data).toMatchObject({
      name: 'Seasonal Specials',
      rank: 4,
    })
    expect((await get('/group/nope')).status).toBe(404)
  })

  test('unknown paths and methods answer with an envelope', async () => {
    expect((await get('/customers/1')).body.errors[0]?.code).toBe(404)
    const post = await emulator.request(`/customer/${TYPICAL_MEMBER}`, { method: 'POST' })
    expect(post.status).toBe(405)
    expect(post.headers.get('allow')).toBe('GET, HEAD')
  })
})

// The demo dataset is a contract (DESIGN.md section 6): what follows pins the properties demos and
// the showcase's rules rely on, so that an edit to the data cannot quietly make it contradict itself.

type Constraint = Record<string, unknown> & {
  constraintType: string
  maxEarnLimit?: number | null
  startDate?: number
  durationType?: string
  refreshRate?: number
  earnConstraintBlockStatistics?: { currentEarnCount: number }
  fixedWindowCycle?: { startDate: number; endDate: number } | null
  rollType?: string | null
  rollValue?: number | null
}
type Management = {
  customerConstraints: Constraint[]
  badgeConstraints: Constraint[]
  earnDetails: { earnCount: number; earns: Array<{ earnedOn: number; earnedStatus: string }> }
  issualDetails: { issuals: Array<{ issuedStatus: string; issueExpiresOn: number | null }> }
  issuedStatus?: string
}

async function listOf(member: string, query: string) {
  const { body } = await get(`/customer/${member}?limit=100&${query}`)
  return new Map((body.data.badges ?? []).map((badge) => [String(badge.name), badge]))
}

async function management(member: string, badgeId: string) {
  const { body } = await get(`/management/${member}/badge/${badgeId}?includeStatistics=true`)
  return body.data as unknown as Management
}

const seconds = (ms: number) => ms / 1000

function must<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`${what} is missing from the demo dataset`)
  return value
}
const ids = demoBadgeIds

describe("Tom's badges show every state a member's badge can be in", () => {
  test('earned, with and without expiry; one expiring within about 12 days', async () => {
    const earned = await listOf(TYPICAL_MEMBER, 'badgeType=EARNED')
    expect(earned.size).toBe(7)
    expect(earned.get('First Sip')?.expiresOn).toBeNull()
    expect(earned.get('Welcome Aboard')?.expiresOn).toBeNull()
    const soon = Number(earned.get('Weekend Explorer')?.expiresOn)
    expect(soon).toBeGreaterThan(seconds(NOW + 11 * DAY))
    expect(soon).toBeLessThan(seconds(NOW + 13 * DAY))
    const expiring = [...earned.values()].filter((badge) => badge.expiresOn !== null)
    expect(expiring.map((badge) => badge.name).sort()).toEqual([
      'Anniversary',
      'Birthday Treat',
      'Regular',
      'Reviewer',
      'Weekend Explorer',
    ])
  })

  test.each([
    ['Regular', ids.regular],
    ['Birthday Treat', ids.birthday],
    ['Anniversary', ids.anniversary],
  ])('can earn %s again only from the end of the current window: 1 of 1 used', async (name, id) => {
    const { customerConstraints } = await management(TYPICAL_MEMBER, id)
    const [window] = customerConstraints
    expect(window).toMatchObject({
      constraintType: 'FIXED_WINDOW',
      maxEarnLimit: 1,
      earnConstraintBlockStatistics: { currentEarnCount: 1 },
    })
    const cycle = window?.fixedWindowCycle
    const last = Number(
      (await listOf(TYPICAL_MEMBER, 'badgeType=EARNED')).get(name)?.lastEarnedOnDate,
    )
    // The list's last earn lies in the statistics' current cycle, which ends in the future.
    expect(last).toBeGreaterThanOrEqual(Number(cycle?.startDate))
    expect(last).toBeLessThan(Number(cycle?.endDate))
    expect(Number(cycle?.endDate)).toBeGreaterThan(seconds(NOW))
    // And the badge is still offered, so "again" is a matter of when.
    expect((await listOf(TYPICAL_MEMBER, 'badgeType=AVAILABLE')).has(name)).toBe(true)
  })

  test('can earn (again) now: offered, limits clear, supply left', async () => {
    const available = await listOf(TYPICAL_MEMBER, 'badgeType=AVAILABLE')
    for (const [name, id] of [
      ['Reviewer', ids.reviewer],
      ['Early Bird', ids.earlyBird],
      ['Friend Referrer', ids.referrer],
      ['Green Step', ids.greenStep],
      ['Holiday Cheer', ids.holiday],
    ] as const) {
      expect(available.has(name), name).toBe(true)
      const data = await management(TYPICAL_MEMBER, id)
      for (const limit of [...data.customerConstraints, ...data.badgeConstraints]) {
        if (limit.maxEarnLimit == null) continue
        expect(limit.earnConstraintBlockStatistics?.currentEarnCount, name).toBeLessThan(
          limit.maxEarnLimit,
        )
      }
    }
  })

  test('not yet: Trailblazer starts in three weeks', async () => {
    const trailblazer = (await listOf(TYPICAL_MEMBER, 'badgeType=AVAILABLE')).get('Trailblazer')
    expect(Number(trailblazer?.startOn)).toBeGreaterThan(seconds(NOW + 20 * DAY))
    expect((await get(`/badgeMeta/${ids.trailblazer}`)).body.data.status).toBe('UPCOMING')
  })

  test("in progress: Barista's Favourite is issued to him, not earned, to be earned by a date", async () => {
    const data = await management(TYPICAL_MEMBER, ids.barista)
    expect(data.earnDetails.earnCount).toBe(0)
    expect(data.issuedStatus).toBe('ACTIVE')
    const active = data.issualDetails.issuals.find((issual) => issual.issuedStatus === 'ACTIVE')
    const meta = (await get(`/badgeMeta/${ids.barista}`)).body.data as {
      issuedBadgeExpiry: { expiresOn: number }
    }
    // "Earn it by" is the badge's fixed issue expiry, for every issual.
    expect(active?.issueExpiresOn).toBe(meta.issuedBadgeExpiry.expiresOn)
    expect(data.issualDetails.issuals.map((issual) => issual.issueExpiresOn)).toEqual([
      meta.issuedBadgeExpiry.expiresOn,
      meta.issuedBadgeExpiry.expiresOn,
    ])
    expect(Number(active?.issueExpiresOn)).toBeGreaterThan(seconds(NOW))
  })

  test('no longer: a supply used up, one nearly used up, and a badge that ended', async () => {
    const supply = async (id: string) => {
      const total = (await management(TYPICAL_MEMBER, id)).badgeConstraints.find(
        (limit) => limit.constraintType === 'OVERALL',
      )
      return {
        max: total?.maxEarnLimit,
        used: total?.earnConstraintBlockStatistics?.currentEarnCount,
      }
    }
    expect(await supply(ids.nightOwl)).toEqual({ max: 1_000, used: 1_000 })
    const holiday = await supply(ids.holiday)
    expect(Number(holiday.max) - Number(holiday.used)).toBe(812)
    // Summer Sampler ended a month ago: listed only with expired badges, never earned by Tom.
    expect((await listOf(TYPICAL_MEMBER, 'badgeType=AVAILABLE')).has('Summer Sampler')).toBe(false)
    const withEnded = await listOf(TYPICAL_MEMBER, 'badgeType=AVAILABLE&includeExpired=true')
    expect(withEnded.get('Summer Sampler')).toMatchObject({ earnedCount: null })
    expect(Number(withEnded.get('Summer Sampler')?.expiresOn)).toBeLessThan(seconds(NOW))
    expect((await get(`/badgeMeta/${ids.summerSampler}`)).body.data.status).toBe('EXPIRED')
  })

  test('expired: Big Spender was earned, then ran out', async () => {
    const data = await management(TYPICAL_MEMBER, ids.bigSpender)
    expect(data.earnDetails.earns.map((earn) => earn.earnedStatus)).toEqual(['EXPIRED'])
    const withExpired = await listOf(TYPICAL_MEMBER, 'badgeType=EARNED&includeExpired=true')
    expect(Number(withExpired.get('Big Spender')?.expiresOn)).toBeLessThan(seconds(NOW))
  })
})

/** The current window of a fixed-window constraint as the list gives it: its cycles from its start. */
function listCycle(limit: Constraint) {
  const unit = limit.durationType as 'DAYS' | 'WEEKS' | 'MONTHS'
  const step = { unit, length: limit.refreshRate ?? 1 }
  let start = Number(limit.startDate) * 1000
  for (let next = addSpan(start, step); next <= NOW; next = addSpan(start, step)) start = next
  return { start: seconds(start), end: seconds(addSpan(start, step)) }
}

test("for each of Tom's badges with a member limit, the list and the statistics agree on the limit and its use", async () => {
  const everything = await listOf(TYPICAL_MEMBER, 'includeExpired=true')
  expect(everything.size).toBe(17)
  let checked = 0
  for (const [name, entry] of everything) {
    const listLimits = (entry.customerConstraints ?? []) as Constraint[]
    const stats = await management(TYPICAL_MEMBER, String(entry.badgeMetaId))
    const earnedOn = stats.earnDetails.earns
      .filter((earn) => earn.earnedStatus !== 'REVOKED')
      .map((earn) => earn.earnedOn)
    // The list's count and last earn are the statistics' history.
    expect(entry.earnedCount ?? 0, name).toBe(stats.earnDetails.earnCount)
    expect(entry.lastEarnedOnDate ?? null, name).toBe(earnedOn.at(-1) ?? null)
    const counted = stats.customerConstraints.filter((limit) => limit.maxEarnLimit != null)
    const listed = listLimits.filter((limit) => limit.constraintType !== 'CUSTOMER_BADGE_NO_LIMIT')
    const rollingMaxima = listed.flatMap((limit) =>
      limit.constraintType === 'CUSTOMER_BADGE_ROLLING_WINDOW'
        ? (['Days', 'Weeks', 'Months'] as const).flatMap((unit) =>
            limit[`maxEarnFor${unit}`] == null ? [] : [limit[`maxEarnFor${unit}`]],
          )
        : [limit.maxEarnLimit],
    )
    expect(rollingMaxima.sort(), name).toEqual(counted.map((limit) => limit.maxEarnLimit).sort())
    for (const limit of counted) {
      const used = limit.earnConstraintBlockStatistics?.currentEarnCount
      if (limit.constraintType === 'OVERALL') expect(used, name).toBe(earnedOn.length)
      if (limit.constraintType === 'FIXED_WINDOW') {
        const fromList = listCycle(
          must(
            listed.find((l) => l.constraintType.endsWith('FIXED_WINDOW')),
            `${name}'s fixed window in the list`,
          ),
        )
        expect(limit.fixedWindowCycle, name).toEqual({
          startDate: fromList.start,
          endDate: fromList.end,
        })
        const inCycle = earnedOn.filter((at) => at >= fromList.start && at < fromList.end)
        expect(used, name).toBe(inCycle.length)
      }
      if (limit.constraintType === 'ROLLING_WINDOW') {
        const unit = limit.rollType as 'DAYS' | 'WEEKS' | 'MONTHS'
        const from = NOW - (addSpan(NOW, { unit, length: Number(limit.rollValue) }) - NOW)
        expect(used, name).toBe(earnedOn.filter((at) => at >= seconds(from)).length)
      }
      checked += 1
    }
  }
  expect(checked).toBeGreaterThanOrEqual(15)
})

test("Tom's windows hold whatever day the demo starts on: this window's earn is inside it", () => {
  const start = Date.UTC(2026, 0, 1, 0, 30)
  // Every 29 hours for over two years: every day of the month, leap days and month ends included.
  for (let now = start; now < start + 800 * DAY; now += 29 * 3_600_000) {
    const lookup = indexDataset(demoDataset(now))
    const tom = must(
      lookup.dataset.members.find((member) => member.customerId === TYPICAL_MEMBER),
      'Tom',
    )
    for (const id of [ids.regular, ids.birthday, ids.anniversary]) {
      const badge = must(lookup.badgeById.get(id), id)
      const limit = must(badge.memberLimits[0], `${badge.name}'s member limit`)
      const { earns } = memberRecord(tom, id)
      expect(usedAgainst(limit, badge, earns, now, 'member'), `${badge.name} at ${now}`).toBe(1)
      if (limit.kind === 'fixed-window') {
        expect(currentCycle(badge, limit.unit, limit.every, now).end).toBeGreaterThan(now)
      }
      // No record predates the badge it is about.
      for (const earn of earns) expect(earn.earnedAt).toBeGreaterThanOrEqual(badge.startsAt)
    }
  }
})

describe("the VIP's ladders", () => {
  const dataset = demoDataset(NOW)
  const vip = must(
    dataset.members.find((member) => member.customerId === VIP_MEMBER),
    'The VIP',
  )
  const tierOf = (name: string) => vipTiers.findIndex((tier) => name.endsWith(` ${tier}`))

  test('each group climbs Bronze to Royal by rank, earned in that order, each tier its own art', () => {
    const vipGroups = new Set(
      dataset.badges.filter((badge) => badge.audience?.includes(VIP_MEMBER)).map((b) => b.groupId),
    )
    expect(vipGroups.size).toBe(12)
    for (const groupId of vipGroups) {
      const ladder = dataset.badges
        .filter((badge) => badge.groupId === groupId)
        .sort((a, b) => Number(a.rank) - Number(b.rank))
      expect(ladder).toHaveLength(27)
      expect(ladder.map((badge) => badge.rank)).toEqual(ladder.map((_, index) => index + 1))
      const tiers = ladder.map((badge) => tierOf(badge.name))
      expect(tiers).toEqual([...tiers].sort((a, b) => a - b))
      expect(new Set(tiers).size).toBe(vipTiers.length)
      const earnedAt = ladder.map((badge) => memberRecord(vip, badge.id).earns[0]?.earnedAt ?? NaN)
      for (let i = 1; i < earnedAt.length; i += 1) {
        expect(earnedAt[i]).toBeGreaterThan(Number(earnedAt[i - 1]))
      }
      expect(Math.max(...earnedAt)).toBeLessThan(NOW)
      const art = (badge: (typeof ladder)[number]) =>
        badge.images.find((image) => image.tag === 'EARNED')?.url
      // One image per tier: the three badges of a tier share it, no two tiers do.
      expect(new Set(ladder.map(art)).size).toBe(vipTiers.length)
    }
  })

  test('every artwork the dataset points to is in public/demo, the broken one deliberately so', () => {
    const publicDir = join(import.meta.dirname, '..', '..', 'public')
    const urls = new Set(dataset.badges.flatMap((badge) => badge.images.map((image) => image.url)))
    expect(urls.size).toBeGreaterThan(150)
    for (const url of urls) {
      const file = join(publicDir, url)
      expect(existsSync(file), url).toBe(true)
      const text = readFileSync(file, 'utf8')
      // Served with 200 so that no failed request is logged, yet not an image at all.
      if (url.includes('/broken-')) expect(text, url).not.toContain('<svg')
      else {
        expect(text, url).toMatch(/^<svg /)
        expect(text.length, url).toBeLessThan(5_000)
      }
      // No artwork draws a progress fraction: the in-progress outline is evenly dashed.
      expect(text, url).not.toMatch(/stroke-dasharray="[\d.]+ 400"/)
    }
  })
})

test('a cycle of days or weeks is counted, not stepped: the same cycle, at once, however far on', () => {
  const badge = { startsAt: Date.UTC(2026, 0, 5, 9) } as Parameters<typeof currentCycle>[0]
  const stepped = (unit: 'DAYS' | 'WEEKS', every: number, now: number) => {
    const length = (unit === 'DAYS' ? 1 : 7) * every * DAY
    let start = badge.startsAt
    while (start + length <= now) start += length
    return { start, end: start + length }
  }
  for (const [unit, every] of [
    ['DAYS', 3],
    ['WEEKS', 2],
  ] as const) {
    for (const now of [badge.startsAt, badge.startsAt + 1, badge.startsAt + 40 * DAY + 5]) {
      expect(currentCycle(badge, unit, every, now)).toEqual(stepped(unit, every, now))
    }
  }
  // A hundred years on: one division.
  const far = badge.startsAt + 36_500 * DAY
  expect(currentCycle(badge, 'DAYS', 3, far).end).toBeGreaterThan(far)
})
