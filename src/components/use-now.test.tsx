/** @vitest-environment jsdom */
import { act, render, screen } from '@testing-library/react'
import { Profiler } from 'react'
import { afterEach, expect, test, vi } from 'vitest'
import { startClockAt, useNow } from './use-now.ts'

// A page the server rendered is taken over with the server's "now", and the clock must not move
// when the app subscribes to it: a change then makes React draw again, afresh, the parts it has
// not yet taken over. It moves on to the browser's clock shortly after, then each minute.

function Clock() {
  return <p>{useNow()}</p>
}

afterEach(() => {
  vi.useRealTimers()
})

const BROWSER = Date.parse('2026-11-26T05:00:00Z')

test("the server's time holds while the page is taken over, then the browser's clock runs", () => {
  vi.useFakeTimers({ now: BROWSER })
  // A server a month off (a page shown again from the cache, long after).
  const server = BROWSER + 31 * 24 * 3600_000
  startClockAt(server)
  let renders = 0
  render(
    <Profiler id="clock" onRender={() => (renders += 1)}>
      <Clock />
    </Profiler>,
  )
  expect(screen.getByText(String(server))).toBeInTheDocument()
  act(() => vi.advanceTimersByTime(5_000))
  expect(screen.getByText(String(server))).toBeInTheDocument()
  expect(renders).toBe(1)
  act(() => vi.advanceTimersByTime(5_000))
  expect(screen.getByText(String(BROWSER + 10_000))).toBeInTheDocument()
  act(() => vi.advanceTimersByTime(50_000))
  expect(screen.getByText(String(BROWSER + 60_000))).toBeInTheDocument()
})

test('a view that subscribes after a quiet while reads the time at once', () => {
  vi.useFakeTimers({ now: BROWSER })
  startClockAt(BROWSER - 1000)
  const first = render(<Clock />)
  first.unmount()
  act(() => vi.advanceTimersByTime(3 * 3600_000))
  render(<Clock />)
  expect(screen.getByText(String(BROWSER + 3 * 3600_000))).toBeInTheDocument()
})

test("a demo's clock, moved on, is kept: the page and the next views count from the demo's day", () => {
  vi.useFakeTimers({ now: BROWSER })
  const demo = BROWSER + 11 * 24 * 3600_000
  startClockAt(demo, true)
  const first = render(<Clock />)
  expect(screen.getByText(String(demo))).toBeInTheDocument()
  act(() => vi.advanceTimersByTime(10_000))
  expect(screen.getByText(String(demo + 10_000))).toBeInTheDocument()
  act(() => vi.advanceTimersByTime(50_000))
  expect(screen.getByText(String(demo + 60_000))).toBeInTheDocument()
  // Another view, after a while: still the demo's day.
  first.unmount()
  act(() => vi.advanceTimersByTime(3_600_000))
  render(<Clock />)
  expect(screen.getByText(String(demo + 3_660_000))).toBeInTheDocument()
})
