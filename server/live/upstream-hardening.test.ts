import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { type AddressInfo } from 'node:net'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { gzipSync } from 'node:zlib'
import { createAdaptorServer } from '@hono/node-server'
import { SignJWT } from 'jose'
import { afterAll, describe, expect, test } from 'vitest'
import { readConfig } from '../config.ts'
import { createEmulator } from '../emulator/emulator.ts'
import { createStandInCluster } from './stand-in.ts'
import { type UpstreamEvent } from './events.ts'
import { createProxy, DEFINITION_FRESH_MS } from './proxy.ts'
import { MAX_TOKEN_LIFETIME_MS } from './upstream-auth.ts'
import { INTERNAL_FIELDS, stripFields } from './upstream-body.ts'

// The failures found by attacking the live proxy over loopback, each as a regression test: what
// Capillary (or something pretending to be it) sends is bounded, a bad token never sticks, a
// failing upstream is left alone, and a busy one is not flooded.

const TOKEN_SECRET = 'test-member-token-secret-0123456789abcdef'
const OAUTH_KEY = 'oauth-key-5e1f'
const OAUTH_SECRET = 'oauth-secret-9b7c41'
const servers: Server[] = []

afterAll(async () => {
  for (const server of servers) {
    server.closeAllConnections()
    await new Promise((resolve) => server.close(resolve))
  }
})

