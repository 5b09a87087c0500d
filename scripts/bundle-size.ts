import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'
import { readManifest, viewChunks } from '../server/first-view.ts'

// What a built index.html loads first (its entry script, the chunks it preloads, its stylesheets)
// and what the server adds for the first view (the view's chunk and the chunks it imports), with
// their sizes as the server sends them: the build's own .br/.gz twins when there are some.

export type Sizes = { files: string[]; raw: number; gzip: number; brotli: number }

function assetsOf(html: string, pattern: RegExp): string[] {
  return [...html.matchAll(pattern)]
    .map((match) => (match[1] ?? '').replace(/^\.?\//, ''))
    .filter((href) => href.startsWith('assets/'))
}

function compressed(file: string, content: Buffer, encoding: 'br' | 'gz'): number {
  const twin = `${file}.${encoding}`
  if (existsSync(twin)) return readFileSync(twin).length
  // No twin (a file under a kilobyte, or a build without them): as the server would send it.
  if (content.length < 1024) return content.length
  return encoding === 'br'
    ? brotliCompressSync(content, {
        params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY },
      }).length
    : gzipSync(content, { level: 9 }).length
}

export function sizesOf(dist: string, files: string[]): Sizes {
  let raw = 0
  let gzip = 0
  let brotli = 0
  for (const file of files) {
    const full = path.join(dist, file)
    const content = readFileSync(full)
    raw += content.length
    gzip += compressed(full, content, 'gz')
    brotli += compressed(full, content, 'br')
  }
  return { files, raw, gzip, brotli }
}

export type View = 'earned' | 'available' | 'detail'

/** The first view's JS and CSS: the page's own, plus the view's chunks the server preloads. */
export function initialAssets(dist: string, view: View | null = 'earned') {
  const html = readFileSync(path.join(dist, 'index.html'), 'utf8')
  const js = [
    ...assetsOf(html, /<script[^>]+type="module"[^>]+src="([^"]+)"/g),
    ...assetsOf(html, /<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g),
  ]
  if (view !== null) {
    for (const file of viewChunks(readManifest(dist), view)) if (!js.includes(file)) js.push(file)
  }
  return {
    js: sizesOf(dist, js),
    css: sizesOf(dist, assetsOf(html, /<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g)),
  }
}
