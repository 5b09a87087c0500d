// The member token the portal's backend signed for its logged-in member. It arrives with the
// runtime configuration (the URL fragment's `member_token`, see load.ts) or from the host page
// (`window.BadgeShowcase.setMemberToken(token)`, or a message from the embedding page), which also
// hands over a fresh one when the old expires. It lives in memory only.

let token: string | null = null
let version = 0
const listeners = new Set<() => void>()

export function memberToken(): string | null {
  return token
}

/** Changes each time a token is set, so views that failed for want of one can start over. */
export function memberTokenVersion(): number {
  return version
}

export function setMemberToken(next: string | null) {
  token = next?.trim() || null
  version += 1
  for (const listener of listeners) listener()
}

/**
 * True when a token other than `sent` has been set since (a request refused with `sent` may go
 * again with it). The same token set again, or none, is no news: refused once, refused again.
 */
export function anotherTokenThan(sent: string | null): boolean {
  return token !== null && token !== sent
}

export function subscribeMemberToken(listener: () => void) {
  listeners.add(listener)
  return () => void listeners.delete(listener)
}

/**
 * The member the token names, read (not verified: the server does that) so that `/` can open
 * the signed-in member's badges. Null without a readable token.
 */
export function tokenMember(): { id: string; by: string | null } | null {
  const payload = token?.split('.')[1]
  if (payload === undefined) return null
  try {
    const claims: unknown = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/')))
    if (
      typeof claims !== 'object' ||
      claims === null ||
      !('sub' in claims) ||
      typeof claims.sub !== 'string'
    )
      return null
    const by = 'idType' in claims && typeof claims.idType === 'string' ? claims.idType : null
    return { id: claims.sub, by }
  } catch {
    return null
  }
}
