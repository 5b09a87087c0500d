/** @vitest-environment jsdom */
import { afterEach, expect, test, vi } from 'vitest'
import { setMemberToken } from '../config/member-token.ts'
import { configureBadgesApi } from './badges-api.ts'
import { mintProof, ProofError } from './proofs.ts'

// The proof call as the server sees it, and what the app accepts back.

const base = new URL('proof/', document.baseURI).href
const ask = {
  customer: { id: 'tom.sawyer@example.com', by: 'email' },
  badgeId: 'b1',
  lifetime: 'counter' as const,
  locale: 'fr',
}

function answer(status: number, body: unknown) {
  const fetch = vi.fn(async () => new Response(JSON.stringify(body), { status }))
  vi.stubGlobal('fetch', fetch)
  return fetch
}

afterEach(() => {
  vi.unstubAllGlobals()
  setMemberToken(null)
})

test("sends the member as the API requests do, with the member's token", async () => {
  setMemberToken('a.b.c')
  const fetch = answer(201, {
    url: `${base}tok`,
    qr: `${base}tok/qr.svg`,
    expiresAt: '2026-11-25T14:05:00.000Z',
  })
  expect(await mintProof(ask)).toEqual({
    url: `${base}tok`,
    qr: `${base}tok/qr.svg`,
    expiresAt: Date.parse('2026-11-25T14:05:00.000Z'),
  })
  const [url, init] = fetch.mock.calls[0] as unknown as [URL, RequestInit]
  expect(url.href).toBe(new URL('proofs', document.baseURI).href)
  expect(new Headers(init.headers).get('Authorization')).toBe('Bearer a.b.c')
  expect(JSON.parse(String(init.body))).toEqual({
    badgeId: 'b1',
    lifetime: 'counter',
    locale: 'fr',
    customer: 'tom.sawyer@example.com',
    by: 'email',
  })
})

test("the server's refusal is the error's message; a link elsewhere is never accepted", async () => {
  answer(409, { error: 'The member does not hold this badge now, so it cannot be proved.' })
  await expect(mintProof(ask)).rejects.toEqual(
    new ProofError(409, 'The member does not hold this badge now, so it cannot be proved.'),
  )
  answer(201, {
    url: 'https://evil.example/proof/x',
    qr: 'https://evil.example/proof/x/qr.svg',
    expiresAt: '2026-11-25T14:05:00.000Z',
  })
  await expect(mintProof(ask)).rejects.toBeInstanceOf(ProofError)
})

/** The proof server as the live one answers an expired token: 401, and a link for the fresh one. */
function answersOnlyTheFreshToken(onRequest: (token: string | null) => void = () => {}) {
  const fetch = vi.fn(async (_url: URL, init: RequestInit) => {
    const token = new Headers(init.headers).get('Authorization')
    onRequest(token)
    const fresh = token === 'Bearer fresh.token.x'
    return new Response(
      JSON.stringify(
        fresh
          ? { url: `${base}tok`, qr: `${base}tok/qr.svg`, expiresAt: '2026-11-25T14:05:00.000Z' }
          : { error: 'Not signed in: the member token is invalid or expired' },
      ),
      { status: fresh ? 201 : 401 },
    )
  })
  vi.stubGlobal('fetch', fetch)
  return fetch
}

test('refused for an expired token, it asks the host for a fresh one and tries once more', async () => {
  setMemberToken('old.token.x')
  const fetch = answersOnlyTheFreshToken()
  configureBadgesApi({
    freshToken: async () => {
      setMemberToken('fresh.token.x')
      return true
    },
  })
  expect((await mintProof(ask)).url).toBe(`${base}tok`)
  expect(fetch).toHaveBeenCalledTimes(2)
  configureBadgesApi({})
})

test('the same token set again while minting: the host is asked rather than the refused token sent again', async () => {
  setMemberToken('old.token.x')
  const sent: Array<string | null> = []
  answersOnlyTheFreshToken((token) => {
    sent.push(token)
    // The host page hands over the token it already gave, while this request is on its way.
    if (token === 'Bearer old.token.x') setMemberToken('old.token.x')
  })
  let asked = 0
  configureBadgesApi({
    freshToken: async () => {
      asked += 1
      setMemberToken('fresh.token.x')
      return true
    },
  })
  expect((await mintProof(ask)).url).toBe(`${base}tok`)
  expect(asked).toBe(1)
  expect(sent).toEqual(['Bearer old.token.x', 'Bearer fresh.token.x'])
  configureBadgesApi({})
})
