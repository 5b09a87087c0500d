// Everything brand-specific arrives at run time: from an optional `config.json` beside index.html
// and from the embed snippet (through the URL fragment of the iframe it creates). One build serves
// every brand. Each setting is checked; a bad one is explained on the page and left at its default.

import { identifierKinds as kinds } from '../../server/contract.ts'

export const locales = ['en', 'fr', 'ar'] as const
export type Locale = (typeof locales)[number]
export const themes = ['light', 'dark', 'system'] as const
export type Theme = (typeof themes)[number]
const views = ['earned', 'available'] as const
const headers = ['full', 'none'] as const
export const DEFAULT_BRAND = 'Badge Showcase'

export type RuntimeConfig = {
  customer: string | null
  by: (typeof kinds)[number] | null
  memberToken: string | null
  view: (typeof views)[number]
  locale: Locale | null
  theme: Theme
  accent: string | null
  radius: string | null
  font: string | null
  /** The page that embeds the showcase; messages go to and come from exactly this origin. */
  parentOrigin: string | null
  embedded: boolean
  /** The brand's name in the header and page titles; '' shows none. */
  brandName: string
  /** 'none': the portal has its own header, so ours shows only the tabs. */
  header: (typeof headers)[number]
  /** How the portal names its member (never derived from the member's identifier). */
  memberName: string | null
  /** The portal's query parameter that mirrors the showcase's route. */
  routeParam: string
  /** The brand's share link template, with `{route}`. */
  shareUrl: string | null
  /** The portal page (origin and path) the showcase is embedded in, for share links. */
  hostPage: string | null
  /** The member-relative route to open on, from the portal's address. */
  route: string | null
  /** Served by the emulator: the persona switcher and the "demo data" marker show. */
  demo: boolean
  /** Inside a portal: badges running out within this many days are reported to it (0: none). */
  expiringWithinDays: number
  /** The server makes badge proof links (SHOWCASE_PROOF_KEY); else sharing shares the showcase link. */
  proofs: boolean
}

export const defaultConfig: RuntimeConfig = {
  customer: null,
  by: null,
  memberToken: null,
  view: 'earned',
  locale: null,
  theme: 'system',
  accent: null,
  radius: null,
  font: null,
  parentOrigin: null,
  embedded: false,
  brandName: DEFAULT_BRAND,
  header: 'full',
  memberName: null,
  routeParam: 'badges',
  shareUrl: null,
  hostPage: null,
  route: null,
  demo: false,
  expiringWithinDays: 7,
  proofs: false,
}

export type ConfigProblem = { setting: string; message: string }

const text = (value: unknown) =>
  typeof value === 'string' ? value.trim() : typeof value === 'boolean' ? String(value) : null

function oneOf<T extends string>(options: readonly T[], value: string): T | null {
  return options.find((option) => option.toLowerCase() === value.toLowerCase()) ?? null
}

/** A BCP 47 tag we have messages for, by its language ("fr-CA" reads as French). */
export function matchLocale(tag: string): Locale | null {
  const language = tag.trim().toLowerCase().split(/[-_]/)[0] ?? ''
  return oneOf(locales, language)
}

function origin(value: string): string | null {
  try {
    const url = new URL(value)
    return (url.protocol === 'https:' || url.protocol === 'http:') &&
      url.origin === value.replace(/\/$/, '')
      ? url.origin
      : null
  } catch {
    return null
  }
}

// eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
const shortName = (value: string) => value.length <= 80 && !/[\u0000-\u001f\u007f]/.test(value)
const SHORT_NAME = 'must be a name of at most 80 characters'

type Check = (value: string) => Partial<RuntimeConfig> | string

