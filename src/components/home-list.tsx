import { useLayoutEffect, useSyncExternalStore } from 'react'
import { type FromList, useFromList } from './badge-link.tsx'

// The list a badge's page belongs to, told to the tabs by the page itself. A page opened from a
// list keeps that list's tab marked (history state says which); one opened directly (a shared
// link, a reminder, a reload) marks the tab its back link names, not none.
//
// A store outside React, not a context: a context's change above a part of the page the app has
// not yet taken over (the proof actions, whose code comes later) made React throw away the
// server's HTML of that part and draw its placeholder until the code came. Only the tabs listen.
//
// The server's render runs no effects: the page notes its list as it renders, and the server
// renders once more so the tabs above it are marked in the HTML (src/entry-server.tsx). The page's
// state carries the list, and the browser starts from it, so its hydration marks the same tab.
// (A page opened from the other list and then reloaded: the server, which never sees history
// state, marks the badge's own list, and the mark moves to the one it was opened from as the app
// starts, with the back link's words.)

let told: FromList | null = null
const listeners = new Set<() => void>()

function tell(list: FromList | null) {
  if (told === list) return
  told = list
  for (const listener of listeners) listener()
}

function subscribe(listener: () => void) {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** The list the tabs mark before any page has told one: the server's, for its render and the hydration. */
export function startWithinList(list: FromList | null) {
  told = list
}

/** The list the page told in the server's render. */
export const toldList = () => told

/** For a badge's page: the list it belongs to, for the tabs while it is shown. */
export function useTellHomeList(list: FromList) {
  // (The server only: it renders the page again with what it noted, src/entry-server.tsx.)
  if (typeof window === 'undefined') startWithinList(list)
  // Before the browser paints: the tab is marked with the page, not a frame after it.
  useLayoutEffect(() => {
    tell(list)
    return () => tell(null)
  }, [list])
}

/** The list whose tab the page is within: the one it was opened from, else the one it names. */
export function useWithinList(): FromList | null {
  const home = useSyncExternalStore(subscribe, toldList, toldList)
  return useFromList() ?? home
}
