import { Hono } from 'hono'
import { type Config } from './config.ts'
import { API_BASE, errorEnvelope } from './contract.ts'
import { createEmulator, type EmulatorOptions } from './emulator/emulator.ts'
import { createProxy } from './live/proxy.ts'

type ApiOptions = {
  /** Live mode's settings; null or absent: demo mode, answered by the emulator. */
  live?: Config['live']
  emulator?: EmulatorOptions
  fetch?: typeof fetch
  log?: (line: string) => void
}

/**
 * Everything under /api_gateway: the Badges API paths (the emulator in demo mode, the proxy in
 * live mode) and a JSON 404 for anything else there, so an API caller never receives the app's HTML.
 */
export function createApi({ live = null, emulator = {}, fetch, log }: ApiOptions = {}) {
  const api = new Hono()
  api.route(
    API_BASE,
    live === null
      ? createEmulator(emulator)
      : createProxy({ live, ...(fetch && { fetch }), ...(log && { log }) }),
  )
  api.all('/api_gateway/*', (c) => c.json(errorEnvelope(404, 'No such resource'), 404))
  return api
}
