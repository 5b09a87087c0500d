import { useSyncExternalStore } from 'react'

// One clock for every "expires in 12 days" on the page: read once, then refreshed every minute,
// so renders stay pure and all cards agree on what "now" is.

const TICK_MS = 60_000
// How far the server's clock runs ahead of real time, for a page the server rendered (the demo's
// clock may have been moved on): the page keeps the server's clock.
let offset = 0
const read = () => Date.now() + offset
let now = read()
const listeners = new Set<() => void>()
let timer: ReturnType<typeof setInterval> | undefined

function subscribe(listener: () => void) {
  listeners.add(listener)
  // Back after a while with nothing on the page reading it: caught up. Not within the minute, so
  // taking over the server's page (which subscribes) changes nothing it shows: a change then would
  // make React draw again, afresh, the parts it has not yet taken over.
  if (timer === undefined && read() - now >= TICK_MS) now = read()
  timer ??= setInterval(() => {
    now = read()
    for (const notify of listeners) notify()
  }, TICK_MS)
  return () => {
    listeners.delete(listener)
    if (listeners.size === 0) {
      clearInterval(timer)
      timer = undefined
    }
  }
}

/**
 * Starts the clock at the server's "now" for a page the server rendered, so the first render reads
 * the very time the server's did and hydration finds the same text. It moves on at the next tick,
 * with the server's clock (`ahead`: how far it runs ahead of real time), not when the first view
 * subscribes: a change then would make React draw again, afresh, the parts it has not yet taken
 * over. (A page over a minute old, shown again from the browser's cache, catches up at once.) The
 * server sets it before each render as well.
 */
export function startClockAt(ms: number, ahead = 0) {
  offset = ahead
  now = ms
}

export function useNow(): number {
  return useSyncExternalStore(
    subscribe,
    () => now,
    () => now,
  )
}
