import { existsSync, readFileSync } from 'node:fs'
import { getRequestListener } from '@hono/node-server'
import tailwindcss from '@tailwindcss/vite'
import react from '@vitejs/plugin-react'
import { type Connect, type Plugin } from 'vite'
import { defineConfig } from 'vitest/config'
import { minifyPublic } from './scripts/minify-public.ts'
import { precompress } from './scripts/precompress.ts'
import { reactRouterProduction } from './scripts/react-router-production.ts'
import { createApi } from './server/api.ts'

/**
 * `npm run dev` (and `vite preview`) answer /api_gateway/* exactly as `npm start` does, and
 * config.json as its demo does: a brand's file in public/ with the demo's marker on top (left to
 * Vite, the address fell through to index.html, which the app read as a broken setting).
 */
function badgesApi(): Plugin {
  const middleware = (): Connect.NextHandleFunction => {
    const listener = getRequestListener(createApi().fetch)
    return (req, res, next) => {
      const pathname = req.url?.split('?')[0]
      if (req.url?.startsWith('/api_gateway/')) void listener(req, res)
      else if (pathname === '/config.json') {
        const brand = existsSync('public/config.json')
          ? (JSON.parse(readFileSync('public/config.json', 'utf8')) as object)
          : {}
        res.setHeader('Content-Type', 'application/json')
        res.setHeader('Cache-Control', 'no-cache')
        res.end(JSON.stringify({ ...brand, demo: true }))
      } else next()
    }
  }
  return {
    name: 'badges-api',
    configureServer: (server) => void server.middlewares.use(middleware()),
    configurePreviewServer: (server) => void server.middlewares.use(middleware()),
  }
}

export default defineConfig(({ command, mode, isSsrBuild }) => ({
  // Relative in the build, resolved against index.html's <base href>, so one build can be hosted
  // at any path.
  base: command === 'build' ? './' : '/',
  // The server's render (dist-server/) is never sent to browsers: nothing to precompress.
  plugins: [
    react(),
    tailwindcss(),
    badgesApi(),
    // public/'s scripts minified before the whole build is precompressed.
    ...(isSsrBuild ? [] : [minifyPublic(), precompress()]),
  ],
  // The browser's build only: the server's render keeps the package's own resolution.
  resolve: { alias: mode === 'production' && !isSsrBuild ? reactRouterProduction : [] },
  server: { port: 5173 },
  build: {
    target: 'es2022',
    sourcemap: true,
    copyPublicDir: !isSsrBuild,
    // Which chunk each route needs: the server preloads the first view's (server/first-view.ts).
    manifest: true,
    // The polyfill only helps browsers without <link rel="modulepreload"> (Safari before 17),
    // which still load every chunk without it; the rest paid its bytes in the entry for nothing.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      output: {
        // Everything the first view needs stays in the entry chunk: left alone, the bundler moves
        // React and the modules the lazy views share into a common chunk, which the page must load
        // anyway and which compresses worse as a separate file.
        codeSplitting: { groups: [{ name: 'index', tags: ['$initial'] }] },
      },
    },
  },
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'server/**/*.test.ts'],
    setupFiles: ['./src/test/setup.ts'],
    restoreMocks: true,
  },
}))
