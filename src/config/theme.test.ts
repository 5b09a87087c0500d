import { expect, test } from 'vitest'
import {
  accentInk,
  contrastingText,
  contrastRatio,
  darkBackgrounds,
  lightBackgrounds,
} from './accent-ink.ts'

test('contrast ratios are WCAG’s', () => {
  expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5)
  expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2)
  expect(contrastRatio('#ffffff', '#777')).toBeCloseTo(4.48, 2)
})

// Brand colours from the pale to the dark, the neon and the mid greys that read on nothing.
const accents = [
  '#0a7d5a',
  '#ffb000',
  '#99ccff',
  '#ffff00',
  '#777777',
  '#000000',
  '#ffffff',
  '#e11d48',
  '#1e3a8a',
  '#00ff00',
  '#8b5cf6',
  '#0ff',
]

test.each(accents)('accent %s reads as text, links and focus rings in both schemes', (accent) => {
  const light = accentInk(accent, 'light')
  const dark = accentInk(accent, 'dark')
  for (const background of lightBackgrounds) {
    expect(contrastRatio(light, background)).toBeGreaterThanOrEqual(4.5)
  }
  for (const background of darkBackgrounds) {
    expect(contrastRatio(dark, background)).toBeGreaterThanOrEqual(4.5)
  }
  // Text on the accent itself (primary buttons) reads too.
  expect(contrastRatio(contrastingText(accent), accent)).toBeGreaterThanOrEqual(4.5)
})

test('an accent that already reads is kept as it is', () => {
  expect(accentInk('#075985', 'light')).toBe('#075985')
  expect(accentInk('#ffb000', 'dark')).toBe('#ffb000')
  expect(accentInk('#ffb000', 'light')).not.toBe('#ffb000')
})
