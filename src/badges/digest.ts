import { type Judged } from './standing.ts'
import { type BadgeTruth, type TruthKind } from './truth.ts'

// "Since your last visit": what changed for the member between two visits, from a compact mark
// per badge kept on their device. The marks are read from the same truths the cards show
// (badgeTruth), so the digest cannot say something the list contradicts.

/** Whether the member can earn the badge (again) now, must wait for a window, or never can. */
type Openness = 'now' | 'wait' | 'never' | 'unknown'

export type Mark = {
  held: boolean
  /** Times earned over the badge's life, as the lists count. */
  times: number
  /** When the member's hold runs out (null: for good, or not held). */
  until: number | null
  kind: TruthKind
  open: Openness
}

/**
 * The marks of one visit; `complete`: every earned badge was in the lists (no page left unread);
 * `held`: how many badges the earned list counted (its total, pages unread included).
 */
export type Snapshot = { complete: boolean; marks: Map<string, Mark>; held?: number }

export type ChangeKind =
  | 'earned'
  | 'earned-again'
  | 'earned-unread'
  | 'expired'
  | 'removed'
  | 'earn-again'
  | 'window-reset'
/** A change to one badge; 'earned-unread' is `count` badges earned on pages not read (no id). */
export type Change = { kind: ChangeKind; badgeId: string; count?: number }

function openness(truth: BadgeTruth): Openness {
  switch (truth.kind) {
    case 'can-earn':
      // Earned before and its record not read: whether it is open again is not known.
      return truth.unsure ? 'unknown' : 'now'
    case 'in-progress':
      return 'now'
    case 'earn-again-from':
      return 'wait'
    case 'not-yet':
    case 'no-longer':
      return 'never'
    case 'earned':
    case 'expired':
      return truth.next.kind === 'now'
        ? 'now'
        : truth.next.kind === 'from'
          ? 'wait'
          : // Closed until the brand opens it: its opening is news, as a raised limit's is.
            truth.next.kind === 'never' || truth.next.kind === 'when-opened'
            ? 'never'
            : 'unknown'
  }
}

/**
 * The marks of this visit, from both lists' truths. Whether the member holds a badge is the
 * earned list's to say; whether they can earn it is the available list's, which knows what the
 * earned list does not (issues, windows), falling back to the earned list for a badge it lacks.
 */
export function takeSnapshot(
  earned: Judged[],
  available: Judged[],
  complete = true,
  heldCount?: number,
): Snapshot {
  const marks = new Map<string, Mark>()
  const held = new Map(
    earned.flatMap(({ badge, truth }) => (truth.kind === 'earned' ? [[badge.id, truth]] : [])),
  )
  const offered = new Map(available.map((judged) => [judged.badge.id, judged]))
  const counted = new Map(earned.map((judged) => [judged.badge.id, judged]))
  // Times earned: what either list's truth counted, else the list's own count.
  const timesOf = (judged: Judged | undefined) =>
    judged === undefined
      ? 0
      : 'times' in judged.truth
        ? judged.truth.times
        : (judged.badge.earnedCount ?? 0)
  for (const id of new Set([...counted.keys(), ...offered.keys()])) {
    const own = held.get(id) ?? null
    const truth = (offered.get(id) ?? counted.get(id))?.truth
    if (truth === undefined) continue
    const times = Math.max(timesOf(counted.get(id)), timesOf(offered.get(id)))
    marks.set(id, {
      held: own !== null,
      times,
      until: own?.until ?? null,
      kind: truth.kind,
      open: openness(truth),
    })
  }
  return { complete, marks, ...(heldCount !== undefined && { held: heldCount }) }
}

const ORDER: ChangeKind[] = [
  'earned',
  'earned-again',
  'earned-unread',
  'window-reset',
  'earn-again',
  'expired',
  'removed',
]

/**
 * What changed between the marks of the member's last visit and this one: badges they earned
 * (first time or again), held badges that ran out (expired) or went otherwise (revoked), badges
 * they could not earn and now can (earn again), and repeat badges whose used-up window opened
 * again (window reset). Badges that appeared or vanished from the offer are not news here, and a
 * badge missing from a list read only in part is not taken as gone (nor as new when it shows up).
 */
