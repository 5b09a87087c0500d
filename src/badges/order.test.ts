import { expect, test } from 'vitest'
import { makeBadge } from '../test/factories.ts'
import { compareRankThenExpiry, continuingSection, groupBadges, unnamedGroupIds } from './order.ts'

test('inside a group: ranked badges by rank, then unranked by expiry descending, unknown expiry last', () => {
  const badges = [
    makeBadge({ name: 'no rank, no expiry', rank: null, expiresAt: null }),
    makeBadge({ name: 'no rank, later', rank: null, expiresAt: 300 }),
    makeBadge({ name: 'rank 2', rank: 2, expiresAt: 100 }),
    makeBadge({ name: 'no rank, sooner', rank: null, expiresAt: 200 }),
    makeBadge({ name: 'rank 1', rank: 1, expiresAt: 50 }),
  ]
  expect([...badges].sort(compareRankThenExpiry).map((badge) => badge.name)).toEqual([
    'rank 1',
    'rank 2',
    'no rank, later',
    'no rank, sooner',
    'no rank, no expiry',
  ])
})

test('sections follow the order the server returned the groups, ungrouped badges in their own', () => {
  const badges = [
    makeBadge({ groupId: 'g2', groupName: 'Second', rank: 2 }),
    makeBadge({ groupId: null }),
    makeBadge({ groupId: 'g1', groupName: null }),
    makeBadge({ groupId: 'g2', groupName: 'Second', rank: 1 }),
  ]
  const sections = groupBadges(badges, { order: 'rank' })
  expect(sections.map((section) => [section.key, section.name, section.badges.length])).toEqual([
    ['g2', 'Second', 2],
    ['ungrouped', null, 1],
    ['g1', null, 1],
  ])
  expect(sections[0]?.badges.map((badge) => badge.rank)).toEqual([1, 2])
  expect(unnamedGroupIds(sections)).toEqual(['g1'])
})

test('with a date sort the server order inside a group is kept', () => {
  const badges = [makeBadge({ groupId: 'g', rank: 2 }), makeBadge({ groupId: 'g', rank: 1 })]
  expect(groupBadges(badges, { order: 'as-returned' })[0]?.badges.map((b) => b.rank)).toEqual([
    2, 1,
  ])
})

test('a group name carried by any of its badges names the section', () => {
  const sections = groupBadges(
    [makeBadge({ groupId: 'g', groupName: null }), makeBadge({ groupId: 'g', groupName: 'Named' })],
    { order: 'rank' },
  )
  expect(sections[0]?.name).toBe('Named')
})

test('only the section holding the last badge read may grow with the next page, and none once all are read', () => {
  const coffee = makeBadge({ name: 'a', groupId: 'coffee' })
  const gourmet = [
    makeBadge({ name: 'b', groupId: 'gourmet' }),
    makeBadge({ name: 'c', groupId: 'gourmet' }),
  ]
  const badges = [coffee, ...gourmet]
  const sections = groupBadges(badges, { order: 'rank' })
  expect(continuingSection(sections, badges, true)).toBe('gourmet')
  expect(continuingSection(sections, badges, false)).toBeNull()
  expect(continuingSection([], [], true)).toBeNull()
})
