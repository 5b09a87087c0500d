import { useLayoutEffect } from 'react'
import { useLocation } from 'react-router'
import type { createAppRouter } from '../router.tsx'

// One tap, one page. On a phone the router takes a tap on a link to its new place at once and
// renders that page in a transition; until it is on screen the old page stays there, and a second
// tap of a double tap lands on the same link again. React Router pushes a link to a place "other
// than here", and "here" is still the page on screen: the same badge went into history twice, and
// Back returned to it rather than to the list (at 4x CPU, 5 of 5 double taps 120 ms apart).

/**
 * The history entry of the page on screen (the layout says so each time it shows another); null
 * while no layout is on screen (before the first, or an error page in its place): then every tap
 * is the router's.
 */
let shown: string | null = null

export function useShownPage() {
  const { key } = useLocation()
  useLayoutEffect(() => {
    shown = key
    return () => {
      shown = null
    }
  }, [key])
}

/**
 * While the router is already at a place the screen has not caught up with, a tap on a link to
 * that very place does nothing: the member is on their way there. Everything else is the router's.
 */
export function oneTapPerPlace(router: ReturnType<typeof createAppRouter>) {
  document.addEventListener(
    'click',
    (event) => {
      const { location } = router.state
      if (shown === null || location.key === shown || event.defaultPrevented) return
      // With a key held, or another button, a link opens a new tab or window.
      if (event.button || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return
      const link = (event.target as Element).closest?.<HTMLAnchorElement>('a[href]')
      if (!link || (link.target && link.target !== '_self') || link.hasAttribute('download')) return
      const there = new URL(router.createHref(location), window.location.href)
      const to = new URL(link.href)
      if (to.href === there.href) event.preventDefault()
    },
    true,
  )
}
