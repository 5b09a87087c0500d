import { expect, test } from 'vitest'
import {
  memberToken,
  memberTokenVersion,
  setMemberToken,
  subscribeMemberToken,
  takeTokenFromUrl,
  tokenMember,
} from './member-token.ts'

test('a token in the fragment is taken and removed from the address', () => {
  const replaced: string[] = []
  const location = {
    hash: '#member_token=abc.def.ghi&tab=2',
    pathname: '/customers/1/earned',
    search: '?by=email',
  }
  const history = {
    state: null,
    replaceState: (_: unknown, __: string, url: string) => void replaced.push(url),
  }
  takeTokenFromUrl(location as Location, history as unknown as History)
  expect(memberToken()).toBe('abc.def.ghi')
  expect(replaced).toEqual(['/customers/1/earned?by=email#tab=2'])
})

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