// Each setting: how to read it, or why it cannot be read.
const checks: Record<string, Check> = {
  customer: (value) =>
    value.length > 0 && value.length <= 320 ? { customer: value } : 'must be a member identifier',
  by: (value) => {
    const by = oneOf(kinds, value)
    return by ? { by } : `must be one of ${kinds.join(', ')}`
  },
  memberToken: (value) =>
    /^[\w-]+\.[\w-]+\.[\w-]*$/.test(value)
      ? { memberToken: value }
      : 'must be a JWT (three dot-separated parts)',
  view: (value) => {
    const view = oneOf(views, value)
    return view ? { view } : `must be one of ${views.join(', ')}`
  },
  locale: (value) => {
    const locale = matchLocale(value)
    return locale
      ? { locale }
      : `"${value}" is not available; the showcase speaks ${locales.join(', ')}`
  },
  theme: (value) => {
    const theme = oneOf(themes, value)
    return theme ? { theme } : `must be one of ${themes.join(', ')}`
  },
  accent: (value) =>
    /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.test(value)
      ? { accent: value }
      : 'must be a colour like #0a7d5a',
  radius: (value) =>
    /^\d{1,3}(\.\d+)?(px|rem|em)$/.test(value)
      ? { radius: value }
      : 'must be a length like 12px or 0.75rem',
  font: (value) =>
    /^[\w\s,'"-]{1,200}$/.test(value)
      ? { font: value }
      : 'must be a font-family list like "Inter, sans-serif"',
  demo: (value) =>
    value === 'true' || value === 'false' ? { demo: value === 'true' } : 'must be true or false',
  proofs: (value) =>
    value === 'true' || value === 'false' ? { proofs: value === 'true' } : 'must be true or false',
  brandName: (value) => (shortName(value) ? { brandName: value } : SHORT_NAME),
  header: (value) => {
    const header = oneOf(headers, value)
    return header ? { header } : `must be one of ${headers.join(', ')}`
  },
  memberName: (value) => (shortName(value) ? { memberName: value } : SHORT_NAME),
  // Set by the embed script for the portal bridge and share links, which check them where they
  // are used (portal-links.ts), so the showcase on its own does not carry those checks.
  routeParam: (value) => ({ routeParam: value }),
  shareUrl: (value) => ({ shareUrl: value }),
  hostPage: (value) => ({ hostPage: value }),
  route: (value) => ({ route: value }),
  expiringWithinDays: (value) =>
    /^\d{1,3}$/.test(value) && Number(value) <= 365
      ? { expiringWithinDays: Number(value) }
      : 'must be a whole number of days from 0 to 365',
  parentOrigin: (value) => {
    const parent = origin(value)
    return parent ? { parentOrigin: parent } : 'must be an origin like https://portal.example.com'
  },
}

/** Reads settings from any source (config.json, the embed fragment); unknown keys are reported. */
export function readSettings(source: Record<string, unknown>, from: string) {
  const settings: Partial<RuntimeConfig> = {}
  const problems: ConfigProblem[] = []
  for (const [key, raw] of Object.entries(source)) {
    const check = checks[key]
    if (check === undefined) {
      problems.push({ setting: key, message: `is not a setting (${from})` })
      continue
    }
    const value = typeof raw === 'number' ? String(raw) : text(raw)
    // An empty brand name is a choice (no name shown); anywhere else it is a mistake.
    if (value === null || (value === '' && key !== 'brandName')) {
      problems.push({ setting: key, message: `must be text (${from})` })
      continue
    }
    const result = check(value)
    if (typeof result === 'string') problems.push({ setting: key, message: `${result} (${from})` })
    else Object.assign(settings, result)
  }
  return { settings, problems }
}

/**
 * The fragment parameters the embed script sets, and the setting each one is: the only ones read
 * from the fragment. The Badges API is always the showcase's own server (under its base path), so
 * no link can point the app, and the member token it carries, at another one.
 */
export const fragmentParams: Record<string, keyof RuntimeConfig> = {
  member_token: 'memberToken',
  customer: 'customer',
  by: 'by',
  view: 'view',
  locale: 'locale',
  theme: 'theme',
  accent: 'accent',
  radius: 'radius',
  font: 'font',
  parent: 'parentOrigin',
  brand_name: 'brandName',
  header: 'header',
  member_name: 'memberName',
  route_param: 'routeParam',
  share_url: 'shareUrl',
  page: 'hostPage',
  route: 'route',
  expiring_within_days: 'expiringWithinDays',
}

/** The settings the embed script put in the iframe's fragment, as a plain object. */
export function fragmentSettings(hash: string): Record<string, string> {
  const params = new URLSearchParams(hash.replace(/^#/, ''))
  const settings: Record<string, string> = {}
  for (const [param, key] of Object.entries(fragmentParams)) {
    const value = params.get(param)
    if (value !== null) settings[key] = value
  }
  return settings
}
