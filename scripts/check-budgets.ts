import path from 'node:path'
import { initialAssets } from './bundle-size.ts'

// The size budgets of the build, checked in `npm test` (sizes are deterministic; timings are not,
// and live in the benchmark, npm run bench).

const BUDGETS = { js: 125_000, css: 15_000 }
const initial = initialAssets(path.resolve(import.meta.dirname, '..', 'dist'))

let failed = false
for (const kind of ['js', 'css'] as const) {
  const { gzip, files } = initial[kind]
  const budget = BUDGETS[kind]
  const ok = gzip <= budget && files.length > 0
  failed ||= !ok
  console.log(
    `${ok ? 'ok  ' : gzip > budget ? 'OVER' : 'NONE'} initial ${kind.toUpperCase()}: ${(gzip / 1000).toFixed(1)} kB gzip of ${(budget / 1000).toFixed(0)} kB (${files.join(', ') || 'no files found'})`,
  )
}
if (failed) {
  console.error('A size budget is exceeded (or index.html loads nothing it could be measured by).')
  process.exit(1)
}
