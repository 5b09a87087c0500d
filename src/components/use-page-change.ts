import { useEffect, useRef } from 'react'
import { useLocation, useNavigationType } from 'react-router'
import { bodyHeight, tellHost } from '../config/embed.ts'
import { badgeIdOf, memberRoute } from '../config/host-route.ts'

/** Navigation state of a route the portal opened (its back or forward), not the member here. */
export const fromHost = { fromHost: true } as const

function openedByHost(state: unknown): boolean {
  return typeof state === 'object' && state !== null && 'fromHost' in state
}

/** Focus the page's heading once it is there (a page may still be loading its data). */
function focusHeadingSoon(main: HTMLElement): MutationObserver | null {
  const focus = (heading: HTMLElement) => {
    // Focusable by script only, so the heading is no extra tab stop.
    if (!heading.hasAttribute('tabindex')) heading.tabIndex = -1
    // The portal (embedded) or the router's scroll restoration decide the scroll, not the focus.
    heading.focus({ preventScroll: true })
  }
  const now = main.querySelector('h1')
  if (now !== null) {
    focus(now)
    return null
  }
  const observer = new MutationObserver(() => {
    const heading = main.querySelector('h1')
    if (heading === null) return
    observer.disconnect()
    focus(heading)
  })
  observer.observe(main, { childList: true, subtree: true })
  return observer
}

/**
 * Every change of view: keyboard and screen reader users land on the new page's heading (not on
 * the first load, which the browser announces itself), and the portal hears where the member went.
 */
export function usePageChange() {
  const location = useLocation()
  const navigationType = useNavigationType()
  const seen = useRef<{ key: string; path: string; route: string | null } | null>(null)
  const waiting = useRef<MutationObserver | null>(null)
  useEffect(() => {
    // React's development double run of effects sees the same location twice: once is enough.
    if (seen.current?.key === location.key) return
    const first = seen.current === null
    const previous = seen.current?.route ?? null
    const previousPath = seen.current?.path ?? null
    const inPortal = memberRoute(location.pathname, location.search)
    seen.current = { key: location.key, path: location.pathname, route: inPortal?.route ?? null }

    if (inPortal !== null) {
      tellHost({
        type: 'badge-showcase:navigate',
        route: inPortal.route,
        // A redirect or the first view takes the portal's current history entry; a click adds one.
        replace: first || navigationType === 'REPLACE',
        height: bodyHeight(),
      })
    }
    if (first) tellHost({ type: 'badge-showcase:ready' })
    const badgeId = inPortal === null ? null : badgeIdOf(inPortal.route)
    if (badgeId !== null && inPortal?.route !== previous) {
      tellHost({ type: 'badge-showcase:badgeopen', badgeId })
    }

    waiting.current?.disconnect()
    waiting.current = null
    const main = document.getElementById('content')
    // A new sort or filter is the same page: focus stays on the control the member used.
    const samePage = previousPath === location.pathname
    if (first || samePage || openedByHost(location.state) || main === null) return
    waiting.current = focusHeadingSoon(main)
  }, [location, navigationType])
}
