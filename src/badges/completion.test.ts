import { expect, test } from 'vitest'
import { makeBadge } from '../test/factories.ts'
import { groupCompletion } from './completion.ts'

test('a group counts every badge in either list once, and the earned ones', () => {
  const repeat = makeBadge({ id: 'repeat', groupId: 'g' })
  const earned = [repeat, makeBadge({ groupId: 'g' }), makeBadge({ groupId: null })]
  const available = [repeat, makeBadge({ groupId: 'g' }), makeBadge({ groupId: 'h' })]
  expect(Object.fromEntries(groupCompletion(earned, available))).toEqual({
    g: { earned: 2, total: 3 },
    h: { earned: 0, total: 1 },
  })
})
