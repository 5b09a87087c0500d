import { expect, test } from 'vitest'
import { pageUnder } from './server-render-state.ts'

// The server's render and the browser's router name a page the same way, mounted or not.
test('a page is named under the mount path, with its query', () => {
  expect(pageUnder('', '/customers/1/earned', '?sort=last-earned')).toBe(
    '/customers/1/earned?sort=last-earned',
  )
  expect(pageUnder('/rewards/badges', '/rewards/badges/customers/1/earned', '')).toBe(
    '/customers/1/earned',
  )
  expect(pageUnder('/rewards/badges', '/rewards/badges', '')).toBe('/')
  // A router that already left the mount path out: the same name.
  expect(pageUnder('/rewards/badges', '/customers/1/earned', '')).toBe('/customers/1/earned')
  // Not a prefix of a longer segment.
  expect(pageUnder('/rewards', '/rewards-old/customers/1/earned', '')).toBe(
    '/rewards-old/customers/1/earned',
  )
})
