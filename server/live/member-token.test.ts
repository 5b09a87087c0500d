import { createServer } from 'node:http'
import { type AddressInfo } from 'node:net'
import type * as Jose from 'jose'
import { generateKeyPair, jwtVerify, SignJWT } from 'jose'
import { describe, expect, test, vi } from 'vitest'
import { type TokenClaims } from '../config.ts'
import { asciiLowerCase, createMemberVerifier, isSameMember, mayRenderFor } from './member-token.ts'

// Each signature check counted (and made as jose makes it).
vi.mock('jose', async (original) => {
  const jose = await original<typeof Jose>()
  return { ...jose, jwtVerify: vi.fn(jose.jwtVerify) }
})
const signatureChecks = () => vi.mocked(jwtVerify).mock.calls.length

// Member tokens as strict as the README says: aud and iss when configured, a bounded lifetime, no
// token issued in the future, and email addresses compared without Unicode case folding.

const SECRET = 'test-member-token-secret-0123456789abcdef'
const NOW_S = Date.parse('2026-06-01T12:00:00Z') / 1000
const claims: TokenClaims = { audience: null, issuer: null, maxAgeSeconds: 86_400 }

function sign(payload: Record<string, unknown>) {
  return new SignJWT(payload)
    .setProtectedHeader({ alg: 'HS256' })
    .sign(new TextEncoder().encode(SECRET))
}

function verifier(overrides: Partial<TokenClaims> = {}) {
  const verify = createMemberVerifier(
    { kind: 'secret', secret: SECRET },
    { ...claims, ...overrides },
    () => NOW_S * 1000,
  )
  return async (payload: Record<string, unknown>) => verify(`Bearer ${await sign(payload)}`)
}

describe('lifetime', () => {
  test('a token for 15 minutes passes', async () => {
    expect(await verifier()({ sub: '62090013', iat: NOW_S, exp: NOW_S + 900 })).toEqual({
      ok: true,
      member: { id: '62090013', idType: null },
    })
  })

  test('exp in 2286 is refused, with or without iat', async () => {
    const farFuture = Date.parse('2286-11-20T17:46:39Z') / 1000
    for (const payload of [
      { sub: '62090013', exp: farFuture },
      { sub: '62090013', iat: NOW_S, exp: farFuture },
    ]) {
      expect(await verifier()(payload)).toEqual({
        ok: false,
        reason: 'the member token lives longer than allowed',
      })
    }
  })

  test('a lifetime (exp - iat) past SHOWCASE_TOKEN_MAX_AGE is refused, even when nearly over', async () => {
    const verify = verifier({ maxAgeSeconds: 3_600 })
    expect((await verify({ sub: '1', iat: NOW_S - 60, exp: NOW_S + 3_500 })).ok).toBe(true)
    // Issued 10 hours ago for 10 hours and 5 minutes: 5 minutes left, but never this long-lived.
    expect(await verify({ sub: '1', iat: NOW_S - 36_000, exp: NOW_S + 300 })).toEqual({
      ok: false,
      reason: 'the member token lives longer than allowed',
    })
  })

  test('iat a year ahead is refused; within the clock skew it passes', async () => {
    expect(await verifier()({ sub: '1', iat: NOW_S + 365 * 86_400, exp: NOW_S + 900 })).toEqual({
      ok: false,
      reason: 'the member token is issued in the future',
    })
    expect((await verifier()({ sub: '1', iat: NOW_S + 20, exp: NOW_S + 900 })).ok).toBe(true)
  })
})

