import { createServer, type Server } from 'node:http'
import { type AddressInfo } from 'node:net'
import { createAdaptorServer } from '@hono/node-server'
import { afterAll, expect, test } from 'vitest'
import { createApi } from './api.ts'
import { createApp } from './app.ts'
import { readConfig } from './config.ts'
import { createStandInCluster } from './live/stand-in.ts'
import { createMetrics, createRegistry, meteredFetch, upstreamEndpoint } from './metrics.ts'
import { parseExposition, sampleValue } from './test/exposition.ts'

test('counters, gauges and histograms with labels come out in the text format', () => {
  const registry = createRegistry()
  const hits = registry.counter({ name: 'hits_total', help: 'Hits.', labelNames: ['kind'] })
  const depth = registry.gauge({ name: 'depth', help: 'Depth.' })
  const latency = registry.histogram({
    name: 'latency_seconds',
    help: 'Latency.',
    labelNames: ['endpoint'],
    buckets: [0.5, 0.1, 1],
  })
  hits.inc({ kind: 'a' })
  hits.inc({ kind: 'a' }, 2)
  hits.inc({ kind: 'b' })
  depth.set({}, 7)
  depth.inc({}, -2)
  for (const value of [0.05, 0.1, 0.3, 2]) latency.observe({ endpoint: 'x' }, value)

  const families = parseExposition(registry.expose())
  expect(families.get('hits_total')).toMatchObject({ type: 'counter', help: 'Hits.' })
  expect(sampleValue(families, 'hits_total', { kind: 'a' })).toBe(3)
  expect(sampleValue(families, 'hits_total', { kind: 'b' })).toBe(1)
  expect(sampleValue(families, 'depth')).toBe(5)
  expect(families.get('latency_seconds')?.type).toBe('histogram')
  const bucket = (le: string) =>
    sampleValue(families, 'latency_seconds_bucket', { endpoint: 'x', le })
  // Cumulative, in ascending order of bounds, +Inf equal to the count.
  expect([bucket('0.1'), bucket('0.5'), bucket('1'), bucket('+Inf')]).toEqual([2, 3, 3, 4])
  expect(sampleValue(families, 'latency_seconds_count', { endpoint: 'x' })).toBe(4)
  expect(sampleValue(families, 'latency_seconds_sum', { endpoint: 'x' })).toBeCloseTo(2.45)
  const les = families.get('latency_seconds')?.samples.map((sample) => sample.labels.le)
  expect(les?.slice(0, 4)).toEqual(['0.1', '0.5', '1', '+Inf'])
})

test('label values and help text are escaped, so no value can break the format', () => {
  const registry = createRegistry()
  const counter = registry.counter({
    name: 'odd_total',
    help: 'Back\\slash and\nnew line.',
    labelNames: ['value'],
  })
  const hostile = 'a"b\\c\nd} 1\n# TYPE x counter'
  counter.inc({ value: hostile })
  const text = registry.expose()
  const families = parseExposition(text)
  expect(families.get('odd_total')?.help).toBe('Back\\slash and\nnew line.')
  expect(sampleValue(families, 'odd_total', { value: hostile })).toBe(1)
  expect(text.split('\n').filter((line) => line.startsWith('odd_total'))).toHaveLength(1)
})

test('bad names, unknown labels and falling counters are refused; series are bounded', () => {
  const registry = createRegistry()
  expect(() => registry.counter({ name: 'bad-name', help: '' })).toThrow()
  expect(() => registry.counter({ name: 'ok', help: '', labelNames: ['le'] })).toThrow()
  const counter = registry.counter({ name: 'c_total', help: '', labelNames: ['id'] })
  expect(() => registry.counter({ name: 'c_total', help: '' })).toThrow()
  expect(() => counter.inc({ other: 'x' })).toThrow()
  expect(() => counter.inc({}, -1)).toThrow()
  for (let index = 0; index < 1500; index += 1) counter.inc({ id: String(index) })
  expect(parseExposition(registry.expose()).get('c_total')?.samples).toHaveLength(1000)
})

