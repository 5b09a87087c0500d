/** @vitest-environment jsdom */
import { expect, test } from 'vitest'
import {
  accentInk,
  accentInks,
  contrastingText,
  contrastRatio,
  darkBackgrounds,
  lightBackgrounds,
} from './accent-ink.ts'
import { applyTheme, brandProperties, brandRule } from './theme.ts'

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

test("the brand's look as the page's custom properties: the accent, its readable inks, corners, font", () => {
  const look = {
    theme: 'system' as const,
    accent: '#ffb000',
    radius: '12px',
    font: 'Georgia, serif',
  }
  const inks = accentInks('#ffb000')
  expect(Object.fromEntries(brandProperties(look, inks))).toEqual({
    '--accent': '#ffb000',
    '--on-accent': inks.onAccent,
    '--accent-ink': inks.ink,
    '--link': inks.ink,
    '--focus': inks.ink,
    '--radius': '12px',
    '--font': 'Georgia, serif',
  })
  expect(brandRule(brandProperties(look, inks))).toMatch(/^:root:root\{--accent:#ffb000;/)
  // The showcase's own look: nothing set, nothing in a rule.
  const own = { theme: 'system' as const, accent: null, radius: null, font: null }
  expect(brandRule(brandProperties(own, null))).toBe('')
})

test('the page keeps the inks it came with until the app has computed its own, then takes them', () => {
  const root = document.createElement('html')
  // As the server's render left it (brand.css or early.js).
  root.style.setProperty('--link', 'light-dark(#805800, #ffb000)')
  const look = { theme: 'dark' as const, accent: '#ffb000', radius: null, font: null }
  applyTheme(look, root)
  expect(root.dataset.theme).toBe('dark')
  expect(root.style.getPropertyValue('--accent')).toBe('#ffb000')
  expect(root.style.getPropertyValue('--link')).toBe('light-dark(#805800, #ffb000)')
  applyTheme(look, root, { ink: 'light-dark(#111111, #eeeeee)', onAccent: '#000000' })
  expect(root.style.getPropertyValue('--link')).toBe('light-dark(#111111, #eeeeee)')
  // No accent at all: no inks of one either.
  applyTheme({ ...look, accent: null }, root)
  expect(root.style.getPropertyValue('--link')).toBe('')
  expect(root.style.getPropertyValue('--accent')).toBe('')
})
