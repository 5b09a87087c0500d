import { useSyncExternalStore } from 'react'

// One clock for every "expires in 12 days" on the page: read once, then refreshed every minute,
// so renders stay pure and all cards agree on what "now" is.

const TICK_MS = 60_000
let now = Date.now()
const listeners = new Set<() => void>()
let timer: ReturnType<typeof setInterval> | undefined

function subscribe(listener: () => void) {
  listeners.add(listener)
  if (timer === undefined) now = Date.now()
  timer ??= setInterval(() => {
    now = Date.now()
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
 * the very time the server's did and hydration finds the same text; it moves on once subscribed.
 * The server sets it before each render too.
 */
export function startClockAt(ms: number) {
  now = ms
}

export function useNow(): number {
  return useSyncExternalStore(
    subscribe,
    () => now,
    () => now,
  )
}
