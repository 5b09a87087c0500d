import { contrastingText, type RuntimeConfig } from './runtime.ts'

/** The brand's look on the page: theme, accent (with a readable text colour on it), radius, font. */
export function applyTheme(
  config: Pick<RuntimeConfig, 'theme' | 'accent' | 'radius' | 'font'>,
  root: HTMLElement,
) {
  root.dataset.theme = config.theme
  // Set through the CSSOM, which the Content-Security-Policy allows, unlike inline style markup.
  const set = (name: string, value: string | null) =>
    value === null ? root.style.removeProperty(name) : root.style.setProperty(name, value)
  set('--accent', config.accent)
  set('--on-accent', config.accent === null ? null : contrastingText(config.accent))
  set('--radius', config.radius)
  set('--font', config.font)
}
