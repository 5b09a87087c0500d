import { type Customer } from '../badges/member.ts'

// The showcase's place, as the portal's own address carries it (`?badges=/badges/6650…`): a route
// relative to the member, so a shared link opens the same badge for whoever is signed in on the
// portal, and never names the member who shared it.

const MAX_ROUTE = 512

/**
 * A route as it arrives in a portal's address, or null when it is anything but a path inside this
 * app: one leading slash (so no `//host`), no scheme, no backslash, no whitespace or control
 * characters, no fragment, no `.` or `..` segment (encoded or not).
 */
export function safeRoute(value: unknown): string | null {
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_ROUTE) return null
  if (!/^\/(?![/\\])[^\\#\s]*$/.test(value)) return null
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  if (/[\u0000-\u001f\u007f]/.test(value)) return null
  const path = value.split('?')[0] ?? ''
  for (const segment of path.split('/')) {
    let decoded: string
    try {
      decoded = decodeURIComponent(segment)
    } catch {
      return null
    }
    if (decoded === '.' || decoded === '..' || /[/\\]/.test(decoded)) return null
  }
  const base = 'https://showcase.invalid/app/'
  try {
    return new URL(value, base).origin === new URL(base).origin ? value : null
  } catch {
    return null
  }
}

/** The app path of a member-relative route, for the given member (keeping `?by=`). */
export function appPath(route: string, member: Customer): string {
  const [path = '/', query = ''] = route.split(/\?(.*)/s)
  const params = new URLSearchParams(query)
  if (member.by) params.set('by', member.by)
  else params.delete('by')
  const search = params.toString()
  return `/customers/${encodeURIComponent(member.id)}${path === '/' ? '/earned' : path}${search ? `?${search}` : ''}`
}
