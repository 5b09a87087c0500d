import { describe, expect, test } from 'vitest'
import { demoBadgeIds, groupIds, NEW_MEMBER, TYPICAL_MEMBER } from './demo-data.ts'
import { createEmulator } from './emulator.ts'
import { VIP_BADGE_COUNT, VIP_MEMBER } from './vip-data.ts'

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
  })
})