describe('a token checked once, sent again', () => {
  test('is still refused once it expires', async () => {
    let nowMs = NOW_S * 1000
    const verify = createMemberVerifier({ kind: 'secret', secret: SECRET }, claims, () => nowMs)
    const token = await sign({ sub: '62090013', exp: NOW_S + 10 })
    expect((await verify(`Bearer ${token}`)).ok).toBe(true)
    nowMs += 20_000
    expect((await verify(`Bearer ${token}`)).ok).toBe(true)
    // Past exp and the 30 s clock tolerance, well within the time a checked token is reused.
    nowMs += 21_000
    expect(await verify(`Bearer ${token}`)).toEqual({
      ok: false,
      reason: 'the member token is invalid or expired',
    })
  })

  test('is taken again for a minute, then its signature is checked again', async () => {
    let nowMs = NOW_S * 1000
    const verify = createMemberVerifier({ kind: 'secret', secret: SECRET }, claims, () => nowMs)
    const token = `Bearer ${await sign({ sub: '62090013', exp: NOW_S + 900 })}`
    const before = signatureChecks()
    expect((await verify(token)).ok).toBe(true)
    nowMs += 59_000
    expect((await verify(token)).ok).toBe(true)
    expect(signatureChecks() - before).toBe(1)
    nowMs += 2_000
    expect((await verify(token)).ok).toBe(true)
    expect(signatureChecks() - before).toBe(2)
  })

  test('past 5,000 tokens, the first checked is checked again', async () => {
    const verify = createMemberVerifier(
      { kind: 'secret', secret: SECRET },
      claims,
      () => NOW_S * 1000,
    )
    const tokens = await Promise.all(
      Array.from({ length: 5_001 }, (_, n) => sign({ sub: `member-${n}`, exp: NOW_S + 900 })),
    )
    for (const token of tokens.slice(0, 5_000)) await verify(`Bearer ${token}`)
    const before = signatureChecks()
    await verify(`Bearer ${tokens[0]}`)
    expect(signatureChecks() - before).toBe(0)
    // The 5,001st pushes out the first checked (taking it again does not make it younger).
    await verify(`Bearer ${tokens[5_000]}`)
    await verify(`Bearer ${tokens[1]}`)
    expect(signatureChecks() - before).toBe(1)
    await verify(`Bearer ${tokens[0]}`)
    expect(signatureChecks() - before).toBe(2)
  })

  test('with its signature changed, is refused', async () => {
    const verify = createMemberVerifier(
      { kind: 'secret', secret: SECRET },
      claims,
      () => NOW_S * 1000,
    )
    const token = await sign({ sub: '62090013', exp: NOW_S + 900 })
    expect((await verify(`Bearer ${token}`)).ok).toBe(true)
    // One character in the middle of the signature (the last one's low bits may not count).
    const at = token.lastIndexOf('.') + 10
    const other = token[at] === 'A' ? 'B' : 'A'
    expect((await verify(`Bearer ${token.slice(0, at)}${other}${token.slice(at + 1)}`)).ok).toBe(
      false,
    )
    expect((await verify(`Bearer ${token}`)).ok).toBe(true)
  })
})

describe('audience and issuer', () => {
  const verify = verifier({ audience: 'badge-showcase', issuer: 'https://portal.example' })
  const base = { sub: '1', exp: NOW_S + 900 }

  test('checked when configured', async () => {
    expect(
      (await verify({ ...base, aud: 'badge-showcase', iss: 'https://portal.example' })).ok,
    ).toBe(true)
    for (const payload of [
      base,
      { ...base, aud: 'payments', iss: 'https://portal.example' },
      { ...base, aud: 'badge-showcase' },
      { ...base, aud: 'badge-showcase', iss: 'https://evil.example' },
    ]) {
      expect(await verify(payload)).toEqual({
        ok: false,
        reason: 'the member token is invalid or expired',
      })
    }
  })

  test('ignored when not configured', async () => {
    expect((await verifier()({ ...base, aud: 'anything', iss: 'anyone' })).ok).toBe(true)
  })
})

describe('email addresses', () => {
  const kate = { id: 'kate@example.com', idType: 'email' as const }

  test('match whatever the ASCII case', () => {
    expect(isSameMember(kate, 'KATE@Example.COM', 'email')).toBe(true)
  })

  test('the Kelvin sign (U+212A) is not a "k"', () => {
    expect('\u212Aate@example.com'.toLowerCase()).toBe('kate@example.com')
    expect(isSameMember(kate, '\u212Aate@example.com', 'email')).toBe(false)
    expect(
      isSameMember({ ...kate, id: '\u212Aate@example.com' }, 'kate@example.com', 'email'),
    ).toBe(false)
  })

  test('an identifier with space around it is no one, on either side', () => {
    const tom = { id: '62090013', idType: null }
    expect(isSameMember(tom, '62090013', null)).toBe(true)
    // The upstream trims: this would read 62090013's badges.
    expect(isSameMember({ ...tom, id: '62090013 ' }, '62090013 ', null)).toBe(false)
    expect(isSameMember(tom, ' 62090013', null)).toBe(false)
    expect(
      isSameMember({ ...kate, id: 'kate@example.com\u00a0' }, 'kate@example.com', 'email'),
    ).toBe(false)
  })

  test('a mobile number as written: no digit of another script, no "+" on one side only', () => {
    const tom = { id: '15550100001', idType: 'mobile' as const }
    expect(isSameMember(tom, '15550100001', 'mobile')).toBe(true)
    // Each one an upstream might read as another number than the token's.
    for (const other of [
      '+15550100001',
      '1 555 010 0001',
      '15550100001\u0661',
      '\uff11' + '5550100001',
    ])
      expect(isSameMember(tom, other, 'mobile'), other).toBe(false)
  })

  test('ASCII folding leaves every other character alone', () => {
    expect(asciiLowerCase('ÉLODIE.K@Example.com')).toBe('Élodie.k@example.com')
    expect(asciiLowerCase('İ')).toBe('İ')
  })
})

