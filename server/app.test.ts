import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { connect } from 'node:net'
import { type AddressInfo } from 'node:net'
import { createAdaptorServer } from '@hono/node-server'
import { Hono } from 'hono'
import { expect, test } from 'vitest'
import { createApi } from './api.ts'
import { createApp } from './app.ts'
import { loggedPath } from './route-label.ts'

function builtApp(basePath = '/') {
  const dist = mkdtempSync(path.join(tmpdir(), 'showcase-dist-'))
  writeFileSync(path.join(dist, 'index.html'), '<!doctype html><div id="root"></div>')
  mkdirSync(path.join(dist, 'assets'))
  writeFileSync(path.join(dist, 'assets', 'app-abc123.js'), 'console.log(1)')
  const lines: string[] = []
  writeFileSync(
    path.join(dist, 'index.html'),
    '<!doctype html><base href="/" /><div id="root"></div>',
  )
  const app = createApp({
    api: createApi({ emulator: { assetBase: basePath } }),
    distDir: dist,
    log: (line) => lines.push(line),
    basePath,
  })
  return { app, lines }
}

test('deep links fall back to index.html; assets are served and cached for good', async () => {
  const { app } = builtApp()
  const deep = await app.request('/customers/62090013/badges/abc?by=email')
  expect(deep.status).toBe(200)
  expect(await deep.text()).toContain('id="root"')
  const asset = await app.request('/assets/app-abc123.js')
  expect(asset.status).toBe(200)
  expect(asset.headers.get('cache-control')).toContain('immutable')
})

test('a missing file is a 404, not the app', async () => {
  const { app } = builtApp()
  const missing = await app.request('/assets/gone-123.js')
  expect(missing.status).toBe(404)
  expect(await missing.text()).not.toContain('id="root"')
})

test('anything under /api_gateway that is not the Badges API is a JSON 404, never HTML', async () => {
  const { app } = builtApp()
  for (const url of [
    '/api_gateway/v1/points/x',
    '/api_gateway/',
    '/api_gateway/v1/badges/nothing/here',
  ]) {
    const response = await app.request(url)
    expect(response.status).toBe(404)
    expect(response.headers.get('content-type')).toContain('application/json')
    expect(await response.json()).toMatchObject({ data: null, errors: [{ code: 404 }] })
  }
})

test('one JSON log line a request: id, method, route, raw path without the query or the member, status, time', async () => {
  const { app, lines } = builtApp()
  const response = await app.request('/api_gateway/v1/badges/customer/62090013?badgeType=EARNED')
  await app.request('/customers/62090013/earned')
  expect(lines).toHaveLength(2)
  const record = JSON.parse(lines[0] ?? '')
  expect(record).toEqual({
    time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    level: 'info',
    msg: 'request',
    requestId: response.headers.get('x-request-id'),
    method: 'GET',
    route: '/api_gateway/v1/badges/customer/:customer',
    // The member's id as a pseudonym (personal data stays out of logs), the same on both lines.
    path: expect.stringMatching(/^\/api_gateway\/v1\/badges\/customer\/~[0-9a-f]{12}$/),
    status: 200,
    durationMs: expect.any(Number),
  })
  const member = String(record.path).split('/').at(-1)
  expect(JSON.parse(lines[1] ?? '')).toMatchObject({
    route: '/customers/:customer/earned',
    path: `/customers/${member}/earned`,
  })
})

test('a request id is made for every request, and a sane one from the caller is kept', async () => {
  const { app, lines } = builtApp()
  const made = await app.request('/healthz')
  const again = await app.request('/healthz')
  expect(made.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/)
  expect(again.headers.get('x-request-id')).not.toBe(made.headers.get('x-request-id'))
  const kept = await app.request('/healthz', { headers: { 'X-Request-Id': 'lb-7f3a:42' } })
  expect(kept.headers.get('x-request-id')).toBe('lb-7f3a:42')
  for (const hostile of ['"},{"level":"error', 'a'.repeat(129), 'id with spaces', 'é']) {
    const response = await app.request('/healthz', { headers: { 'X-Request-Id': hostile } })
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/)
  }
  expect(lines.map((line) => JSON.parse(line).requestId)).toContain('lb-7f3a:42')
})

test('log forging: an encoded line break or NUL in the path stays inside one record', async () => {
  const { app, lines } = builtApp()
  const forged =
    '/api_gateway/v1/badges/customer/x%0aGET%20/api_gateway/v1/badges/customer/62090013%20200%201.0ms'
  for (const path of [forged, '/customers/x%00y%0d%0a/earned', '/x%E2%80%A8y']) {
    lines.length = 0
    await app.request(path)
    const written = lines.join('\n')
    expect(written.split(/\r\n|\r|\n|\u2028|\u2029/)).toHaveLength(1)
    expect(written).not.toContain('\u0000')
    expect(JSON.parse(written).path).toBe(loggedPath(path))
  }
  expect(JSON.parse(lines[0] ?? '').route).toBe('other')
})

