// Capillary documents its timestamps as "milliseconds" but sends epoch seconds with a fraction
// (1698557400.000000000); the ISO twins agree only with seconds. Some stored values really are
// milliseconds. Anything we cannot read is unknown (null), never 1970.

const MILLISECONDS_THRESHOLD = 1e11
// The largest instant a Date can hold; beyond it formatting throws. Java's Long.MAX, a common
// "never", is far beyond.
const MAX_MS = 8.64e15

export function epochToMs(value: unknown): number | null {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value
  if (typeof n !== 'number' || !Number.isFinite(n) || n <= 0) return null
  const ms = n > MILLISECONDS_THRESHOLD ? Math.round(n) : Math.round(n * 1000)
  return ms <= MAX_MS ? ms : null
}

export function isoToMs(value: unknown): number | null {
  if (typeof value !== 'string' || value.trim() === '') return null
  const ms = Date.parse(value)
  return Number.isFinite(ms) && ms > 0 && ms <= MAX_MS ? ms : null
}

/** The `...ISO` twin wins when present and readable; otherwise the epoch value. */
export function timestamp(epoch: unknown, iso?: unknown): number | null {
  return isoToMs(iso) ?? epochToMs(epoch)
}
