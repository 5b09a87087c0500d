import { createServer, type Server } from 'node:http'
import { type AddressInfo } from 'node:net'
import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest'
import { setMemberToken } from '../config/member-token.ts'
import { badgesApi, configureBadgesApi } from './badges-api.ts'

// A server that answers only the fresh token, as the live server answers an expired one: 401.

let baseUrl = ''
let server: Server
const seen: Array<string | undefined> = []

beforeAll(async () => {
  server = createServer((request, response) => {
    seen.push(request.headers.authorization)
    const fresh = request.headers.authorization === 'Bearer fresh.token.x'
    response.writeHead(fresh ? 200 : 401, { 'Content-Type': 'application/json' })
    response.end(
      JSON.stringify(
        fresh
          ? { data: { id: 'b1', name: 'First Sip' }, errors: [], warnings: [] }
          : { data: null, errors: [{ code: 401, message: 'Unauthorized' }], warnings: [] },
      ),
    )
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(() => server.close())

beforeEach(() => {
  seen.length = 0
  setMemberToken('expired.token.x')
})

/** A host page that hands over a fresh token whenever it is asked (and counts how often). */
function hostWithAFreshToken() {
  const host = { asked: 0 }
  configureBadgesApi({
    baseUrl,
    freshToken: async () => {
      host.asked += 1
      setMemberToken('fresh.token.x')
      return true
    },
  })
  return host
}

test('a refused token: the host is asked once, and the request goes again with the fresh token', async () => {
  const host = hostWithAFreshToken()
  const meta = await badgesApi.badgeMeta('b1')
  expect(meta.name).toBe('First Sip')
  expect(host.asked).toBe(1)
  expect(seen).toEqual(['Bearer expired.token.x', 'Bearer fresh.token.x'])
})

test('a host with no token to give: "not connected", and no second try', async () => {
  let asked = 0
  configureBadgesApi({
    baseUrl,
    freshToken: async () => {
      asked += 1
      return false
    },
  })
  await expect(badgesApi.badgeMeta('b1')).rejects.toMatchObject({ reason: 'not-connected' })
  expect(asked).toBe(1)
  expect(seen).toHaveLength(1)
})

test('a token that arrived while the request was on its way is used without asking', async () => {
  let asked = 0
  configureBadgesApi({
    baseUrl,
    freshToken: async () => {
      asked += 1
      return false
    },
  })
  const pending = badgesApi.badgeMeta('b1')
  setMemberToken('fresh.token.x')
  expect((await pending).name).toBe('First Sip')
  expect(asked).toBe(0)
})

test('on its own (no host), a token set while the request was on its way is used', async () => {
  // A page of the brand's own renews the token through BadgeShowcase.setMemberToken: a request
  // already out with the old one, refused, goes again with the new one rather than failing.
  configureBadgesApi({ baseUrl })
  const pending = badgesApi.badgeMeta('b1')
  setMemberToken('fresh.token.x')
  expect((await pending).name).toBe('First Sip')
  expect(seen).toEqual(['Bearer expired.token.x', 'Bearer fresh.token.x'])
})

test('the same token set again while the request was on its way: the host is asked, not the refused token sent again', async () => {
  const host = hostWithAFreshToken()
  const pending = badgesApi.badgeMeta('b1')
  setMemberToken('expired.token.x')
  expect((await pending).name).toBe('First Sip')
  expect(host.asked).toBe(1)
  expect(seen).toEqual(['Bearer expired.token.x', 'Bearer fresh.token.x'])
})

test('on its own (no host), a refused token fails at once', async () => {
  configureBadgesApi({ baseUrl })
  await expect(badgesApi.badgeMeta('b1')).rejects.toMatchObject({ reason: 'not-connected' })
  expect(seen).toHaveLength(1)
})
