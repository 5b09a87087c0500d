import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, test } from 'vitest'
import { ApiError } from './errors.ts'
import {
  parseBadgeMeta,
  parseBadgePage,
  parseEnvelope,
  parseGroup,
  parseMemberBadge,
} from './parse.ts'

// The fixtures are the example responses of the documents in shared/api-docs/, one file each.
const fixtureDir = path.join(import.meta.dirname, 'fixtures')
const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(path.join(fixtureDir, name), 'utf8'))
const dataOf = (name: string) => parseEnvelope(fixture(name)).data
const sec = (s: number) => Math.round(s * 1000)

describe('every example response in the documents parses', () => {
  const files = readdirSync(fixtureDir).filter((file) => file.endsWith('.json'))
  const parsers = {
    'customer-badges': (data: unknown) => parseBadgePage(data).badges.length,
    'member-badge': (data: unknown) => parseMemberBadge(data).id.length,
    'badge-meta': (data: unknown) => parseBadgeMeta(data).id.length,
  }

  test('there are fifteen examples across the three endpoints', () => {
    expect(files).toHaveLength(15)
  })

  test.each(files)('%s', (file) => {
    const kind = Object.keys(parsers).find((prefix) =>
      file.startsWith(prefix),
    ) as keyof typeof parsers
    expect(parsers[kind](dataOf(file))).toBeGreaterThan(0)
  })
})

test('the available example: seconds become milliseconds, and both limit scopes are read', () => {
  const page = parseBadgePage(dataOf('customer-badges-1.json'))
  expect(page.pagination).toEqual({ page: 0, size: 5, total: 5, totalPages: 1 })
  const first = page.badges[0]
  expect(first?.id).toBe('67eb99516666db076c3c7519')
  expect(first?.startsAt).toBe(sec(1735715131))
  expect(first?.earnedCount).toBeNull()
  expect(first?.benefits).toEqual([{ kind: 'coupon', seriesId: '13745', description: null }])
  expect(first?.images).toEqual([
    { name: 'Issued', url: expect.stringContaining('firebasestorage'), tag: 'EARNED' },
  ])
  expect(first?.limits).toMatchObject([
    {
      scope: 'member',
      kind: 'fixed-window',
      max: 2,
      window: { unit: 'DAYS', length: 3 },
      used: null,
      cycle: null,
      // The list shape dates the constraint: its fixed windows are cycles from here.
      since: sec(1735715131),
    },
    { scope: 'badge', kind: 'total', max: 10000, window: null, used: null, cycle: null },
    {
      scope: 'badge',
      kind: 'rolling-window',
      max: 3000,
      window: { unit: 'WEEKS', length: 1 },
      used: null,
      cycle: null,
    },
    {
      scope: 'badge',
      kind: 'rolling-window',
      max: 300,
      window: { unit: 'DAYS', length: 1 },
      used: null,
      cycle: null,
    },
  ])
  // A null description and a badge with no rank are kept as unknown, not dropped.
  expect(page.badges[4]).toMatchObject({ name: 'BadgeDoc', description: null, rank: null })
})

test('a member rolling window with limits per unit becomes one limit per unit', () => {
  const [badge] = parseBadgePage(dataOf('customer-badges-2.json')).badges
  expect(badge?.limits).toMatchObject([
    expect.objectContaining({
      scope: 'member',
      kind: 'rolling-window',
      max: 10,
      window: { unit: 'DAYS', length: 2 },
    }),
    expect.objectContaining({
      scope: 'member',
      kind: 'rolling-window',
      max: 11,
      window: { unit: 'MONTHS', length: 2 },
    }),
  ])
  expect(badge?.lastEarnedAt).toBe(sec(1684500000))
  expect(badge?.lastEarnEventAt).toBe(sec(1684503600))
  expect(badge?.earnedCount).toBe(1)
})

test('a list without pagination is one page, and custom fields are kept as text', () => {
  const page = parseBadgePage(dataOf('customer-badges-3.json'))
  expect(page.pagination).toEqual({ page: 0, size: 1, total: 1, totalPages: 1 })
  expect(page.badges[0]?.limits[0]).toMatchObject({
    kind: 'fixed-window',
    max: 1,
    window: { unit: 'MONTHS', length: 1 },
  })
  expect(page.badges[0]?.customFields).toEqual([
    ['2024', 'true'],
    ['Date', '2025-01-18T09:09:09Z'],
  ])
})

test('a grouped badge carries its group, rank and name', () => {
  const [badge] = parseBadgePage(dataOf('customer-badges-4.json')).badges
  expect(badge).toMatchObject({
    groupId: '65c3600c60d9261bdd8a6410',
    groupName: '2024 Badges',
    rank: 2,
    expiresAt: sec(4872129400),
  })
  expect(badge?.images.map((image) => image.tag)).toEqual(['UN_EARNED', 'EARNED'])
})

test('statistics: limits in the constraintLevel shape with their use and the current cycle', () => {
  const badge = parseMemberBadge(dataOf('member-badge-2.json'))
  expect(badge.limits[0]).toMatchObject({
    scope: 'member',
    kind: 'fixed-window',
    max: 1,
    window: { unit: 'DAYS', length: 3 },
    used: 0,
    cycle: { start: sec(1719900534.389096), end: sec(1720073334.389096) },
  })
  expect(badge.earnExpiry).toEqual({ kind: 'with-badge' })
  // The management endpoint spells the start `startsOn`.
  expect(badge.startsAt).toBe(sec(1716803487))
})

