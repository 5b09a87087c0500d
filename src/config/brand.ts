import { type Customer } from '../badges/member.ts'
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
 * How the header names the member: the name the portal gave, else (demo data only) the
 * identifier, else nothing. A real member's id or email is never shown on its own.
 */
export function memberLabel(customer: Customer): string | null {
  const { config } = runtimeConfig()
  if (config.memberName) return config.memberName
  return config.demo ? customer.id : null
}
