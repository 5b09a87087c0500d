import { type RuntimeConfig } from './runtime.ts'

type Look = Pick<RuntimeConfig, 'theme' | 'accent' | 'radius' | 'font'>

/** The accent's readable variants (accent-ink.ts). */
export type Inks = { ink: string; onAccent: string }

/**
 * The brand's look as CSS custom properties on the page's root, null where the brand sets none.
 * The accent's readable variants are left out (undefined) while they are not known.
 */
export function brandProperties(config: Look, inks: Inks | null): Array<[string, string | null]> {
  const properties: Array<[string, string | null]> = [['--accent', config.accent]]
  if (config.accent === null || inks !== null) {
    properties.push(
      ['--on-accent', inks && inks.onAccent],
      // Links, focus rings, progress and tab marks in the brand's colour, readable in either scheme.
      ['--accent-ink', inks && inks.ink],
      ['--link', inks && inks.ink],
      ['--focus', inks && inks.ink],
    )
  }
  properties.push(['--radius', config.radius], ['--font', config.font])
  return properties
}

/** The brand's look on the page: theme, accent (with a readable text colour on it), radius, font. */
export function applyTheme(
  config: Look,
  root: HTMLElement,
  /**
   * The accent's readable variants, once loaded. Until then the page keeps those it has (a page
   * the server rendered came with them: taking them away would flash the default colours).
   */
  inks: Inks | null = null,
) {
  root.dataset.theme = config.theme
  // Set through the CSSOM, which the Content-Security-Policy allows, unlike inline style markup.
  for (const [name, value] of brandProperties(config, inks)) {
    if (value === null) root.style.removeProperty(name)
    else root.style.setProperty(name, value)
  }
}

/**
 * The brand's look as a style sheet's rule for the page's root (the server's render, which may
 * not set a style in its markup: the CSP refuses inline style). The values are the settings'
 * own, which only take colours, lengths and font names.
 */
export function brandRule(properties: Array<[string, string | null]>): string {
  const declarations = properties
    .filter((entry): entry is [string, string] => entry[1] !== null)
    .map(([name, value]) => `${name}:${value}`)
  return declarations.length === 0 ? '' : `:root:root{${declarations.join(';')}}`
}
