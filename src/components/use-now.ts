import { useSyncExternalStore } from 'react'

// One clock for every "expires in 12 days" on the page: read once, then refreshed every minute,
// so renders stay pure and all cards agree on what "now" is.

const TICK_MS = 60_000
/** A page the server rendered moves on to the browser's clock this long after it is taken over. */
const CATCH_UP_MS = 10_000
/** A demo server's clock less the browser's (it may have been moved on): kept once known. */
let offset = 0
const clockNow = () => Date.now() + offset
let now = Date.now()
// Set for a page the server rendered, until its first view subscribes.
let fromServer = false
const listeners = new Set<() => void>()
let timer: ReturnType<typeof setInterval> | undefined

function tick() {
  now = clockNow()
  for (const notify of listeners) notify()
}

function subscribe(listener: () => void) {
  listeners.add(listener)
  if (timer === undefined) {
    // The server's page being taken over: a change now would make React draw again, afresh, the
    // parts it has not yet taken over (and a tap there would be lost). It catches up a little later.
    if (fromServer) setTimeout(tick, CATCH_UP_MS)
    // Back after a while with nothing on the page reading it: caught up at once.
    else now = clockNow()
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
 * clock shortly after (a page shown again from the cache may be far off). The server sets it
 * before each render as well. `keep`: the server's clock is the demo's, which its control may
 * have moved on; the app keeps to it (read 10 seconds later as the browser's, "expires tomorrow"
 * became "in 12 days" on the same page, and the next view counted from another day).
 */
export function startClockAt(ms: number, keep = false) {
  now = ms
  fromServer = true
  if (keep) offset = ms - Date.now()
}

export function useNow(): number {
  return useSyncExternalStore(
    subscribe,
    () => now,
    () => now,
  )
}
