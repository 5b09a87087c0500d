// Reading what an upstream sends, bounded: nothing from Capillary (a badge list, a definition, an
// OAuth token) is read past a size limit, counted after decompression, so neither an endless body
// nor a compressed bomb can grow the process.

/** The body as text, or null when it is larger than `limit` bytes (decompressed) or broken. */
export async function readLimited(response: Response, limit: number): Promise<string | null> {
  const declared = Number(response.headers.get('content-length') ?? NaN)
  // The declared length is of the bytes on the wire; only an uncompressed one says it all.
  if (declared > limit && !response.headers.has('content-encoding')) {
    await response.body?.cancel().catch(() => undefined)
    return null
  }
  if (response.body === null) return ''
  const reader = response.body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      size += value.byteLength
      if (size > limit) {
        await reader.cancel().catch(() => undefined)
        return null
      }
      chunks.push(value)
    }
  } catch {
    return null
  }
  return Buffer.concat(chunks).toString('utf8')
}

/** Fields about Capillary's own staff and organisation, of no use to a member. */
export const INTERNAL_FIELDS: ReadonlySet<string> = new Set([
  'createdBy',
  'lastUpdatedBy',
  'ownership',
  'orgId',
])

const WHITESPACE = new Set([' ', '\t', '\n', '\r'])

/**
 * The JSON text without the members named in `fields`, at any depth. It works on the text rather
 * than on JSON.parse's values so that every number keeps the form Capillary sent (timestamps with
 * nine fraction digits would otherwise lose precision). `json` must already be valid JSON.
 */
export function stripFields(json: string, fields: ReadonlySet<string>): string {
  if (![...fields].some((field) => json.includes(`"${field}"`))) return json
  let at = 0
  const skipSpace = () => {
    while (at < json.length && WHITESPACE.has(json[at] ?? '')) at += 1
  }
  const string = () => {
    const start = at
    at += 1
    while (at < json.length && json[at] !== '"') at += json[at] === '\\' ? 2 : 1
    at += 1
    return json.slice(start, at)
  }
  const value = (): string => {
    skipSpace()
    const first = json[at]
    if (first === '"') return string()
    if (first === '{' || first === '[') {
      const close = first === '{' ? '}' : ']'
      at += 1
      const kept: string[] = []
      skipSpace()
      while (at < json.length && json[at] !== close) {
        if (first === '{') {
          skipSpace()
          const key = string()
          skipSpace()
          at += 1 // the colon
          const member = value()
          if (!fields.has(JSON.parse(key) as string)) kept.push(`${key}:${member}`)
        } else {
          kept.push(value())
        }
        skipSpace()
        if (json[at] === ',') at += 1
        skipSpace()
      }
      at += 1
      return `${first}${kept.join(',')}${close}`
    }
    const start = at
    while (at < json.length && !',]}'.includes(json[at] ?? '') && !WHITESPACE.has(json[at] ?? ''))
      at += 1
    return json.slice(start, at)
  }
  return value()
}
