import { SignJWT } from 'jose'
import { describe, expect, test } from 'vitest'
import { createApi } from '../api.ts'
import { createApp } from '../app.ts'
import { type MemberVerifier } from '../live/member-token.ts'
import { createClock } from '../clock.ts'
import { readConfig } from '../config.ts'
import { demoBadgeIds, TYPICAL_MEMBER } from '../emulator/demo-data.ts'
import { createStandInCluster } from '../live/stand-in.ts'
import { type Reading } from './holding.ts'
import { addressKey } from '../client-address.ts'
import { createProofRoutes } from './proof-routes.ts'
import { createRateLimit } from '../rate-limit.ts'
import { COUNTER_LIFETIME_MS, createProofSealer, type Proof } from './proof-token.ts'

const KEY = 'a-proof-link-key-of-at-least-32-characters'
const DAY = 86_400_000
// Every way the demo's typical member can be named: none may reach a proof page.
const TOM = [TYPICAL_MEMBER, 'tom.sawyer', '15550100001', 'TOM-001', 'CARD-0001']

const proof: Proof = {
  customer: TYPICAL_MEMBER,
  idType: null,
  badgeId: demoBadgeIds.firstSip,
  issuedAt: 1_760_000_000_000,
  expiresAt: 1_760_000_000_000 + 30 * DAY,
  lifetime: 'share',
  locale: 'en',
}

describe('the sealed token', () => {
  const sealer = createProofSealer({ secret: KEY, shareDays: 30 })

  test('opens to what was sealed, and hides the member', () => {
    const token = sealer.seal({ ...proof, customer: 'tom.sawyer@example.com', idType: 'email' })
    expect(sealer.open(token)).toEqual({
      ...proof,
      customer: 'tom.sawyer@example.com',
      idType: 'email',
    })
    const decoded = Buffer.from(token, 'base64url').toString('latin1')
    expect(decoded).not.toContain('tom.sawyer')
    expect(token.length).toBeLessThan(130)
  })

  test('any changed byte, another key, or parts of two tokens spliced together fail to open', () => {
    const token = sealer.seal(proof)
    const bytes = Buffer.from(token, 'base64url')
    for (let index = 0; index < bytes.length; index += 1) {
      const flipped = Buffer.from(bytes)
      flipped[index] = (flipped[index] ?? 0) ^ 0x01
      expect(sealer.open(flipped.toString('base64url'))).toBeNull()
    }
    const other = Buffer.from(
      sealer.seal({ ...proof, badgeId: demoBadgeIds.regular, lifetime: 'counter' }),
      'base64url',
    )
    // The other token's nonce with this one's sealed member, badge, lifetime and expiry.
    const spliced = Buffer.concat([other.subarray(0, 12), bytes.subarray(12)])
    expect(sealer.open(spliced.toString('base64url'))).toBeNull()
    expect(createProofSealer({ secret: `${KEY}!`, shareDays: 30 }).open(token)).toBeNull()
    expect(sealer.open('not-a-token')).toBeNull()
  })

  test('a counter proof cannot live longer than five minutes, nor a share proof than configured', () => {
    expect(
      sealer.open(sealer.seal({ ...proof, lifetime: 'counter', expiresAt: proof.issuedAt + DAY })),
    ).toBeNull()
    const counter = { ...proof, lifetime: 'counter' as const }
    expect(
      sealer.open(sealer.seal({ ...counter, expiresAt: proof.issuedAt + COUNTER_LIFETIME_MS })),
    ).not.toBeNull()
    // Made when links lived 30 days; the brand has since shortened them to 7.
    const shorter = createProofSealer({ secret: KEY, shareDays: 7 })
    expect(shorter.open(sealer.seal(proof))).toBeNull()
  })
})

