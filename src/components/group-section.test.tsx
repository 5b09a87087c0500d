/** @vitest-environment jsdom */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { act, fireEvent, render, screen } from '@testing-library/react'
import { afterEach, beforeEach, expect, test, vi } from 'vitest'
import { makeBadge } from '../test/factories.ts'
import { CHUNK, GroupSection, PREVIEW } from './group-section.tsx'

// The steps are timers: fake ones let each test take one step at a time, whatever the machine.
beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
})

const badges = Array.from({ length: 200 }, (_, n) =>
  makeBadge({ id: `b${n}`, name: `Badge ${n}`, groupId: 'g1', groupName: 'Coffee', rank: n }),
)

function renderGroup(group = badges) {
  render(
    <QueryClientProvider client={new QueryClient()}>
      <GroupSection
        section={{ key: 'g1', groupId: 'g1', name: 'Coffee', badges: group }}
        foldable
        offset={0}
        renderCard={(badge) => <li key={badge.id}>{badge.name}</li>}
      />
    </QueryClientProvider>,
  )
}

const cards = () => screen.getAllByRole('listitem').map((item) => item.textContent)
const names = (count: number) => badges.slice(0, count).map((badge) => badge.name)
const nextStep = () => act(() => vi.runOnlyPendingTimers())
const press = (name: string) => fireEvent.click(screen.getByRole('button', { name }))
/** The steps after the press's own that open all 200. */
const stepsAfterPress = Math.ceil((badges.length - PREVIEW - CHUNK) / CHUNK)

test('"See all" opens a big group a few rows at a time, in order, until every badge shows', async () => {
  renderGroup()
  expect(cards()).toEqual(names(PREVIEW))
  press('See all 200')
  expect(cards()).toEqual(names(PREVIEW + CHUNK))
  for (let step = 1; step < stepsAfterPress; step++) {
    await nextStep()
    expect(cards()).toEqual(names(PREVIEW + (step + 1) * CHUNK))
  }
  await nextStep()
  expect(cards()).toEqual(names(200))
})

test('a group that fits in one step opens at once', async () => {
  renderGroup(badges.slice(0, PREVIEW + CHUNK))
  press(`See all ${PREVIEW + CHUNK}`)
  expect(cards()).toEqual(names(PREVIEW + CHUNK))
})

test('"See fewer" folds back to the preview, and opening again starts from it once more', async () => {
  renderGroup()
  press('See all 200')
  for (let step = 0; step < stepsAfterPress; step++) await nextStep()
  expect(cards()).toHaveLength(200)
  press('See fewer')
  expect(cards()).toEqual(names(PREVIEW))
  press('See all 200')
  expect(cards()).toEqual(names(PREVIEW + CHUNK))
})
