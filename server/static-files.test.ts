import { randomBytes } from 'node:crypto'
import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs'
import { request as httpRequest } from 'node:http'
import { type AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { serve, type ServerType } from '@hono/node-server'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { precompressDir } from '../scripts/precompress.ts'
import { createApi } from './api.ts'
import { createApp } from './app.ts'
import { negotiateEncoding } from './compression.ts'

// Over loopback with node:http, which neither asks for nor undoes compression by itself: what a
// browser receives, byte for byte.

type Raw = { status: number; headers: Record<string, string | undefined>; body: Buffer }

function get(port: number, url: string, headers: Record<string, string> = {}): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path: url, headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: Object.fromEntries(
            Object.entries(res.headers).map(([key, value]) => [key, String(value)]),
          ),
          body: Buffer.concat(chunks),
        }),
      )
    })
    req.on('error', reject)
    req.end()
  })
}

function decoded(response: Raw): Buffer {
  const encoding = response.headers['content-encoding']
  if (encoding === 'br') return brotliDecompressSync(response.body)
  if (encoding === 'gzip') return gunzipSync(response.body)
  return response.body
}

// A script that compresses like real code does (repetitive text), well over a kilobyte.
const script = Array.from(
  { length: 400 },
  (_, i) => `export const value${i} = () => "badge-${i}";`,
).join('\n')
// Noise does not compress: the build keeps no twin for it.
const noise = randomBytes(4096)

function servedDist(serveSourceMaps = false) {
  const dist = mkdtempSync(path.join(tmpdir(), 'showcase-static-'))
  mkdirSync(path.join(dist, 'assets'))
  mkdirSync(path.join(dist, '.vite'))
  writeFileSync(
    path.join(dist, 'index.html'),
    '<!doctype html><base href="/" /><div id="root"></div>',
  )
  writeFileSync(path.join(dist, 'assets', 'index-Ab12Cd34.js'), script)
  writeFileSync(
    path.join(dist, 'assets', 'index-Ab12Cd34.js.map'),
    `{"version":3,"x":"${noise.toString('base64')}"}`,
  )
  writeFileSync(path.join(dist, 'assets', 'tiny-Zz99Yy88.css'), 'a{color:red}')
  writeFileSync(path.join(dist, 'assets', 'noise-Nn11Oo22.txt'), noise)
  writeFileSync(path.join(dist, 'embed.js'), script)
  writeFileSync(path.join(dist, '.vite', 'manifest.json'), '{}')
  precompressDir(dist)
  const app = createApp({
    api: createApi(),
    distDir: dist,
    log: () => undefined,
    serveSourceMaps,
  })
  return app
}

let server: ServerType
let port: number
let mapsServer: ServerType
let mapsPort: number

beforeAll(async () => {
  const start = (fetch: ReturnType<typeof servedDist>['fetch']) =>
    new Promise<[ServerType, number]>((resolve) => {
      const started = serve({ fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) =>
        resolve([started, info.port]),
      )
    })
  ;[server, port] = await start(servedDist().fetch)
  ;[mapsServer, mapsPort] = await start(servedDist(true).fetch)
})

afterAll(() => {
  server.close()
  mapsServer.close()
})

test("a copy that did not keep the files' times still sends their twins; a twin of other content never", async () => {
  const dist = mkdtempSync(path.join(tmpdir(), 'showcase-copied-'))
  mkdirSync(path.join(dist, 'assets'))
  writeFileSync(path.join(dist, 'index.html'), '<!doctype html><div id="root"></div>')
  writeFileSync(path.join(dist, 'assets', 'copied-Aa11Bb22.js'), script)
  writeFileSync(path.join(dist, 'assets', 'rebuilt-Cc33Dd44.js'), script)
  precompressDir(dist)
  // `cp -r` takes a directory's files in the order the disk lists them: a twin can come out older.
  const hourAgo = new Date(Date.now() - 3_600_000)
  for (const twin of ['copied-Aa11Bb22.js.br', 'copied-Aa11Bb22.js.gz'])
    utimesSync(path.join(dist, 'assets', twin), hourAgo, hourAgo)
  // A file written again after its twins were made (mid-build): they are not its content.
  writeFileSync(path.join(dist, 'assets', 'rebuilt-Cc33Dd44.js'), `${script}\n// changed`)
  const app = createApp({ api: createApi(), distDir: dist, log: () => undefined })
  const [started, at] = await new Promise<[ServerType, number]>((resolve) => {
    const running = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) =>
      resolve([running, info.port]),
    )
  })
  try {
    const copied = await get(at, '/assets/copied-Aa11Bb22.js', { 'Accept-Encoding': 'br, gzip' })
    expect(copied.headers['content-encoding']).toBe('br')
    expect(decoded(copied).toString()).toBe(script)
    const rebuilt = await get(at, '/assets/rebuilt-Cc33Dd44.js', { 'Accept-Encoding': 'br, gzip' })
    expect(rebuilt.headers['content-encoding']).toBeUndefined()
    expect(rebuilt.body.toString()).toBe(`${script}\n// changed`)
  } finally {
    started.close()
  }
})