/** A demo server with proofs on, its clock at the emulator's control. */
function demoServer(env: Record<string, string> = {}) {
  const config = readConfig({ SHOWCASE_PROOF_KEY: KEY, ...env })
  const clock = createClock()
  const api = createApi({
    emulator: { now: clock.now },
    emulatorControl: clock,
    proof: { config: config.proof, basePath: '/', now: clock.now },
  })
  const app = createApp({ api, distDir: null, now: clock.now })
  const mint = (body: Record<string, unknown>) =>
    app.request('/proofs', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    })
  const mintFor = async (badgeId: string, lifetime = 'share', extra = {}) => {
    const response = await mint({ badgeId, lifetime, customer: TYPICAL_MEMBER, ...extra })
    expect(response.status).toBe(201)
    return (await response.json()) as { url: string; qr: string; expiresAt: string }
  }
  const open = async (url: string) => {
    const response = await app.request(new URL(url).pathname)
    return { response, html: await response.text() }
  }
  const control = (path: string, body?: unknown) =>
    app.request(`/__emulator${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    })
  return { app, clock, mint, mintFor, open, control }
}

describe('demo mode', () => {
  test('a minted link opens a public page that shows the badge, valid, and no member', async () => {
    const server = demoServer()
    const proofLink = await server.mintFor(demoBadgeIds.firstSip)
    expect(proofLink.url).toMatch(/^http:\/\/localhost\/proof\/[\w-]+$/)
    const { response, html } = await server.open(proofLink.url)
    expect(response.status).toBe(200)
    expect(response.headers.get('Cache-Control')).toBe('no-store')
    expect(response.headers.get('Content-Security-Policy')).toContain("script-src 'self'")
    expect(html).toContain('<h1 dir="auto">First Sip</h1>')
    expect(html).toContain('Valid')
    expect(html).toMatch(/A member earned this badge on \w+ \d+, \d{4}\./)
    expect(html).toContain('It does not expire.')
    expect(html).toContain('<meta property="og:title" content="First Sip">')
    expect(html).toMatch(/<meta property="og:image" content="http:\/\/localhost\/[^"]+">/)
    expect(html).toContain(`<meta property="og:url" content="${proofLink.url}">`)
    expect(html).toContain('<meta name="twitter:card" content="summary">')
    expect(html).not.toContain('<script')
    expect(html).not.toContain('style=')
    for (const identifier of TOM) expect(html).not.toContain(identifier)
  })

  test('a link for a member named by email, in Arabic, shows neither the address nor its parts', async () => {
    const server = demoServer()
    const { url } = await server.mintFor(demoBadgeIds.firstSip, 'counter', {
      customer: 'tom.sawyer@example.com',
      by: 'email',
      locale: 'ar',
    })
    expect(url).not.toContain('tom.sawyer')
    const { html } = await server.open(url)
    expect(html).toContain('<html lang="ar" dir="rtl">')
    expect(html).toContain('صالحة')
    for (const identifier of TOM) expect(html).not.toContain(identifier)
  })

  test('after its lifetime the link says it expired, without the badge', async () => {
    const server = demoServer()
    const counter = await server.mintFor(demoBadgeIds.firstSip, 'counter')
    const share = await server.mintFor(demoBadgeIds.firstSip, 'share')
    expect(Date.parse(counter.expiresAt) - server.clock.now()).toBeLessThanOrEqual(5 * 60_000)
    server.clock.advance(6 * 60_000)
    const expired = await server.open(counter.url)
    expect(expired.response.status).toBe(410)
    expect(expired.html).toContain('This proof link has expired')
    expect(expired.html).not.toContain('First Sip')
    expect((await server.app.request(new URL(counter.qr).pathname)).status).toBe(404)
    expect((await server.open(share.url)).response.status).toBe(200)
    server.clock.advance(30 * DAY)
    expect((await server.open(share.url)).html).toContain('This proof link has expired')
  })

  test('a revoked badge reads as no longer held', async () => {
    const server = demoServer()
    const { url } = await server.mintFor(demoBadgeIds.firstSip)
    server.clock.advance(DAY)
    const revoked = await server.control(
      `/members/${TYPICAL_MEMBER}/badges/${demoBadgeIds.firstSip}/revoke`,
    )
    expect(revoked.status).toBe(200)
    const { response, html } = await server.open(url)
    expect(response.status).toBe(200)
    expect(html).toMatch(/No longer held: this badge was revoked on \w+ \d+, \d{4}\./)
    expect(html).not.toContain('✓')
    expect(html).not.toContain('og:image')
  })

  test('an earn that ran out reads as expired, though the link still works', async () => {
    const server = demoServer({ SHOWCASE_PROOF_DAYS: '365' })
    // Regular's earns last three months; the member's latest is two days old.
    const { url } = await server.mintFor(demoBadgeIds.regular)
    expect((await server.open(url)).html).toMatch(/Valid until \w+ \d+, \d{4}\./)
    server.clock.advance(100 * DAY)
    const { html } = await server.open(url)
    expect(html).toMatch(/No longer held: this badge expired on \w+ \d+, \d{4}\./)
  })

  test('only a badge the member holds now can be proved', async () => {
    const server = demoServer()
    const notHeld = await server.mint({
      badgeId: demoBadgeIds.earlyBird,
      lifetime: 'share',
      customer: TYPICAL_MEMBER,
    })
    expect(notHeld.status).toBe(409)
    expect(await notHeld.json()).toEqual({
      error: 'The member does not hold this badge now, so it cannot be proved.',
    })
    const unknown = await server.mint({
      badgeId: 'nope',
      lifetime: 'share',
      customer: TYPICAL_MEMBER,
    })
    expect(unknown.status).toBe(404)
    const bad = await server.mint({ badgeId: '..', lifetime: 'forever', customer: TYPICAL_MEMBER })
    expect(bad.status).toBe(400)
  })

  test('a changed link is refused as invalid, in a page that says so', async () => {
    const server = demoServer()
    const { url } = await server.mintFor(demoBadgeIds.firstSip)
    const last = url.at(-1) === 'A' ? 'B' : 'A'
    const { response, html } = await server.open(`${url.slice(0, -1)}${last}`)
    expect(response.status).toBe(400)
    expect(html).toContain('This is not a valid proof link')
  })

  test('minting is rate limited per member, with a Retry-After', async () => {
    const server = demoServer()
    for (let count = 0; count < 10; count += 1) await server.mintFor(demoBadgeIds.firstSip)
    const refused = await server.mint({
      badgeId: demoBadgeIds.firstSip,
      lifetime: 'share',
      customer: TYPICAL_MEMBER,
    })
    expect(refused.status).toBe(429)
    expect(Number(refused.headers.get('Retry-After'))).toBeGreaterThan(0)
    server.clock.advance(61_000)
    await server.mintFor(demoBadgeIds.firstSip)
  })

  test('the QR code is an SVG of the page address', async () => {
    const server = demoServer()
    const { qr } = await server.mintFor(demoBadgeIds.firstSip, 'counter')
    const response = await server.app.request(new URL(qr).pathname)
    expect(response.status).toBe(200)
    expect(response.headers.get('Content-Type')).toContain('image/svg+xml')
    expect(await response.text()).toMatch(/^<svg[^>]*viewBox/)
  })
})

test('without a key the feature is off, and config.json does not offer it', async () => {
  const api = createApi({ proof: { config: null, basePath: '/', now: Date.now } })
  const app = createApp({ api, distDir: 'dist-that-is-not-there' })
  const minted = await app.request('/proofs', {
    method: 'POST',
    body: JSON.stringify({ badgeId: demoBadgeIds.firstSip, lifetime: 'share', customer: '1' }),
  })
  expect(minted.status).toBe(404)
  expect(await (await app.request('/config.json')).json()).toEqual({ demo: true })
  const on = createApp({ api, distDir: 'dist-that-is-not-there', proofs: true })
  expect(await (await on.request('/config.json')).json()).toEqual({
    demo: true,
    proofs: true,
  })
})

describe('hostile and failing upstream answers', () => {
  const sealer = createProofSealer({ secret: KEY, shareDays: 30 })
  const routes = (read: () => Promise<Reading>) =>
    createProofRoutes({
      sealer,
      shareDays: 30,
      basePath: '/',
      now: () => proof.issuedAt + DAY,
      read,
      verifyMember: null,
    })

  test('every string from the badge service is escaped', async () => {
    const app = routes(async () => ({
      kind: 'answer',
      status: 200,
      json: {
        data: {
          id: 'h1',
          name: '<script>window.__pwned = 1</script>',
          description: '<img src=x onerror="window.__pwned = 2">',
          images: [
            { url: 'javascript:window.__pwned=3', tag: 'EARNED' },
            { url: 'https://cdn.example/a.png?"onload="x', tag: 'EARNED' },
          ],
          earnDetails: {
            earns: [{ earnId: 'e', earnedOn: 1_760_000_000, earnedStatus: 'ACTIVE' }],
          },
        },
        errors: [],
      },
    }))
    const html = await (await app.request(`/proof/${sealer.seal(proof)}`)).text()
    expect(html).toContain('&lt;script&gt;window.__pwned = 1&lt;/script&gt;')
    expect(html).toContain('&lt;img src=x onerror=&quot;window.__pwned = 2&quot;&gt;')
    expect(html).not.toContain('<script')
    expect(html).not.toContain('javascript:')
    expect(html).not.toContain('"onload')
  })

  test('a failing badge service is "cannot check right now", not "invalid"', async () => {
    const app = routes(async () => ({ kind: 'unavailable' }))
    const response = await app.request(`/proof/${sealer.seal(proof)}`)
    expect(response.status).toBe(503)
    const html = await response.text()
    expect(html).toContain('This badge cannot be checked right now')
    expect(html).not.toContain('not a valid')
    const errored = routes(async () => ({
      kind: 'answer',
      status: 500,
      json: { data: null, errors: [{ code: 500, message: 'boom' }] },
    }))
    expect((await errored.request(`/proof/${sealer.seal(proof)}`)).status).toBe(503)
  })
})

describe('live mode', () => {
  const TOKEN_SECRET = 'test-member-token-secret-0123456789abcdef'
  const config = readConfig({
    CAPILLARY_API_URL: 'http://127.0.0.1:9',
    CAPILLARY_OAUTH_KEY: 'k',
    CAPILLARY_OAUTH_SECRET: 's',
    SHOWCASE_TOKEN_SECRET: TOKEN_SECRET,
    SHOWCASE_PROOF_KEY: KEY,
  })
  const cluster = createStandInCluster({ oauth: { key: 'k', secret: 's' } })
  const app = createApp({
    api: createApi({
      live: config.live,
      fetch: async (input, init) => cluster.app.fetch(new Request(input, init)),
      log: () => undefined,
      proof: { config: config.proof, basePath: '/', now: Date.now },
    }),
    distDir: null,
    mode: 'live',
  })
  const sign = (claims: Record<string, string>) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256' })
      .setExpirationTime('10m')
      .sign(new TextEncoder().encode(TOKEN_SECRET))
  const mint = (body: Record<string, unknown>, token?: string) =>
    app.request('/proofs', {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        ...(token && { Authorization: `Bearer ${token}` }),
      },
      body: JSON.stringify(body),
    })

  test('minting needs the member token, for that member and a badge they hold', async () => {
    const body = { badgeId: demoBadgeIds.firstSip, lifetime: 'share' }
    expect((await mint({ ...body, customer: TYPICAL_MEMBER })).status).toBe(401)
    const tom = await sign({ sub: 'tom.sawyer@example.com', idType: 'email' })
    expect((await mint({ ...body, customer: TYPICAL_MEMBER }, tom)).status).toBe(403)
    expect((await mint({ ...body, badgeId: demoBadgeIds.earlyBird }, tom)).status).toBe(409)
    const minted = await mint({ ...body, customer: 'tom.sawyer@example.com', by: 'email' }, tom)
    expect(minted.status).toBe(201)
    const { url } = (await minted.json()) as { url: string }
    // Opened by anyone: no token, checked with the server's own credentials.
    const page = await app.request(new URL(url).pathname)
    expect(page.status).toBe(200)
    const html = await page.text()
    expect(html).toContain('First Sip')
    expect(html).toContain('Valid')
    for (const identifier of TOM) expect(html).not.toContain(identifier)
  })

  test("the proxy and the proofs check a token with the process's one verifier", async () => {
    // One check for the whole server: one rule, one cache of checked tokens, one fetch of the
    // portal's keys (main.ts also gives it to the first view's gate).
    const asked: string[] = []
    const shared: MemberVerifier = async (authorization) => {
      asked.push(authorization ?? '')
      return { ok: false, reason: 'refused by the shared check' }
    }
    const one = createApp({
      api: createApi({
        live: config.live,
        fetch: async (input, init) => cluster.app.fetch(new Request(input, init)),
        log: () => undefined,
        proof: { config: config.proof, basePath: '/', now: Date.now },
        verifyMember: shared,
      }),
      distDir: null,
      mode: 'live',
    })
    const tom = await sign({ sub: 'tom.sawyer@example.com', idType: 'email' })
    const again = await sign({ sub: TYPICAL_MEMBER })
    const listed = await one.request(
      `/api_gateway/v1/badges/customer/${TYPICAL_MEMBER}?badgeType=EARNED`,
      { headers: { Authorization: `Bearer ${tom}` } },
    )
    expect(listed.status).toBe(401)
    const minted = await one.request('/proofs', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${again}` },
      body: JSON.stringify({
        badgeId: demoBadgeIds.firstSip,
        lifetime: 'share',
        customer: 'tom.sawyer@example.com',
        by: 'email',
      }),
    })
    expect(minted.status).toBe(401)
    expect(asked).toEqual([`Bearer ${tom}`, `Bearer ${again}`])
  })

  test('a cluster that cannot be reached is "cannot check right now"', async () => {
    const down = createApp({
      api: createApi({
        live: config.live,
        fetch: async () => {
          throw new TypeError('fetch failed')
        },
        log: () => undefined,
        proof: { config: config.proof, basePath: '/', now: Date.now },
      }),
      distDir: null,
      mode: 'live',
    })
    const token = createProofSealer({ secret: KEY, shareDays: 30 }).seal({
      ...proof,
      issuedAt: Date.now(),
      expiresAt: Date.now() + DAY,
    })
    const response = await down.request(`/proof/${token}`)
    expect(response.status).toBe(503)
    expect(await response.text()).toContain('cannot be checked right now')
  })
})

