/**
 * A time zone as the browser names it, in the one name the server's date formatting takes
 * (Asia/Kolkata and asia/kolkata are Asia/Calcutta), or null for none it can write dates in.
 * Formatters are kept per zone, so per name, not per spelling. A browser may name a fixed offset
 * ("+00:00": Chromium's date formatting for GMT), which Node 20 does not take: a whole-hour offset
 * is the same as its Etc/GMT zone (whose sign is the other way round, by POSIX's convention).
 */
export function canonicalTimeZone(zone: string): string | null {
  const offset = /^([+-])(\d{2}):00$/.exec(zone)
  const hours = Number(offset?.[2] ?? NaN)
  const name =
    hours === 0 ? 'UTC' : hours <= 14 ? `Etc/GMT${offset?.[1] === '+' ? '-' : '+'}${hours}` : zone
  try {
    return new Intl.DateTimeFormat('en', { timeZone: name }).resolvedOptions().timeZone
  } catch {
    return null
  }
}
