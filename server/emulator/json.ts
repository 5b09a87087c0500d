// Capillary writes timestamps as epoch seconds with nine fraction digits (1698557400.000000000).
// JSON.stringify cannot write a number that way, so such values travel as a marker string and the
// marker is replaced by the raw digits after serialising.

const MARKER = '\u0001epoch:'

export class EpochSeconds {
  constructor(readonly ms: number) {}

  toJSON(): string {
    const seconds = Math.floor(this.ms / 1000)
    const millis = String(Math.abs(this.ms % 1000)).padStart(3, '0')
    return `${MARKER}${seconds}.${millis}000000`
  }
}

/** Seconds with nine fraction digits, as most of Capillary's timestamps are written. */
export function epoch9(ms: number | null | undefined): EpochSeconds | null {
  return ms === null || ms === undefined ? null : new EpochSeconds(ms)
}

/** Seconds as a plain JSON number (1713850688.811), as some fields are written. */
export function epochShort(ms: number | null | undefined): number | null {
  return ms === null || ms === undefined ? null : ms / 1000
}

/** ISO 8601 in UTC, as the EU cluster writes the `...ISO` twins. */
export function iso(ms: number | null | undefined): string | null {
  return ms === null || ms === undefined ? null : new Date(ms).toISOString().replace('.000Z', 'Z')
}

export function stringify(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(/"\\u0001epoch:(\d+\.\d+)"/g, '$1')
}
