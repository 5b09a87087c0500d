/** @vitest-environment jsdom */
import { act, fireEvent, render, screen } from '@testing-library/react'
import { expect, test } from 'vitest'
import { BadgeImage } from './badge-image.tsx'

const images = [
  { tag: 'EARNED' as const, url: '/demo/dead-link.png', name: null },
  { tag: 'IN_PROGRESS' as const, url: '/demo/regular-in-progress.svg', name: null },
]

test('an image that fails to load falls back to the next best, then to a monogram', () => {
  render(
    <BadgeImage
      badgeId="b1"
      name="Coffee Regular"
      images={images}
      state="EARNED"
      label="earned"
      size={96}
    />,
  )
  const first = screen.getByRole('img', { name: 'Coffee Regular, earned' })
  expect(first).toHaveAttribute('src', `/demo/dead-link.png`)

  fireEvent.error(first)
  const second = screen.getByRole('img', { name: 'Coffee Regular, earned' })
  expect(second).toHaveAttribute('src', `/demo/regular-in-progress.svg`)

  fireEvent.error(second)
  const monogram = screen.getByRole('img', { name: 'Coffee Regular, earned' })
  expect(monogram.tagName.toLowerCase()).toBe('svg')
  expect(monogram).toHaveTextContent('CR')
})

test('an image reported broken twice (before the app drew it, and by its event) is one failure', async () => {
  // A page the app draws again after the server's render (another language): the browser already
  // knows the art is broken, so the image is complete and undecodable, and its error event fires.
  const complete = Object.getOwnPropertyDescriptor(HTMLImageElement.prototype, 'complete')
  Object.defineProperty(HTMLImageElement.prototype, 'complete', {
    configurable: true,
    get: () => true,
  })
  HTMLImageElement.prototype.decode = function (this: HTMLImageElement) {
    return this.src.endsWith('dead-link.png')
      ? Promise.reject(new Error('EncodingError'))
      : Promise.resolve()
  }
  try {
    render(
      <BadgeImage
        badgeId="b1"
        name="Coffee Regular"
        images={images}
        state="EARNED"
        label="earned"
        size={96}
      />,
    )
    fireEvent.error(screen.getByRole('img', { name: 'Coffee Regular, earned' }))
    // Both reports settled (the check's is a promise) and drawn.
    await act(() => new Promise((resolve) => setTimeout(resolve, 20)))
    // The next art, not the monogram.
    expect(screen.getByRole('img', { name: 'Coffee Regular, earned' })).toHaveAttribute(
      'src',
      `/demo/regular-in-progress.svg`,
    )
  } finally {
    if (complete) Object.defineProperty(HTMLImageElement.prototype, 'complete', complete)
    else delete (HTMLImageElement.prototype as { complete?: boolean }).complete
    delete (HTMLImageElement.prototype as { decode?: unknown }).decode
  }
})

test('a locked badge with only earned art shows it greyed out, named as not yet earned', () => {
  render(
    <BadgeImage
      badgeId="b2"
      name="Night Owl"
      images={images.slice(0, 1)}
      state="LOCKED"
      label="not yet earned"
      size={64}
    />,
  )
  const image = screen.getByRole('img', { name: 'Night Owl, not yet earned' })
  expect(image).toHaveClass('grayscale')
})

test('hostile URLs never become an image source', () => {
  render(
    <BadgeImage
      badgeId="b3"
      name={'<img src=x onerror=alert(1)>'}
      images={[{ tag: 'EARNED', url: 'javascript:alert(1)', name: null }]}
      state="EARNED"
      label="earned"
      size={64}
    />,
  )
  const image = screen.getByRole('img', { name: '<img src=x onerror=alert(1)>, earned' })
  expect(image.tagName.toLowerCase()).toBe('svg')
  expect(image).not.toHaveAttribute('src')
})
