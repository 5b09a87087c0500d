// What the first view needs of an embed, kept small: every view change is announced here, and the
// portal bridge (embed.ts, loaded only inside a portal's frame) listens.

// Erased whole (not `import { type … }`, which keeps the module): this file stays tiny.
import type { Judged } from '../badges/standing.ts'

export type PageChange = {
  pathname: string
  search: string
  /** The first view since the frame loaded. */
  first: boolean
  /** A redirect (or the first view): it takes the portal's current history entry. */
  replace: boolean
}

let listener: ((change: PageChange) => void) | null = null

export function onPageChange(next: (change: PageChange) => void) {
  listener = next
}

export function pageChanged(change: PageChange) {
  listener?.(change)
}

/**
 * The member's lists as the summary judged them (the cards' truths), once it has, with the days
 * left to a moment as the cards count them (format.ts: the bridge does not load it for this alone).
 */
export type JudgedLists = {
  earned: Judged[]
  available: Judged[]
  now: number
  daysLeft: (at: number, now: number) => number
}

let listsListener: ((lists: JudgedLists) => void) | null = null

export function onListsJudged(next: (lists: JudgedLists) => void) {
  listsListener = next
}

export function listsJudged(lists: JudgedLists) {
  listsListener?.(lists)
}
