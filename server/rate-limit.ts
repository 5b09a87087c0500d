// A fixed-window counter per key, in this instance's memory: enough to stop one member or one
// address from minting proof links in a loop, or one member's script from spending the brand's
// Capillary quota (the proxy). Behind several instances each counts on its own, so the real limit
// is the configured one times the instance count (the README says so).

/** Keys held at most: past it the oldest go first, so a flood of new keys costs no more memory. */
const MAX_KEYS = 10_000

/**
 * Drops the oldest entries of a map kept in the order they were made: those past their time, and,
 * beyond `max`, the least recent (a flood of new keys costs no more memory, and no scan per use).
 */
export function dropOldest<V>(map: Map<string, V>, max: number, current: (value: V) => boolean) {
  for (const [key, value] of map) {
    if (map.size <= max && current(value)) break
    map.delete(key)
  }
}

export function createRateLimit({
  limit,
  windowMs,
  now,
  maxKeys = MAX_KEYS,
}: {
  limit: number
  windowMs: number
  now: () => number
  maxKeys?: number
}) {
  // In the order each key's window began (a new window moves its key to the end).
  const windows = new Map<string, { start: number; count: number }>()

  /** Counts one use of `key`: 0 when allowed, else the seconds until its window ends. */
  return function take(key: string): number {
    const at = now()
    const window = windows.get(key)
    if (window === undefined || at - window.start >= windowMs) {
      windows.delete(key)
      windows.set(key, { start: at, count: 1 })
      dropOldest(windows, maxKeys, (kept) => at - kept.start < windowMs)
      return 0
    }
    if (window.count >= limit) return Math.max(1, Math.ceil((window.start + windowMs - at) / 1000))
    window.count += 1
    return 0
  }
}
