import { expect, test } from 'vitest'
import { ApiError } from './errors.ts'
import { parseBadgePage, parseEnvelope, parseMemberBadge } from './parse.ts'

// The edges of the tolerant reading that parse.test.ts does not reach: what the plain guards must
// keep doing exactly as the schema library they replaced did.

test('ids are trimmed; a blank one is no id, and a badge without one is skipped', () => {
  const page = parseBadgePage({
    badges: [
      { badgeMetaId: '  b1  ', badgeGroupId: ' g1 ' },
      { badgeMetaId: '   ' },
      { badgeMetaId: 7.5 },
    ],
  })
  expect(page.badges.map((badge) => [badge.id, badge.groupId])).toEqual([
    ['b1', 'g1'],
    ['7.5', null],
  ])
  expect(page.skipped).toBe(1)
})

test('pagination that is not an object is read from the list itself, as one page', () => {
  const page = parseBadgePage({ badges: [{ badgeMetaId: 'b1' }], pagination: 'all' })
  expect(page.pagination).toEqual({ page: 0, size: 1, total: 1, totalPages: 1 })
  const partial = parseBadgePage({ badges: [], pagination: { size: 10, total: 25 } })
  expect(partial.pagination).toEqual({ page: 0, size: 10, total: 25, totalPages: 3 })
})

test('error entries: a code must be a number or a whole number in text; anything else is unknown', () => {
  const { errors } = parseEnvelope({
    data: null,
    errors: [{ code: 404 }, { code: ' 12 ' }, { code: '1.5', message: 3 }, 'oops', { code: true }],
  })
  expect(errors).toEqual([
    { code: 404, message: null },
    { code: 12, message: null },
    { code: null, message: null },
    { code: null, message: null },
    { code: null, message: null },
  ])
  for (const bad of [
    { data: 1, warnings: {} },
    { data: 1, errors: { code: 1 } },
  ]) {
    expect(() => parseEnvelope(bad)).toThrow(ApiError)
  }
})

test("a member's records: entries that are not objects are left out, the rest kept in order", () => {
  const badge = parseMemberBadge({
    id: 'b1',
    issualDetails: { issuals: [{ issueId: 1, issuedStatus: 'ACTIVE' }, null, 'x'] },
    earnDetails: { earns: [{ earnId: 'e1', earnStatus: 'ACTIVE', earnedOn: 1700000000 }] },
  })
  expect(badge.issuals).toMatchObject([{ id: '1', status: 'ACTIVE' }])
  expect(badge.earns).toMatchObject([{ id: 'e1', status: 'ACTIVE', earnedAt: 1700000000000 }])
  expect(parseMemberBadge({ id: 'b2', issualDetails: [], earnDetails: 'none' })).toMatchObject({
    issuals: [],
    earns: [],
  })
})