test('under a sub-path the link, its QR code and the stylesheet live below it', async () => {
  const config = readConfig({ SHOWCASE_PROOF_KEY: KEY, SHOWCASE_BASE_PATH: '/rewards/badges/' })
  const api = createApi({
    proof: { config: config.proof, basePath: config.basePath, now: Date.now },
  })
  const app = createApp({ api, distDir: null, basePath: config.basePath })
  const minted = await app.request('/rewards/badges/proofs', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Forwarded-Proto': 'https' },
    body: JSON.stringify({
      badgeId: demoBadgeIds.firstSip,
      lifetime: 'counter',
      customer: TYPICAL_MEMBER,
    }),
  })
  expect(minted.status).toBe(201)
  const { url, qr } = (await minted.json()) as { url: string; qr: string }
  expect(url).toMatch(/^https:\/\/localhost\/rewards\/badges\/proof\/[\w-]+$/)
  expect(qr).toBe(`${url}/qr.svg`)
  const html = await (await app.request(new URL(url).pathname)).text()
  expect(html).toContain('<link rel="stylesheet" href="/rewards/badges/proof/style.css">')
  const css = await app.request('/rewards/badges/proof/style.css')
  expect(css.headers.get('Content-Type')).toContain('text/css')
  expect((await app.request(new URL(qr).pathname)).status).toBe(200)
})

