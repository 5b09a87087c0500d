// The route a request path belongs to, with its values replaced by names ("/customers/:customer/
// earned"): what metrics count by and logs group by. A fixed set of labels, whatever the path holds,
// so no member identifier ends up in a metric and no caller can grow the set.

import { createHmac, randomBytes } from 'node:crypto'
import { API_BASE as API } from './contract.ts'

const SEGMENT = '[^/]+'

const templates: [RegExp, string][] = [
  [`${API}/customer/${SEGMENT}`, `${API}/customer/:customer`],
  [`${API}/management/${SEGMENT}/badge/${SEGMENT}`, `${API}/management/:customer/badge/:badge`],
  [`${API}/badgeMeta/${SEGMENT}`, `${API}/badgeMeta/:badge`],
  [`${API}/group/${SEGMENT}`, `${API}/group/:group`],
  ['/api_gateway(/.*)?', '/api_gateway/*'],
  [`/customers/${SEGMENT}/earned`, '/customers/:customer/earned'],
  [`/customers/${SEGMENT}/available`, '/customers/:customer/available'],
  [`/customers/${SEGMENT}/badges/${SEGMENT}`, '/customers/:customer/badges/:badge'],
  // A proof link's token is a credential of sorts: counted under one label, never one per link.
  [`/proof/${SEGMENT}/qr\\.svg`, '/proof/:token/qr.svg'],
  [`/proof/${SEGMENT}`, '/proof/:token'],
  ['/assets/.*', '/assets/*'],
  ['/demo/.*', '/demo/*'],
].map(([pattern, label]) => [new RegExp(`^${pattern}/?$`), label] as [RegExp, string])

const exact = new Set([
  '/',
  '/index.html',
  '/healthz',
  '/readyz',
  '/metrics',
  '/config.json',
  '/first-view',
  '/embed.js',
  '/early.js',
  '/hydrate.js',
  '/brand.css',
  '/favicon.svg',
  '/proofs',
  '/proof/style.css',
])

/** `rawPath` is the path as sent (still percent-encoded); `basePath` where the showcase is mounted. */
export function routeLabel(rawPath: string, basePath = '/'): string {
  const mount = basePath.replace(/\/$/, '')
  if (mount !== '' && rawPath !== mount && !rawPath.startsWith(`${mount}/`)) return 'other'
  const path = rawPath.slice(mount.length) || '/'
  if (exact.has(path)) return path
  return templates.find(([pattern]) => pattern.test(path))?.[1] ?? 'other'
}

// A member's identifier in a logged path (an email, a phone number) is personal data, and a proof
// link's token lets anyone open it for weeks: logs keep neither. A member's id becomes a pseudonym,
// the same for one member throughout this process (to follow one member's requests), keyed by a
// secret made at start, so it cannot be looked up from a list of emails.
const PSEUDONYM_KEY = randomBytes(32)

function pseudonym(segment: string): string {
  return `~${createHmac('sha256', PSEUDONYM_KEY).update(segment).digest('hex').slice(0, 12)}`
}

const MEMBER_SEGMENTS = [
  new RegExp(`(${API}/customer/)(${SEGMENT})`),
  new RegExp(`(${API}/management/)(${SEGMENT})(?=/badge/)`),
  new RegExp(`(/customers/)(${SEGMENT})`),
]
const PROOF_TOKEN = /(\/proof\/)(?!style\.css$)([^/]{7})[^/]*/

/** The path as logged: no member identifier, no proof link's token (the first 6 characters stay). */
export function loggedPath(rawPath: string): string {
  let path = rawPath
  for (const pattern of MEMBER_SEGMENTS) {
    path = path.replace(pattern, (_, head: string, member: string) => `${head}${pseudonym(member)}`)
  }
  return path.replace(
    PROOF_TOKEN,
    (_, head: string, start: string) => `${head}${start.slice(0, 6)}…`,
  )
}
