import { SignJWT } from 'jose'
import { live } from '../playwright.config.ts'

/** A member token for the e2e live server, signed as a member portal's backend would sign it. */
export function signMemberToken(claims: Record<string, string>, expiresIn = '10m') {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setExpirationTime(expiresIn)
    .sign(new TextEncoder().encode(live.tokenSecret))
}
