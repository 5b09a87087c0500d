import { createHash } from 'node:crypto'
import { readFile, stat } from 'node:fs/promises'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import path from 'node:path'
import { type Context } from 'hono'
import { appendVary, type Encoding, negotiateEncoding } from './compression.ts'

// The build's files as they are on disk: each read once (with the .br and .gz twins the build made
// beside it, scripts/precompress.ts) and kept in memory, so a request costs a stat and a write,
// never a compression. A rebuild under a running server is noticed by the file's mtime.

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
}

const IMMUTABLE = 'public, max-age=31536000, immutable'

type Bytes = Uint8Array<ArrayBuffer>

type Entry = {
  mtimeMs: number
  type: string
  hash: string
  bodies: { identity: Bytes } & Partial<Record<Encoding, Bytes>>
}

/**
 * A compressed twin, if it holds this very file. Checked by its content, once per file read: a twin
 * left over from an earlier build (or written after its file mid-build) is refused, and one that a
 * copy without timestamps (`cp -r`) made older than its file is still used. (The mtime check it
 * replaces sent such a copy's files uncompressed or as gzip, by the order the copy took them.)
 */
async function readVariant(
  file: string,
  identity: Bytes,
  decompress: (bytes: Bytes) => Buffer,
): Promise<Bytes | undefined> {
  try {
    const bytes = new Uint8Array(await readFile(file))
    return decompress(bytes).equals(identity) ? bytes : undefined
  } catch {
    return undefined
  }
}

/**
 * How long a browser may keep a file: Vite fingerprints everything under assets/, so those are
 * kept for good; artwork outside it changes only with a deploy (a day is harmless); everything
 * else (embed.js, config.json, favicon's page) is revalidated on each use.
 */
export function cacheControlFor(relativePath: string, type: string): string {
  if (relativePath.startsWith('assets/')) return IMMUTABLE
  if (type.startsWith('image/')) return 'public, max-age=86400'
  return 'no-cache'
}

export type StaticFilesOptions = {
  root: string
  /** The app's mount path ("/" or "/rewards/badges/"), stripped from request paths. */
  basePath: string
  /** Source maps reveal the original sources: served only when asked for (SHOWCASE_SERVE_SOURCEMAPS). */
  serveSourceMaps: boolean
}

export function staticFiles({ root, basePath, serveSourceMaps }: StaticFilesOptions) {
  const cache = new Map<string, Entry>()
  const resolvedRoot = path.resolve(root)

  async function load(file: string): Promise<Entry | null> {
    let info
    try {
      info = await stat(file)
    } catch {
      return null
    }
    if (!info.isFile()) return null
    const cached = cache.get(file)
    if (cached && cached.mtimeMs === info.mtimeMs) return cached
    const identity = new Uint8Array(await readFile(file))
    const br = await readVariant(`${file}.br`, identity, brotliDecompressSync)
    const gzip = await readVariant(`${file}.gz`, identity, gunzipSync)
    const entry: Entry = {
      mtimeMs: info.mtimeMs,
      type: TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
      hash: createHash('sha256').update(identity).digest('base64url').slice(0, 22),
      bodies: { identity, ...(br && { br }), ...(gzip && { gzip }) },
    }
    cache.set(file, entry)
    return entry
  }

  return async (c: Context, next: () => Promise<void>) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return next()
    let relative: string
    try {
      relative = decodeURIComponent(c.req.path.slice(basePath.length)).replace(/^\/+/, '')
    } catch {
      return next()
    }
    // Nothing hidden (the build's .vite/manifest.json) and nothing odd.
    if (relative.includes('\0') || /(^|\/)\./.test(relative)) return next()
    const file = path.resolve(resolvedRoot, relative)
    if (!file.startsWith(resolvedRoot + path.sep)) return next()
    // A file's name never ends in a slash (resolving drops it, and `index.html/` was the raw page,
    // its base at the origin's root, `early.js.br/` the brotli twin as a download).
    if (relative.endsWith('/')) return next()
    // The page itself is made per request (base href, first view's data); twins are not addressable.
    const name = path.relative(resolvedRoot, file).split(path.sep).join('/')
    if (name === 'index.html' || /\.(br|gz)$/.test(name)) return next()
    if (file.endsWith('.map') && !serveSourceMaps) return c.text('Not found', 404)

    const entry = await load(file)
    if (entry === null) return next()

    const offered = (['br', 'gzip'] as const).filter((encoding) => entry.bodies[encoding])
    const encoding = negotiateEncoding(c.req.header('Accept-Encoding'), offered)
    const etag = `"${entry.hash}${encoding ? `-${encoding}` : ''}"`
    const headers: Record<string, string> = {
      'Content-Type': entry.type,
      'Cache-Control': cacheControlFor(relative, entry.type),
      ETag: etag,
    }
    if (offered.length > 0) appendVary(c, 'Accept-Encoding')
    for (const [name, value] of Object.entries(headers)) c.header(name, value)

    const ifNoneMatch = c.req.header('If-None-Match')
    if (
      ifNoneMatch !== undefined &&
      ifNoneMatch.split(/\s*,\s*/).some((tag) => sameTag(tag, etag))
    ) {
      return c.body(null, 304)
    }
    const body = encoding
      ? (entry.bodies[encoding] ?? entry.bodies.identity)
      : entry.bodies.identity
    if (encoding) c.header('Content-Encoding', encoding)
    c.header('Content-Length', String(body.byteLength))
    return c.body(body, 200)
  }
}

function sameTag(candidate: string, etag: string): boolean {
  return candidate === '*' || candidate.replace(/^W\//, '') === etag
}
