import { fileURLToPath } from 'node:url'

/**
 * React Router 7's package sends every build to its development files, which differ from its
 * production files only in printing warnings meant for developers (remix-run/react-router#14102).
 * A member's browser gets the production files: no developer warnings in a brand's console, and
 * their code left out. The showcase and the benchmark's floor app both build with it.
 */
const production = (file: string) =>
  fileURLToPath(new URL(`../node_modules/react-router/dist/production/${file}`, import.meta.url))

/** Both entry points, so no module can bring in the development copy (and its own contexts). */
export const reactRouterProduction = [
  { find: /^react-router$/, replacement: production('index.mjs') },
  { find: /^react-router\/dom$/, replacement: production('dom-export.mjs') },
]
