import { isIP } from 'node:net'
import { getConnInfo } from '@hono/node-server/conninfo'
import { type Context } from 'hono'

// Who a request comes from, for the limits that count by client: the proof links' and, where no
// member token names anyone (SHOWCASE_ALLOW_ANY_MEMBER), the API's.

/**
 * Who a request counts against: the connection's address, or, behind a load balancer the operator
 * says appends it (SHOWCASE_TRUST_PROXY), the last X-Forwarded-For entry. A header the client
 * wrote itself is not trusted (it let one client be any number of clients), nor anything in it
 * that is not an address; an IPv6 address counts by its /64, what one connection is usually given.
 */
export function clientAddress(c: Context, trustProxy: boolean): string {
  const forwarded = trustProxy
    ? c.req.header('X-Forwarded-For')?.split(',').at(-1)?.trim()
    : undefined
  let address: string | undefined
  if (forwarded && isIP(forwarded)) address = forwarded
  else {
    try {
      address = getConnInfo(c).remote.address
    } catch {
      // Not behind Node's server (a test's app.request): one shared bucket.
    }
  }
  return address === undefined ? 'unknown' : addressKey(address)
}

/** An IPv4 address as it is; an IPv6 address as its first four groups (its /64). */
export function addressKey(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)
  if (mapped?.[1]) return mapped[1]
  if (isIP(address) !== 6) return address
  const [head = '', tail] = address.toLowerCase().split('::')
  const left = head === '' ? [] : head.split(':')
  const right = tail === undefined || tail === '' ? [] : tail.split(':')
  const groups = [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right]
  return `${groups
    .slice(0, 4)
    .map((group) => group.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`
}
