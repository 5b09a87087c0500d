import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { Hono } from 'hono'
import { expect, test } from 'vitest'
import { createApi } from './api.ts'
import { createApp } from './app.ts'

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

test('one log line a request, without the query string', async () => {
  const { app, lines } = builtApp()
  await app.request('/api_gateway/v1/badges/customer/62090013?badgeType=EARNED')
  await app.request('/customers/62090013/earned')
  expect(lines).toHaveLength(2)
  expect(lines[0]).toMatch(/^GET \/api_gateway\/v1\/badges\/customer\/62090013 200 \d+\.\dms$/)
})

test('a failing handler answers 500 with an envelope and the server keeps serving', async () => {
  const api = new Hono()
  api.get('/api_gateway/v1/badges/boom', () => {
    throw new Error('boom')
  })
  api.get('/api_gateway/v1/badges/ok', (c) => c.json({ data: {}, errors: [], warnings: [] }))
  const app = createApp({ api, distDir: null, log: () => undefined })
  const original = console.error
  console.error = () => undefined
  try {
    const response = await app.request('/api_gateway/v1/badges/boom')
    expect(response.status).toBe(500)
    expect(await response.json()).toMatchObject({ errors: [{ code: 500 }] })
  } finally {
    console.error = original
  }
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
