import { type Server } from 'node:http'
import { type AddressInfo } from 'node:net'
import { createAdaptorServer } from '@hono/node-server'
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest'
import { createApi } from '../api.ts'
import { createApp } from '../app.ts'
import { readConfig } from '../config.ts'
import { createStandInCluster } from './stand-in.ts'
import { type UpstreamEvent } from './events.ts'
import { redisServerPath, startRedis, type TestRedis } from './redis-for-tests.ts'
import { cacheHealth, createSharedStore, type SharedStore } from './shared-cache.ts'

// Two showcase instances sharing one real Redis, in front of the emulator playing a Capillary
// cluster that counts what reaches it: the OAuth token is fetched once for both, each badge
// definition once, and a Redis that goes away costs no member a failed request.

const OAUTH_KEY = 'oauth-key-5e1f'
const OAUTH_SECRET = 'oauth-secret-9b7c41'
const MEMBERS = ['62090013', '565039504', '381921157']
const BADGES = [
  '6650b1c00000000000000001',
  '6650b1c00000000000000002',
  '6650b1c00000000000000003',
  '6650b1c00000000000000005',
  '6650b1c00000000000000009',
  '6650b1c0000000000000000c',
]

const executable = redisServerPath()
if (executable === null) {
  const message =
    'redis-server is not installed: the shared-cache tests against a real Redis cannot run (apt-get install redis-server).'
  // In CI a missing Redis is a failure, never a quiet skip.
  if (!['', 'false', '0', undefined].includes(process.env.CI)) throw new Error(message)
  console.warn(`SKIPPED: ${message}`)
}

const servers: Server[] = []
const stores: SharedStore[] = []
let redis: TestRedis

beforeAll(async () => {
  if (executable !== null) redis = await startRedis(executable)
}, 30_000)

// Each test's instances end with it: the process-wide health counts every open store, and one left
// from an earlier test, reconnecting on its own back-off, could still say "down" when this test's
// have come back.
afterEach(async () => {
  for (const store of stores.splice(0)) await store.close()
})

afterAll(async () => {
  for (const server of servers) {
    server.closeAllConnections()
    await new Promise((resolve) => server.close(resolve))
  }
  await redis?.stop()
})

/** The stand-in cluster on loopback, counting token calls and badgeMeta calls per badge. */
async function countingCluster() {
  const cluster = createStandInCluster({ oauth: { key: OAUTH_KEY, secret: OAUTH_SECRET } })
  const counts = { token: 0, badgeMeta: new Map<string, number>(), other: 0 }
  const server = createAdaptorServer({
    fetch: (request: Request) => {
      const path = new URL(request.url).pathname
      const meta = /\/badgeMeta\/([^/]+)$/.exec(path)?.[1]
      if (path === '/v3/oauth/token/generate') counts.token += 1
      else if (meta !== undefined) counts.badgeMeta.set(meta, (counts.badgeMeta.get(meta) ?? 0) + 1)
      else counts.other += 1
      return cluster.app.fetch(request)
    },
  }) as Server
  servers.push(server)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, counts }
}

/** One showcase instance with its own Redis connection, as a separate process would have. */
function instance(upstream: string) {
  const lines: string[] = []
  const events: UpstreamEvent[] = []
  const config = readConfig({
    CAPILLARY_API_URL: upstream,
    CAPILLARY_OAUTH_KEY: OAUTH_KEY,
    CAPILLARY_OAUTH_SECRET: OAUTH_SECRET,
    SHOWCASE_ALLOW_ANY_MEMBER: 'true',
    // Hundreds of members, all from this one test client: no per-client share (proxy.test.ts's).
    SHOWCASE_MEMBER_RATE: '0',
    SHOWCASE_REDIS_URL: redis.url,
  })
  // Each line with its level, as the server's log writes it.
  const log = (line: string, level: 'info' | 'warn' = 'warn') => lines.push(`${level} ${line}`)
  const store = createSharedStore({ redisUrl: config.live?.redisUrl ?? null, log })
  stores.push(store)
  const app = createApp({
    api: createApi({
      live: config.live,
      store,
      log,
      onEvent: (event) => events.push(event),
    }),
    distDir: null,
    log: () => undefined,
    mode: 'live',
  })
  return { app, store, lines, events }
}

