import { promisify } from 'node:util'
import { brotliCompress, constants, gzip } from 'node:zlib'
import { type Context } from 'hono'

// Content negotiation for compressed bodies, and on-the-fly compression of the server's own
// dynamic responses (API JSON, the page). Static files are compressed at build time instead
// (scripts/precompress.ts) and served as they are by static-files.ts.

export type Encoding = 'br' | 'gzip'

/** Below this a compressed body saves less than a packet: not worth the CPU or the header. */
export const MIN_COMPRESS_BYTES = 1024

/** Types whose bodies compress; images and fonts are compressed already. */
export function isCompressible(contentType: string | null | undefined): boolean {
  if (!contentType) return false
  const type = contentType.split(';')[0]?.trim().toLowerCase() ?? ''
  return (
    type.startsWith('text/') ||
    type === 'application/json' ||
    type === 'application/javascript' ||
    type === 'application/manifest+json' ||
    type === 'image/svg+xml'
  )
}

/**
 * The best encoding the client accepts among those on offer, or null for the body as it is.
 * Honours q-values (q=0 refuses), `*` and the order of preference br > gzip at equal q.
 */
export function negotiateEncoding(
  acceptEncoding: string | null | undefined,
  offered: readonly Encoding[] = ['br', 'gzip'],
): Encoding | null {
  if (!acceptEncoding) return null
  const weights = new Map<string, number>()
  for (const part of acceptEncoding.split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';')
    if (name === '') continue
    let q = 1
    for (const param of params) {
      const [key, value] = param.trim().split('=')
      if (key === 'q') {
        const parsed = Number(value)
        q = Number.isFinite(parsed) ? Math.min(Math.max(parsed, 0), 1) : 0
      }
    }
    weights.set(name.trim(), q)
  }
  const weightOf = (encoding: string) => weights.get(encoding) ?? weights.get('*') ?? 0
  let best: Encoding | null = null
  let bestQ = 0
  for (const encoding of offered) {
    const q = weightOf(encoding)
    if (q > bestQ) {
      best = encoding
      bestQ = q
    }
  }
  return best
}

export function appendVary(c: Context, header: string) {
  const vary = c.res.headers.get('Vary')
  if (vary === null) c.header('Vary', header)
  else if (
    !vary
      .toLowerCase()
      .split(/\s*,\s*/)
      .includes(header.toLowerCase())
  ) {
    c.header('Vary', `${vary}, ${header}`)
  }
}

const brotli = promisify(brotliCompress)
const gzipAsync = promisify(gzip)

/**
 * Fast settings for bodies made per request: brotli 4 is about as fast as gzip 5 here and a little
 * smaller (bench: `npm run bench` reports throughput with and without). Off the main thread
 * (zlib's pool), so a large list does not block other requests.
 */
export async function compressBody(
  body: Uint8Array,
  encoding: Encoding,
): Promise<Uint8Array<ArrayBuffer>> {
  const compressed = await (encoding === 'br'
    ? brotli(body, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: 4,
          [constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength,
        },
      })
    : gzipAsync(body, { level: 5 }))
  return new Uint8Array(compressed)
}

/**
 * Compresses the dynamic responses (JSON, HTML) over MIN_COMPRESS_BYTES for clients that accept
 * it. Responses already encoded, or marked no-transform, pass as they are.
 */
export function dynamicCompression() {
  return async (c: Context, next: () => Promise<void>) => {
    await next()
    if (!isCompressible(c.res.headers.get('Content-Type'))) return
    // Whether it is compressed depends on the request's Accept-Encoding from here on.
    appendVary(c, 'Accept-Encoding')
    const res = c.res
    if (
      c.req.method === 'HEAD' ||
      res.body === null ||
      res.headers.has('Content-Encoding') ||
      /no-transform/i.test(res.headers.get('Cache-Control') ?? '')
    ) {
      return
    }
    const encoding = negotiateEncoding(c.req.header('Accept-Encoding'))
    if (encoding === null) return
    const body = new Uint8Array(await res.arrayBuffer())
    const headers = new Headers(res.headers)
    // Hono's setter would copy the old headers over the new ones: start from none.
    c.res = undefined
    if (body.byteLength < MIN_COMPRESS_BYTES) {
      headers.set('Content-Length', String(body.byteLength))
      c.res = new Response(body, { status: res.status, statusText: res.statusText, headers })
      return
    }
    const compressed = await compressBody(body, encoding)
    headers.set('Content-Encoding', encoding)
    headers.set('Content-Length', String(compressed.byteLength))
    // A strong validator names one representation; the compressed one is another.
    const etag = headers.get('ETag')
    if (etag !== null && !etag.startsWith('W/')) headers.set('ETag', `W/${etag}`)
    c.res = new Response(compressed, { status: res.status, statusText: res.statusText, headers })
  }
}
