import { expect, test } from 'vitest'
import { makeBadge } from '../test/factories.ts'
import { groupCompletion } from './completion.ts'

test('a group counts every badge in either list once, and the earned ones', () => {
  const repeat = makeBadge({ id: 'repeat', groupId: 'g' })
  const earned = [repeat, makeBadge({ groupId: 'g' }), makeBadge({ groupId: null })]
  const available = [repeat, makeBadge({ groupId: 'g' }), makeBadge({ groupId: 'h' })]
  expect(Object.fromEntries(groupCompletion(earned, available))).toEqual({
    g: { held: 2, total: 3 },
    h: { held: 0, total: 1 },
  })
})

test('a badge earned before whose copies all expired is on offer again, not held', () => {
  // The earned list leaves it out; the offers carry how often it was earned.
  const lapsed = makeBadge({ groupId: 'g', earnedCount: 2 })
  expect(groupCompletion([], [lapsed, makeBadge({ groupId: 'g' })]).get('g')).toEqual({
    held: 0,
    total: 2,
  })
})
