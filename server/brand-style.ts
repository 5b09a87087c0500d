import { createHash } from 'node:crypto'
import { accentInks } from '../src/config/accent-ink.ts'
import { readSettings, type RuntimeConfig } from '../src/config/runtime.ts'
import { brandProperties, brandRule } from '../src/config/theme.ts'

// The brand's look (accent, corners, font) for a page the server rendered. The app sets it on the
// page's root through the CSSOM once its script runs; the server's page shows before that, and the
// CSP refuses inline style, so it names a style sheet of the same rule (GET brand.css), made from
// the settings in its address.

const LOOK = ['accent', 'radius', 'font'] as const

/** What names a sheet's content in its address: a build that computes other inks, another name. */
const version = (sheet: string) => createHash('sha256').update(sheet).digest('hex').slice(0, 12)

/**
 * The address of the style sheet for a render's settings, or null for the showcase's own look. It
 * carries the version of the rule (`v`), so a browser may keep it for good: a later build whose
 * rule differs names another address, rather than leaving a member with the old inks.
 */
export function brandStyleHref(config: Pick<RuntimeConfig, (typeof LOOK)[number]>): string | null {
  const query = new URLSearchParams()
  for (const name of LOOK) {
    const value = config[name]
    if (value !== null) query.set(name, value)
  }
  const sheet = query.size === 0 ? null : brandStyleSheet(query)
  if (sheet === null) return null
  query.set('v', sheet.version)
  return `brand.css?${query}`
}

/**
 * The style sheet for brand.css's query, or null when it asks for anything but valid settings of
 * the look (each checked as config.json's are: colours, lengths and font names only). `current`
 * says whether the query's version is this build's (only then may the browser keep it for good).
 */
export function brandStyleSheet(
  query: URLSearchParams,
): { text: string; current: boolean; version: string } | null {
  const source: Record<string, string> = {}
  let asked: string | null = null
  for (const [name, value] of query) {
    if (name === 'v' && asked === null && /^[0-9a-f]{12}$/.test(value)) asked = value
    else if (!(LOOK as readonly string[]).includes(name) || name in source) return null
    else source[name] = value
  }
  const { settings, problems } = readSettings(source, 'brand.css')
  if (problems.length > 0) return null
  const look = {
    theme: 'system' as const,
    accent: settings.accent ?? null,
    radius: settings.radius ?? null,
    font: settings.font ?? null,
  }
  const rule = brandRule(
    brandProperties(look, look.accent === null ? null : accentInks(look.accent)),
  )
  if (rule === '') return null
  const text = `${rule}\n`
  const named = version(text)
  return { text, current: asked === named, version: named }
}
