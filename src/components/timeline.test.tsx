/** @vitest-environment jsdom */
import { render, screen, within } from '@testing-library/react'
import { expect, test } from 'vitest'
import { Timeline } from './timeline.tsx'

test('events read in order with their dates, and a revoked issue says so', () => {
  const day = Date.UTC(2026, 0, 10)
  render(
    <Timeline
      events={[
        { kind: 'earned', at: day + 2 * 86_400_000, of: 'earn' },
        { kind: 'revoked', at: day + 86_400_000, of: 'issual' },
        { kind: 'issued', at: day, of: 'issual' },
      ]}
    />,
  )
  const items = screen.getAllByRole('listitem')
  expect(items.map((item) => item.textContent)).toEqual([
    expect.stringMatching(/^You earned it/),
    expect.stringMatching(/^It was withdrawn/),
    expect.stringMatching(/^Opened to you/),
  ])
  expect(
    within(items[2] as HTMLElement).getByText(
      new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' }).format(day),
    ),
  ).toBeInTheDocument()
})

test('an earn that expired says which one, by the day it was earned', () => {
  const day = Date.UTC(2026, 7, 24)
  const format = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' }).format
  render(
    <Timeline
      events={[{ kind: 'expired', at: day + 92 * 86_400_000, of: 'earn', earnedAt: day }]}
    />,
  )
  expect(screen.getByRole('listitem')).toHaveTextContent(
    `The one from ${format(day)} expired${format(day + 92 * 86_400_000)}`,
  )
})

test('no history says so instead of an empty list', () => {
  render(<Timeline events={[]} />)
  expect(screen.getByText('Nothing has happened with this badge yet.')).toBeInTheDocument()
  expect(screen.queryByRole('list')).toBeNull()
})
