import { useSyncExternalStore } from 'react'

// Nothing to subscribe to: these values change only with a render (a new location, a click).
const noChanges = () => () => {}

/**
 * A value only the browser knows (history state, this device's storage). The server's render and
 * the hydration that takes it over read `onServer`, so they match; the browser's renders just
 * after read `read()`.
 */
export function useBrowserValue<T>(read: () => T, onServer: T): T {
  return useSyncExternalStore(noChanges, read, () => onServer)
}