test('behind a proxy that rewrites Host, links use the configured public address', async () => {
  const server = demoServer({ SHOWCASE_PUBLIC_URL: 'https://badges.example.com' })
  // What nginx sends by default: its upstream's name, which no member can open.
  const minted = await server.app.request('http://showcase-upstream:4173/proofs', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Host: 'showcase-upstream:4173' },
    body: JSON.stringify({
      badgeId: demoBadgeIds.firstSip,
      lifetime: 'share',
      customer: TYPICAL_MEMBER,
    }),
  })
  expect(minted.status).toBe(201)
  const { url, qr } = (await minted.json()) as { url: string; qr: string }
  expect(url).toMatch(/^https:\/\/badges\.example\.com\/proof\/[\w-]+$/)
  expect(qr).toBe(`${url}/qr.svg`)
  const { html } = await server.open(url)
  expect(html).toContain(`<meta property="og:url" content="${url}">`)
  expect(html).toMatch(/<meta property="og:image" content="https:\/\/badges\.example\.com\/[^"]+">/)
  expect(html).not.toContain('showcase-upstream')
})

test("no page on another site makes a link in the visitor's name: JSON only, from this site", async () => {
  const server = demoServer()
  const body = JSON.stringify({
    badgeId: demoBadgeIds.firstSip,
    lifetime: 'share',
    customer: TYPICAL_MEMBER,
  })
  const post = (headers: Record<string, string>) =>
    server.app.request('/proofs', { method: 'POST', headers, body })
  // A "simple" request any page can send without asking first (no CORS preflight): refused.
  expect((await post({ 'Content-Type': 'text/plain' })).status).toBe(415)
  expect(
    (await post({ 'Content-Type': 'application/json', 'Sec-Fetch-Site': 'cross-site' })).status,
  ).toBe(403)
  // The showcase's own page, and a portal's server (no Sec-Fetch-Site), make it.
  expect(
    (await post({ 'Content-Type': 'application/json', 'Sec-Fetch-Site': 'same-origin' })).status,
  ).toBe(201)
  expect((await post({ 'Content-Type': 'application/json; charset=utf-8' })).status).toBe(201)
})