async function listen(server: Server): Promise<string> {
  servers.push(server)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

type Handler = (request: IncomingMessage, response: ServerResponse) => void

/** An upstream whose token endpoint and API do what the test says, counting calls. */
async function upstream(handlers: { token?: Handler; api?: Handler }) {
  const calls = { token: 0, api: 0, apiPaths: [] as string[] }
  const url = await listen(
    createServer((request, response) => {
      if (request.url === '/v3/oauth/token/generate') {
        calls.token += 1
        return (handlers.token ?? sendToken('good-token', 300))(request, response)
      }
      calls.api += 1
      calls.apiPaths.push(request.url ?? '')
      return (handlers.api ?? sendJson(200, '{"data":{"badges":[]},"errors":[],"warnings":[]}'))(
        request,
        response,
      )
    }),
  )
  return { url, calls }
}

const sendJson =
  (status: number, body: string, headers: Record<string, string> = {}): Handler =>
  (_, response) => {
    response.writeHead(status, { 'Content-Type': 'application/json', ...headers })
    response.end(body)
  }

const sendToken = (accessToken: string, ttlSeconds: number): Handler =>
  sendJson(200, JSON.stringify({ data: { accessToken, ttlSeconds }, errors: null }))

/** The proxy in front of `url` with OAuth, a clock the test moves, and its events recorded. */
function proxyFor(url: string, env: Record<string, string> = {}) {
  const clock = { now: Date.parse('2026-01-01T00:00:00Z') }
  const events: UpstreamEvent[] = []
  const lines: string[] = []
  const config = readConfig({
    CAPILLARY_API_URL: url,
    CAPILLARY_OAUTH_KEY: OAUTH_KEY,
    CAPILLARY_OAUTH_SECRET: OAUTH_SECRET,
    SHOWCASE_ALLOW_ANY_MEMBER: 'true',
    // Hundreds of members, all from this one test client: no per-client share (proxy.test.ts's).
    SHOWCASE_MEMBER_RATE: '0',
    ...env,
  })
  if (config.live === null) throw new Error('not live')
  const app = createProxy({
    live: config.live,
    log: (line) => lines.push(line),
    onEvent: (event) => events.push(event),
    now: () => clock.now,
  })
  const get = (path: string, headers: Record<string, string> = {}) =>
    app.request(`/api_gateway/v1/badges/${path}`, { headers })
  return { get, clock, events, lines }
}

// A full collection before each measure, so garbage not yet collected is not counted as held.
setFlagsFromString('--expose-gc')
const collectGarbage = runInNewContext('gc') as () => void

/** Heap and buffers still held. */
function memoryInUse(): number {
  collectGarbage()
  const { heapUsed, arrayBuffers, external } = process.memoryUsage()
  return heapUsed + arrayBuffers + external
}

const MB = 1024 * 1024

// Making and reading the bombs takes a few seconds of CPU, more on a busy machine.
describe('the OAuth token response is bounded', { timeout: 60_000 }, () => {
  test('an endless token body is cut off: 502, memory bounded, and the endpoint stops sending', async () => {
    let sent = 0
    const { url } = await upstream({
      token: (_, response) => {
        response.writeHead(200, { 'Content-Type': 'application/json' })
        response.write('{"data":{"accessToken":"')
        const chunk = Buffer.alloc(64 * 1024, 'a')
        const pump = () => {
          while (!response.destroyed && response.write(chunk)) sent += chunk.length
          if (!response.destroyed) response.once('drain', pump)
        }
        response.on('close', () => (sent = Math.max(sent, 0)))
        pump()
      },
    })
    const { get, lines } = proxyFor(url)
    const before = memoryInUse()
    const response = await get('customer/62090013')
    expect(response.status).toBe(502)
    expect((await response.json()).errors[0].message).toMatch(/could not sign in/)
    expect(lines.join('\n')).toMatch(/too large/)
    // The unbounded version read 3.5 GB in 10 s; this one reads 64 kB and hangs up.
    expect(memoryInUse() - before).toBeLessThan(50 * MB)
    expect(sent).toBeLessThan(32 * MB)
  })

  test('a gzip bomb as the token response: 502 with memory bounded', async () => {
    const bomb = gzipSync(Buffer.alloc(200 * MB, ' '))
    expect(bomb.length).toBeLessThan(1 * MB)
    const { url } = await upstream({
      token: (_, response) => {
        response.writeHead(200, { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' })
        response.end(bomb)
      },
    })
    const { get } = proxyFor(url)
    const before = memoryInUse()
    const response = await get('customer/62090013')
    expect(response.status).toBe(502)
    expect(memoryInUse() - before).toBeLessThan(50 * MB)
  })

  test('200 concurrent gzip bombs as API answers stay bounded by the concurrency cap', async () => {
    // 200 of them would decompress to 4 GB.
    const bomb = gzipSync(Buffer.alloc(20 * MB, ' '))
    const { url } = await upstream({
      api: (_, response) => {
        response.writeHead(200, { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' })
        response.end(bomb)
      },
    })
    const { get } = proxyFor(url, { SHOWCASE_UPSTREAM_CONCURRENCY: '4' })
    const before = memoryInUse()
    let peak = 0
    const sampler = setInterval(() => {
      const { heapUsed, arrayBuffers, external } = process.memoryUsage()
      peak = Math.max(peak, heapUsed + arrayBuffers + external - before)
    }, 5)
    const statuses = await Promise.all(
      Array.from({ length: 200 }, async (_, index) => (await get(`customer/m${index}`)).status),
    )
    clearInterval(sampler)
    // Each is refused as too large (502), or told to wait (429): all come from one client, which
    // may hold half the queue.
    expect(new Set(statuses)).toEqual(new Set([502, 429]))
    expect(statuses.filter((status) => status === 502).length).toBeGreaterThanOrEqual(4)
    expect(peak).toBeLessThan(200 * MB)
    expect(memoryInUse() - before).toBeLessThan(50 * MB)
  })
})

describe('a token that cannot be used never sticks', { timeout: 30_000 }, () => {
  test.each([
    ['CR/LF inside', 'good\r\nX-Injected: 1'],
    ['a NUL byte', 'good\u0000token'],
    ['50 kB long', 'x'.repeat(50_000)],
  ])(
    'a token with %s is refused, and once the endpoint is healthy the next request works',
    async (_, bad) => {
      let token = bad
      const { url, calls } = await upstream({
        token: (request, response) => sendToken(token, 1e9)(request, response),
      })
      const { get, clock } = proxyFor(url)
      expect((await get('customer/62090013')).status).toBe(502)
      expect(calls.api).toBe(0)
      token = 'healthy-token'
      clock.now += 1_500 // past the first back-off
      const response = await get('customer/62090013')
      expect(response.status).toBe(200)
      expect(calls.token).toBe(2)
    },
  )

  test('a 50 MB token response is refused as too large', async () => {
    const { url } = await upstream({ token: sendToken('x'.repeat(50 * MB), 1e9) })
    const { get, lines } = proxyFor(url)
    expect((await get('customer/62090013')).status).toBe(502)
    expect(lines.join('\n')).toMatch(/too large/)
  })

  test('ttlSeconds 1e9 does not pin a token: it is renewed within an hour', async () => {
    let issued = 0
    const { url, calls } = await upstream({
      token: (request, response) => sendToken(`token-${(issued += 1)}`, 1e9)(request, response),
    })
    const { get, clock } = proxyFor(url)
    expect((await get('customer/1')).status).toBe(200)
    clock.now += MAX_TOKEN_LIFETIME_MS - 120_000
    expect((await get('customer/2')).status).toBe(200)
    expect(calls.token).toBe(1)
    clock.now += 120_000
    expect((await get('customer/3')).status).toBe(200)
    expect(calls.token).toBe(2)
  })

  test('a failing token endpoint is called once for 100 waiting requests, then backed off', async () => {
    const { url, calls } = await upstream({
      token: sendJson(500, '{"errors":[{"code":500,"message":"down"}]}'),
    })
    const { get, clock } = proxyFor(url)
    const statuses = await Promise.all(
      Array.from({ length: 100 }, async (_, index) => (await get(`customer/m${index}`)).status),
    )
    expect(statuses).toEqual(Array(100).fill(502))
    expect(calls.token).toBe(1)
    // During the back-off, more requests fail at once without calling the token endpoint.
    clock.now += 900
    expect((await get('customer/1')).status).toBe(502)
    expect(calls.token).toBe(1)
    clock.now += 200 // 1.1 s: one more try, and the back-off doubles
    expect((await get('customer/1')).status).toBe(502)
    expect(calls.token).toBe(2)
    clock.now += 1_500
    expect((await get('customer/1')).status).toBe(502)
    expect(calls.token).toBe(2)
    expect(calls.api).toBe(0)
  })
})

/** An upstream that answers each API call only when the test calls `held.shift()?.()`. */
async function heldUpstream() {
  const held: Array<() => void> = []
  const made = await upstream({
    api: (request, response) =>
      held.push(() =>
        sendJson(200, '{"data":{"badges":[]},"errors":[],"warnings":[]}')(request, response),
      ),
  })
  return { ...made, held }
}

/** A refusal from the gate: its status, a second's Retry-After, and the error envelope. */
async function expectToldToWait(response: Response, status: number, message: RegExp) {
  expect(response.status).toBe(status)
  expect(response.headers.get('retry-after')).toBe('1')
  const body = await response.json()
  expect(body).toMatchObject({ data: null, errors: [{ code: status }] })
  expect(body.errors[0].message).toMatch(message)
}

describe('bounded upstream use', { timeout: 30_000 }, () => {
  test('a full queue is a clear 503 in the error envelope; the cap is never exceeded', async () => {
    const held: Array<() => void> = []
    let running = 0
    let most = 0
    const { url } = await upstream({
      api: (request, response) => {
        running += 1
        most = Math.max(most, running)
        held.push(() => {
          running -= 1
          sendJson(200, '{"data":{"badges":[]},"errors":[],"warnings":[]}')(request, response)
        })
      },
    })
    const { get, events } = proxyFor(url, {
      SHOWCASE_UPSTREAM_CONCURRENCY: '2',
      SHOWCASE_TRUST_PROXY: 'true',
    })
    // 2 running, 8 waiting (four times the cap), and 3 more than that, each from its own client.
    const pending = Array.from({ length: 13 }, (_, index) =>
      get(`customer/m${index}`, { 'X-Forwarded-For': `10.0.0.${index + 1}` }),
    )
    const refused = await Promise.all(pending.slice(10))
    for (const response of refused) await expectToldToWait(response, 503, /too busy/)
    while (held.length < 2) await new Promise((resolve) => setTimeout(resolve, 5))
    const release = setInterval(() => held.shift()?.(), 2)
    const served = await Promise.all(pending.slice(0, 10))
    clearInterval(release)
    expect(served.map((response) => response.status)).toEqual(Array(10).fill(200))
    expect(most).toBe(2)
    expect(events).toContainEqual({ type: 'refused', reason: 'queue-full' })
    expect(events).toContainEqual({ type: 'queue', waiting: 8, active: 2 })
  })

  test("one member's burst holds at most half the queue, and a member who asks after it is served first", async () => {
    const { url, calls, held } = await heldUpstream()
    const { get, events } = proxyFor(url, {
      SHOWCASE_UPSTREAM_CONCURRENCY: '2',
      SHOWCASE_TRUST_PROXY: 'true',
    })
    const from = (address: string) => ({ 'X-Forwarded-For': address })
    // One client asks for 10 at once: 2 run, 4 wait (half the queue of 8), 4 are told to slow down.
    const burst = Array.from({ length: 10 }, (_, index) =>
      get(`customer/a${index}`, from('10.0.0.1')),
    )
    const refused = await Promise.all(burst.slice(6))
    for (const response of refused)
      await expectToldToWait(response, 429, /Too many requests from this member/)
    expect(events).toContainEqual({ type: 'refused', reason: 'member-queue-full' })
    // Another member still finds room, and the first slot freed is theirs, not the burst's third.
    const other = get('customer/b0', from('10.0.0.2'))
    while (held.length < 2) await new Promise((resolve) => setTimeout(resolve, 5))
    expect(events.at(-1)).toEqual({ type: 'queue', waiting: 5, active: 2 })
    held.shift()?.()
    while (calls.apiPaths.length < 3) await new Promise((resolve) => setTimeout(resolve, 5))
    expect(calls.apiPaths.map((path) => path.split('/').pop())).toEqual(['a0', 'a1', 'b0'])
    const release = setInterval(() => held.shift()?.(), 2)
    const served = await Promise.all([...burst.slice(0, 6), other])
    clearInterval(release)
    expect(served.map((response) => response.status)).toEqual(Array(7).fill(200))
    // The burst's own went in its order, after the other member's.
    expect(calls.apiPaths.map((path) => path.split('/').pop())).toEqual([
      'a0',
      'a1',
      'b0',
      'a2',
      'a3',
      'a4',
      'a5',
    ])
  })

  test("two members whose bursts fill the queue give up a place to a third, and shared definitions wait no member's turn", async () => {
    const { url, calls, held } = await heldUpstream()
    const { get } = proxyFor(url, {
      SHOWCASE_UPSTREAM_CONCURRENCY: '2',
      SHOWCASE_TRUST_PROXY: 'true',
    })
    const from = (address: string) => ({ 'X-Forwarded-For': address })
    // A: 2 running and 4 waiting; B: 4 waiting. The queue of 8 is full.
    const a = Array.from({ length: 6 }, (_, index) => get(`customer/a${index}`, from('10.0.0.1')))
    const b = Array.from({ length: 4 }, (_, index) => get(`customer/b${index}`, from('10.0.0.2')))
    while (held.length < 2) await new Promise((resolve) => setTimeout(resolve, 5))
    // C, with nothing waiting, gets a place: A's newest gives it up, told to slow down.
    const c = get('customer/c0', from('10.0.0.3'))
    const droppedA = await a[5]
    expect(droppedA?.status).toBe(429)
    // A shared definition asked for by A waits in no member's turn: after C's, before A's rest.
    // (The queue is full again: B, now with the most waiting, gives up its newest.)
    const definition = get('badgeMeta/6650b1c00000000000000001', from('10.0.0.1'))
    expect((await b[3])?.status).toBe(429)
    // One answer at a time, each freed slot taken before the next.
    for (let arrived = 3; arrived <= 6; arrived += 1) {
      held.shift()?.()
      while (calls.apiPaths.length < arrived) await new Promise((resolve) => setTimeout(resolve, 2))
    }
    const release = setInterval(() => held.shift()?.(), 2)
    const served = await Promise.all([...a.slice(0, 5), ...b.slice(0, 3), c, definition])
    clearInterval(release)
    expect(served.map((response) => response.status)).toEqual(Array(10).fill(200))
    const order = calls.apiPaths.map((path) => path.split('?')[0]?.split('/').pop())
    // Fewest running first, ties in turn: B (none running), then A (none once its two are
    // answered), C, the definitions, before A's and B's next.
    expect(order.slice(0, 6)).toEqual(['a0', 'a1', 'b0', 'a2', 'c0', '6650b1c00000000000000001'])
    expect(order).not.toContain('a5')
    expect(order).not.toContain('b3')
  })

  test("Capillary's 429 Retry-After holds for everyone, without calling it, until it passes", async () => {
    let limited = true
    const { url, calls } = await upstream({
      api: (request, response) =>
        limited
          ? sendJson(429, '{"errors":[{"code":429,"message":"slow down"}]}', {
              'Retry-After': '30',
            })(request, response)
          : sendJson(200, '{"data":{"badges":[]},"errors":[],"warnings":[]}')(request, response),
    })
    const { get, clock } = proxyFor(url)
    const first = await get('customer/1')
    expect(first.status).toBe(429)
    expect(first.headers.get('retry-after')).toBe('30')
    expect(calls.api).toBe(1)
    limited = false
    clock.now += 10_000
    // Another member, another endpoint: still held, and told how long is left.
    for (const path of ['customer/2', 'management/3/badge/b1', 'badgeMeta/b1']) {
      const response = await get(path)
      expect(response.status).toBe(429)
      expect(response.headers.get('retry-after')).toBe('20')
      expect((await response.json()).errors[0].code).toBe(429)
    }
    expect(calls.api).toBe(1)
    clock.now += 20_001
    expect((await get('customer/2')).status).toBe(200)
    expect(calls.api).toBe(2)
  })

  test('a 500 is about one request: it never opens the circuit', async () => {
    const { url, calls } = await upstream({
      api: sendJson(500, '{"errors":[{"code":500,"message":"odd member"}]}'),
    })
    const { get, events } = proxyFor(url)
    for (let index = 0; index < 8; index += 1)
      expect((await get(`customer/odd${index}`)).status).toBe(500)
    expect(calls.api).toBe(8)
    expect(events.some((event) => event.type === 'circuit')).toBe(false)
  })

  test("an answer that cannot be read counts by its status: a gateway's 400 page is one request, a 503 page is the service down", async () => {
    let status = 400
    const { url, calls } = await upstream({
      api: (_, response) => {
        response.writeHead(status, { 'Content-Type': 'text/html' })
        response.end('<html><body>Bad Request</body></html>')
      },
    })
    const { get, events, lines } = proxyFor(url)
    for (let index = 0; index < 8; index += 1) {
      const answer = await get(`customer/m${index}`)
      expect(answer.status).toBe(502)
      expect((await answer.json()).errors[0].message).toMatch(/not JSON/)
    }
    expect(calls.api).toBe(8)
    expect(events.some((event) => event.type === 'circuit')).toBe(false)
    // Named in the log (which endpoint, what status), never the member's path.
    expect(lines).toContain(
      'upstream answer not JSON (status 400): GET /api_gateway/v1/badges/customer',
    )
    status = 503
    for (let index = 0; index < 5; index += 1) await get(`customer/n${index}`)
    expect(events).toContainEqual({ type: 'circuit', state: 'open' })
  })

  test('odd query values and ids are refused before they reach the upstream', async () => {
    const { url, calls } = await upstream({})
    const { get } = proxyFor(url)
    for (const path of [
      'customer/1?limit=100000',
      'customer/1?limit=0',
      'customer/1?page=-1',
      'customer/1?page=99999999',
      'customer/1?badgeType=EVERYTHING',
      'customer/1?sortOn=RANK%25',
      'customer/1?includeExpired=yes',
      'customer/1?groupId=a%25b',
    ])
      expect((await get(path)).status, path).toBe(400)
    for (const path of ['badgeMeta/x%2525y', 'group/a%20b', 'management/1/badge/%3Cb%3E'])
      expect((await get(path)).status, path).toBe(404)
    expect(calls.api).toBe(0)
    // What the showcase itself asks goes through.
    const asked =
      'customer/1?badgeType=EARNED&sortOn=LAST_EARNED_ON_DATE&includeExpired=true&limit=50&page=3&groupId=65c3600c0000000000000001'
    expect((await get(asked)).status).toBe(200)
    expect((await get('badgeMeta/6650b1c00000000000000003?includeStatistics=true')).status).toBe(
      200,
    )
    expect(calls.api).toBe(2)
  })

  test('a status no HTTP answer has is the showcase own 502, logged, not a crash', async () => {
    const { url } = await upstream({
      api: (_, response) => {
        response.writeHead(600, { 'Content-Type': 'application/json' })
        response.end('{"data":null,"errors":[]}')
      },
    })
    const { get, lines } = proxyFor(url)
    const answer = await get('customer/1')
    expect(answer.status).toBe(502)
    expect((await answer.json()).errors[0].code).toBe(502)
    expect(lines).toContain('upstream answered status 600: GET /api_gateway/v1/badges/customer')
  })

  test('a failing upstream opens the circuit; definitions are served stale meanwhile', async () => {
    let healthy = true
    const definition = '{"data":{"id":"b1","name":"Early bird","createdBy":7},"errors":[]}'
    const { url, calls } = await upstream({
      api: (request, response) =>
        healthy
          ? sendJson(200, definition)(request, response)
          : sendJson(503, '{"errors":[{"code":503,"message":"down"}]}')(request, response),
    })
    const { get, clock, events } = proxyFor(url)
    expect((await get('badgeMeta/b1')).status).toBe(200)
    clock.now += DEFINITION_FRESH_MS + 1_000
    healthy = false
    for (let index = 0; index < 5; index += 1)
      expect((await get(`customer/m${index}`)).status).toBe(503)
    expect(calls.api).toBe(6)
    expect(events).toContainEqual({ type: 'circuit', state: 'open' })
    // Open: members' own data is a 503 at once, without calling the upstream…
    const open = await get('customer/m9')
    expect(open.status).toBe(503)
    expect(open.headers.get('retry-after')).toBe('30')
    // …and a definition past its fresh time is still served, as it was.
    const stale = await get('badgeMeta/b1')
    expect(stale.status).toBe(200)
    expect(stale.headers.get('x-showcase-cache')).toBe('stale')
    expect((await stale.json()).data.name).toBe('Early bird')
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(calls.api).toBe(6)
    // After the open time, one trial goes through; it succeeds, and the circuit closes.
    healthy = true
    clock.now += 30_000
    expect((await get('customer/m9')).status).toBe(200)
    expect(events).toContainEqual({ type: 'circuit', state: 'closed' })
    expect((await get('customer/m10')).status).toBe(200)
  })
})

describe('the shared definitions on one instance', () => {
  test('badgeMeta: fetched once, then served from the cache until fresh time, then revalidated', async () => {
    const { url, calls } = await upstream({
      api: sendJson(200, '{"data":{"id":"b1"},"errors":[]}'),
    })
    const { get, clock, events } = proxyFor(url)
    const first = await Promise.all(Array.from({ length: 20 }, () => get('badgeMeta/b1')))
    expect(first.map((response) => response.status)).toEqual(Array(20).fill(200))
    expect(calls.api).toBe(1)
    clock.now += DEFINITION_FRESH_MS - 1
    expect((await get('badgeMeta/b1')).headers.get('x-showcase-cache')).toBe('hit')
    expect(calls.api).toBe(1)
    clock.now += 2
    expect((await get('badgeMeta/b1')).headers.get('x-showcase-cache')).toBe('stale')
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(calls.api).toBe(2)
    expect((await get('badgeMeta/b1')).headers.get('x-showcase-cache')).toBe('hit')
    expect(events.filter((event) => event.type === 'cache').map((event) => event.result)).toEqual([
      ...Array(20).fill('miss'),
      'hit',
      'stale',
      'hit',
    ])
  })

  test('member-specific answers are never cached, but identical concurrent ones share a call', async () => {
    const { url, calls } = await upstream({})
    const { get } = proxyFor(url)
    await Promise.all(Array.from({ length: 10 }, () => get('customer/62090013?badgeType=EARNED')))
    expect(calls.api).toBe(1)
    await get('customer/62090013?badgeType=EARNED')
    await get('management/62090013/badge/b1')
    await get('management/62090013/badge/b1')
    expect(calls.api).toBe(4)
  })

  test('made-up ids and odd query values are not stored; a deleted badge goes away', async () => {
    let deleted = false
    const { url, calls } = await upstream({
      api: (request, response) =>
        request.url?.includes('/badgeMeta/b1') && !deleted
          ? sendJson(200, '{"data":{"id":"b1"},"errors":[]}')(request, response)
          : sendJson(404, '{"data":null,"errors":[{"code":404,"message":"no badge"}]}')(
              request,
              response,
            ),
    })
    const { get, clock } = proxyFor(url)
    expect((await get('badgeMeta/made-up')).status).toBe(404)
    expect((await get('badgeMeta/made-up')).status).toBe(404)
    expect(calls.api).toBe(2)
    // An odd query value is refused before it is asked or stored.
    const odd = await get('badgeMeta/b1?includeStatistics=x1')
    expect(odd.status).toBe(400)
    expect(odd.headers.get('x-showcase-cache')).toBe(null)
    expect(calls.api).toBe(2)
    expect((await get('badgeMeta/b1?includeStatistics=true')).status).toBe(200)
    expect(calls.api).toBe(3)
    deleted = true
    clock.now += DEFINITION_FRESH_MS + 1
    expect((await get('badgeMeta/b1?includeStatistics=true')).status).toBe(200) // stale, revalidating
    await new Promise((resolve) => setTimeout(resolve, 50))
    const gone = await get('badgeMeta/b1?includeStatistics=true')
    expect(gone.status).toBe(404)
    expect(gone.headers.get('x-showcase-cache')).toBe('hit')
  })

  test('group answers are shared, and keyed by group', async () => {
    const { url, calls } = await upstream({
      api: (request, response) =>
        sendJson(200, JSON.stringify({ data: { id: request.url?.split('/').at(-1) } }))(
          request,
          response,
        ),
    })
    const { get } = proxyFor(url)
    expect((await (await get('group/g1')).json()).data.id).toBe('g1')
    expect((await (await get('group/g2')).json()).data.id).toBe('g2')
    expect((await (await get('group/g1')).json()).data.id).toBe('g1')
    expect(calls.api).toBe(2)
  })
})

describe("Capillary's internal fields do not reach members", () => {
  test('createdBy, lastUpdatedBy, ownership and orgId are removed at any depth, numbers kept', () => {
    const raw =
      '{"data":{"id":"b1","orgId":100737,"createdOn":1700000000.123456789,"ownership":{"ownerType":"LOYALTY"},"createdBy":75176138,"items":[{"lastUpdatedBy":1,"name":"a \\"orgId\\" b"}],"x":null}}'
    const stripped = stripFields(raw, INTERNAL_FIELDS)
    expect(stripped).toBe(
      '{"data":{"id":"b1","createdOn":1700000000.123456789,"items":[{"name":"a \\"orgId\\" b"}],"x":null}}',
    )
    expect(stripFields('{"a":[1, 2 ,{"b":true}]}', INTERNAL_FIELDS)).toBe(
      '{"a":[1, 2 ,{"b":true}]}',
    )
  })

  test('a name written with escapes or given twice is removed, and an answer without them comes back as it is', () => {
    expect(stripFields('{"org\\u0049d":1,"a":"\\\\"}', INTERNAL_FIELDS)).toBe('{"a":"\\\\"}')
    // A name given twice, and an answer that is a list.
    expect(stripFields('{"orgId":1,"a":1,"orgId":2}', INTERNAL_FIELDS)).toBe('{"a":1}')
    expect(stripFields('[{"orgId":1},{"a":{"createdBy":[1]}}]', INTERNAL_FIELDS)).toBe(
      '[{},{"a":{}}]',
    )
    const clean = '{ "data" : [ {"id":"b1"} ] }'
    expect(stripFields(clean, INTERNAL_FIELDS)).toBe(clean)
  })

  test('any answer, however laid out: the same data with the fields gone', () => {
    // A small seeded generator: the same answers in every run.
    let seed = 7
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31
      return seed / 2 ** 31
    }
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T
    const names = ['id', 'name', 'orgId', 'createdBy', 'ownership', 'lastUpdatedBy', 'a"b', 'x\\y']
    const space = () => pick(['', ' ', '\n  ', '\t', '\r\n'])
    const escape = (text: string) =>
      // Sometimes the way a JSON writer may spell a letter: \u0049 for I.
      JSON.stringify(text).replace(/I/g, () => (random() < 0.5 ? '\\u0049' : 'I'))
    const write = (value: unknown): string => {
      if (Array.isArray(value))
        return `[${space()}${value.map(write).join(`${space()},${space()}`)}${space()}]`
      if (value !== null && typeof value === 'object') {
        const members = Object.entries(value).map(
          ([name, member]) => `${escape(name)}${space()}:${space()}${write(member)}`,
        )
        return `{${space()}${members.join(`${space()},${space()}`)}${space()}}`
      }
      return typeof value === 'string' ? escape(value) : JSON.stringify(value)
    }
    const make = (depth: number): unknown => {
      const kind =
        depth > 3
          ? pick(['string', 'number', 'null'])
          : pick(['object', 'array', 'string', 'number', 'object'])
      if (kind === 'object') {
        return Object.fromEntries(
          Array.from({ length: Math.floor(random() * 5) }, () => [pick(names), make(depth + 1)]),
        )
      }
      if (kind === 'array')
        return Array.from({ length: Math.floor(random() * 4) }, () => make(depth + 1))
      if (kind === 'string') return pick(['orgId', '{"createdBy":1}', '[,]', 'I \\" ]', ''])
      return kind === 'number' ? pick([0, -1.5, 1700000000.25]) : null
    }
    const without = (value: unknown): unknown => {
      if (Array.isArray(value)) return value.map(without)
      if (value !== null && typeof value === 'object') {
        return Object.fromEntries(
          Object.entries(value)
            .filter(([name]) => !INTERNAL_FIELDS.has(name))
            .map(([name, member]) => [name, without(member)]),
        )
      }
      return value
    }
    for (let run = 0; run < 500; run += 1) {
      const value = { data: make(0) }
      const text = write(value)
      expect(JSON.parse(text)).toEqual(value)
      expect(JSON.parse(stripFields(text, INTERNAL_FIELDS)), text).toEqual(without(value))
    }
  })

  test('through the proxy, from the stand-in cluster', async () => {
    const cluster = createStandInCluster({ oauth: { key: OAUTH_KEY, secret: OAUTH_SECRET } })
    const url = await listen(createAdaptorServer({ fetch: cluster.app.fetch }) as Server)
    // The emulator sends them, as Capillary does.
    const raw = await createEmulator({}).request('/badgeMeta/6650b1c00000000000000003')
    expect(await raw.text()).toContain('"orgId"')
    const { get } = proxyFor(url)
    const token = await new SignJWT({ sub: '62090013' })
      .setProtectedHeader({ alg: 'HS256' })
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode(TOKEN_SECRET))
    for (const path of [
      'badgeMeta/6650b1c00000000000000003',
      'customer/62090013?badgeType=EARNED',
      'management/62090013/badge/6650b1c00000000000000003',
    ]) {
      const response = await get(path, { Authorization: `Bearer ${token}` })
      expect(response.status).toBe(200)
      const text = await response.text()
      expect(text).toMatch(/"6650b1c0[0-9a-f]{16}"/)
      for (const field of INTERNAL_FIELDS) expect(text).not.toContain(`"${field}"`)
    }
  })
})
