import { readFileSync } from 'node:fs'
import path from 'node:path'
import { gzipSync } from 'node:zlib'

// The size budgets of the build, checked in `npm test` (sizes are deterministic; timings are not,
// and live in the benchmark). What index.html loads first: its entry script, the chunks it
// preloads, and its stylesheets.

const BUDGETS = { js: 125_000, css: 15_000 }
const dist = path.resolve(import.meta.dirname, '..', 'dist')
const html = readFileSync(path.join(dist, 'index.html'), 'utf8')

function assetsOf(pattern: RegExp): string[] {
  return [...html.matchAll(pattern)]
    .map((match) => (match[1] ?? '').replace(/^\.?\//, ''))
    .filter((href) => href.startsWith('assets/'))
}

const js = [
  ...assetsOf(/<script[^>]+type="module"[^>]+src="([^"]+)"/g),
  ...assetsOf(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g),
]
const css = assetsOf(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g)

function gzipped(files: string[]): number {
  return files.reduce(
    (sum, file) => sum + gzipSync(readFileSync(path.join(dist, file)), { level: 9 }).length,
    0,
  )
}

let failed = false
for (const [kind, files] of [
  ['js', js],
  ['css', css],
] as const) {
  const size = gzipped(files)
  const budget = BUDGETS[kind]
  const ok = size <= budget && files.length > 0
  failed ||= !ok
  console.log(
    `${ok ? 'ok  ' : size > budget ? 'OVER' : 'NONE'} initial ${kind.toUpperCase()}: ${(size / 1000).toFixed(1)} kB gzip of ${(budget / 1000).toFixed(0)} kB (${files.join(', ') || 'no files found'})`,
  )
}
if (failed) {
  console.error('A size budget is exceeded (or index.html loads nothing it could be measured by).')
  process.exit(1)
}
