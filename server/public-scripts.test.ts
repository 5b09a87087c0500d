import { copyFileSync, mkdtempSync, mkdirSync, readFileSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { expect, test } from 'vitest'
import { minifyPublicDir, PUBLIC_SCRIPTS } from '../scripts/minify-public.ts'
import { readPublicScripts } from './first-view.ts'

// The build's copies of public/'s scripts: smaller, still the same scripts, and the two the pages
// name under names that change with their content, which the server finds.

test('the build minifies the public scripts and names early.js and hydrate.js by their content', () => {
  const dist = mkdtempSync(path.join(tmpdir(), 'showcase-public-'))
  mkdirSync(path.join(dist, 'assets'))
  const publicDir = path.resolve(import.meta.dirname, '..', 'public')
  for (const name of PUBLIC_SCRIPTS) copyFileSync(path.join(publicDir, name), path.join(dist, name))
  // Before the build: the plain names.
  expect(readPublicScripts(dist)).toEqual({ early: 'early.js', hydrate: 'hydrate.js' })

  minifyPublicDir(dist)
  for (const name of PUBLIC_SCRIPTS) {
    const minified = readFileSync(path.join(dist, name), 'utf8')
    expect(minified.length).toBeLessThan(statSync(path.join(publicDir, name)).size / 2)
    // Still a classic script that reads the tag it was loaded by.
    expect(() => new Function(minified)).not.toThrow()
    expect(minified).toContain('document.currentScript')
  }
  const named = readPublicScripts(dist)
  expect(named.early).toMatch(/^assets\/early-[\w-]{10}\.js$/)
  expect(named.hydrate).toMatch(/^assets\/hydrate-[\w-]{10}\.js$/)
  expect(readFileSync(path.join(dist, named.hydrate), 'utf8')).toBe(
    readFileSync(path.join(dist, 'hydrate.js'), 'utf8'),
  )
})