/** Sends one request line exactly as given, over a real socket; resolves with the status line. */
function rawRequest(port: number, target: Buffer): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () =>
      socket.write(
        Buffer.concat([
          Buffer.from('GET '),
          target,
          Buffer.from(' HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'),
        ]),
      ),
    )
    let answer = ''
    socket.on('data', (chunk) => (answer += chunk))
    socket.on('error', reject)
    socket.on('close', () => resolve(answer.split('\r\n')[0] ?? ''))
  })
}

test('log forging over real HTTP: encoded CR/LF is one record, a raw NUL never reaches the log', async () => {
  const { app, lines } = builtApp()
  const server = createAdaptorServer({ fetch: app.fetch })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  try {
    const forged = '/api_gateway/v1/badges/customer/x%0d%0aGET%20/healthz%20200%200.1ms'
    expect(await rawRequest(port, Buffer.from(forged))).toMatch(/^HTTP\/1.1 404/)
    expect(lines).toHaveLength(1)
    expect(JSON.parse(lines[0] ?? '')).toMatchObject({ path: loggedPath(forged), status: 404 })
    const nul = Buffer.from('/api_gateway/v1/badges/customer/x\0y')
    expect(await rawRequest(port, nul)).toMatch(/^HTTP\/1.1 400/)
    expect(lines).toHaveLength(1)
  } finally {
    server.close()
  }
})

test('a failing handler answers 500 with an envelope and the server keeps serving', async () => {
  const api = new Hono()
  api.get('/api_gateway/v1/badges/boom', () => {
    throw new Error('boom')
  })
  api.get('/api_gateway/v1/badges/ok', (c) => c.json({ data: {}, errors: [], warnings: [] }))
  const lines: string[] = []
  const app = createApp({ api, distDir: null, log: (line) => lines.push(line) })
  const response = await app.request('/api_gateway/v1/badges/boom')
  expect(response.status).toBe(500)
  expect(await response.json()).toMatchObject({ errors: [{ code: 500 }] })
  // The error and its stack in one record, tied to the request by its id.
  const records = lines.map((line) => JSON.parse(line))
  expect(records).toHaveLength(2)
  expect(records[0]).toMatchObject({ level: 'error', error: 'Error: boom' })
  expect(records[0].stack).toContain('\n')
  expect(records[0].requestId).toBe(records[1].requestId)
  expect((await app.request('/api_gateway/v1/badges/ok')).status).toBe(200)
})

test('security headers on everything served, HSTS only over https, and a health check', async () => {
  const { app } = builtApp()
  for (const path of [
    '/customers/1/earned',
    '/assets/app-abc123.js',
    '/api_gateway/v1/badges/customer/62090013',
    '/healthz',
  ]) {
    const response = await app.request(path)
    const csp = response.headers.get('content-security-policy') ?? ''
    expect(csp).toContain("script-src 'self'")
    expect(csp).not.toContain('unsafe')
    expect(csp).toContain("frame-ancestors 'self'")
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin')
    expect(response.headers.get('cross-origin-opener-policy')).toBe('same-origin')
    expect(response.headers.get('strict-transport-security')).toBeNull()
  }
  const https = await app.request('/healthz', { headers: { 'X-Forwarded-Proto': 'https' } })
  expect(https.headers.get('strict-transport-security')).toContain('max-age=')
  expect(await https.json()).toEqual({ status: 'ok', mode: 'demo' })
})

test('image sources and framing portals come from the configuration', async () => {
  const app = createApp({
    api: createApi(),
    distDir: null,
    log: () => undefined,
    imgSrc: ['https://cdn.brand.example'],
    frameAncestors: ['https://portal.brand.example'],
  })
  const csp = (await app.request('/healthz')).headers.get('content-security-policy')
  expect(csp).toContain("img-src 'self' https://cdn.brand.example")
  expect(csp).toContain('frame-ancestors https://portal.brand.example')
})

test('under a sub-path: deep links carry the base, the API and assets live below it', async () => {
  const { app } = builtApp('/rewards/badges/')
  const deep = await app.request('/rewards/badges/customers/62090013/earned')
  expect(await deep.text()).toContain('<base href="/rewards/badges/"')
  expect((await app.request('/rewards/badges/assets/app-abc123.js')).status).toBe(200)
  const api = await app.request('/rewards/badges/api_gateway/v1/badges/customer/62090013?limit=1')
  expect((await api.json()).data.badges[0].images[0].url).toMatch(/^\/rewards\/badges\/demo\//)
  expect((await app.request('/rewards/badges/config.json')).status).toBe(200)
  const root = await app.request('/')
  expect(root.status).toBe(302)
  expect(root.headers.get('location')).toBe('/rewards/badges/')
  expect((await app.request('/customers/62090013/earned')).status).toBe(404)
})

test('over https the browser is told to stay on it, for this host only', async () => {
  const { app } = builtApp()
  const secure = await app.request('/healthz', { headers: { 'X-Forwarded-Proto': 'https' } })
  // Not includeSubDomains: under a brand's own domain that would bind all of its subdomains.
  expect(secure.headers.get('Strict-Transport-Security')).toBe('max-age=31536000')
  expect((await app.request('/healthz')).headers.get('Strict-Transport-Security')).toBeNull()
})
