import { expect, test } from 'vitest'
import { pageTitle } from './brand.ts'

test("a page's title carries the brand's name, or none when the brand wants none", () => {
  expect(pageTitle('Earned badges', 'Bean There')).toBe('Earned badges · Bean There')
  expect(pageTitle('Earned badges', '')).toBe('Earned badges')
  expect(pageTitle('Earned badges')).toBe('Earned badges · Badge Showcase')
})
