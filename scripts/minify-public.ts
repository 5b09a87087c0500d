import { createHash } from 'node:crypto'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { minifySync } from 'rolldown/utils'
import { type Plugin } from 'vite'

// The small scripts in public/ (early.js, hydrate.js, embed.js) are written to be read: comments
// make up more than half of each. Vite copies public/ as it is; this minifies the copies in the
// build (about 4.6 kB brotli each down to 2.0 to 2.3). The sources in public/ stay as they are
// (`npm run dev` serves them unminified).
//
// The two the server names in its pages, early.js and hydrate.js (which holds the first paint of
// every rendered page), also get a copy under assets/ with their content's hash in the name, so
// browsers keep them for good, as they keep the app's own code; a returning member's phone then
// asks nothing before the first paint. The server finds their names in .vite/public-scripts.json
// (server/first-view.ts, readPublicScripts). embed.js keeps its one name: portals link to it.

export const PUBLIC_SCRIPTS = ['early.js', 'hydrate.js', 'embed.js']
const FINGERPRINTED = ['early.js', 'hydrate.js']

export function minifyPublicDir(dir: string) {
  const names: Record<string, string> = {}
  for (const name of PUBLIC_SCRIPTS) {
    const file = path.join(dir, name)
    const result = minifySync(name, readFileSync(file, 'utf8'), {
      // Classic scripts: their top-level names are not renamed.
      module: false,
      compress: true,
      mangle: true,
    })
    if (result.errors.length > 0) {
      const messages = result.errors.map((error) => error.message).join('; ')
      throw new Error(`${name} could not be minified: ${messages}`)
    }
    writeFileSync(file, result.code)
    if (FINGERPRINTED.includes(name)) {
      const hash = createHash('sha256').update(result.code).digest('base64url').slice(0, 10)
      const named = `assets/${name.replace(/\.js$/, '')}-${hash}.js`
      writeFileSync(path.join(dir, named), result.code)
      names[name] = named
    }
  }
  mkdirSync(path.join(dir, '.vite'), { recursive: true })
  writeFileSync(path.join(dir, '.vite', 'public-scripts.json'), JSON.stringify(names))
}

/** Runs after Vite has copied public/, before the build is precompressed. */
export function minifyPublic(): Plugin {
  let outDir = 'dist'
  return {
    name: 'minify-public',
    apply: 'build',
    configResolved: (config) => void (outDir = path.resolve(config.root, config.build.outDir)),
    closeBundle: {
      order: 'post',
      sequential: true,
      handler: () => minifyPublicDir(outDir),
    },
  }
}