test('a Host too long for a QR code is a 400, not a server error', async () => {
  const server = demoServer()
  const minted = await server.app.request('/proofs', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      badgeId: demoBadgeIds.firstSip,
      lifetime: 'share',
      customer: TYPICAL_MEMBER,
    }),
  })
  const { qr } = (await minted.json()) as { qr: string }
  const host = `${'a'.repeat(4000)}.example`
  const answer = await server.app.request(`http://${host}${new URL(qr).pathname}`, {
    headers: { Host: host },
  })
  expect(answer.status).toBe(400)
  expect(await answer.text()).toBe('This address is too long for a QR code')
})

test('opening proof pages is limited per client address, without asking the badge service', async () => {
  const sealer = createProofSealer({ secret: KEY, shareDays: 30 })
  let asked = 0
  const app = createProofRoutes({
    sealer,
    shareDays: 30,
    basePath: '/',
    now: () => proof.issuedAt + DAY,
    read: async () => {
      asked += 1
      return { kind: 'unavailable' }
    },
    verifyMember: null,
    limits: { perMember: 10, perAddress: 30, opensPerAddress: 2, windowMs: 60_000 },
  })
  const path = `/proof/${sealer.seal({ ...proof, locale: 'fr' })}`
  expect((await app.request(path)).status).toBe(503)
  expect((await app.request(path)).status).toBe(503)
  const busy = await app.request(path)
  expect(busy.status).toBe(429)
  expect(Number(busy.headers.get('Retry-After'))).toBeGreaterThan(0)
  expect(await busy.text()).toContain('Trop de vérifications depuis cet appareil')
  expect(asked).toBe(2)
})

