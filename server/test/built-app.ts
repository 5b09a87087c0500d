import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

// A built app as the server finds it in dist/, for the first-view tests: a page whose entry is
// ENTRY, and a manifest in which the earned view's chunk imports one shared chunk.

export const ENTRY = '<script type="module" crossorigin src="./assets/index-1.js"></script>'

/** A temporary dist/ with that page (`head` added to its head) and manifest. */
export function builtApp(head = ''): string {
  const dist = mkdtempSync(path.join(tmpdir(), 'showcase-built-'))
  mkdirSync(path.join(dist, '.vite'))
  writeFileSync(
    path.join(dist, '.vite', 'manifest.json'),
    JSON.stringify({
      'index.html': { file: 'assets/index-1.js' },
      'src/routes/earned.tsx': { file: 'assets/earned-2.js', imports: ['index.html', '_g-3.js'] },
      '_g-3.js': { file: 'assets/group-section-3.js' },
    }),
  )
  writeFileSync(
    path.join(dist, 'index.html'),
    '<!doctype html><html lang="en"><head><base href="/" /><title>Badge Showcase</title>' +
      ENTRY +
      head +
      '</head><body><div id="root"></div></body></html>',
  )
  return dist
}