test('a revoked issual is part of the history, with its dates', () => {
  const badge = parseMemberBadge(dataOf('member-badge-6.json'))
  expect(badge.issuals).toEqual([
    {
      id: '67037d71d33ceb2ad0a69b1c',
      status: 'REVOKED',
      issuedAt: sec(1728281969.3),
      expiresAt: sec(1926235957),
      revokedAt: sec(1728282201.451),
      eventAt: sec(1728279028),
    },
  ])
  expect(badge.earnExpiry).toEqual({ kind: 'relative', after: { unit: 'WEEKS', length: 2 } })
  expect(badge.issueExpiry).toEqual({ kind: 'fixed-date', at: sec(1926235957) })
  expect(badge.customFields).toEqual([
    ['Terms and Condition', '<Enter your terms and condition here>'],
  ])
  expect(
    badge.limits.filter((limit) => limit.scope === 'badge').map((limit) => limit.kind),
  ).toEqual(['total', 'rolling-window', 'rolling-window'])
})

test('an upcoming grouped badge from the management endpoint', () => {
  const badge = parseMemberBadge(dataOf('member-badge-5.json'))
  expect(badge).toMatchObject({
    status: 'UPCOMING',
    groupName: 'group_1',
    rank: 2,
    activeEarnedCount: 0,
  })
  expect(badge.customFields).toHaveLength(10)
})

test('badgeMeta: ISO twins win, NO_LIMIT is unlimited, and the current cycle is read', () => {
  const first = parseBadgeMeta(dataOf('badge-meta-1.json'))
  expect(first.status).toBe('LIVE')
  expect(first.startsAt).toBe(Date.parse('2025-12-02T05:50:07Z'))
  expect(first.limits).toMatchObject([
    { scope: 'member', kind: 'unlimited', max: null, window: null, used: null, cycle: null },
    { scope: 'badge', kind: 'unlimited', max: null, window: null, used: null, cycle: null },
  ])
  const fixed = parseBadgeMeta(dataOf('badge-meta-2.json'))
  expect(fixed.limits[0]?.cycle).toEqual({
    start: Date.parse('2024-07-02T11:05:18.011+05:30'),
    end: Date.parse('2024-07-04T11:05:18.011+05:30'),
  })
  expect(fixed.issueExpiry).toEqual({ kind: 'unknown' })
  expect(parseBadgeMeta(dataOf('badge-meta-3.json')).status).toBe('EXPIRED')
})

test('a badge without an id cannot be shown and is counted, the others are kept', () => {
  const page = parseBadgePage({
    badges: [{ name: 'No id' }, 'not an object', { badgeMetaId: 'b1', name: 'Kept' }],
  })
  expect(page.badges.map((badge) => badge.name)).toEqual(['Kept'])
  expect(page.skipped).toBe(2)
})

test('a badge whose id or group id cannot be put in a URL is skipped and counted, not fatal', () => {
  const badges = Array.from({ length: 50 }, (_, index) => ({
    badgeMetaId: `b${index}`,
    name: `Badge ${index}`,
  }))
  badges[7] = { badgeMetaId: 'abc\ud800', name: 'Lone high surrogate' }
  badges[8] = { badgeMetaId: '\udc00abc', name: 'Lone low surrogate' }
  Object.assign(badges[9] ?? {}, { badgeGroupId: 'g\ud800' })
  // A proper pair (an emoji) is fine.
  badges[10] = { badgeMetaId: 'b10-\ud83c\udfc5', name: 'Medal' }
  const page = parseBadgePage({ badges })
  expect(page.skipped).toBe(3)
  expect(page.badges).toHaveLength(47)
  expect(page.badges.map((badge) => badge.name)).toContain('Medal')
  expect(page.badges.map((badge) => badge.name)).not.toContain('Lone high surrogate')
})

test('values of the wrong type read as unknown instead of failing the badge', () => {
  const page = parseBadgePage({
    badges: [
      {
        badgeMetaId: 12345,
        name: { html: '<b>x</b>' },
        description: 42,
        startOn: 'soon',
        expiresOn: null,
        images: [{ url: 7, tag: 'SPARKLY' }, null],
        badgeRank: '1',
        earnedCount: 'many',
        customerConstraints: 'none',
        badgeConstraints: [{ constraintType: 'BADGE_SOMETHING_NEW', maxEarnLimit: 5 }],
        customFields: { ok: 'yes', nested: { no: 1 }, n: 3 },
        benefits: [{ benefitType: 'GIFT_CARD' }],
      },
    ],
  })
  expect(page.badges[0]).toMatchObject({
    id: '12345',
    name: null,
    description: null,
    startsAt: null,
    expiresAt: null,
    images: [{ url: null, tag: null, name: null }],
    rank: null,
    earnedCount: null,
    limits: [{ scope: 'badge', kind: 'unknown', max: 5 }],
    customFields: [
      ['ok', 'yes'],
      ['n', '3'],
    ],
    benefits: [{ kind: 'other', type: 'GIFT_CARD', description: null }],
  })
})

test('the envelope is read strictly: anything but an object with data is malformed', () => {
  for (const bad of [null, 'text', [], 42, { errors: 'nope' }]) {
    expect(() => parseEnvelope(bad)).toThrow(ApiError)
  }
  expect(() => parseBadgePage({ items: [] })).toThrow(/badge list/)
  expect(() => parseBadgeMeta({ name: 'no id' })).toThrow(ApiError)
  expect(parseEnvelope({ data: { x: 1 }, errors: null, warnings: null })).toEqual({
    data: { x: 1 },
    errors: [],
  })
  expect(parseEnvelope({ data: null, errors: [{ code: '1026', message: 'gone' }] }).errors).toEqual(
    [{ code: 1026, message: 'gone' }],
  )
})

test('a group reads its name and rank', () => {
  expect(parseGroup({ id: 'g1', name: ' 2024 Badges ', rank: 1, isActive: true })).toEqual({
    id: 'g1',
    name: '2024 Badges',
    rank: 1,
  })
})
