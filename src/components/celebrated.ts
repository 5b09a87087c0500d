// Celebrations the member closed, remembered on this device so a closed one stays closed on the
// next visit: localStorage of the showcase's own origin, a short list of "<badge id> <earned at>"
// marks (a new earning of the same badge is a new mark, celebrated again). No member is named.
// public/hydrate.js reads the same list to hide a closed one in a page the server rendered before
// its first paint, so it is never drawn and then taken away.

export const CELEBRATED_KEY = 'badge-showcase:celebrated'
/** Longer than a celebration lasts (display-state.ts): older marks are dropped when one is added. */
const KEEP_MS = 8 * 86_400_000
const MAX_MARKS = 50

/** What identifies one celebration: the badge and when it was earned (epoch milliseconds). */
export function celebrationMark(badgeId: string, earnedAt: number): string {
  return `${badgeId} ${earnedAt}`
}

function readMarks(storage: Storage): string[] {
  const value: unknown = JSON.parse(storage.getItem(CELEBRATED_KEY) ?? '[]')
  return Array.isArray(value) ? value.filter((mark) => typeof mark === 'string') : []
}

/** Whether this celebration was closed before; false when storage cannot be read. */
export function wasClosed(mark: string, storage: () => Storage = () => window.localStorage) {
  try {
    return readMarks(storage()).includes(mark)
  } catch {
    return false
  }
}

/** Remember that the member closed it (storage that refuses it: it comes back next visit). */
export function rememberClosed(
  mark: string,
  now: number,
  storage: () => Storage = () => window.localStorage,
) {
  try {
    const store = storage()
    const kept = readMarks(store).filter((old) => {
      const earnedAt = Number(old.slice(old.lastIndexOf(' ') + 1))
      return old !== mark && Number.isFinite(earnedAt) && now - earnedAt < KEEP_MS
    })
    store.setItem(CELEBRATED_KEY, JSON.stringify([...kept, mark].slice(-MAX_MARKS)))
  } catch {
    // Blocked or full: nothing to keep it in.
  }
}
