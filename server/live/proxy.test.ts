import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import { type AddressInfo } from 'node:net'
import { createAdaptorServer } from '@hono/node-server'
import { exportJWK, generateKeyPair, SignJWT, UnsecuredJWT } from 'jose'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createApi } from '../api.ts'
import { createApp } from '../app.ts'
import { readConfig } from '../config.ts'
import { type UpstreamEvent } from './events.ts'
import { createStandInCluster } from './stand-in.ts'
import { basicAuthorization, createOAuthTokens } from './upstream-auth.ts'

// The live proxy against stand-in upstreams over real HTTP on loopback: the emulator as a
// Capillary cluster that checks credentials, and a cluster that misbehaves on purpose.

const TOKEN_SECRET = 'test-member-token-secret-0123456789abcdef'
const USERNAME = 'store.server'
const PASSWORD = 'server123'
const OAUTH_KEY = 'oauth-key-5e1f'
const OAUTH_SECRET = 'oauth-secret-9b7c41'

type Seen = { method: string; url: string; headers: IncomingHttpHeaders }
const servers: Server[] = []

async function listen(server: Server): Promise<string> {
  servers.push(server)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

/** The emulator as a cluster, recording every request that reaches it. */
async function standIn(options: { ttlSeconds?: number } = {}) {
  const cluster = createStandInCluster({
    basic: { username: USERNAME, password: PASSWORD },
    oauth: { key: OAUTH_KEY, secret: OAUTH_SECRET, ttlSeconds: options.ttlSeconds ?? 300 },
  })
  const seen: Seen[] = []
  const server = createAdaptorServer({
    fetch: (request: Request) => {
      seen.push({
        method: request.method,
        url: new URL(request.url).pathname + new URL(request.url).search,
        headers: Object.fromEntries(request.headers),
      })
      return cluster.app.fetch(request)
    },
  }) as Server
  return { url: await listen(server), seen, cluster }
}

function showcase(env: Record<string, string>) {
  const lines: string[] = []
  const events: UpstreamEvent[] = []
  const config = readConfig({ SHOWCASE_TOKEN_SECRET: TOKEN_SECRET, ...env })
  const app = createApp({
    api: createApi({
      live: config.live,
      log: (line) => lines.push(line),
      onEvent: (event) => events.push(event),
    }),
    distDir: null,
    log: (line) => lines.push(line),
    mode: 'live',
  })
  return { app, lines, events }
}

function memberToken(claims: Record<string, unknown>, { expiresIn = '5m', alg = 'HS256' } = {}) {
  return new SignJWT(claims)
    .setProtectedHeader({ alg })
    .setExpirationTime(expiresIn)
    .sign(new TextEncoder().encode(TOKEN_SECRET))
}

const bearer = async (claims: Record<string, unknown>) => ({
  Authorization: `Bearer ${await memberToken(claims)}`,
})

afterAll(async () => {
  for (const server of servers) {
    server.closeAllConnections()
    await new Promise((resolve) => server.close(resolve))
  }
})

describe('upstream credentials', () => {
  test('Basic: the password MD5-hashed as Capillary requires (the documented test vector)', () => {
    expect(basicAuthorization('store.server', 'server123')).toBe(
      'Basic c3RvcmUuc2VydmVyOjhhMTZhNmI3MDUwNWViMWYxZmY3Y2RjMGNkNTU1OWE3',
    )
  })

  test("Basic: a wrong password is a 502 (not the member's sign-in), named once in the log", async () => {
    const upstream = await standIn()
    const { app, lines, events } = showcase({
      CAPILLARY_API_URL: upstream.url,
      CAPILLARY_USERNAME: USERNAME,
      CAPILLARY_PASSWORD: 'not-the-password',
    })
    const headers = await bearer({ sub: '62090013' })
    for (let index = 0; index < 3; index++) {
      expect(
        (await app.request('/api_gateway/v1/badges/customer/62090013', { headers })).status,
      ).toBe(502)
    }
    const named = lines.filter((line) =>
      line.includes('check CAPILLARY_USERNAME and CAPILLARY_PASSWORD'),
    )
    expect(named).toHaveLength(1)
    expect(events.filter((event) => event.type === 'sign-in')).toEqual([
      { type: 'sign-in', result: 'refused' },
    ])
    expect(lines.join('\n')).not.toContain('not-the-password')
  })

  test("Basic: exactly the headers the upstream needs, none of the browser's", async () => {
    const upstream = await standIn()
    const { app } = showcase({
      CAPILLARY_API_URL: upstream.url,
      CAPILLARY_USERNAME: USERNAME,
      CAPILLARY_PASSWORD: PASSWORD,
    })
    const response = await app.request(
      '/api_gateway/v1/badges/customer/tom.sawyer%40example.com?badgeType=EARNED&limit=2&utm=x',
      {
        headers: {
          ...(await bearer({ sub: 'tom.sawyer@example.com', idType: 'email' })),
          'X-CAP-CUSTOMER-IDENTIFIER': 'email',
          Cookie: 'session=browser-cookie',
          'X-Forwarded-For': '203.0.113.9',
        },
      },
    )
    expect(response.status).toBe(200)
    expect((await response.json()).data.badges).toHaveLength(2)
    expect(upstream.seen).toHaveLength(1)
    const [request] = upstream.seen
    expect(request?.url).toBe(
      '/api_gateway/v1/badges/customer/tom.sawyer%40example.com?badgeType=EARNED&limit=2',
    )
    expect(request?.headers).toMatchObject({
      authorization: 'Basic c3RvcmUuc2VydmVyOjhhMTZhNmI3MDUwNWViMWYxZmY3Y2RjMGNkNTU1OWE3',
      accept: 'application/json',
      'x-cap-customer-identifier': 'email',
    })
    expect(Object.keys(request?.headers ?? {})).not.toEqual(expect.arrayContaining(['cookie']))
    expect(request?.headers).not.toHaveProperty('cookie')
    expect(request?.headers).not.toHaveProperty('x-forwarded-for')
  })

  test('OAuth: one token for concurrent requests, sent as X-CAP-API-OAUTH-TOKEN, and reused', async () => {
    const upstream = await standIn()
    const { app } = showcase({
      CAPILLARY_API_URL: upstream.url,
      CAPILLARY_OAUTH_KEY: OAUTH_KEY,
      CAPILLARY_OAUTH_SECRET: OAUTH_SECRET,
    })
    const headers = await bearer({ sub: '62090013' })
    // Five different requests: identical ones would be coalesced into one upstream call.
    const responses = await Promise.all(
      Array.from({ length: 5 }, (_, index) =>
        app.request(`/api_gateway/v1/badges/customer/62090013?limit=${index + 1}`, { headers }),
      ),
    )
    expect(responses.map((response) => response.status)).toEqual([200, 200, 200, 200, 200])
    await app.request('/api_gateway/v1/badges/customer/62090013?limit=1', { headers })
    expect(upstream.cluster.tokensIssued()).toBe(1)
    const generate = upstream.seen.filter((request) => request.url === '/v3/oauth/token/generate')
    expect(generate).toHaveLength(1)
    expect(generate[0]?.method).toBe('POST')
    const badgeRequests = upstream.seen.filter((request) => request.url.startsWith('/api_gateway/'))
    expect(badgeRequests.map((request) => request.headers['x-cap-api-oauth-token'])).toEqual(
      Array(6).fill('stand-in-token-1'),
    )
    expect(badgeRequests.every((request) => request.headers.authorization === undefined)).toBe(true)
  })

  test('OAuth: after a 498 (expired) the proxy gets a new token and retries once', async () => {
    const upstream = await standIn()
    const { app } = showcase({
      CAPILLARY_API_URL: upstream.url,
      CAPILLARY_OAUTH_KEY: OAUTH_KEY,
      CAPILLARY_OAUTH_SECRET: OAUTH_SECRET,
    })
    const headers = await bearer({ sub: '62090013' })
    expect(
      (await app.request('/api_gateway/v1/badges/customer/62090013', { headers })).status,
    ).toBe(200)
    upstream.cluster.expireTokens()
    expect(
      (await app.request('/api_gateway/v1/badges/customer/62090013', { headers })).status,
    ).toBe(200)
    expect(upstream.cluster.tokensIssued()).toBe(2)
  })

  test('OAuth: wrong credentials become a 502 the SPA understands, never a loop', async () => {
    const upstream = await standIn()
    const { app, lines, events } = showcase({
      CAPILLARY_API_URL: upstream.url,
      CAPILLARY_OAUTH_KEY: OAUTH_KEY,
      CAPILLARY_OAUTH_SECRET: 'wrong',
    })
    const response = await app.request('/api_gateway/v1/badges/customer/62090013', {
      headers: await bearer({ sub: '62090013' }),
    })
    expect(response.status).toBe(502)
    expect((await response.json()).errors[0].message).toMatch(/could not sign in/)
    expect(upstream.seen.filter((request) => request.url.startsWith('/api_gateway/'))).toHaveLength(
      0,
    )
    expect(lines.join('\n')).not.toContain('wrong')
    // The operator reads what to fix, and /readyz takes the instance out of rotation.
    expect(lines.join('\n')).toMatch(
      /Capillary refused the credentials \(HTTP 40[13]\): check CAPILLARY_OAUTH_KEY and CAPILLARY_OAUTH_SECRET/,
    )
    expect(events).toContainEqual({ type: 'sign-in', result: 'refused' })
  })

  test('OAuth: the token is cached until shortly before it expires', async () => {
    const upstream = await standIn({ ttlSeconds: 300 })
    let now = 1_000_000
    const tokens = createOAuthTokens({
      upstream: new URL(upstream.url),
      key: OAUTH_KEY,
      secret: OAUTH_SECRET,
      fetch: globalThis.fetch,
      timeoutMs: 5_000,
      now: () => now,
    })
    expect(await tokens.token()).toBe('stand-in-token-1')
    now += 260_000
    expect(await tokens.token()).toBe('stand-in-token-1')
    now += 20_000 // 280 s of 300: inside the last tenth, so renewed
    expect(await tokens.token()).toBe('stand-in-token-2')
    tokens.reject('stand-in-token-1') // a stale rejection does not drop the new token
    expect(await tokens.token()).toBe('stand-in-token-2')
  })
})

describe('refusals never reach the upstream', () => {
  let upstream: Awaited<ReturnType<typeof standIn>>
  let app: ReturnType<typeof showcase>['app']
  beforeAll(async () => {
    upstream = await standIn()
    ;({ app } = showcase({
      CAPILLARY_API_URL: upstream.url,
      CAPILLARY_USERNAME: USERNAME,
      CAPILLARY_PASSWORD: PASSWORD,
    }))
  })

  test.each([
    ['POST', '/api_gateway/v1/badges/customer/62090013', {}, 405],
    ['GET', '/api_gateway/v1/badges/customer/62090013/extra', {}, 404],
    ['GET', '/api_gateway/v1/badges/customers/62090013', {}, 404],
    ['GET', '/api_gateway/v1/badges/customer/..%2F..%2Fv2%2Fcustomers', {}, 400],
    // The URL parser resolves an encoded dot-dot itself: the path leaves the Badges API.
    ['GET', '/api_gateway/v1/badges/customer/%2e%2e', {}, 404],
    ['GET', '/api_gateway/v1/badges/customer/a%5Cb', {}, 400],
    ['GET', '/api_gateway/v1/badges/customer/62090013%00', {}, 400],
    ['GET', '/api_gateway/v1/badges/customer/%E0%A4%A', {}, 400],
    ['GET', `/api_gateway/v1/badges/customer/62090013?groupId=${'x'.repeat(500)}`, {}, 400],
    [
      'GET',
      '/api_gateway/v1/badges/customer/62090013',
      { 'X-CAP-CUSTOMER-IDENTIFIER': 'passport' },
      400,
    ],
    ['GET', '/api_gateway/v1/points/customer/62090013', {}, 404],
    ['GET', '/api_gateway/v1/badges/group', {}, 404],
  ] as const)('%s %s is refused', async (method, path, headers, status) => {
    const before = upstream.seen.length
    const response = await app.request(path, {
      method,
      headers: { ...(await bearer({ sub: '62090013' })), ...headers },
    })
    expect(response.status).toBe(status)
    expect(response.headers.get('content-type')).toContain('application/json')
    expect((await response.json()).errors[0]).toHaveProperty('code')
    expect(upstream.seen.length).toBe(before)
  })

  test("a method other than GET or HEAD is refused with the methods it would take (HTTP's Allow)", async () => {
    const response = await app.request('/api_gateway/v1/badges/customer/62090013', {
      method: 'DELETE',
      headers: await bearer({ sub: '62090013' }),
    })
    expect(response.status).toBe(405)
    expect(response.headers.get('allow')).toBe('GET, HEAD')
  })

  test('HEAD answers as GET does, with no body (as the emulator does)', async () => {
    const path = '/api_gateway/v1/badges/customer/62090013'
    const headers = await bearer({ sub: '62090013' })
    const get = await app.request(path, { headers })
    const before = upstream.seen.length
    const head = await app.request(path, { method: 'HEAD', headers })
    // Asked of Capillary as a GET (the one method its Badges API documents), like any read.
    expect(upstream.seen.slice(before).map((request) => request.method)).toEqual(['GET'])
    expect(head.status).toBe(200)
    expect(head.status).toBe(get.status)
    expect(head.headers.get('content-type')).toBe(get.headers.get('content-type'))
    expect(await head.text()).toBe('')
  })

  test('query parameters outside the allow-list are dropped', async () => {
    const response = await app.request(
      '/api_gateway/v1/badges/badgeMeta/6650b1c00000000000000003?includeStatistics=true&debug=1&limit=5',
      {
        headers: await bearer({ sub: '62090013' }),
      },
    )
    expect(response.status).toBe(200)
    expect(upstream.seen.at(-1)?.url).toBe(
      '/api_gateway/v1/badges/badgeMeta/6650b1c00000000000000003?includeStatistics=true',
    )
  })
})

describe('member binding', () => {
  let upstream: Awaited<ReturnType<typeof standIn>>
  let app: ReturnType<typeof showcase>['app']
  beforeAll(async () => {
    upstream = await standIn()
    ;({ app } = showcase({
      CAPILLARY_API_URL: upstream.url,
      CAPILLARY_USERNAME: USERNAME,
      CAPILLARY_PASSWORD: PASSWORD,
    }))
  })

  async function status(path: string, headers: Record<string, string>) {
    const before = upstream.seen.length
    const response = await app.request(path, { headers })
    return { status: response.status, reached: upstream.seen.length > before }
  }
  const tom = '/api_gateway/v1/badges/customer/62090013'

  test("the token's own member, by id or by the identifier kind it names", async () => {
    expect(await status(tom, await bearer({ sub: '62090013' }))).toEqual({
      status: 200,
      reached: true,
    })
    expect(
      await status('/api_gateway/v1/badges/customer/TOM.SAWYER%40example.com', {
        ...(await bearer({ sub: 'tom.sawyer@example.com', idType: 'email' })),
        'X-CAP-CUSTOMER-IDENTIFIER': 'email',
      }),
    ).toEqual({ status: 200, reached: true })
    expect(
      await status(
        '/api_gateway/v1/badges/management/62090013/badge/6650b1c00000000000000003',
        await bearer({ sub: '62090013' }),
      ),
    ).toEqual({ status: 200, reached: true })
    // Badge definitions and groups are not about a member; any valid token reads them.
    expect(
      await status(
        '/api_gateway/v1/badges/badgeMeta/6650b1c00000000000000003',
        await bearer({ sub: '1' }),
      ),
    ).toEqual({
      status: 200,
      reached: true,
    })
  })

  test('no token, or a bad one, is 401', async () => {
    const key = new TextEncoder().encode(TOKEN_SECRET)
    const cases: Array<Record<string, string>> = [
      {},
      { Authorization: 'Basic c3RvcmU6eA==' },
      { Authorization: 'Bearer not-a-jwt' },
      {
        Authorization: `Bearer ${new UnsecuredJWT({ sub: '62090013' }).setExpirationTime('5m').encode()}`,
      },
      { Authorization: `Bearer ${await memberToken({ sub: '62090013' }, { expiresIn: '-10m' })}` },
      {
        Authorization: `Bearer ${await new SignJWT({ sub: '62090013' }).setProtectedHeader({ alg: 'HS256' }).sign(key)}`,
      },
      { Authorization: `Bearer ${await memberToken({ sub: '62090013' }, { alg: 'HS512' })}` },
      {
        Authorization: `Bearer ${await new SignJWT({ sub: '62090013' })
          .setProtectedHeader({ alg: 'HS256' })
          .setExpirationTime('5m')
          .sign(new TextEncoder().encode('another-secret-of-enough-length-000000'))}`,
      },
      { Authorization: `Bearer ${await memberToken({ sub: '62090013', idType: 'passport' })}` },
    ]
    for (const headers of cases)
      expect(await status(tom, headers)).toEqual({ status: 401, reached: false })
  })

  test('another member, or another identifier kind, is 403', async () => {
    expect(
      await status('/api_gateway/v1/badges/customer/381921157', await bearer({ sub: '62090013' })),
    ).toEqual({
      status: 403,
      reached: false,
    })
    expect(
      await status('/api_gateway/v1/badges/customer/62090013', {
        ...(await bearer({ sub: '62090013' })),
        'X-CAP-CUSTOMER-IDENTIFIER': 'externalId',
      }),
    ).toEqual({ status: 403, reached: false })
    expect(
      await status('/api_gateway/v1/badges/customer/vip%40example.com', {
        ...(await bearer({ sub: 'tom.sawyer@example.com', idType: 'email' })),
        'X-CAP-CUSTOMER-IDENTIFIER': 'email',
      }),
    ).toEqual({ status: 403, reached: false })
    expect(
      await status(
        '/api_gateway/v1/badges/management/381921157/badge/6650b1c00000000000000003',
        await bearer({ sub: '62090013' }),
      ),
    ).toEqual({ status: 403, reached: false })
    // The Kelvin sign lower-cases to "k" in Unicode, but is another address.
    expect(
      await status('/api_gateway/v1/badges/customer/%E2%84%AAate%40example.com', {
        ...(await bearer({ sub: 'kate@example.com', idType: 'email' })),
        'X-CAP-CUSTOMER-IDENTIFIER': 'email',
      }),
    ).toEqual({ status: 403, reached: false })
  })

  test('RS256/ES256 tokens from a JWKS URL', async () => {
    const { publicKey, privateKey } = await generateKeyPair('ES256')
    const jwk = { ...(await exportJWK(publicKey)), kid: 'portal-1', alg: 'ES256', use: 'sig' }
    const jwksUrl = await listen(
      createServer((_, response) => {
        response.writeHead(200, { 'Content-Type': 'application/json' })
        response.end(JSON.stringify({ keys: [jwk] }))
      }),
    )
    const jwks = readConfig({
      CAPILLARY_API_URL: upstream.url,
      CAPILLARY_USERNAME: USERNAME,
      CAPILLARY_PASSWORD: PASSWORD,
      SHOWCASE_TOKEN_JWKS_URL: `${jwksUrl}/.well-known/jwks.json`,
      SHOWCASE_TOKEN_AUDIENCE: 'badge-showcase',
      SHOWCASE_TOKEN_ISSUER: 'https://portal.example',
    })
    const jwksApp = createApp({
      api: createApi({ live: jwks.live, log: () => undefined }),
      distDir: null,
      log: () => undefined,
    })
    const sign = (audience: string, issuer: string) =>
      new SignJWT({ sub: '62090013' })
        .setProtectedHeader({ alg: 'ES256', kid: 'portal-1' })
        .setExpirationTime('5m')
        .setAudience(audience)
        .setIssuer(issuer)
        .sign(privateKey)
    const statusWith = async (jwt: string) =>
      (await jwksApp.request(tom, { headers: { Authorization: `Bearer ${jwt}` } })).status
    expect(await statusWith(await sign('badge-showcase', 'https://portal.example'))).toBe(200)
    // The portal's key signs other tokens too: those meant for another audience or from another
    // issuer are refused.
    expect(await statusWith(await sign('payments-api', 'https://portal.example'))).toBe(401)
    expect(await statusWith(await sign('badge-showcase', 'https://other.example'))).toBe(401)
    const hmac = await memberToken({ sub: '62090013' })
    expect(
      (await jwksApp.request(tom, { headers: { Authorization: `Bearer ${hmac}` } })).status,
    ).toBe(401)
  })
})

describe('a misbehaving upstream', () => {
  let app: ReturnType<typeof showcase>['app']
  let redirectFollowed = false
  beforeAll(async () => {
    const url = await listen(
      createServer((request, response) => {
        const path = request.url ?? ''
        if (path.includes('/customer/hang')) return
        if (path.includes('/customer/big')) {
          response.writeHead(200, { 'Content-Type': 'application/json' })
          return response.end(`{"data":{"badges":[],"padding":"${'x'.repeat(3 * 1024 * 1024)}"}}`)
        }
        if (path.includes('/customer/html')) {
          response.writeHead(200, { 'Content-Type': 'text/html' })
          return response.end('<!doctype html><title>Login</title>')
        }
        if (path.includes('/customer/redirect')) {
          response.writeHead(302, { Location: '/followed' })
          return response.end()
        }
        if (path.includes('/followed')) redirectFollowed = true
        response.writeHead(200, {
          'Content-Type': 'application/json',
          'Set-Cookie': 'upstream=secret; HttpOnly',
        })
        response.end('{"data":{"badges":[]},"errors":[],"warnings":[]}')
      }),
    )
    ;({ app } = showcase({
      CAPILLARY_API_URL: url,
      CAPILLARY_USERNAME: USERNAME,
      CAPILLARY_PASSWORD: PASSWORD,
      SHOWCASE_TOKEN_SECRET: '',
      SHOWCASE_ALLOW_ANY_MEMBER: 'true',
      SHOWCASE_UPSTREAM_TIMEOUT_MS: '300',
    }))
  })

  test.each([
    ['hang', 504],
    ['big', 502],
    ['html', 502],
    ['redirect', 502],
  ])('%s becomes a %i error envelope', async (id, statusCode) => {
    const response = await app.request(`/api_gateway/v1/badges/customer/${id}`)
    expect(response.status).toBe(statusCode)
    expect((await response.json()).errors[0].code).toBe(statusCode)
  })

  test('a redirect is not followed, and upstream cookies are not passed back', async () => {
    await app.request('/api_gateway/v1/badges/customer/redirect')
    expect(redirectFollowed).toBe(false)
    const response = await app.request('/api_gateway/v1/badges/customer/fine')
    expect(response.status).toBe(200)
    expect(response.headers.get('set-cookie')).toBeNull()
  })

  test('an unreachable upstream is a 502', async () => {
    const closed = createServer()
    const url = await listen(closed)
    await new Promise((resolve) => closed.close(resolve))
    const { app: offline } = showcase({
      CAPILLARY_API_URL: url,
      CAPILLARY_USERNAME: USERNAME,
      CAPILLARY_PASSWORD: PASSWORD,
    })
    const response = await offline.request('/api_gateway/v1/badges/customer/62090013', {
      headers: await bearer({ sub: '62090013' }),
    })
    expect(response.status).toBe(502)
  })
})

test('credentials and the token secret never appear in a response or a log line', async () => {
  const upstream = await standIn()
  const secrets = [
    PASSWORD,
    OAUTH_SECRET,
    TOKEN_SECRET,
    basicAuthorization(USERNAME, PASSWORD).slice(6),
    '8a16a6b70505eb1f1ff7cdc0cd5559a7',
  ]
  const envs: Array<Record<string, string>> = [
    { CAPILLARY_USERNAME: USERNAME, CAPILLARY_PASSWORD: PASSWORD },
    { CAPILLARY_OAUTH_KEY: OAUTH_KEY, CAPILLARY_OAUTH_SECRET: OAUTH_SECRET },
  ]
  for (const env of envs) {
    const { app, lines } = showcase({ CAPILLARY_API_URL: upstream.url, ...env })
    const seen: string[] = []
    for (const [path, headers] of [
      ['/api_gateway/v1/badges/customer/62090013', await bearer({ sub: '62090013' })],
      ['/api_gateway/v1/badges/customer/381921157', await bearer({ sub: '62090013' })],
      ['/api_gateway/v1/badges/customer/62090013', {}],
      ['/api_gateway/v1/badges/customer/42', await bearer({ sub: '42' })],
      ['/api_gateway/v1/badges/badgeMeta/missing', await bearer({ sub: '1' })],
      ['/api_gateway/v1/nothing', {}],
      ['/healthz', {}],
    ] as const) {
      const response = await app.request(path, { headers })
      seen.push(JSON.stringify([...response.headers]), await response.text())
    }
    const everything = [...seen, ...lines].join('\n')
    for (const secret of secrets) expect(everything).not.toContain(secret)
    expect(everything).not.toContain('stand-in-token')
  }
})

test("one member's flood is stopped at its own share, and another member is still answered", async () => {
  const upstream = await standIn()
  const { app } = showcase({
    CAPILLARY_API_URL: upstream.url,
    CAPILLARY_USERNAME: USERNAME,
    CAPILLARY_PASSWORD: PASSWORD,
    SHOWCASE_MEMBER_RATE: '5',
  })
  const flooder = await bearer({ sub: '565039504' })
  const made = () =>
    app.request('/api_gateway/v1/badges/badgeMeta/made-up-badge', { headers: flooder })
  for (let count = 0; count < 5; count += 1) expect((await made()).status).toBe(404)
  const refused = await made()
  expect(refused.status).toBe(429)
  expect(Number(refused.headers.get('Retry-After'))).toBeGreaterThan(0)
  expect((await refused.json()).errors[0].code).toBe(429)
  // The sixth never reached Capillary.
  expect(upstream.seen.filter((seen) => seen.url.includes('made-up-badge'))).toHaveLength(5)
  const tom = await app.request('/api_gateway/v1/badges/customer/62090013?badgeType=EARNED', {
    headers: await bearer({ sub: '62090013' }),
  })
  expect(tom.status).toBe(200)
})

test('with no member tokens, each client has its own share, and no client can use up a member', async () => {
  const upstream = await standIn()
  const { app } = showcase({
    CAPILLARY_API_URL: upstream.url,
    CAPILLARY_USERNAME: USERNAME,
    CAPILLARY_PASSWORD: PASSWORD,
    SHOWCASE_TOKEN_SECRET: '',
    SHOWCASE_ALLOW_ANY_MEMBER: 'true',
    SHOWCASE_TRUST_PROXY: 'true',
    SHOWCASE_MEMBER_RATE: '5',
  })
  const from = (address: string) => ({ 'X-Forwarded-For': address })
  const flooder = from('203.0.113.7')
  // Made-up group names and a member's list, five at once: the flooder's share.
  for (let count = 0; count < 3; count += 1) {
    await app.request(`/api_gateway/v1/badges/group/made-up-${count}`, { headers: flooder })
  }
  for (let count = 0; count < 2; count += 1) {
    await app.request(`/api_gateway/v1/badges/customer/565039504?page=${count}`, {
      headers: flooder,
    })
  }
  const refused = await app.request('/api_gateway/v1/badges/badgeMeta/6650b1c00000000000000003', {
    headers: flooder,
  })
  expect(refused.status).toBe(429)
  // Another browser still reads the badge's definition and that very member's badges.
  const other = from('198.51.100.9')
  const definition = await app.request(
    '/api_gateway/v1/badges/badgeMeta/6650b1c00000000000000003',
    { headers: other },
  )
  expect(definition.status).toBe(200)
  const list = await app.request('/api_gateway/v1/badges/customer/565039504', { headers: other })
  expect(list.status).toBe(200)
})