async function until(condition: () => boolean) {
  for (let tries = 0; tries < 400 && !condition(); tries += 1)
    await new Promise((resolve) => setTimeout(resolve, 25))
  expect(condition()).toBe(true)
}

/** A member opening a badge: its detail for them and its definition. */
async function openBadge(app: ReturnType<typeof instance>['app'], index: number) {
  const member = MEMBERS[index % MEMBERS.length] ?? ''
  const badge = BADGES[index % BADGES.length] ?? ''
  const base = '/api_gateway/v1/badges'
  const responses = await Promise.all([
    app.request(`${base}/management/${member}/badge/${badge}?includeStatistics=false`),
    app.request(`${base}/badgeMeta/${badge}?includeStatistics=false`),
  ])
  for (const response of responses) await response.arrayBuffer()
  return responses.map((response) => response.status)
}

// Generous: reconnecting takes a few back-off steps, and the machine may be busy.
describe.skipIf(executable === null)('two instances sharing one Redis', { timeout: 60_000 }, () => {
  test('200 concurrent members opening badges: one token call, one badgeMeta call per badge', async () => {
    const cluster = await countingCluster()
    const first = instance(cluster.url)
    const second = instance(cluster.url)
    await until(() => first.store.health() === 'up' && second.store.health() === 'up')
    expect(cacheHealth()).toEqual({ redis: 'up' })

    const statuses = await Promise.all(
      Array.from({ length: 200 }, (_, index) =>
        openBadge(index % 2 === 0 ? first.app : second.app, index),
      ),
    )
    expect(statuses.flat().filter((status) => status !== 200)).toEqual([])
    expect(cluster.counts.token).toBe(1)
    expect([...cluster.counts.badgeMeta.keys()].sort()).toEqual([...BADGES].sort())
    for (const [badge, calls] of cluster.counts.badgeMeta)
      expect([badge, calls]).toEqual([badge, 1])
    // The other instance took the token from Redis instead of asking Capillary.
    const tokenEvents = [...first.events, ...second.events].filter(
      (event) => event.type === 'token',
    )
    expect(tokenEvents).toEqual(
      expect.arrayContaining([
        { type: 'token', result: 'refreshed' },
        { type: 'token', result: 'shared' },
      ]),
    )

    // A third instance started later finds everything shared already.
    const third = instance(cluster.url)
    await until(() => third.store.health() === 'up')
    expect(await openBadge(third.app, 0)).toEqual([200, 200])
    expect(cluster.counts.token).toBe(1)
    expect(cluster.counts.badgeMeta.get(BADGES[0] ?? '')).toBe(1)
  })

  test('Redis stopped mid-run: no member request fails, the outage is logged once and reported', async () => {
    const cluster = await countingCluster()
    const first = instance(cluster.url)
    const second = instance(cluster.url)
    await until(() => first.store.health() === 'up' && second.store.health() === 'up')

    const round = (offset: number) =>
      Promise.all(
        Array.from({ length: 60 }, (_, index) =>
          openBadge(index % 2 === 0 ? first.app : second.app, index + offset),
        ),
      )
    const before = round(0)
    await redis.stop()
    const during = [await before, await round(1), await round(2)]
    expect(during.flat(2).filter((status) => status !== 200)).toEqual([])
    await until(() => cacheHealth().redis === 'down')
    expect(first.store.health()).toBe('down')
    const outage = first.lines.filter((line) => line.includes('Redis unavailable'))
    expect(outage).toHaveLength(1)
    expect(outage[0]).toMatch(/serving from this instance's memory/)
    // What to check when it never comes back: the setting, never its value (it may hold a password).
    expect(outage[0]).toMatch(/check SHOWCASE_REDIS_URL/)

    // Back again: the instances reconnect by themselves, and keep serving throughout.
    await redis.start()
    await until(() => first.store.health() === 'up' && second.store.health() === 'up')
    expect(cacheHealth()).toEqual({ redis: 'up' })
    expect((await round(3)).flat().filter((status) => status !== 200)).toEqual([])
    // Connected is news, not a warning (an operator alerting on warnings is not woken for it).
    expect(first.lines.filter((line) => line.includes('Redis connected'))).toEqual([
      'info shared cache: Redis connected',
      'info shared cache: Redis connected',
    ])
    expect(outage[0]).toMatch(/^warn /)
  })
})