test('an endless JWKS is cut off: the token is refused and the portal stops sending', async () => {
  let sent = 0
  const server = createServer((_, response) => {
    response.writeHead(200, { 'Content-Type': 'application/json' })
    response.write('{"keys":[')
    const chunk = Buffer.alloc(64 * 1024, ' ')
    const pump = () => {
      while (!response.destroyed && response.write(chunk)) sent += chunk.length
      if (!response.destroyed) response.once('drain', pump)
    }
    pump()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  try {
    const url = new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks.json`)
    const verify = createMemberVerifier(
      { kind: 'jwks', url },
      { audience: 'badge-showcase', issuer: 'https://portal.example', maxAgeSeconds: 86_400 },
    )
    const { privateKey } = await generateKeyPair('ES256')
    const jwt = await new SignJWT({ sub: '1' })
      .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
      .setAudience('badge-showcase')
      .setIssuer('https://portal.example')
      .setExpirationTime('5m')
      .sign(privateKey)
    expect(await verify(`Bearer ${jwt}`)).toEqual({
      ok: false,
      reason: 'the member token is invalid or expired',
    })
    expect(sent).toBeLessThan(32 * 1024 * 1024)
  } finally {
    server.closeAllConnections()
    await new Promise((resolve) => server.close(resolve))
  }
})

test("a first view is rendered only for a valid token of the page's member", async () => {
  const mayRender = mayRenderFor(
    createMemberVerifier({ kind: 'secret', secret: SECRET }, claims, () => NOW_S * 1000),
  )
  const lifetime = { iat: NOW_S, exp: NOW_S + 900 }
  const byId = `Bearer ${await sign({ sub: '62090013', ...lifetime })}`
  const byEmail = `Bearer ${await sign({ sub: 'Tom@Example.com', idType: 'email', ...lifetime })}`
  expect(await mayRender(byId, '62090013', null)).toBe(true)
  expect(await mayRender(byId, '381921157', null)).toBe(false)
  expect(await mayRender(byId, '62090013', 'email')).toBe(false)
  // The identifier kind is read as the proxy reads the header: without regard to case.
  expect(await mayRender(byEmail, 'tom@example.com', 'EMAIL')).toBe(true)
  expect(await mayRender(byEmail, 'tom@example.com', 'nickname')).toBe(false)
  expect(await mayRender(undefined, '62090013', null)).toBe(false)
  expect(await mayRender(`${byId}x`, '62090013', null)).toBe(false)
})

test("each refusal tells the operator's log why; the member is told only that it is invalid", async () => {
  const heard: string[] = []
  const verify = createMemberVerifier(
    { kind: 'secret', secret: SECRET },
    { ...claims, audience: 'badge-showcase', issuer: null },
    () => NOW_S * 1000,
    (detail) => heard.push(detail),
  )
  const expired = await sign({ sub: '1', aud: 'badge-showcase', exp: NOW_S - 600 })
  const wrongAudience = await sign({ sub: '1', aud: 'someone-else', exp: NOW_S + 600 })
  const otherKey = await new SignJWT({ sub: '1', aud: 'badge-showcase', exp: NOW_S + 600 })
    .setProtectedHeader({ alg: 'HS256' })
    .sign(new TextEncoder().encode(`${SECRET}-not-ours`))
  const numericSub = await sign({ sub: 62090013, aud: 'badge-showcase', exp: NOW_S + 600 })
  for (const token of [expired, wrongAudience, otherKey]) {
    expect(await verify(`Bearer ${token}`)).toEqual({
      ok: false,
      reason: 'the member token is invalid or expired',
    })
  }
  expect(await verify(`Bearer ${numericSub}`)).toMatchObject({ ok: false })
  expect(heard).toHaveLength(4)
  expect(heard[0]).toMatch(/^ERR_JWT_EXPIRED: /)
  expect(heard[1]).toMatch(/^ERR_JWT_CLAIM_VALIDATION_FAILED: .*"aud"/)
  expect(heard[2]).toMatch(/^ERR_JWS_SIGNATURE_VERIFICATION_FAILED: /)
  expect(heard[3]).toMatch(/sub/)
  for (const detail of heard) expect(detail).not.toContain(SECRET)
  // A valid token is no news.
  await verify(`Bearer ${await sign({ sub: '1', aud: 'badge-showcase', exp: NOW_S + 600 })}`)
  expect(heard).toHaveLength(4)
})

test('a name the sender chose is kept out of the log, so made-up tokens make one cause, not many', async () => {
  const heard: string[] = []
  const verify = createMemberVerifier(
    { kind: 'secret', secret: SECRET },
    claims,
    () => NOW_S * 1000,
    (detail) => heard.push(detail),
  )
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url')
  const payload = part({ sub: '1', exp: NOW_S + 600 })
  for (const name of ['x-chosen-one', 'x-chosen-two']) {
    const header = part({ alg: 'HS256', crit: [name], [name]: 1 })
    expect(await verify(`Bearer ${header}.${payload}.AAAA`)).toMatchObject({ ok: false })
  }
  expect(heard).toHaveLength(2)
  expect(heard[0]).toMatch(/^ERR_JOSE_NOT_SUPPORTED: /)
  expect(heard[0]).not.toContain('x-chosen')
  expect(heard[1]).toBe(heard[0])
})
