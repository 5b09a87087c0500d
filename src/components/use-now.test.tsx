/** @vitest-environment jsdom */
import { act, render, screen } from '@testing-library/react'
import { Profiler } from 'react'
import { afterEach, expect, test, vi } from 'vitest'
import { startClockAt, useNow } from './use-now.ts'

// A page the server rendered is taken over with the server's "now", and the clock must not move
// when the app subscribes to it: a change then makes React draw again, afresh, the parts it has
// not yet taken over. It moves on with the server's clock, a minute at a time.

function Clock() {
  return <p>{useNow()}</p>
}

afterEach(() => {
  vi.useRealTimers()
})

test("the server's time holds when the page is taken over, then moves on from it each minute", () => {
  vi.useFakeTimers({ now: Date.parse('2026-11-26T05:00:00Z') })
  // The server's clock runs 31 days ahead (its emulator's clock was moved on).
  const server = Date.parse('2026-12-27T05:00:00Z')
  startClockAt(server, server - Date.now())
  let renders = 0
  render(
    <Profiler id="clock" onRender={() => (renders += 1)}>
      <Clock />
    </Profiler>,
  )
  expect(screen.getByText(String(server))).toBeInTheDocument()
  act(() => vi.advanceTimersByTime(30_000))
  expect(screen.getByText(String(server))).toBeInTheDocument()
  expect(renders).toBe(1)
  act(() => vi.advanceTimersByTime(30_000))
  expect(screen.getByText(String(server + 60_000))).toBeInTheDocument()
})

test('a server page shown again from the cache long after it was made catches up at once', () => {
  vi.useFakeTimers({ now: Date.parse('2026-11-26T05:00:00Z') })
  startClockAt(Date.parse('2026-11-25T05:00:00Z'), 0)
  render(<Clock />)
  expect(screen.getByText(String(Date.parse('2026-11-26T05:00:00Z')))).toBeInTheDocument()
})
