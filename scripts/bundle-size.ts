import { readFileSync } from 'node:fs'
import path from 'node:path'
import { brotliCompressSync, gzipSync } from 'node:zlib'

// What a built index.html loads first (its entry script, the chunks it preloads, its stylesheets),
// and their sizes compressed as a server would send them.

export type Sizes = { files: string[]; raw: number; gzip: number; brotli: number }

function assetsOf(html: string, pattern: RegExp): string[] {
  return [...html.matchAll(pattern)]
    .map((match) => (match[1] ?? '').replace(/^\.?\//, ''))
    .filter((href) => href.startsWith('assets/'))
}

export function sizesOf(dist: string, files: string[]): Sizes {
  let raw = 0
  let gzip = 0
  let brotli = 0
  for (const file of files) {
    const content = readFileSync(path.join(dist, file))
    raw += content.length
    gzip += gzipSync(content, { level: 9 }).length
    brotli += brotliCompressSync(content).length
  }
  return { files, raw, gzip, brotli }
}

export function initialAssets(dist: string) {
  const html = readFileSync(path.join(dist, 'index.html'), 'utf8')
  return {
    js: sizesOf(dist, [
      ...assetsOf(html, /<script[^>]+type="module"[^>]+src="([^"]+)"/g),
      ...assetsOf(html, /<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g),
    ]),
    css: sizesOf(dist, assetsOf(html, /<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g)),
  }
}
