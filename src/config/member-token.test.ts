import { expect, test } from 'vitest'
import {
  memberToken,
  memberTokenVersion,
  setMemberToken,
  subscribeMemberToken,
  tokenMember,
} from './member-token.ts'

test('setting a token tells the views, and an empty one clears it', () => {
  const before = memberTokenVersion()
  let told = 0
  const unsubscribe = subscribeMemberToken(() => (told += 1))
  setMemberToken('  next.token.here ')
  expect(memberToken()).toBe('next.token.here')
  setMemberToken('')
  expect(memberToken()).toBeNull()
  expect(told).toBe(2)
  expect(memberTokenVersion()).toBe(before + 2)
  unsubscribe()
})

test("the token's member is read for routing, and anything unreadable is no member", () => {
  const encode = (claims: object) =>
    btoa(JSON.stringify(claims)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_')
  setMemberToken(`e30.${encode({ sub: 'tom.sawyer@example.com', idType: 'email', exp: 1 })}.sig`)
  expect(tokenMember()).toEqual({ id: 'tom.sawyer@example.com', by: 'email' })
  setMemberToken(`e30.${encode({ sub: '62090013' })}.sig`)
  expect(tokenMember()).toEqual({ id: '62090013', by: null })
  for (const bad of ['not-a-jwt', 'a.%%%.c', `e30.${encode({ sub: 42 })}.sig`, '']) {
    setMemberToken(bad)
    expect(tokenMember()).toBeNull()
  }
})
