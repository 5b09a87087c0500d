import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import { type AddressInfo } from 'node:net'
import { createAdaptorServer } from '@hono/node-server'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { createApi } from '../../server/api.ts'
import { createApp } from '../../server/app.ts'
import { ApiError } from './errors.ts'
import { createBadgesClient } from './client.ts'

// The client over real HTTP on loopback: the emulator behind the real server, and a stand-in
// upstream that misbehaves on purpose.

const NOW = Date.UTC(2026, 10, 22, 12)
let emulatorUrl = ''
let standInUrl = ''
let lastStandInHeaders: IncomingHttpHeaders = {}
const servers: Server[] = []

function listen(server: Server): Promise<string> {
  servers.push(server)
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`),
    ),
  )
}

beforeAll(async () => {
  const app = createApp({
    api: createApi({ emulator: { now: () => NOW } }),
    distDir: null,
    log: () => undefined,
  })
  emulatorUrl = await listen(createAdaptorServer({ fetch: app.fetch }) as Server)

  const standIn = createServer((request, response) => {
    lastStandInHeaders = request.headers
    const path = request.url ?? ''
    const send = (status: number, body: string, type = 'application/json') => {
      response.writeHead(status, { 'Content-Type': type })
      response.end(body)
    }
    if (path.includes('/customer/500'))
      return send(500, '{"data":null,"errors":[{"code":500,"message":"boom"}]}')
    if (path.includes('/customer/502')) return send(502, '<html>Bad gateway</html>', 'text/html')
    if (path.includes('/customer/429')) return send(429, '{"data":null,"errors":[]}')
    if (path.includes('/customer/html'))
      return send(200, '<!doctype html><p>login</p>', 'text/html')
    if (path.includes('/customer/shape')) return send(200, '{"data":{"badges":"none"}}')
    if (path.includes('/customer/hang')) return // never answers
    if (path.includes('/customer/partial')) {
      return send(200, '{"data":null,"errors":[{"code":1026,"message":"Customer not found"}]}')
    }
    return send(200, '{"data":{"badges":[]},"errors":null,"warnings":null}')
  })
  standInUrl = await listen(standIn)
})

afterAll(async () => {
  for (const server of servers) {
    server.closeAllConnections()
    await new Promise((resolve) => server.close(resolve))
  }
})

const tom = { id: '62090013', by: null }

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => null,
    (reason: unknown) => reason,
  )
  if (!(error instanceof ApiError)) throw new Error(`expected an ApiError, got ${String(error)}`)
  return error
}

test('a member by email: the segment is URL-encoded and the identifier header sent', async () => {
  const client = createBadgesClient({ baseUrl: emulatorUrl })
  const page = await client.customerBadges(
    { id: 'tom.sawyer@example.com', by: 'email' },
    { badgeType: 'EARNED', limit: 3, page: 1 },
  )
  expect(page.badges).toHaveLength(3)
  expect(page.pagination).toMatchObject({ page: 1, size: 3 })
})

test('a slash in an identifier stays inside its segment', async () => {
  const client = createBadgesClient({ baseUrl: emulatorUrl })
  const error = await failure(
    client.customerBadges({ id: 'a/../../b', by: 'externalId' }, { badgeType: 'EARNED' }),
  )
  expect(error).toMatchObject({ reason: 'member-not-found', code: 1026 })
})

test('detail, definition and group parse from the emulator', async () => {
  const client = createBadgesClient({ baseUrl: emulatorUrl })
  const [member, meta, group] = await Promise.all([
    client.memberBadge(tom, '6650b1c00000000000000003'),
    client.badgeMeta('6650b1c00000000000000003'),
    client.group('65c3600c0000000000000004'),
  ])
  expect(member.issuals.map((issual) => issual.status)).toEqual(['REVOKED', 'ACTIVE'])
  expect(member.limits.find((limit) => limit.scope === 'member')?.used).toBe(0)
  expect(meta).toMatchObject({ name: "Barista's Favourite", status: 'LIVE' })
  expect(group.name).toBe('Seasonal Specials')
})

test('Capillary errors become typed errors that say whether a retry can help', async () => {
  const client = createBadgesClient({ baseUrl: emulatorUrl })
  expect(
    await failure(client.customerBadges({ id: '1', by: null }, { badgeType: 'EARNED' })),
  ).toMatchObject({
    reason: 'member-not-found',
    status: 404,
    code: 1026,
    retryable: false,
  })
  expect(
    await failure(client.customerBadges({ id: '1', by: 'passport' }, { badgeType: 'EARNED' })),
  ).toMatchObject({
    reason: 'unsupported-identifier',
    code: 1028,
    retryable: false,
  })
  expect(await failure(client.badgeMeta('missing'))).toMatchObject({
    reason: 'badge-not-found',
    status: 404,
  })
  expect(
    await failure(client.customerBadges(tom, { badgeType: 'EARNED', limit: 1000 })),
  ).toMatchObject({
    reason: 'bad-request',
    status: 400,
    message: expect.stringContaining('limit'),
  })
})

test('an identifier kind that cannot be a header is unsupported, with no request made', async () => {
  const client = createBadgesClient({ baseUrl: standInUrl })
  lastStandInHeaders = {}
  for (const by of ['e-mail\nX-Evil: 1', '📧', 'email address']) {
    expect(
      await failure(client.customerBadges({ id: '1', by }, { badgeType: 'EARNED' })),
    ).toMatchObject({
      reason: 'unsupported-identifier',
      retryable: false,
    })
  }
  expect(lastStandInHeaders).toEqual({})
})

test('an id with a lone surrogate is a clear, final error, and no request is made', async () => {
  const client = createBadgesClient({ baseUrl: standInUrl })
  lastStandInHeaders = {}
  for (const call of [
    client.badgeMeta('abc\ud800'),
    client.group('\udc00'),
    client.memberBadge(tom, 'x\ud800'),
    client.customerBadges({ id: 'tom\ud800', by: null }, { badgeType: 'EARNED' }),
  ]) {
    expect(await failure(call)).toMatchObject({ reason: 'bad-request', retryable: false })
  }
  expect(lastStandInHeaders).toEqual({})
})

test('server errors and 429 are retryable, with or without an envelope', async () => {
  const client = createBadgesClient({ baseUrl: standInUrl })
  expect(
    await failure(client.customerBadges({ id: '500', by: null }, { badgeType: 'EARNED' })),
  ).toMatchObject({
    reason: 'server',
    status: 500,
    message: 'boom',
    retryable: true,
  })
  expect(
    await failure(client.customerBadges({ id: '502', by: null }, { badgeType: 'EARNED' })),
  ).toMatchObject({
    reason: 'server',
    status: 502,
    retryable: true,
  })
  expect(
    await failure(client.customerBadges({ id: '429', by: null }, { badgeType: 'EARNED' })),
  ).toMatchObject({
    reason: 'too-many-requests',
    retryable: true,
  })
})

test('a 200 that is not JSON, or not the documented shape, is malformed and not retried', async () => {
  const client = createBadgesClient({ baseUrl: standInUrl })
  for (const id of ['html', 'shape']) {
    expect(
      await failure(client.customerBadges({ id, by: null }, { badgeType: 'EARNED' })),
    ).toMatchObject({
      reason: 'malformed',
      retryable: false,
    })
  }
})

test('a 200 with no data and an error code is that error', async () => {
  const client = createBadgesClient({ baseUrl: standInUrl })
  expect(
    await failure(client.customerBadges({ id: 'partial', by: null }, { badgeType: 'EARNED' })),
  ).toMatchObject({
    reason: 'member-not-found',
    status: 200,
  })
})

test('a request that hangs times out; an unreachable server is a network error', async () => {
  const slow = createBadgesClient({ baseUrl: standInUrl, timeoutMs: 150 })
  expect(
    await failure(slow.customerBadges({ id: 'hang', by: null }, { badgeType: 'EARNED' })),
  ).toMatchObject({
    reason: 'timeout',
    retryable: true,
  })
  const closed = createServer()
  const closedUrl = await listen(closed)
  await new Promise((resolve) => closed.close(resolve))
  const offline = createBadgesClient({ baseUrl: closedUrl })
  expect(await failure(offline.customerBadges(tom, { badgeType: 'EARNED' }))).toMatchObject({
    reason: 'network',
    retryable: true,
  })
})

test("the caller's own cancellation passes through as an abort, not a failure", async () => {
  const client = createBadgesClient({ baseUrl: standInUrl })
  const controller = new AbortController()
  const pending = client.customerBadges(
    { id: 'hang', by: null },
    { badgeType: 'EARNED' },
    { signal: controller.signal },
  )
  controller.abort()
  await expect(pending).rejects.toMatchObject({ name: 'AbortError' })
})

test('extra headers are sent, and no identifier header for a numeric id', async () => {
  const client = createBadgesClient({
    baseUrl: standInUrl,
    headers: () => ({ Authorization: 'Bearer t0k3n' }),
  })
  await client.customerBadges(tom, { badgeType: 'AVAILABLE', includeExpired: true })
  expect(lastStandInHeaders.authorization).toBe('Bearer t0k3n')
  expect(lastStandInHeaders['x-cap-customer-identifier']).toBeUndefined()
  expect(lastStandInHeaders.accept).toBe('application/json')
})
