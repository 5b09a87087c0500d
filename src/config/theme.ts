import { type RuntimeConfig } from './runtime.ts'

/** The brand's look on the page: theme, accent (with a readable text colour on it), radius, font. */
export function applyTheme(
  config: Pick<RuntimeConfig, 'theme' | 'accent' | 'radius' | 'font'>,
  root: HTMLElement,
  /** The accent's readable variants (accent-ink.ts), once loaded. */
  inks: { ink: string; onAccent: string } | null = null,
) {
  root.dataset.theme = config.theme
  // Set through the CSSOM, which the Content-Security-Policy allows, unlike inline style markup.
  const set = (name: string, value: string | null) =>
    value === null ? root.style.removeProperty(name) : root.style.setProperty(name, value)
  set('--accent', config.accent)
  set('--on-accent', inks && inks.onAccent)
  // Links, focus rings, progress and tab marks in the brand's colour, readable in either scheme.
  set('--accent-ink', inks && inks.ink)
  set('--link', inks && inks.ink)
  set('--focus', inks && inks.ink)
  set('--radius', config.radius)
  set('--font', config.font)
}
