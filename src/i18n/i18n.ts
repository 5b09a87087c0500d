import { en, type MessageKey, type Messages } from './en.ts'
import { type Locale } from '../config/runtime.ts'

// The active language: English is in the main bundle, the others are loaded by main.tsx before
// the first render. The document's lang and dir follow, so the layout mirrors for Arabic.

let locale: Locale = 'en'
let messages: Messages = en
let plurals = new Intl.PluralRules('en')

export function currentLocale(): Locale {
  return locale
}

/** Switches language; `catalog` is the language's messages (English when left out). */
export function setLocale(next: Locale, root: HTMLElement, catalog: Messages = en) {
  messages = catalog
  locale = next
  plurals = new Intl.PluralRules(next)
  root.lang = next
  root.dir = next === 'ar' ? 'rtl' : 'ltr'
}

type Params = Record<string, string | number>

/** The message for `key` in the active language, with `{name}` filled in. */
export function t(key: MessageKey, params: Params = {}): string {
  const entry = messages[key] ?? en[key]
  let template: string
  if (typeof entry === 'string') template = entry
  else {
    const count = Number(params.count ?? 0)
    template = entry[plurals.select(count)] ?? entry.other
  }
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name]
    if (value === undefined) return whole
    return typeof value === 'number' ? new Intl.NumberFormat(locale).format(value) : value
  })
}
