import { expect, test } from 'vitest'
import { customerPath } from './member.ts'
import { encodeSegment, isEncodable } from './encode.ts'

test('text with a lone surrogate is not encodable; pairs and plain text are', () => {
  expect(isEncodable('abc\ud800')).toBe(false)
  expect(isEncodable('\udc00abc')).toBe(false)
  expect(isEncodable('a\ud800\ud800b')).toBe(false)
  expect(isEncodable('medal \ud83c\udfc5')).toBe(true)
  expect(isEncodable('tom.sawyer@example.com')).toBe(true)
  expect(() => encodeURIComponent('abc\ud800')).toThrow(URIError)
})

test('encoding a segment never throws; a lone surrogate becomes U+FFFD', () => {
  expect(encodeSegment('abc\ud800')).toBe('abc%EF%BF%BD')
  expect(encodeSegment('a/b c')).toBe('a%2Fb%20c')
  expect(encodeSegment('\ud83c\udfc5')).toBe('%F0%9F%8F%85')
})

test('a member path cannot throw, whatever the member id holds', () => {
  expect(customerPath({ id: 'tom\ud800', by: 'email' }, 'earned')).toBe(
    '/customers/tom%EF%BF%BD/earned?by=email',
  )
})