describe('static files, compressed at build time', () => {
  test('brotli when the browser takes it, the right type and length, and Vary', async () => {
    const response = await get(port, '/assets/index-Ab12Cd34.js', {
      'Accept-Encoding': 'gzip, deflate, br, zstd',
    })
    expect(response.status).toBe(200)
    expect(response.headers['content-encoding']).toBe('br')
    expect(response.headers['content-type']).toBe('text/javascript; charset=utf-8')
    expect(response.headers['vary']).toContain('Accept-Encoding')
    expect(Number(response.headers['content-length'])).toBe(response.body.length)
    expect(response.body.length).toBeLessThan(script.length / 4)
    expect(decoded(response).toString()).toBe(script)
  })

  test('gzip for a client without brotli, and the file as it is for one without either', async () => {
    const gzip = await get(port, '/assets/index-Ab12Cd34.js', { 'Accept-Encoding': 'gzip' })
    expect(gzip.headers['content-encoding']).toBe('gzip')
    expect(decoded(gzip).toString()).toBe(script)
    const plain = await get(port, '/assets/index-Ab12Cd34.js')
    expect(plain.headers['content-encoding']).toBeUndefined()
    expect(plain.headers['vary']).toContain('Accept-Encoding')
    expect(plain.body.toString()).toBe(script)
  })

  test('q=0 refuses an encoding', async () => {
    const noBrotli = await get(port, '/assets/index-Ab12Cd34.js', {
      'Accept-Encoding': 'br;q=0, gzip;q=0.8',
    })
    expect(noBrotli.headers['content-encoding']).toBe('gzip')
    const none = await get(port, '/assets/index-Ab12Cd34.js', { 'Accept-Encoding': '*;q=0' })
    expect(none.headers['content-encoding']).toBeUndefined()
    expect(none.body.toString()).toBe(script)
  })

  test('hashed assets are cached for good; the page, embed.js and config.json are revalidated', async () => {
    const asset = await get(port, '/assets/index-Ab12Cd34.js')
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    for (const url of ['/', '/index.html', '/customers/1/earned', '/embed.js', '/config.json']) {
      expect((await get(port, url)).headers['cache-control'], url).toBe('no-cache')
    }
  })

  test('tiny files and files that do not compress go as they are', async () => {
    for (const url of ['/assets/tiny-Zz99Yy88.css', '/assets/noise-Nn11Oo22.txt']) {
      const response = await get(port, url, { 'Accept-Encoding': 'br, gzip' })
      expect(response.status, url).toBe(200)
      expect(response.headers['content-encoding'], url).toBeUndefined()
    }
  })

  test('a revalidation with the same ETag is a 304 without a body', async () => {
    const headers = { 'Accept-Encoding': 'br' }
    const first = await get(port, '/embed.js', headers)
    const etag = first.headers['etag'] ?? ''
    expect(etag).toMatch(/^".+-br"$/)
    const again = await get(port, '/embed.js', { ...headers, 'If-None-Match': etag })
    expect(again.status).toBe(304)
    expect(again.body.length).toBe(0)
    // Another encoding is another representation: not a match.
    const gzip = await get(port, '/embed.js', { 'Accept-Encoding': 'gzip', 'If-None-Match': etag })
    expect(gzip.status).toBe(200)
  })

  test('source maps only when asked for; the compressed twins and hidden files never', async () => {
    expect((await get(port, '/assets/index-Ab12Cd34.js.map')).status).toBe(404)
    const map = await get(mapsPort, '/assets/index-Ab12Cd34.js.map')
    expect(map.status).toBe(200)
    expect(map.headers['content-type']).toContain('application/json')
    for (const url of [
      '/assets/index-Ab12Cd34.js.br',
      // (A trailing slash, which resolving a path drops, once served both.)
      '/assets/index-Ab12Cd34.js.br/',
      '/assets/index-Ab12Cd34.js.gz//',
      '/index.html/',
      '/.vite/manifest.json',
      '/..%2f..%2fpackage.json',
    ]) {
      expect((await get(port, url)).status, url).toBe(404)
    }
  })
})

describe('API responses, compressed per request', () => {
  const list = '/api_gateway/v1/badges/customer/62090013?badgeType=EARNED&limit=50'

  test('a list over a kilobyte is compressed, says so, and decodes to the same JSON', async () => {
    const plain = await get(port, list)
    expect(plain.headers['content-encoding']).toBeUndefined()
    expect(plain.body.length).toBeGreaterThan(1024)
    for (const encoding of ['br', 'gzip']) {
      const response = await get(port, list, { 'Accept-Encoding': encoding })
      expect(response.headers['content-encoding']).toBe(encoding)
      expect(response.headers['vary']).toContain('Accept-Encoding')
      expect(response.headers['content-type']).toContain('application/json')
      expect(Number(response.headers['content-length'])).toBe(response.body.length)
      expect(response.body.length).toBeLessThan(plain.body.length / 3)
      expect(JSON.parse(decoded(response).toString())).toEqual(JSON.parse(plain.body.toString()))
    }
  })

  test('a tiny body is not compressed', async () => {
    const response = await get(port, '/api_gateway/v1/badges/nothing/here', {
      'Accept-Encoding': 'br, gzip',
    })
    expect(response.status).toBe(404)
    expect(response.body.length).toBeLessThan(1024)
    expect(response.headers['content-encoding']).toBeUndefined()
    expect(JSON.parse(response.body.toString())).toMatchObject({ errors: [{ code: 404 }] })
  })

  test('q=0 is respected for API responses too', async () => {
    const response = await get(port, list, { 'Accept-Encoding': 'br;q=0, gzip;q=0' })
    expect(response.headers['content-encoding']).toBeUndefined()
  })
})

test('negotiation: preference order, q-values and the wildcard', () => {
  expect(negotiateEncoding('gzip, br')).toBe('br')
  expect(negotiateEncoding('br;q=0.5, gzip')).toBe('gzip')
  expect(negotiateEncoding('*')).toBe('br')
  expect(negotiateEncoding('*, br;q=0')).toBe('gzip')
  expect(negotiateEncoding('identity')).toBeNull()
  expect(negotiateEncoding('')).toBeNull()
  expect(negotiateEncoding('br', ['gzip'])).toBeNull()
  expect(negotiateEncoding('BR; Q=1')).toBe('br')
})
