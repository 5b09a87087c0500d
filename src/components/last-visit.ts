import { type Customer } from '../badges/member.ts'

// Where the marks of the member's last visit are kept on this device: localStorage of the
// showcase's own origin (inside a portal's frame too), under a key that names no member in clear.

const PREFIX = 'badge-showcase:visit:'

/** The storage key of a member: a SHA-256 of who they are, behind a fixed app prefix. */
export async function visitKey(customer: Customer): Promise<string> {
  const who = new TextEncoder().encode(
    `badge-showcase/visit/v1\0${customer.by ?? 'id'}\0${customer.id}`,
  )
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', who))
  return PREFIX + Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('')
}

/** The stored text, or null when there is none or storage cannot be read (blocked, private). */
export function readVisit(key: string): string | null {
  try {
    return window.localStorage.getItem(key)
  } catch {
    return null
  }
}

/** False when storage refuses it (full, blocked): then no digest, since it could not show once. */
export function writeVisit(key: string, text: string): boolean {
  try {
    window.localStorage.setItem(key, text)
    return true
  } catch {
    return false
  }
}
