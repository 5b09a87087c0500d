// The server's log: one JSON object per line, so a log pipeline can parse every record and no
// value, whatever a caller put in it, can start a line of its own.

export type LogLevel = 'info' | 'warn' | 'error'
export type LogFields = Record<string, string | number | boolean | null | undefined>
export type Logger = Record<LogLevel, (message: string, fields?: LogFields) => void>

/** Longer strings are cut: a record stays readable and a caller cannot flood the log. */
const MAX_STRING = 2048
const RESERVED = new Set(['time', 'level', 'msg'])

function cut(_key: string, value: unknown): unknown {
  return typeof value === 'string' && value.length > MAX_STRING
    ? `${value.slice(0, MAX_STRING)}…`
    : value
}

/**
 * One record as one line. JSON.stringify already escapes control characters (CR, LF, NUL…) and
 * lone surrogates; U+2028 and U+2029 are escaped too because some log viewers break lines there.
 */
export function formatRecord(
  level: LogLevel,
  message: string,
  fields: LogFields = {},
  time: Date = new Date(),
): string {
  const record: Record<string, unknown> = { time: time.toISOString(), level, msg: message }
  for (const [key, value] of Object.entries(fields)) {
    if (!RESERVED.has(key) && value !== undefined) record[key] = value
  }
  return JSON.stringify(record, cut)
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029')
}

type Sink = (line: string, level: LogLevel) => void

/** Info to stdout, warnings and errors to stderr, each record a line. */
const processSink: Sink = (line, level) =>
  (level === 'info' ? process.stdout : process.stderr).write(`${line}\n`)

export function createLogger(sink: Sink = processSink, now: () => Date = () => new Date()): Logger {
  const at =
    (level: LogLevel) =>
    (message: string, fields?: LogFields): void =>
      sink(formatRecord(level, message, fields, now()), level)
  return { info: at('info'), warn: at('warn'), error: at('error') }
}

/** What a thrown value may say in a log record: its name and message, its stack as data. */
export function errorFields(error: unknown): LogFields {
  if (error instanceof Error)
    return { error: `${error.name}: ${error.message}`, stack: error.stack }
  return { error: String(error) }
}

/**
 * One line per kind of event a window, however many came: the first at once, the next once the
 * window has passed, saying how many were left out meanwhile (`repeated`). For what a client can
 * cause at every request (a refused member token), which would otherwise flood the log.
 */
export function oncePerWindow(
  write: (fields: LogFields) => void,
  windowMs = 60_000,
  now: () => number = Date.now,
): (kind: string, fields: LogFields) => void {
  const kinds = new Map<string, { until: number; left: number }>()
  return (kind, fields) => {
    const at = now()
    const seen = kinds.get(kind)
    if (seen !== undefined && at < seen.until) {
      seen.left += 1
      return
    }
    // Kinds can be a client's words (bounded here): beyond a hundred, start over.
    if (kinds.size >= 100) kinds.clear()
    kinds.set(kind, { until: at + windowMs, left: 0 })
    write(seen !== undefined && seen.left > 0 ? { ...fields, repeated: seen.left } : fields)
  }
}
