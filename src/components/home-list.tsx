import { createContext, type ReactNode, useContext, useLayoutEffect, useState } from 'react'
import { type FromList, useFromList } from './badge-link.tsx'

// The list a badge's page belongs to, told to the tabs by the page itself. A page opened from a
// list keeps that list's tab marked (history state says which); one opened directly (a shared
// link, a reminder, a reload) marks the tab its back link names, not none.

type Told = [FromList | null, (list: FromList | null) => void]
const HomeList = createContext<Told>([null, () => {}])

export function HomeListProvider({ children }: { children: ReactNode }) {
  return <HomeList.Provider value={useState<FromList | null>(null)}>{children}</HomeList.Provider>
}

/** For a badge's page: the list it belongs to, for the tabs while it is shown. */
export function useTellHomeList(list: FromList) {
  const tell = useContext(HomeList)[1]
  // Before the browser paints: the tab is marked with the page, not a frame after it.
  useLayoutEffect(() => {
    tell(list)
    return () => tell(null)
  }, [tell, list])
}

/** The list whose tab the page is within: the one it was opened from, else the one it names. */
export function useWithinList(): FromList | null {
  const [told] = useContext(HomeList)
  return useFromList() ?? told
}
