import { en, type MessageKey, type Messages } from './en.ts'
import { type Locale } from '../config/runtime.ts'

// The active language: English is in the main bundle, the others are loaded by main.tsx before
// the first render. The document's lang and dir follow, so the layout mirrors for Arabic.

let locale: Locale = 'en'
let messages: Messages = en
// Made on first use, once per language: making one costs far more than using it, and the first
// starts the browser's locale data, which should not happen while the script is still loading.
let plurals: Intl.PluralRules | null = null
let numbers: Intl.NumberFormat | null = null

export function currentLocale(): Locale {
  return locale
}

/** Switches language; `catalog` is the language's messages (English when left out). */
export function setLocale(next: Locale, root: HTMLElement, catalog: Messages = en) {
  messages = catalog
  locale = next
  plurals = null
  numbers = null
  root.lang = next
  root.dir = next === 'ar' ? 'rtl' : 'ltr'
}

type Params = Record<string, string | number>

/** Parameters that carry the brand's text (badge and group names), in whatever script it is. */
const BRAND_TEXT = new Set(['name', 'group'])

/** A number as the active language writes it ("1,234", "1 234", "١٬٢٣٤"). */
export function formatNumber(n: number): string {
  numbers ??= new Intl.NumberFormat(locale)
  return numbers.format(n)
}

/** The message for `key` in the active language, with `{name}` filled in. */
export function t(key: MessageKey, params: Params = {}): string {
  const entry = messages[key] ?? en[key]
  let template: string
  if (typeof entry === 'string') template = entry
  else {
    const count = Number(params.count ?? 0)
    plurals ??= new Intl.PluralRules(locale)
    template = entry[plurals.select(count)] ?? entry.other
  }
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name]
    if (value === undefined) return whole
    if (typeof value === 'number') return formatNumber(value)
    // The brand's own names in a right-to-left sentence keep their own order: "2026 Challenges"
    // in Arabic was drawn "Challenges 2026" (isolated, FSI … PDI, as <bdi> would).
    return locale === 'ar' && BRAND_TEXT.has(name) ? `\u2068${value}\u2069` : value
  })
}
