import { type ReactNode, useLayoutEffect } from 'react'
import { ScrollRestoration } from 'react-router'

/**
 * React Router's scroll restoration, less its first move: when it mounts it scrolls the page to
 * the top (it takes every first render for a page that has just opened). On a page the server
 * rendered, the member may have scrolled long before the app took over, and the jump came under
 * their thumb: their place lost, and a tap in that moment landing on another badge. The first
 * render now leaves the page where it is; after that, Back returns to a list's place and a new view
 * opens at its top, as before.
 */
export function KeepPlace() {
  return (
    <PutBack>
      <Note />
      <ScrollRestoration />
    </PutBack>
  )
}

// Layout effects run in tree order, a parent's after its children's: the place is read just before
// the router's effect, and put back just after it, before the browser paints.
let placeBefore: number | null = null

function Note() {
  useLayoutEffect(() => {
    placeBefore = window.scrollY
  }, [])
  return null
}

function PutBack({ children }: { children: ReactNode }) {
  useLayoutEffect(() => {
    if (placeBefore !== null && window.scrollY !== placeBefore) window.scrollTo(0, placeBefore)
    placeBefore = null
  }, [])
  return children
}
