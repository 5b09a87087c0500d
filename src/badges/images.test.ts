import { expect, test } from 'vitest'
import { imageCandidates, monogram, safeImageUrl } from './images.ts'
import { type BadgeImage } from './types.ts'

const origin = 'https://showcase.example.com'
const image = (tag: BadgeImage['tag'], url: string): BadgeImage => ({ tag, url, name: null })
const all = [
  image('UN_EARNED', 'https://cdn.example.com/u.png'),
  image('EARNED', 'https://cdn.example.com/e.png'),
  image('IN_PROGRESS', 'https://cdn.example.com/p.png'),
]

test('each state shows its own tag first, then the next best', () => {
  expect(imageCandidates(all, 'EARNED', origin).map((c) => c.tag)).toEqual([
    'EARNED',
    'IN_PROGRESS',
    'UN_EARNED',
  ])
  expect(imageCandidates(all, 'IN_PROGRESS', origin).map((c) => c.tag)).toEqual([
    'IN_PROGRESS',
    'UN_EARNED',
    'EARNED',
  ])
  expect(imageCandidates(all, 'LOCKED', origin).map((c) => c.tag)).toEqual([
    'UN_EARNED',
    'EARNED',
    'IN_PROGRESS',
  ])
})

test('a missing UN_EARNED image is the EARNED image in greyscale', () => {
  const [choice] = imageCandidates(
    [image('EARNED', 'https://cdn.example.com/e.png')],
    'LOCKED',
    origin,
  )
  expect(choice).toEqual({ url: 'https://cdn.example.com/e.png', tag: 'EARNED', greyscale: true })
  const [earned] = imageCandidates(
    [image('EARNED', 'https://cdn.example.com/e.png')],
    'EARNED',
    origin,
  )
  expect(earned?.greyscale).toBe(false)
})

test('no usable image leaves nothing to try, so the view draws a monogram', () => {
  expect(imageCandidates([], 'EARNED', origin)).toEqual([])
  expect(imageCandidates([image('EARNED', 'string')], 'EARNED', origin)).toEqual([])
})

test('only https and same-origin images are accepted', () => {
  expect(safeImageUrl('https://cdn.example.com/a.png', origin)).toBe(
    'https://cdn.example.com/a.png',
  )
  expect(safeImageUrl('/demo/a.svg', origin)).toBe('/demo/a.svg')
  expect(safeImageUrl(`${origin}/demo/a.svg?v=2`, origin)).toBe('/demo/a.svg?v=2')
  expect(safeImageUrl('http://localhost:4173/demo/a.svg', 'http://localhost:4173')).toBe(
    '/demo/a.svg',
  )
  for (const hostile of [
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    'data:image/svg+xml;base64,PHN2Zz4=',
    'http://cdn.example.com/a.png',
    '//evil.example.com/a.png',
    '/\\evil.example.com/a.png',
    'string',
    '../a.png',
    '   ',
    null,
  ]) {
    expect(safeImageUrl(hostile, origin)).toBeNull()
  }
})

test("the page's own images are paths: the same whichever origin the server's render was told", () => {
  // Behind a reverse proxy the server hears its upstream's name, the browser the brand's.
  for (const told of ['http://127.0.0.1:4751', 'https://brand.example'])
    expect(imageCandidates([image('EARNED', '/rewards/demo/a.svg')], 'EARNED', told)).toEqual([
      { url: '/rewards/demo/a.svg', tag: 'EARNED', greyscale: false },
    ])
})

test('the monogram takes up to two initials and a hue stable per badge', () => {
  expect(monogram('Weekend Explorer Gold', 'a')).toMatchObject({ letters: 'WE' })
  expect(monogram('  ', 'a').letters).toBe('?')
  expect(monogram(null, 'a').letters).toBe('?')
  expect(monogram('🎉 party time', 'a').letters).toBe('PT')
  expect(monogram('élan vital', 'a').letters).toBe('ÉV')
  expect(monogram('x', 'same-id').hue).toBe(monogram('y', 'same-id').hue)
})
