import { Hono } from 'hono'
import { createEmulator, type EmulatorOptions, errorBody } from './emulator/emulator.ts'

export const API_BASE = '/api_gateway/v1/badges'

/**
 * Everything under /api_gateway: the Badges API paths (from the emulator in demo mode) and a JSON
 * 404 for anything else there, so an API caller never receives the app's HTML.
 */
export function createApi(options: EmulatorOptions = {}) {
  const api = new Hono()
  api.route(API_BASE, createEmulator(options))
  api.all('/api_gateway/*', (c) =>
    c.json({ data: null, errors: [errorBody(404, 'No such resource')], warnings: [] }, 404),
  )
  return api
}
