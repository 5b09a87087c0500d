// The brand colour as text, links, progress, tab marks and focus rings, readable in either scheme
// whatever the colour. Loaded only when a brand sets an accent.

// The backgrounds accent-coloured text, links, progress and focus rings sit on, per scheme
// (index.css: canvas, surface and sunken).
export const lightBackgrounds = ['#f8fafc', '#ffffff', '#e2e8f0'] as const
export const darkBackgrounds = ['#020617', '#0f172a', '#1e293b'] as const

type Rgb = [number, number, number]

function rgb(hex: string): Rgb {
  const full = hex.length === 4 ? hex.replace(/^#(.)(.)(.)$/, '#$1$1$2$2$3$3') : hex
  return [1, 3, 5].map((offset) => Number.parseInt(full.slice(offset, offset + 2), 16)) as Rgb
}

function hex([r, g, b]: Rgb): string {
  return `#${[r, g, b].map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`
}

/** WCAG relative luminance of an sRGB colour like #0a7d5a. */
export function luminance(color: string): number {
  const [r, g, b] = rgb(color).map((c) => {
    const s = c / 255
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4
  }) as Rgb
  return 0.2126 * r + 0.7152 * g + 0.0722 * b
}

/** WCAG contrast ratio between two colours, 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number]
  return (light + 0.05) / (dark + 0.05)
}

/**
 * The brand colour as text on a scheme's backgrounds: the accent itself when it reads (4.5:1
 * against every background), else the accent darkened (light scheme) or lightened (dark scheme)
 * just enough. Black and white always read, so there is always an answer.
 */
export function accentInk(accent: string, scheme: 'light' | 'dark', minimum = 4.5): string {
  const backgrounds = scheme === 'light' ? lightBackgrounds : darkBackgrounds
  const toward: Rgb = scheme === 'light' ? [0, 0, 0] : [255, 255, 255]
  const from = rgb(accent)
  for (let step = 0; step <= 20; step += 1) {
    const mix = step / 20
    const candidate = hex(from.map((c, i) => c + ((toward[i] ?? 0) - c) * mix) as Rgb)
    if (backgrounds.every((background) => contrastRatio(candidate, background) >= minimum)) {
      return candidate
    }
  }
  return hex(toward)
}

/** The accent's readable variants: as ink in both schemes (CSS), and the text colour on it. */
export function accentInks(accent: string): { ink: string; onAccent: string } {
  return {
    ink: `light-dark(${accentInk(accent, 'light')}, ${accentInk(accent, 'dark')})`,
    onAccent: contrastingText(accent),
  }
}

/** Readable text on the accent colour: black or white, whichever contrasts more (always 4.5:1+). */
export function contrastingText(accent: string): '#000000' | '#ffffff' {
  const light = luminance(accent)
  return (light + 0.05) / 0.05 >= 1.05 / (light + 0.05) ? '#000000' : '#ffffff'
}
