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

const QUOTE = 0x22
const BACKSLASH = 0x5c
const COMMA = 0x2c
const OPEN_OBJECT = 0x7b
const CLOSE_OBJECT = 0x7d
const OPEN_ARRAY = 0x5b
const CLOSE_ARRAY = 0x5d

/** The index of the quote that closes the string opening at `start` (the end, if none does). */
function stringEnd(json: string, start: number): number {
  let end = json.indexOf('"', start + 1)
  for (;;) {
    if (end === -1) return json.length
    let backslashes = 0
    while (json.charCodeAt(end - 1 - backslashes) === BACKSLASH) backslashes += 1
    if (backslashes % 2 === 0) return end
    end = json.indexOf('"', end + 1)
  }
}

type Container = {
  object: boolean
  /** In an object: the next string is a member's name. */
  expectName: boolean
  /** Whether a member of this object has been kept so far. */
  kept: boolean
  /** Where the current member starts, counting the comma before it. */
  memberStart: number
}

/**
 * The JSON text without the members named in `fields`, at any depth. It works on the text rather
 * than on JSON.parse's values so that every number keeps the form Capillary sent (timestamps with
 * nine fraction digits would otherwise lose precision). Every answer from Capillary goes through
 * here, so it reads each character once and cuts the members out of the text as it is, leaving the
 * rest, whitespace and all, untouched. `json` must already be valid JSON.
 */
export function stripFields(json: string, fields: ReadonlySet<string>): string {
  // (A name may also be written with escapes: to JSON.parse, `"org\u0049d"` is `"orgId"`.)
  if (!json.includes('\\') && ![...fields].some((field) => json.includes(`"${field}"`))) return json
  const kept: string[] = []
  let copiedTo = 0
  const stack: Container[] = []
  // While a member is being cut: its container's depth, and where the cut starts.
  let cutDepth = -1
  let cutStart = 0
  const endMember = (at: number, comma: boolean) => {
    const container = stack[stack.length - 1]
    if (container === undefined) return
    if (cutDepth === stack.length) {
      // The first member cut along with the comma after it; a later one with the comma before it.
      kept.push(json.slice(copiedTo, cutStart))
      copiedTo = comma && !container.kept ? at + 1 : at
      cutDepth = -1
    } else if (container.object) {
      container.kept = true
    }
    container.memberStart = at
  }
  for (let at = 0; at < json.length; at += 1) {
    const code = json.charCodeAt(at)
    if (code === QUOTE) {
      const end = stringEnd(json, at)
      const container = stack[stack.length - 1]
      if (container?.object && container.expectName) {
        container.expectName = false
        if (cutDepth === -1) {
          const raw = json.slice(at + 1, end)
          const name = raw.includes('\\') ? (JSON.parse(`"${raw}"`) as string) : raw
          if (fields.has(name)) {
            cutDepth = stack.length
            cutStart = container.kept ? container.memberStart : at
          }
        }
      }
      at = end
    } else if (code === OPEN_OBJECT || code === OPEN_ARRAY) {
      stack.push({ object: code === OPEN_OBJECT, expectName: true, kept: false, memberStart: at })
    } else if (code === CLOSE_OBJECT || code === CLOSE_ARRAY) {
      endMember(at, false)
      stack.pop()
    } else if (code === COMMA) {
      endMember(at, true)
      const container = stack[stack.length - 1]
      if (container?.object) container.expectName = true
    }
  }
  kept.push(json.slice(copiedTo))
  return kept.join('')
}
