import { runtimeConfig } from './load.ts'

/** A page's title with the brand's name after it (or alone when the brand wants none shown). */
export function pageTitle(page: string, brand = runtimeConfig().config.brandName): string {
  return brand === '' ? page : `${page} · ${brand}`
}

/** The brand's name for the header; '' hides it. */
export function brandName(): string {
  return runtimeConfig().config.brandName
}

/** Whether our header's brand and member row shows: a portal with its own header hides it. */
export function showsBrandRow(): boolean {
  const { config } = runtimeConfig()
  return !(config.embedded && config.header === 'none')
}

/**
 * How the header names the member: the name the portal gave, else nothing. Never an email or a
 * raw id (in the demo, the switcher names who is shown).
 */
export function memberLabel(): string | null {
  return runtimeConfig().config.memberName || null
}
