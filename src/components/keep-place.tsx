import { type ReactNode, useLayoutEffect } from 'react'
import { ScrollRestoration, useLocation } from 'react-router'

/**
 * React Router's scroll restoration, less its moves over a page the server rendered. When it
 * mounts it scrolls the page to the top (it takes every first render for a page that has just
 * opened), then to the place it saved for that history entry, if any. But on a server-rendered
 * page the member may have scrolled long before the app took over: the jump came under their
 * thumb, their place was lost, and a tap in that moment landed on another badge. Taking over such
 * a page now leaves it where it is; after that, Back returns to a list's place and a new view opens
 * at its top, as before.
 */
export function KeepPlace() {
  return (
    <PutBack>
      <Note />
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

function PutBack({ children }: { children: ReactNode }) {
  const { key } = useLocation()
  useLayoutEffect(() => {
    if (key !== takeOver) takeOver = null
    else if (placeBefore !== null && window.scrollY !== placeBefore) window.scrollTo(0, placeBefore)
  }, [key])
  return children
}
