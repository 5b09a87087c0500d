// The Capillary Badges API contract the showcase relies on, in one place: the paths, the envelope,
// the error codes it explains and the identifier kinds. The emulator, the live proxy and the
// browser's API layer all import it. Plain constants and types with no imports at all (lint keeps
// it so), so the browser bundle can take it without taking anything of the server.

/** Where the Badges API lives, on a Capillary cluster and on the showcase's server alike. */
export const API_BASE = '/api_gateway/v1/badges'

/** Where a cluster issues OAuth tokens for client credentials. */
export const OAUTH_TOKEN_PATH = '/v3/oauth/token/generate'

/** The header that says which kind of identifier the `{customerId}` segment holds. */
export const IDENTIFIER_HEADER = 'X-CAP-CUSTOMER-IDENTIFIER'

/** Without the header, the segment is Capillary's numeric customer id. */
export const identifierKinds = ['email', 'mobile', 'externalId', 'cardNumber'] as const
export type IdentifierKind = (typeof identifierKinds)[number]

/** The kind a header value names, matched without regard to case, as Capillary does; else null. */
export function identifierKind(header: string): IdentifierKind | null {
  const wanted = header.trim().toLowerCase()
  return identifierKinds.find((kind) => kind.toLowerCase() === wanted) ?? null
}

/** Capillary's codes for "no such member" and "no such identifier kind". */
export const CUSTOMER_NOT_FOUND = 1026
export const INVALID_IDENTIFIER_TYPE = 1028

export type ErrorBody = { code: number; message: string; reference: string | null }

/** Every response, success or failure: `data`, or null with at least one error. */
export type Envelope<Data> = { data: Data | null; errors: ErrorBody[]; warnings: unknown[] }

export function errorBody(code: number, message: string, reference: string | null = null) {
  return { code, message, reference } satisfies ErrorBody
}

export function errorEnvelope(code: number, message: string): Envelope<never> {
  return { data: null, errors: [errorBody(code, message)], warnings: [] }
}