test("behind a load balancer each client's address counts on its own", async () => {
  const server = demoServer({ SHOWCASE_TRUST_PROXY: 'true' })
  const mintFrom = (address: string, customer: string) =>
    server.app.request('/proofs', {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'X-Forwarded-For': `198.51.100.7, ${address}`,
      },
      body: JSON.stringify({ badgeId: demoBadgeIds.firstSip, lifetime: 'share', customer }),
    })
  // 30 tries from one address (every one counts, made or refused), then it is refused...
  for (let count = 0; count < 30; count += 1) await mintFrom('203.0.113.1', TYPICAL_MEMBER)
  // ...while another client behind the same balancer is not.
  expect((await mintFrom('203.0.113.1', '381921157')).status).toBe(429)
  expect((await mintFrom('203.0.113.2', '381921157')).status).toBe(201)
})

test('without a load balancer said to be in front, a client cannot be many by writing X-Forwarded-For', async () => {
  const server = demoServer()
  const mintAs = (address: string) =>
    server.app.request('/proofs', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': address },
      body: JSON.stringify({
        badgeId: demoBadgeIds.firstSip,
        lifetime: 'share',
        customer: '381921157',
      }),
    })
  for (let count = 0; count < 30; count += 1) await mintAs(`198.51.100.${count}`)
  expect((await mintAs('198.51.100.200')).status).toBe(429)
})

