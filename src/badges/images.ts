import { type DisplayState } from './display-state.ts'
import { type BadgeImage, type ImageTag } from './types.ts'

export type ImageChoice = { url: string; tag: ImageTag | null; greyscale: boolean }

// Which tagged image stands in for which state, best first. Colour art of an earned badge shown
// for a badge the member does not have would claim too much, so it is greyed out there.
const preference: Record<DisplayState, Array<{ tag: ImageTag; greyscale: boolean }>> = {
  EARNED: [
    { tag: 'EARNED', greyscale: false },
    { tag: 'IN_PROGRESS', greyscale: false },
    { tag: 'UN_EARNED', greyscale: false },
  ],
  IN_PROGRESS: [
    { tag: 'IN_PROGRESS', greyscale: false },
    { tag: 'UN_EARNED', greyscale: false },
    { tag: 'EARNED', greyscale: true },
  ],
  LOCKED: [
    { tag: 'UN_EARNED', greyscale: false },
    { tag: 'EARNED', greyscale: true },
    { tag: 'IN_PROGRESS', greyscale: true },
  ],
}

/**
 * Only `https:` URLs and paths on the page's own origin are shown: API strings such as
 * `javascript:`, `data:`, `string` or `//elsewhere` never become an image source. The page's own
 * images come back as paths (`/demo/a.svg`): the server's render then names no origin, which
 * behind a reverse proxy would be the proxy's upstream, not the address the member opened.
 */
export function safeImageUrl(url: string | null, pageOrigin: string): string | null {
  if (url === null) return null
  const trimmed = url.trim()
  if (trimmed === '') return null
  const rootRelative =
    trimmed.startsWith('/') && !trimmed.startsWith('//') && !trimmed.startsWith('/\\')
  let parsed: URL
  try {
    parsed = new URL(trimmed, pageOrigin)
  } catch {
    return null
  }
  const own = parsed.origin === pageOrigin ? `${parsed.pathname}${parsed.search}` : null
  if (rootRelative) return own
  if (!/^[a-z][a-z0-9+.-]*:/i.test(trimmed)) return null
  return own ?? (parsed.protocol === 'https:' ? parsed.href : null)
}

/** Every usable image for the state, best first; the view moves down the list when one fails. */
export function imageCandidates(
  images: BadgeImage[],
  state: DisplayState,
  pageOrigin: string,
): ImageChoice[] {
  const choices: ImageChoice[] = []
  const seen = new Set<string>()
  const add = (url: string | null, tag: ImageTag | null, greyscale: boolean) => {
    const safe = safeImageUrl(url, pageOrigin)
    if (safe === null || seen.has(safe)) return
    seen.add(safe)
    choices.push({ url: safe, tag, greyscale })
  }
  for (const { tag, greyscale } of preference[state]) {
    for (const image of images) if (image.tag === tag) add(image.url, tag, greyscale)
  }
  for (const image of images) if (image.tag === null) add(image.url, null, state !== 'EARNED')
  return choices
}

export type Monogram = { letters: string; hue: number }

/** The last fallback: a badge drawn from the name's initials, with a hue stable per badge. */
export function monogram(name: string | null, id: string): Monogram {
  const words = (name ?? '')
    .trim()
    .split(/\s+/u)
    .filter((word) => /[\p{L}\p{N}]/u.test(word))
  const initial = (word: string) => Array.from(word.replace(/^[^\p{L}\p{N}]+/u, ''))[0] ?? ''
  const letters = words.slice(0, 2).map(initial).join('').toLocaleUpperCase()
  let hash = 0
  for (const char of id) hash = (hash * 31 + (char.codePointAt(0) ?? 0)) % 360
  return { letters: letters === '' ? '?' : letters, hue: hash }
}
