import { Hono } from 'hono'
import { type Config, type ProofConfig } from './config.ts'
import { API_BASE, errorEnvelope, IDENTIFIER_HEADER } from './contract.ts'
import { type Clock } from './clock.ts'
import { createEmulatorControl } from './emulator/control.ts'
import { createEmulator, type EmulatorOptions } from './emulator/emulator.ts'
import { demoDataset } from './emulator/demo-data.ts'
import { indexDataset } from './emulator/state.ts'
import { type OnEvent } from './live/events.ts'
import { createMemberVerifier, type MemberVerifier } from './live/member-token.ts'
import { createProxy } from './live/proxy.ts'
import { type ReadMemberBadge } from './proof/holding.ts'
import { createProofRoutes, proofsOff } from './proof/proof-routes.ts'
import { createProofSealer } from './proof/proof-token.ts'
import { type SharedStore } from './live/shared-cache.ts'

type ApiOptions = {
  /** Live mode's settings; null or absent: demo mode, answered by the emulator. */
  live?: Config['live']
  emulator?: EmulatorOptions
  /** Demo mode: the clock that /__emulator/* may move (control.ts); absent, no control. */
  emulatorControl?: Clock
  fetch?: typeof fetch
  /** A line for the operator: a warning unless said to be news ('info'). */
  log?: (line: string, level?: 'info' | 'warn') => void
  /** Live mode's shared store; by default Redis at live.redisUrl, else this process's memory. */
  store?: SharedStore
  /** Live mode's upstream, cache and token events, for metrics. */
  onEvent?: OnEvent
  /** false: live mode without its shared cache, for the bench's comparison only. */
  cache?: boolean
  /** Badge proof links (server/proof/); absent or null: off. */
  proof?: { config: ProofConfig | null; basePath: string; now: () => number }
  /** Live mode: the process's member token check, shared with the first view's gate (main.ts). */
  verifyMember?: MemberVerifier
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
  proof,
  verifyMember = live === null
    ? undefined
    : createMemberVerifier(live.member, live.tokenClaims, proof?.now ?? Date.now),
}: ApiOptions = {}) {
  const api = new Hono()
  if (live === null && emulatorControl !== undefined) {
    const now = emulatorControl.now
    const lookup = indexDataset((emulator.dataset ?? demoDataset)(now()), emulator.assetBase)
    emulator = { ...emulator, now, lookup }
    api.route('/__emulator', createEmulatorControl({ lookup, clock: emulatorControl }))
  }
  let read: ReadMemberBadge
  if (live === null) {
    const upstream = createEmulator(emulator)
    api.route(API_BASE, upstream)
    // The emulator asked in-process, exactly as the app's requests ask it.
    read = async (customer, idType, badgeId) => {
      const response = await upstream.request(
        `/management/${encodeURIComponent(customer)}/badge/${encodeURIComponent(badgeId)}?includeStatistics=true`,
        { headers: idType ? { [IDENTIFIER_HEADER]: idType } : {} },
      )
      return { kind: 'answer', status: response.status, json: await response.json() }
    }
  } else {
    const upstream = createProxy({
      live,
      ...(fetch && { fetch }),
      ...(log && { log }),
      ...(store && { store }),
      ...(onEvent && { onEvent }),
      ...(cache !== undefined && { cache }),
      ...(verifyMember && { verifyMember }),
    })
    api.route(API_BASE, upstream)
    // Capillary through the proxy's own client: its credentials, gate, timeouts and size limits.
    read = async (customer, idType, badgeId) => {
      const result = await upstream.readMemberBadge(customer, idType, badgeId)
      if (result.kind === 'error') return { kind: 'unavailable' }
      try {
        return { kind: 'answer', status: result.status, json: JSON.parse(result.body) }
      } catch {
        return { kind: 'unavailable' }
      }
    }
  }
  if (proof?.config) {
    api.route(
      '/',
      createProofRoutes({
        sealer: createProofSealer({
          secret: proof.config.key,
          shareDays: proof.config.shareDays,
        }),
        shareDays: proof.config.shareDays,
        trustProxy: proof.config.trustProxy,
        publicOrigin: proof.config.publicOrigin,
        basePath: proof.basePath,
        now: proof.now,
        read,
        // (Demo mode has no member token to check, whatever a caller passed.)
        verifyMember: live === null ? null : (verifyMember ?? null),
      }),
    )
  } else api.route('/', proofsOff())
  api.all('/api_gateway/*', (c) => c.json(errorEnvelope(404, 'No such resource'), 404))
  return api
}