test('with one, an IPv6 /64 counts as one client, and anything that is not an address as the connection', async () => {
  const server = demoServer({ SHOWCASE_TRUST_PROXY: 'true' })
  const mintAs = (address: string, customer = TYPICAL_MEMBER) =>
    server.app.request('/proofs', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': `203.0.113.9, ${address}` },
      body: JSON.stringify({ badgeId: demoBadgeIds.firstSip, lifetime: 'share', customer }),
    })
  for (let count = 0; count < 30; count += 1) await mintAs(`2001:db8:1:2:${count.toString(16)}::1`)
  expect((await mintAs('2001:db8:1:2::ffff', '381921157')).status).toBe(429)
  expect((await mintAs('2001:db8:1:3::1', '381921157')).status).toBe(201)
  for (let count = 0; count < 30; count += 1) await mintAs(`junk-${count}-${'x'.repeat(2000)}`)
  expect((await mintAs('not-an-address', '381921157')).status).toBe(429)
})

test('a body of more than a few kilobytes is refused before it is read, wherever it is sent', async () => {
  const server = demoServer({ SHOWCASE_EMULATOR_CONTROL: 'true' })
  const big = JSON.stringify({ badgeId: 'x'.repeat(1_000_000) })
  const mint = await server.app.request('/proofs', { method: 'POST', body: big })
  expect(mint.status).toBe(413)
  expect(await mint.json()).toEqual({ error: 'A request body may be at most 16384 bytes.' })
  expect((await server.control('/clock', { days: 1, padding: 'x'.repeat(20_000) })).status).toBe(
    413,
  )
  // As said, before a byte is read: a stream that never ends is not waited for.
  const endless = new ReadableStream({ pull: () => new Promise(() => undefined) })
  const declared = await server.app.request('/proofs', {
    method: 'POST',
    headers: { 'Content-Length': String(400 * 1024 * 1024) },
    body: endless,
    duplex: 'half',
  } as RequestInit)
  expect(declared.status).toBe(413)
})

test("a proof link's check answers every opening for 30 s, and the page says when it was made", async () => {
  const sealer = createProofSealer({ secret: KEY, shareDays: 30 })
  let asked = 0
  let at = proof.issuedAt + DAY
  const app = createProofRoutes({
    sealer,
    shareDays: 30,
    basePath: '/',
    now: () => at,
    read: async () => {
      asked += 1
      return { kind: 'answer', status: 404, json: { errors: [{ code: 404, message: 'gone' }] } }
    },
    verifyMember: null,
  })
  const path = `/proof/${sealer.seal(proof)}`
  const checkedAt = async () =>
    /Checked live with the badge programme on ([^<]+)\./.exec(
      await (await app.request(path)).text(),
    )?.[1]
  const first = await checkedAt()
  at += 20_000
  expect(await checkedAt()).toBe(first)
  expect(asked).toBe(1)
  at += 40_000
  expect(await checkedAt()).not.toBe(first)
  expect(asked).toBe(2)
  // A link that is not one asks nothing and counts against no one.
  for (let count = 0; count < 100; count += 1) await app.request('/proof/not-a-link')
  expect((await app.request(path)).status).not.toBe(429)
})

test('the limits hold a bounded number of clients: past it the least recent are forgotten', () => {
  const take = createRateLimit({ limit: 1, windowMs: 60_000, now: () => 0, maxKeys: 2 })
  expect(take('a')).toBe(0)
  expect(take('a')).toBeGreaterThan(0)
  take('b')
  take('c')
  // 'a' was the oldest of three: forgotten, it starts again (memory stays flat under a flood).
  expect(take('a')).toBe(0)
  expect(take('c')).toBeGreaterThan(0)
})

test('a client address as the limits count it', () => {
  expect(addressKey('203.0.113.7')).toBe('203.0.113.7')
  expect(addressKey('::ffff:203.0.113.7')).toBe('203.0.113.7')
  expect(addressKey('2001:db8::1')).toBe('2001:db8:0:0::/64')
  expect(addressKey('2001:0db8:0001:0002:aaaa:bbbb:cccc:dddd')).toBe('2001:db8:1:2::/64')
  expect(addressKey('::1')).toBe('0:0:0:0::/64')
})
