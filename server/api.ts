import { Hono } from 'hono'
import { type Config } from './config.ts'
import { API_BASE, errorEnvelope } from './contract.ts'
import { type Clock } from './clock.ts'
import { createEmulatorControl } from './emulator/control.ts'
import { createEmulator, type EmulatorOptions } from './emulator/emulator.ts'
import { demoDataset } from './emulator/demo-data.ts'
import { indexDataset } from './emulator/state.ts'
import { type OnEvent } from './live/events.ts'
import { createProxy } from './live/proxy.ts'
import { type SharedStore } from './live/shared-cache.ts'

type ApiOptions = {
  /** Live mode's settings; null or absent: demo mode, answered by the emulator. */
  live?: Config['live']
  emulator?: EmulatorOptions
  /** Demo mode: the clock that /__emulator/* may move (control.ts); absent, no control. */
  emulatorControl?: Clock
  fetch?: typeof fetch
  log?: (line: string) => void
  /** Live mode's shared store; by default Redis at live.redisUrl, else this process's memory. */
  store?: SharedStore
  /** Live mode's upstream, cache and token events, for metrics. */
  onEvent?: OnEvent
  /** false: live mode without its shared cache, for the bench's comparison only. */
  cache?: boolean
}

/**
 * Everything under /api_gateway: the Badges API paths (the emulator in demo mode, the proxy in
 * live mode) and a JSON 404 for anything else there, so an API caller never receives the app's HTML.
 */
export function createApi({
  live = null,
  emulator = {},
  emulatorControl,
  fetch,
  log,
  store,
  onEvent,
  cache,
}: ApiOptions = {}) {
  const api = new Hono()
  if (live === null && emulatorControl !== undefined) {
    const now = emulatorControl.now
    const lookup = indexDataset((emulator.dataset ?? demoDataset)(now()), emulator.assetBase)
    emulator = { ...emulator, now, lookup }
    api.route('/__emulator', createEmulatorControl({ lookup, clock: emulatorControl }))
  }
  api.route(
    API_BASE,
    live === null
      ? createEmulator(emulator)
      : createProxy({
          live,
          ...(fetch && { fetch }),
          ...(log && { log }),
          ...(store && { store }),
          ...(onEvent && { onEvent }),
          ...(cache !== undefined && { cache }),
        }),
  )
  api.all('/api_gateway/*', (c) => c.json(errorEnvelope(404, 'No such resource'), 404))
  return api
}
