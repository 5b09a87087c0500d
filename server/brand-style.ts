import { accentInks } from '../src/config/accent-ink.ts'
import { readSettings, type RuntimeConfig } from '../src/config/runtime.ts'
import { brandProperties, brandRule } from '../src/config/theme.ts'

// The brand's look (accent, corners, font) for a page the server rendered. The app sets it on the
// page's root through the CSSOM once its script runs; the server's page shows before that, and the
// CSP refuses inline style, so it names a style sheet of the same rule (GET brand.css), made from
// the settings in its address.

const LOOK = ['accent', 'radius', 'font'] as const

/** The address of the style sheet for a render's settings, or null for the showcase's own look. */
export function brandStyleHref(config: Pick<RuntimeConfig, (typeof LOOK)[number]>): string | null {
  const query = new URLSearchParams()
  for (const name of LOOK) {
    const value = config[name]
    if (value !== null) query.set(name, value)
  }
  return query.size === 0 ? null : `brand.css?${query}`
}

/**
 * The style sheet for brand.css's query, or null when it asks for anything but valid settings of
 * the look (each checked as config.json's are: colours, lengths and font names only).
 */
export function brandStyleSheet(query: URLSearchParams): string | null {
  const source: Record<string, string> = {}
  for (const [name, value] of query) {
    if (!(LOOK as readonly string[]).includes(name) || name in source) return null
    source[name] = value
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
  return rule === '' ? null : `${rule}\n`
}