test('the showcase metrics: upstream calls, cache, token refreshes, queue length', () => {
  const metrics = createMetrics()
  metrics.upstreamCall('badgeMeta', 200, 40)
  metrics.upstreamCall('badgeMeta', 200, 60)
  metrics.upstreamCall('customer', 'timeout', 10_000)
  metrics.cache('badgeMeta', 'hit')
  metrics.cache('badgeMeta', 'hit')
  metrics.cache('group', 'stale')
  metrics.tokenRefresh('ok')
  metrics.queueLength(12)
  metrics.circuitOpen(true)
  const families = parseExposition(metrics.expose())
  const calls = { endpoint: 'badgeMeta', status: '200' }
  expect(sampleValue(families, 'showcase_upstream_requests_total', calls)).toBe(2)
  expect(
    sampleValue(families, 'showcase_upstream_request_duration_seconds_sum', calls),
  ).toBeCloseTo(0.1)
  expect(
    sampleValue(families, 'showcase_upstream_request_duration_seconds_bucket', {
      endpoint: 'customer',
      status: 'timeout',
      le: '5',
    }),
  ).toBe(0)
  expect(
    sampleValue(families, 'showcase_cache_lookups_total', { kind: 'badgeMeta', result: 'hit' }),
  ).toBe(2)
  expect(sampleValue(families, 'showcase_cache_lookups_total', { result: 'stale' })).toBe(1)
  expect(sampleValue(families, 'showcase_upstream_token_refreshes_total', { outcome: 'ok' })).toBe(
    1,
  )
  expect(sampleValue(families, 'showcase_upstream_queue_length')).toBe(12)
  expect(sampleValue(families, 'showcase_upstream_circuit_open')).toBe(1)
  expect(sampleValue(families, 'process_resident_memory_bytes')).toBeGreaterThan(1e6)
})

test('GET /metrics counts requests by templated route and status, never by member', async () => {
  const metrics = createMetrics()
  const app = createApp({ api: createApi(), distDir: null, log: () => undefined, metrics })
  await app.request('/api_gateway/v1/badges/customer/62090013?limit=1')
  await app.request('/api_gateway/v1/badges/customer/565039504?limit=1')
  await app.request('/api_gateway/v1/badges/customer/999')
  await app.request('/api_gateway/v1/badges/badgeMeta/6650b1c00000000000000003')
  const response = await app.request('/metrics')
  expect(response.status).toBe(200)
  expect(response.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8')
  const text = await response.text()
  expect(text).not.toContain('62090013')
  const families = parseExposition(text)
  const customer = '/api_gateway/v1/badges/customer/:customer'
  const total = 'showcase_http_requests_total'
  expect(sampleValue(families, total, { route: customer, status: '200', method: 'GET' })).toBe(2)
  expect(sampleValue(families, total, { route: customer, status: '404' })).toBe(1)
  expect(
    sampleValue(families, 'showcase_http_request_duration_seconds_count', { route: customer }),
  ).toBe(3)
  expect(
    sampleValue(families, 'showcase_http_request_duration_seconds_bucket', {
      route: customer,
      le: '+Inf',
    }),
  ).toBe(3)
  // The scrape itself is in flight while it is exposed.
  expect(sampleValue(families, 'showcase_http_requests_in_flight')).toBe(1)
})

test('with SHOWCASE_METRICS_TOKEN, GET /metrics answers only a scraper that sends it', async () => {
  const token = 'scraper-0123456789abcdef01234567'
  expect(readConfig({ SHOWCASE_METRICS_TOKEN: token }).metricsToken).toBe(token)
  expect(readConfig({}).metricsToken).toBeNull()
  // A short or unprintable token is a setting mistake, said at start.
  expect(() => readConfig({ SHOWCASE_METRICS_TOKEN: 'short' })).toThrow(/SHOWCASE_METRICS_TOKEN/)
  expect(() => readConfig({ SHOWCASE_METRICS_TOKEN: `${token} x` })).toThrow(/printable/)

  const app = createApp({
    api: createApi(),
    distDir: null,
    log: () => undefined,
    metrics: createMetrics(),
    metricsToken: token,
  })
  const scrape = (authorization?: string) =>
    app.request(
      '/metrics',
      authorization === undefined ? {} : { headers: { Authorization: authorization } },
    )
  for (const refused of [undefined, `Bearer ${token.slice(0, -1)}`, `Bearer ${token}0`, token]) {
    const response = await scrape(refused)
    expect(response.status).toBe(401)
    expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/)
    expect(await response.text()).not.toContain('showcase_http_requests_total')
  }
  const allowed = await scrape(`Bearer ${token}`)
  expect(allowed.status).toBe(200)
  // The scheme's name in any case, as HTTP has it.
  expect((await scrape(`bearer ${token}`)).status).toBe(200)
  expect(await allowed.text()).toContain('showcase_http_requests_total')
  // The probes stay open: a balancer has no token.
  expect((await app.request('/healthz')).status).toBe(200)
})

