import { useEffect, useRef } from 'react'
import { useLocation, useNavigationType } from 'react-router'
import { pageChanged } from '../config/host-channel.ts'

/**
 * Navigation state of a route the portal opened (its back or forward), not the member here. The
 * frame's router keeps history in memory there, so the state is this very object.
 */
export const fromHost = { fromHost: true } as const

/**
 * Focus the page's heading once it is there (a page may still be loading its data); back on a
 * list from a badge, the card of that badge instead, so a keyboard or screen reader user goes on
 * from where they were rather than from the top of the list.
 */
function focusHeadingSoon(main: HTMLElement, cameFrom: string | null): MutationObserver | null {
  const focus = (heading: HTMLElement) => {
    const card =
      cameFrom === null
        ? null
        : main.querySelector<HTMLElement>(`[data-badge-link="${CSS.escape(cameFrom)}"]`)
    const target = card ?? heading
    // Focusable by script only, so the heading is no extra tab stop.
    if (target === heading && !heading.hasAttribute('tabindex')) heading.tabIndex = -1
    // The portal (embedded) or the router's scroll restoration decide the scroll, not the focus.
    target.focus({ preventScroll: true })
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

function decoded(segment: string): string | null {
  try {
    return decodeURIComponent(segment)
  } catch {
    return null
  }
}

/**
 * Every change of view: keyboard and screen reader users land on the new page's heading (not on
 * the first load, which the browser announces itself), and the portal hears where the member went.
 */
export function usePageChange() {
  const location = useLocation()
  const navigationType = useNavigationType()
  const seen = useRef<{ key: string; path: string } | null>(null)
  const waiting = useRef<MutationObserver | null>(null)
  useEffect(() => {
    // React's development double run of effects sees the same location twice: once is enough.
    if (seen.current?.key === location.key) return
    const first = seen.current === null
    const previousPath = seen.current?.path ?? null
    seen.current = { key: location.key, path: location.pathname }
    pageChanged({
      pathname: location.pathname,
      search: location.search,
      first,
      replace: first || navigationType === 'REPLACE',
    })

    waiting.current?.disconnect()
    waiting.current = null
    const main = document.getElementById('content')
    // A new sort or filter is the same page: focus stays on the control the member used.
    const samePage = previousPath === location.pathname
    if (first || samePage || location.state === fromHost || main === null) return
    // Back (or forward) from a badge's page: the badge it was.
    const badge =
      navigationType === 'POP' ? /\/badges\/([^/]+)\/?$/.exec(previousPath ?? '')?.[1] : undefined
    waiting.current = focusHeadingSoon(main, badge === undefined ? null : decoded(badge))
  }, [location, navigationType])
}
