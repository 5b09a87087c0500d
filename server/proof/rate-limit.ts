// A fixed-window counter per key, in this instance's memory: enough to stop one member or one
// address from minting proof links in a loop. Behind several instances each counts on its own, so
// the real limit is the configured one times the instance count (the README says so).

export function createRateLimit({
  limit,
  windowMs,
  now,
}: {
  limit: number
  windowMs: number
  now: () => number
}) {
  const windows = new Map<string, { start: number; count: number }>()

  /** Counts one use of `key`: 0 when allowed, else the seconds until its window ends. */
  return function take(key: string): number {
    const at = now()
    // Old windows go as new ones come, so the map holds only the current window's keys.
    if (windows.size > 10_000) {
      for (const [stale, window] of windows) {
        if (at - window.start >= windowMs) windows.delete(stale)
      }
    }
    const window = windows.get(key)
    if (window === undefined || at - window.start >= windowMs) {
      windows.set(key, { start: at, count: 1 })
      return 0
    }
    if (window.count >= limit) return Math.max(1, Math.ceil((window.start + windowMs - at) / 1000))
    window.count += 1
    return 0
  }
}
