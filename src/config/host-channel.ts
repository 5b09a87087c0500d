// What the first view needs of an embed, kept small: every view change is announced here, and the
// portal bridge (embed.ts, loaded only inside a portal's frame) listens.

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