test('upstream endpoints are named by resource, whatever the ids', () => {
  expect(upstreamEndpoint('/api_gateway/v1/badges/customer/62090013')).toBe('customer')
  expect(upstreamEndpoint('/gw/api_gateway/v1/badges/management/1/badge/2')).toBe('management')
  expect(upstreamEndpoint('/api_gateway/v1/badges/badgeMeta/x')).toBe('badgeMeta')
  expect(upstreamEndpoint('/api_gateway/v1/badges/group/g')).toBe('group')
  expect(upstreamEndpoint('/v3/oauth/token/generate')).toBe('token')
  expect(upstreamEndpoint('/elsewhere')).toBe('other')
})

const servers: Server[] = []
afterAll(() => servers.forEach((server) => server.close()))

test('a metered fetch counts real upstream calls by endpoint and status, and failures', async () => {
  const server = createServer((request, response) => {
    if (request.url?.includes('slow')) return // never answers
    response.statusCode = request.url?.includes('missing') ? 404 : 200
    response.end('{}')
  })
  servers.push(server)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const metrics = createMetrics()
  const fetch = meteredFetch(globalThis.fetch, metrics)
  await fetch(`${base}/api_gateway/v1/badges/badgeMeta/a`)
  await fetch(`${base}/api_gateway/v1/badges/badgeMeta/missing`)
  await fetch(`${base}/v3/oauth/token/generate`, { method: 'POST' })
  await expect(
    fetch(`${base}/api_gateway/v1/badges/group/slow`, { signal: AbortSignal.timeout(50) }),
  ).rejects.toThrow()
  await expect(fetch('http://127.0.0.1:1/api_gateway/v1/badges/customer/1')).rejects.toThrow()
  const families = parseExposition(metrics.expose())
  const calls = (endpoint: string, status: string) =>
    sampleValue(families, 'showcase_upstream_requests_total', { endpoint, status })
  expect(calls('badgeMeta', '200')).toBe(1)
  expect(calls('badgeMeta', '404')).toBe(1)
  expect(calls('token', '200')).toBe(1)
  expect(calls('group', 'timeout')).toBe(1)
  expect(calls('customer', 'error')).toBe(1)
  server.closeAllConnections()
})

test('live mode wired as main.ts does: the token and the proxied calls are counted', async () => {
  const cluster = createStandInCluster({ oauth: { key: 'k', secret: 's' } })
  const server = createAdaptorServer({ fetch: cluster.app.fetch }) as Server
  servers.push(server)
  const port = await new Promise<number>((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
  )
  const config = readConfig({
    CAPILLARY_API_URL: `http://127.0.0.1:${port}`,
    CAPILLARY_OAUTH_KEY: 'k',
    CAPILLARY_OAUTH_SECRET: 's',
    SHOWCASE_ALLOW_ANY_MEMBER: 'true',
  })
  const metrics = createMetrics()
  const app = createApp({
    api: createApi({ live: config.live, fetch: meteredFetch(globalThis.fetch, metrics) }),
    distDir: null,
    log: () => undefined,
    mode: 'live',
    metrics,
  })
  expect((await app.request('/api_gateway/v1/badges/customer/62090013?limit=1')).status).toBe(200)
  expect((await app.request('/api_gateway/v1/badges/badgeMeta/unknown')).status).toBe(404)
  const families = parseExposition(await (await app.request('/metrics')).text())
  const calls = (endpoint: string, status: string) =>
    sampleValue(families, 'showcase_upstream_requests_total', { endpoint, status })
  expect(calls('token', '200')).toBe(1)
  expect(calls('customer', '200')).toBe(1)
  expect(calls('badgeMeta', '404')).toBe(1)
  server.closeAllConnections()
})
