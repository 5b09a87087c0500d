import { useEffect } from 'react'

/**
 * Says the app has taken the page over: public/hydrate.js then plays again the taps it kept while
 * the code was on its way. (An effect runs once the first render is on screen and answering.)
 * The server's render has it in the same place, so the tree, and the ids React derives from it,
 * are the same on both sides.
 */
export function AppStarted() {
  useEffect(() => {
    window.dispatchEvent(new Event('badgeshowcase:app-started'))
  }, [])
  return null
}
