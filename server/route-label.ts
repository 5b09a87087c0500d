// The route a request path belongs to, with its values replaced by names ("/customers/:customer/
// earned"): what metrics count by and logs group by. A fixed set of labels, whatever the path holds,
// so no member identifier ends up in a metric and no caller can grow the set.

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
