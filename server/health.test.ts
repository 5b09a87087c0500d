import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import { type AddressInfo } from 'node:net'
import { afterAll, expect, test } from 'vitest'
import { createApi } from './api.ts'
import { createApp } from './app.ts'
import { createReadiness, type RedisState } from './health.ts'

const servers: Server[] = []
afterAll(() => {
  for (const server of servers) {
    server.closeAllConnections()
    server.close()
  }
})

/** A stand-in cluster over real HTTP that answers `status`, or never when null. */
async function cluster(status: number | null = 404) {
  const seen: IncomingHttpHeaders[] = []
  const server = createServer((request, response) => {
    seen.push(request.headers)
    if (status === null) return
    response.statusCode = status
    response.end('{}')
  })
  servers.push(server)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return { url: new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`), seen }
}

function appWith(readiness: ReturnType<typeof createReadiness>, mode: 'demo' | 'live' = 'live') {
  return createApp({ api: createApi(), distDir: null, log: () => undefined, mode, readiness })
}

test('alive: /healthz answers while the process serves', async () => {
  const app = createApp({ api: createApi(), distDir: null, log: () => undefined })
  const response = await app.request('/healthz')
  expect(response.status).toBe(200)
  expect(await response.json()).toEqual({ status: 'ok', mode: 'demo' })
})

test('demo mode is ready once it answers, with Redis off', async () => {
  const app = createApp({ api: createApi(), distDir: null, log: () => undefined })
  const response = await app.request('/readyz')
  expect(response.status).toBe(200)
  expect(response.headers.get('cache-control')).toBe('no-store')
  expect(await response.json()).toEqual({
    status: 'ready',
    mode: 'demo',
    upstream: 'not used',
    signIn: 'not used',
    redis: 'off',
  })
})

test('live mode is ready when the cluster answers at all, probed without credentials', async () => {
  const upstream = await cluster(401)
  const app = appWith(createReadiness({ mode: 'live', upstream: upstream.url }))
  const response = await app.request('/readyz')
  expect(response.status).toBe(200)
  expect(await response.json()).toMatchObject({ status: 'ready', upstream: 'ok' })
  expect(upstream.seen).toHaveLength(1)
  expect(Object.keys(upstream.seen[0] ?? {})).not.toContain('authorization')
  expect(Object.keys(upstream.seen[0] ?? {}).join()).not.toMatch(/x-cap/i)
})

test('an unreachable or silent cluster makes the instance not ready (503)', async () => {
  const silent = await cluster(null)
  for (const url of [silent.url, new URL('http://127.0.0.1:1/')]) {
    const app = appWith(createReadiness({ mode: 'live', upstream: url, timeoutMs: 200 }))
    const response = await app.request('/readyz')
    expect(response.status).toBe(503)
    expect(await response.json()).toMatchObject({ status: 'not ready', upstream: 'unreachable' })
  }
})

test('credentials Capillary refused take the instance out of rotation (503), and back once taken', async () => {
  const upstream = await cluster(404)
  let signIn: 'ok' | 'refused' | 'not yet' = 'not yet'
  let clock = 0
  const readiness = createReadiness({
    mode: 'live',
    upstream: upstream.url,
    signIn: () => signIn,
    now: () => clock,
  })
  const app = appWith(readiness)
  expect(await (await app.request('/readyz')).json()).toMatchObject({
    status: 'ready',
    signIn: 'not yet',
  })
  signIn = 'refused'
  clock += 10_000
  const refused = await app.request('/readyz')
  expect(refused.status).toBe(503)
  expect(await refused.json()).toMatchObject({ status: 'not ready', signIn: 'refused' })
  signIn = 'ok'
  clock += 10_000
  expect((await app.request('/readyz')).status).toBe(200)
})

test('the probe is reused for a few seconds and shared by concurrent checks', async () => {
  const upstream = await cluster(200)
  let clock = 0
  const readiness = createReadiness({
    mode: 'live',
    upstream: upstream.url,
    cacheMs: 5000,
    now: () => clock,
  })
  await Promise.all(Array.from({ length: 20 }, () => readiness.check()))
  clock = 4999
  await readiness.check()
  expect(upstream.seen).toHaveLength(1)
  clock = 5000
  await readiness.check()
  expect(upstream.seen).toHaveLength(2)
})

test('Redis: reported; down or silent is degraded but still serving (200)', async () => {
  const states: [() => Promise<RedisState>, string, number][] = [
    [async () => 'ok', 'ready', 200],
    [async () => 'down', 'degraded', 200],
    [() => Promise.reject(new Error('ECONNREFUSED')), 'degraded', 200],
    [() => new Promise(() => undefined), 'degraded', 200],
  ]
  for (const [redis, status, code] of states) {
    const readiness = createReadiness({ mode: 'demo', redis, timeoutMs: 300 })
    const response = await appWith(readiness, 'demo').request('/readyz')
    expect(response.status).toBe(code)
    expect(await response.json()).toMatchObject({
      status,
      redis: status === 'ready' ? 'ok' : 'down',
    })
  }
})

test('once draining for shutdown, not ready at once', async () => {
  const readiness = createReadiness({ mode: 'demo' })
  expect((await appWith(readiness, 'demo').request('/readyz')).status).toBe(200)
  readiness.drain()
  const response = await appWith(readiness, 'demo').request('/readyz')
  expect(response.status).toBe(503)
  expect(await response.json()).toMatchObject({ status: 'not ready', draining: true })
})
