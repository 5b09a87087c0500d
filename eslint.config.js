import js from '@eslint/js'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  { ignores: ['dist', 'dist-server', 'node_modules', 'test-results', 'playwright-report'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { prefer: 'type-imports', fixStyle: 'inline-type-imports' },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
    },
  },
  {
    // The browser bundle never reaches into the server or Node's modules.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/**/*.test.{ts,tsx}', 'src/test/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*'], message: 'src/ runs in the browser.' },
            {
              group: ['**/server/**', '!**/server/contract.ts'],
              message: 'src/ must not import the server (only its plain contract).',
            },
          ],
        },
      ],
    },
  },
  {
    // The server's render entry is built into dist-server/, never into the browser bundle: it may
    // use Node's own modules (each render's requests in their own async context), not the server.
    files: ['src/entry-server.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/server/**', '!**/server/contract.ts'],
              message: 'src/ must not import the server (only its plain contract).',
            },
          ],
        },
      ],
    },
  },
  {
    // One direction of imports (DESIGN §5): components are presentational and reach the data only
    // through src/queries and the rules in src/badges, never the fetch layer or a route.
    files: ['src/components/**/*.{ts,tsx}'],
    ignores: ['src/**/*.test.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*'], message: 'src/ runs in the browser.' },
            { group: ['**/server/**'], message: 'src/ must not import the server.' },
            { group: ['**/api/*'], message: 'Components read data through src/queries.' },
            { group: ['**/routes/*'], message: 'Components must not depend on a route.' },
          ],
        },
      ],
    },
  },
  {
    // A Suspense boundary the server renders is taken over after the rest of the page, and
    // public/hydrate.js holds taps until each says it has: every boundary is a Part, every lazy
    // component a latePart (src/components/part.tsx), or a tap there can wait seconds.
    files: ['src/**/*.{ts,tsx}'],
    ignores: [
      'src/**/*.test.{ts,tsx}',
      'src/test/**',
      'src/components/part.tsx',
      'src/entry-server.tsx',
    ],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            "ImportDeclaration[source.value='react'] > ImportSpecifier[imported.name=/^(Suspense|lazy)$/]",
          message: 'Use Part or latePart from src/components/part.tsx.',
        },
        {
          selector: "MemberExpression[object.name='React'][property.name=/^(Suspense|lazy)$/]",
          message: 'Use Part or latePart from src/components/part.tsx.',
        },
      ],
    },
  },
  {
    // The contract is shared with the browser bundle: it stays free of any import.
    files: ['server/contract.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['*'], message: 'server/contract.ts imports nothing.' }] },
      ],
    },
  },
  {
    // The emulator is an independent oracle for the app: it shares only the plain contract.
    files: ['server/emulator/**/*.ts'],
    ignores: ['server/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/src/**'], message: 'The emulator must not import the app.' }] },
      ],
    },
  },
)
