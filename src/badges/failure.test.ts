import { describe, expect, test } from 'vitest'
import { failsTheMember, readFailure } from './failure.ts'

const failure = (reason: string, retryable = false) => ({ reason, retryable })

describe('failsTheMember', () => {
  test('an unknown, signed-out or refused member cannot be shown at all', () => {
    for (const reason of [
      'member-not-found',
      'unsupported-identifier',
      'not-connected',
      'not-allowed',
    ])
      expect(failsTheMember(failure(reason)), reason).toBe(true)
  })

  test('a failing list, a missing badge or a slow service leaves the member and the tabs', () => {
    for (const reason of ['badge-not-found', 'server', 'timeout', 'too-many-requests', 'malformed'])
      expect(failsTheMember(failure(reason, true)), reason).toBe(false)
  })

  test('no error, or one that is not a failed request, fails no member', () => {
    expect(failsTheMember(null)).toBe(false)
    expect(failsTheMember(new TypeError('boom'))).toBe(false)
    expect(failsTheMember({ reason: 'member-not-found' })).toBe(false)
    expect(readFailure({ reason: 'member-not-found' })).toBeNull()
  })
})
