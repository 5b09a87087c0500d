import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'
import { type Plugin } from 'vite'

// Brotli and gzip twins of every compressible file of the build, made once at build time with the
// slowest, smallest settings, so the server sends them as they are (server/static-files.ts).

// Source maps are left out: served only on request (SHOWCASE_SERVE_SOURCEMAPS), to developers.
const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|txt|webmanifest)$/i
/** Below a kilobyte the saving is less than one packet. */
const MIN_BYTES = 1024

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    return entry.isDirectory() ? filesUnder(full) : [full]
  })
}

export function precompressDir(dir: string): { files: number } {
  let files = 0
  for (const file of filesUnder(dir)) {
    if (!COMPRESSIBLE.test(file) || statSync(file).size < MIN_BYTES) continue
    const content = readFileSync(file)
    const br = brotliCompressSync(content, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: content.length,
      },
    })
    const gz = gzipSync(content, { level: 9 })
    // A twin that saves nothing is not worth a negotiation.
    if (br.length < content.length) writeFileSync(`${file}.br`, br)
    if (gz.length < content.length) writeFileSync(`${file}.gz`, gz)
    files += 1
  }
  return { files }
}

/** Runs after Vite has written everything, public/ included. */
export function precompress(): Plugin {
  let outDir = 'dist'
  return {
    name: 'precompress',
    apply: 'build',
    configResolved: (config) => void (outDir = path.resolve(config.root, config.build.outDir)),
    closeBundle: {
      order: 'post',
      sequential: true,
      handler: () => void precompressDir(outDir),
    },
  }
}
