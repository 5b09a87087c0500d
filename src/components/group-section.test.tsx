/** @vitest-environment jsdom */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { expect, test } from 'vitest'
import { makeBadge } from '../test/factories.ts'
import { CHUNK, GroupSection, PREVIEW } from './group-section.tsx'

const badges = Array.from({ length: 200 }, (_, n) =>
  makeBadge({ id: `b${n}`, name: `Badge ${n}`, groupId: 'g1', groupName: 'Coffee', rank: n }),
)

function renderGroup() {
  render(
    <QueryClientProvider client={new QueryClient()}>
      <GroupSection
        section={{ key: 'g1', groupId: 'g1', name: 'Coffee', badges }}
        foldable
        offset={0}
        renderCard={(badge) => <li key={badge.id}>{badge.name}</li>}
      />
    </QueryClientProvider>,
  )
}

const cards = () => screen.getAllByRole('listitem').map((item) => item.textContent)

test(
  '"See all" opens a big group a few rows at a time, in order, until every badge shows',
  { timeout: 30_000 },
  async () => {
    renderGroup()
    expect(cards()).toHaveLength(PREVIEW)
    await userEvent.click(screen.getByRole('button', { name: 'See all 200' }))
    // The press itself adds no more than one step; the rest follow in later tasks.
    expect(cards().length).toBeLessThanOrEqual(PREVIEW + CHUNK)
    await screen.findByText('Badge 199', {}, { timeout: 15_000 })
    expect(cards()).toEqual(badges.map((badge) => badge.name))
  },
)

test(
  '"See fewer" folds back to the preview, and opening again starts from it once more',
  { timeout: 30_000 },
  async () => {
    renderGroup()
    await userEvent.click(screen.getByRole('button', { name: 'See all 200' }))
    await screen.findByText('Badge 199', {}, { timeout: 15_000 })
    await userEvent.click(screen.getByRole('button', { name: 'See fewer' }))
    expect(cards()).toEqual(badges.slice(0, PREVIEW).map((badge) => badge.name))
    await userEvent.click(screen.getByRole('button', { name: 'See all 200' }))
    expect(cards().length).toBeLessThanOrEqual(PREVIEW + CHUNK)
    await screen.findByText('Badge 199', {}, { timeout: 15_000 })
    expect(cards()).toHaveLength(200)
  },
)
