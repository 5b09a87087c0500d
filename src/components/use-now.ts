import { useSyncExternalStore } from 'react'

// One clock for every "expires in 12 days" on the page: read once, then refreshed every minute,
// so renders stay pure and all cards agree on what "now" is.

const TICK_MS = 60_000
/** A page the server rendered moves on to the browser's clock this long after it is taken over. */
const CATCH_UP_MS = 10_000
let now = Date.now()
// Set for a page the server rendered, until its first view subscribes.
let fromServer = false
const listeners = new Set<() => void>()
let timer: ReturnType<typeof setInterval> | undefined

function tick() {
  now = Date.now()
  for (const notify of listeners) notify()
}

function subscribe(listener: () => void) {
  listeners.add(listener)
  if (timer === undefined) {
    // The server's page being taken over: a change now would make React draw again, afresh, the
    // parts it has not yet taken over (and a tap there would be lost). It catches up a little later.
    if (fromServer) setTimeout(tick, CATCH_UP_MS)
    // Back after a while with nothing on the page reading it: caught up at once.
    else now = Date.now()
    fromServer = false
    timer = setInterval(tick, TICK_MS)
  }
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
 * the very time the server's did and hydration finds the same text; it moves on to the browser's
 * clock shortly after (a page shown again from the cache, or from a demo server whose clock was
 * moved on, may be far off). The server sets it before each render as well.
 */
export function startClockAt(ms: number) {
  now = ms
  fromServer = true
}

export function useNow(): number {
  return useSyncExternalStore(
    subscribe,
    () => now,
    () => now,
  )
}
