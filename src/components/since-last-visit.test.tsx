/** @vitest-environment jsdom */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { createMemoryRouter, RouterProvider } from 'react-router'
import { afterEach, beforeEach, expect, test, vi } from 'vitest'
import { type Judged } from '../badges/standing.ts'
import { makeBadge } from '../test/factories.ts'
import { visitKey } from './last-visit.ts'

// The digest's life on a device: nothing the first time, the news once, and no digest (and no
// error) when storage is blocked, full or holds something unreadable.

const NOW = Date.UTC(2026, 10, 25, 12)
let member = 0
const customer = () => ({ id: `member-${member}`, by: null })

beforeEach(() => {
  member += 1
  localStorage.clear()
})
afterEach(() => vi.restoreAllMocks())

const held = (id: string, name: string): Judged => ({
  badge: makeBadge({ id, name, earnedCount: 1 }),
  truth: { kind: 'earned', until: null, times: 1, lastEarnedAt: NOW, next: { kind: 'never' } },
})

/** One visit: the module is loaded afresh, as a new page load would. */
async function visit(earned: Judged[]) {
  vi.resetModules()
  const { SinceLastVisit } = await import('./since-last-visit.tsx')
  const router = createMemoryRouter(
    [
      {
        path: '*',
        element: (
          <main id="content">
            <h1>Earned badges</h1>
            <SinceLastVisit
              customer={customer()}
              earned={earned}
              available={[]}
              complete
              held={earned.length}
              now={NOW}
            />
          </main>
        ),
      },
    ],
    { initialEntries: ['/customers/x/earned'] },
  )
  const view = render(
    <QueryClientProvider client={new QueryClient()}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  )
  return view
}

const stored = async () => localStorage.getItem(await visitKey(customer()))

/** What the part decided for this load, once it has: "0" (nothing to say) or the count. */
async function decided(view: { container: HTMLElement }) {
  let said: string | null = null
  await waitFor(() => {
    said = view.container.querySelector('[data-news]')?.getAttribute('data-news') ?? null
    expect(said).not.toBeNull()
  })
  return said
}

test('first visit: nothing shown, the marks kept; the next visit names what changed, once', async () => {
  const first = await visit([held('a', 'First Sip')])
  expect(await decided(first)).toBe('0')
  expect(await stored()).not.toBeNull()
  expect(screen.queryByRole('button')).toBeNull()
  first.unmount()

  const second = await visit([held('a', 'First Sip'), held('b', 'Night Owl')])
  // Closed until asked: a button that says how much changed.
  const news = await screen.findByRole('button', { name: '1 change since your last visit' })
  expect(news).toHaveAttribute('aria-expanded', 'false')
  expect(news).toHaveTextContent('1')
  expect(screen.queryByRole('region')).toBeNull()
  fireEvent.click(news)
  const digest = screen.getByRole('region', { name: 'Since your last visit' })
  expect(news).toHaveAttribute('aria-expanded', 'true')
  expect(digest).toHaveTextContent('Night OwlEarned')
  expect(screen.getByRole('link', { name: 'Night Owl' })).toHaveAttribute(
    'href',
    '/customers/member-' + member + '/badges/b',
  )
  // Its arrival is announced as the bell says it.
  await waitFor(() =>
    expect(screen.getByRole('status')).toHaveTextContent('1 change since your last visit'),
  )
  // Escape closes it, back on its button; a press elsewhere on the page closes it too.
  fireEvent.keyDown(document, { key: 'Escape' })
  expect(screen.queryByRole('region')).toBeNull()
  expect(news).toHaveFocus()
  fireEvent.click(news)
  expect(screen.getByRole('region')).toBeVisible()
  fireEvent.pointerDown(screen.getByRole('heading', { name: 'Earned badges' }))
  expect(screen.queryByRole('region')).toBeNull()
  // Dismissed: the news and its button go, and the view's heading takes the focus.
  fireEvent.click(news)
  fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }))
  expect(screen.queryByRole('button', { name: /since your last visit/ })).toBeNull()
  expect(screen.getByRole('heading', { name: 'Earned badges' })).toHaveFocus()
  second.unmount()

  const third = await visit([held('a', 'First Sip'), held('b', 'Night Owl')])
  expect(await decided(third)).toBe('0')
  expect(await stored()).toContain('"b":[1')
  expect(screen.queryByRole('button')).toBeNull()
})

test('storage that refuses to be written (full, blocked): no digest, no error', async () => {
  const first = await visit([held('a', 'First Sip')])
  await waitFor(async () => expect(await stored()).not.toBeNull())
  first.unmount()
  const setItem = vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
    throw new DOMException('full', 'QuotaExceededError')
  })
  const second = await visit([held('a', 'First Sip'), held('b', 'Night Owl')])
  expect(await decided(second)).toBe('0')
  expect(setItem).toHaveBeenCalled()
  expect(screen.queryByRole('button')).toBeNull()
})

test('storage that cannot be read, or holds something unreadable: no digest, and it starts over', async () => {
  vi.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
    throw new DOMException('blocked', 'SecurityError')
  })
  const blocked = await visit([held('a', 'First Sip')])
  expect(await decided(blocked)).toBe('0')
  expect(localStorage.length).toBe(1)
  blocked.unmount()
  vi.restoreAllMocks()

  localStorage.setItem(await visitKey(customer()), '{"v":1,"c":1,"b":{"a":[1,1')
  const unreadable = await visit([held('a', 'First Sip'), held('b', 'Night Owl')])
  expect(await decided(unreadable)).toBe('0')
  expect(await stored()).toContain('"b":[1')
  expect(screen.queryByRole('button')).toBeNull()
})

test('more news than it lists: the bell and its announcement count all, the list says how many more', async () => {
  const first = await visit([held('a', 'First Sip')])
  expect(await decided(first)).toBe('0')
  first.unmount()
  const names = ['Night Owl', 'Regular', 'Reviewer', 'Trailblazer', 'Birthday Treat', 'Explorer']
  await visit([held('a', 'First Sip'), ...names.map((name, i) => held(`n${i}`, name))])
  const news = await screen.findByRole('button', { name: '6 changes since your last visit' })
  expect(news).toHaveTextContent('6')
  await waitFor(() =>
    expect(screen.getByRole('status')).toHaveTextContent('6 changes since your last visit'),
  )
  fireEvent.click(news)
  const digest = screen.getByRole('region', { name: 'Since your last visit' })
  expect(digest.querySelectorAll('li')).toHaveLength(5)
  expect(digest).toHaveTextContent('and 1 more change')
})

test('news opened late, in a page left open, does not undo the marks a later visit stored', async () => {
  const first = await visit([held('a', 'First Sip')])
  expect(await decided(first)).toBe('0')
  first.unmount()
  // Yesterday's tab, left open with its news unread; then a visit elsewhere that reads its own.
  const old = await visit([held('a', 'First Sip'), held('b', 'Night Owl')])
  const oldNews = await within(old.container).findByRole('button', {
    name: '1 change since your last visit',
  })
  const later = await visit([held('a', 'First Sip'), held('b', 'Night Owl'), held('c', 'Regular')])
  fireEvent.click(
    await within(later.container).findByRole('button', { name: '2 changes since your last visit' }),
  )
  const latest = await stored()
  expect(latest).toContain('"c":[1')
  fireEvent.click(oldNews)
  expect(within(old.container).getByRole('region')).toBeVisible()
  expect(await stored()).toBe(latest)
})
