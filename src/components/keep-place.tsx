import { type ReactNode, useEffect, useLayoutEffect } from 'react'
import { ScrollRestoration, useLocation } from 'react-router'

/**
 * React Router's scroll restoration, less its moves over a page the server rendered. When it
 * mounts it scrolls the page to the top (it takes every first render for a page that has just
 * opened), then to the place it saved for that history entry, if any. But on a server-rendered
 * page the member may have scrolled long before the app took over: the jump came under their
 * thumb, their place was lost, and a tap in that moment landed on another badge. Taking over such
 * a page now leaves it where it is; after that, Back returns to a list's place and a new view opens
 * at its top, as before.
 *
 * In a long list, cards far off screen are laid out from an estimate of their height until they
 * come near (index.css, `.long-list`). Back from a badge, the router's place is a scroll offset,
 * and with the cards above estimates again, the badge the member opened came back 10 to 100 px
 * from where it was. The cards' heights are noted when a badge is opened and given back before
 * the router scrolls, so the same offset is the same place.
 */
export function KeepPlace() {
  return (
    <PutBack>
      <Note />
      <CardHeights />
      <ScrollRestoration storageKey={STORAGE} />
    </PutBack>
  )
}

// Where the router keeps the places it saved, per history entry, across reloads.
const STORAGE = 'badge-showcase-scroll'

let takeOver: string | null = null
let placeBefore: number | null = null

/**
 * The app is about to take over the server's page at the history entry `key`. A place the router
 * saved for that entry is forgotten: the browser has already put a reloaded page back there, and
 * the member may have moved since (a first entry's key is always "default", so it may even be
 * another page's place).
 */
export function keepPlaceAt(key: string) {
  takeOver = key
  try {
    const saved: unknown = JSON.parse(sessionStorage.getItem(STORAGE) ?? 'null')
    if (typeof saved === 'object' && saved !== null && key in saved) {
      const places = Object.entries(saved).filter(([entry]) => entry !== key)
      sessionStorage.setItem(STORAGE, JSON.stringify(Object.fromEntries(places)))
    }
  } catch {
    // No storage (a private window) or not ours to read: nothing saved, nothing to forget.
  }
}

// Layout effects run in tree order, a parent's after its children's: the place is read just before
// the router's effect, and put back just after it, before the browser paints. Only at the entry
// taken over, and only until the member leaves it: coming Back to it is the router's to place.
function Note() {
  const { key } = useLocation()
  useLayoutEffect(() => {
    placeBefore = key === takeOver ? window.scrollY : null
  }, [key])
  return null
}

// The heights of a long list's cards when a badge was opened from it, per history entry (a few).
const heights = new Map<string, Map<string, number>>()
const KEPT_ENTRIES = 5

const longListCards = () =>
  document.querySelectorAll<HTMLElement>('.long-list .badge-card [data-badge-link]')

/** Notes the cards' heights as a badge is opened; back at that list, gives them back first. */
function CardHeights() {
  const { key } = useLocation()
  useEffect(() => {
    const note = (event: MouseEvent) => {
      const opening = event.target instanceof Element && event.target.closest('[data-badge-link]')
      if (!opening) return
      const sizes = new Map<string, number>()
      for (const link of longListCards()) {
        const height = link.closest('.badge-card')?.getBoundingClientRect().height ?? 0
        if (height > 0 && link.dataset.badgeLink) sizes.set(link.dataset.badgeLink, height)
      }
      heights.delete(key)
      if (sizes.size > 0) heights.set(key, sizes)
      for (const old of [...heights.keys()].slice(0, -KEPT_ENTRIES)) heights.delete(old)
    }
    document.addEventListener('click', note, true)
    return () => document.removeEventListener('click', note, true)
  }, [key])
  // Before the router's own effect (tree order), so its scroll lands on the same layout.
  useLayoutEffect(() => {
    const sizes = heights.get(key)
    if (sizes === undefined) return
    // The intrinsic size is the content's: the card's padding and border come on top.
    let frame: number | null = null
    for (const link of longListCards()) {
      const height = sizes.get(link.dataset.badgeLink ?? '')
      const card = link.closest<HTMLElement>('.badge-card')
      if (height === undefined || !card) continue
      if (frame === null) {
        const box = getComputedStyle(card)
        const sides = [box.paddingTop, box.paddingBottom, box.borderTopWidth, box.borderBottomWidth]
        frame = sides.reduce((sum, side) => sum + (parseFloat(side) || 0), 0)
      }
      // A style property, not an attribute: the CSP refuses only the latter.
      card.style.containIntrinsicSize = `auto ${Math.max(0, height - frame)}px`
    }
  }, [key])
  return null
}

function PutBack({ children }: { children: ReactNode }) {
  const { key } = useLocation()
  useLayoutEffect(() => {
    if (key !== takeOver) takeOver = null
    else if (placeBefore !== null && window.scrollY !== placeBefore) window.scrollTo(0, placeBefore)
  }, [key])
  return children
}