export function diff(previous: Snapshot, current: Snapshot, now: number): Change[] {
  const changes: Change[] = []
  for (const [badgeId, mark] of current.marks) {
    const before = previous.marks.get(badgeId)
    const isNew =
      before === undefined ? previous.complete : !before.held || mark.times > before.times
    if (mark.held && isNew) {
      // A badge earned before too is news of its own: "Earned again", not a first.
      changes.push({ kind: mark.times > 1 ? 'earned-again' : 'earned', badgeId })
      continue
    }
    if (before === undefined) continue
    if (before.open === 'wait' && mark.open === 'now') {
      changes.push({ kind: 'window-reset', badgeId })
    } else if (before.open === 'never' && mark.open === 'now' && mark.times > 0) {
      changes.push({ kind: 'earn-again', badgeId })
    }
  }
  for (const [badgeId, before] of previous.marks) {
    const after = current.marks.get(badgeId)
    if (!before.held || after?.held || (after === undefined && !current.complete)) continue
    const ranOut = before.until !== null && before.until <= now
    changes.push({ kind: ranOut ? 'expired' : 'removed', badgeId })
  }
  // A list read in part: more newly held than the pages read show were earned on the others (the
  // VIP's 327th badge, on the last page, raised the count and was news nowhere). At least that
  // many: one that ran out there too hides one earned.
  if (!current.complete && previous.held !== undefined && current.held !== undefined) {
    // Newly held where the last visit saw it not held (one it did not see may have been held).
    const cameSeen = [...current.marks].filter(
      ([badgeId, mark]) => mark.held && previous.marks.get(badgeId)?.held === false,
    ).length
    const wentSeen = changes.filter((c) => c.kind === 'expired' || c.kind === 'removed').length
    const unread = current.held - previous.held - cameSeen + wentSeen
    if (unread > 0) changes.push({ kind: 'earned-unread', badgeId: '', count: unread })
  }
  return changes.sort((a, b) => ORDER.indexOf(a.kind) - ORDER.indexOf(b.kind))
}

// On the device: badge ids and numbers only (no names, no member identifiers), one array a badge:
// [held 0|1, times, until or null, truth kind index, openness index].
const KINDS: TruthKind[] = [
  'earned',
  'expired',
  'in-progress',
  'can-earn',
  'earn-again-from',
  'not-yet',
  'no-longer',
]
const OPENNESS: Openness[] = ['now', 'wait', 'never', 'unknown']
const VERSION = 1

export function encodeSnapshot(snapshot: Snapshot): string {
  const badges: Record<string, [number, number, number | null, number, number]> = {}
  for (const [id, mark] of snapshot.marks) {
    badges[id] = [
      mark.held ? 1 : 0,
      mark.times,
      mark.until,
      KINDS.indexOf(mark.kind),
      OPENNESS.indexOf(mark.open),
    ]
  }
  return JSON.stringify({
    v: VERSION,
    c: snapshot.complete ? 1 : 0,
    b: badges,
    ...(snapshot.held !== undefined && { h: snapshot.held }),
  })
}

const count = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value) && value >= 0

/** The snapshot stored on a last visit; null when there is none or it cannot be read whole. */
export function decodeSnapshot(text: string | null): Snapshot | null {
  if (text === null) return null
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch {
    return null
  }
  if (typeof data !== 'object' || data === null) return null
  const { v, c, b, h } = data as { v?: unknown; c?: unknown; b?: unknown; h?: unknown }
  if (v !== VERSION || (c !== 0 && c !== 1)) return null
  if (typeof b !== 'object' || b === null || Array.isArray(b)) return null
  const marks = new Map<string, Mark>()
  for (const [id, entry] of Object.entries(b)) {
    if (!Array.isArray(entry) || entry.length !== 5) return null
    const [held, times, until, kind, open] = entry as unknown[]
    const truthKind = Number.isInteger(kind) ? KINDS[kind as number] : undefined
    const openness = Number.isInteger(open) ? OPENNESS[open as number] : undefined
    if (
      (held !== 0 && held !== 1) ||
      !count(times) ||
      !(until === null || count(until)) ||
      truthKind === undefined ||
      openness === undefined
    )
      return null
    marks.set(id, { held: held === 1, times, until, kind: truthKind, open: openness })
  }
  // The earned list's count, from a visit that kept it (not an older one's marks).
  return { complete: c === 1, marks, ...(count(h) && { held: h }) }
}
