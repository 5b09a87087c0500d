import { useLayoutEffect, useSyncExternalStore } from 'react'
import { type FromList, useFromList } from './badge-link.tsx'

// The list a badge's page belongs to, told to the tabs by the page itself. A page opened from a
// list keeps that list's tab marked (history state says which); one opened directly (a shared
// link, a reminder, a reload) marks the tab its back link names, not none.
//
// A store outside React, not a context: a context's change above a part of the page the app has
// not yet taken over (the proof actions, whose code comes later) made React throw away the
// server's HTML of that part and draw its placeholder until the code came. Only the tabs listen.

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

/** For a badge's page: the list it belongs to, for the tabs while it is shown. */
export function useTellHomeList(list: FromList) {
  // Before the browser paints: the tab is marked with the page, not a frame after it.
  useLayoutEffect(() => {
    tell(list)
    return () => tell(null)
  }, [list])
}

/** The list whose tab the page is within: the one it was opened from, else the one it names. */
export function useWithinList(): FromList | null {
  const home = useSyncExternalStore(
    subscribe,
    () => told,
    () => null,
  )
  return useFromList() ?? home
}
