import { expect, test } from 'vitest'
import { makeMemberBadge, makeMeta as meta } from '../test/factories.ts'
import { combineDetail } from './detail.ts'
import { type Benefit } from './types.ts'

test('the definition wins and the member copy fills the gaps', () => {
  const member = makeMemberBadge({
    id: 'b',
    name: 'From member',
    description: 'Member text',
    status: 'LIVE',
    rank: 4,
  })
  const detail = combineDetail(meta({ name: 'From meta', rank: null }), member)
  expect(detail).toMatchObject({
    name: 'From meta',
    description: 'Member text',
    status: 'LIVE',
    rank: 4,
  })
})

test('the member copy alone, the definition alone, or neither', () => {
  expect(combineDetail(null, makeMemberBadge({ id: 'm', name: 'Only member' }))?.name).toBe(
    'Only member',
  )
  expect(combineDetail(meta({ name: 'Only meta' }), null)?.name).toBe('Only meta')
  expect(combineDetail(null, null)).toBeNull()
})

test("limits come from the member's copy, which counts their use", () => {
  const counted = {
    scope: 'member' as const,
    kind: 'total' as const,
    max: 1,
    window: null,
    used: 1,
    cycle: null,
    since: null,
  }
  const stated = { ...counted, used: null }
  expect(
    combineDetail(meta({ limits: [stated] }), makeMemberBadge({ limits: [counted] }))?.limits,
  ).toEqual([counted])
  expect(
    combineDetail(meta({ limits: [stated] }), makeMemberBadge({ limits: [] }))?.limits,
  ).toEqual([stated])
})

test('without the definition, the reward and description a list showed stay', () => {
  const reward: Benefit = { kind: 'points', points: 25, description: null }
  const listed = { benefits: [reward], description: 'Visit a store before 9 am.' }
  const member = makeMemberBadge({ id: 'b', description: null })
  expect(combineDetail(null, member, listed)).toMatchObject({
    benefits: [reward],
    description: 'Visit a store before 9 am.',
  })
  // With the definition, the definition's.
  expect(combineDetail(meta({ benefits: [] }), member, listed)?.benefits).toEqual([])
})
