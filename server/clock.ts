// The server's sense of now. One clock is shared by the emulator and by anything that checks
// a time against the emulator's data, so a test that moves the emulator's time (control.ts) moves
// it for the whole server at once.

export type Clock = {
  now: () => number
  /** Moves this clock forward (never back): the emulator's control only. */
  advance: (ms: number) => number
}

export function createClock(source: () => number = Date.now): Clock {
  let offset = 0
  return {
    now: () => source() + offset,
    advance: (ms) => {
      offset += Math.max(0, ms)
      return source() + offset
    },
  }
}
