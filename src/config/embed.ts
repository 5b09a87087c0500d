import { setMemberToken } from './member-token.ts'
import { type RuntimeConfig } from './runtime.ts'

/**
 * Inside the embed script's iframe: tell the host page how tall the showcase is (so the frame fits
 * it, with no inner scrollbar), and take fresh member tokens from it. Only with the exact origin
 * the snippet named, and only from the parent window.
 */
export function connectToHost(config: Pick<RuntimeConfig, 'parentOrigin'>) {
  const host = config.parentOrigin
  if (host === null || window.parent === window) return
  let reported = 0
  const report = () => {
    const height = Math.ceil(document.body.getBoundingClientRect().height)
    if (height === reported) return
    reported = height
    window.parent.postMessage({ type: 'badge-showcase:height', height }, host)
  }
  new ResizeObserver(report).observe(document.body)
  window.addEventListener('message', (event: MessageEvent<unknown>) => {
    if (event.origin !== host || event.source !== window.parent) return
    const data = event.data
    if (typeof data !== 'object' || data === null || !('type' in data)) return
    if (data.type === 'badge-showcase:token' && 'token' in data && typeof data.token === 'string') {
      setMemberToken(data.token)
    }
  })
}
