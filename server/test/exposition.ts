// A strict reader of Prometheus's text format for the tests: it parses what /metrics sends the
// way a scraper would, and throws on any line a scraper would reject.

export type Sample = { name: string; labels: Record<string, string>; value: number }
export type Family = { name: string; help: string; type: string; samples: Sample[] }

const SAMPLE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/
const LABEL = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\\n]|\\[\\"n])*)"(,|$)/y

function unescape(value: string): string {
  return value.replace(/\\([\\"n])/g, (_, char: string) => (char === 'n' ? '\n' : char))
}

function parseValue(raw: string): number {
  if (raw === '+Inf') return Infinity
  if (raw === '-Inf') return -Infinity
  if (raw === 'NaN') return NaN
  if (!/^-?\d+(\.\d+)?(e[+-]?\d+)?$/i.test(raw)) throw new Error(`not a value: ${raw}`)
  return Number(raw)
}

function parseLabels(raw: string): Record<string, string> {
  const labels: Record<string, string> = {}
  LABEL.lastIndex = 0
  while (LABEL.lastIndex < raw.length) {
    const start = LABEL.lastIndex
    const match = LABEL.exec(raw)
    if (match === null || match.index !== start) throw new Error(`bad labels: {${raw}}`)
    const [, name = '', value = ''] = match
    if (name in labels) throw new Error(`label ${name} twice`)
    labels[name] = unescape(value)
  }
  return labels
}

/** The families by name. */
export function parseExposition(text: string): Map<string, Family> {
  if (!text.endsWith('\n')) throw new Error('the exposition must end with a line feed')
  const families = new Map<string, Family>()
  let current: Family | null = null
  for (const line of text.slice(0, -1).split('\n')) {
    const help = /^# HELP ([a-zA-Z_:][a-zA-Z0-9_:]*) (.*)$/.exec(line)
    const type =
      /^# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) (counter|gauge|histogram|summary|untyped)$/.exec(line)
    if (help) {
      if (families.has(help[1] ?? '')) throw new Error(`${help[1]} twice`)
      current = { name: help[1] ?? '', help: unescape(help[2] ?? ''), type: '', samples: [] }
      families.set(current.name, current)
    } else if (type) {
      if (current === null || current.name !== type[1]) {
        throw new Error(`TYPE without HELP: ${line}`)
      }
      current.type = type[2] ?? ''
    } else {
      const sample = SAMPLE.exec(line)
      if (sample === null || current === null) throw new Error(`bad line: ${JSON.stringify(line)}`)
      const [, name = '', labels = '', value = ''] = sample
      const suffixes = current.type === 'histogram' ? ['_bucket', '_sum', '_count'] : ['']
      if (!suffixes.some((suffix) => name === `${current?.name}${suffix}`)) {
        throw new Error(`${name} outside its family ${current.name}`)
      }
      current.samples.push({ name, labels: parseLabels(labels), value: parseValue(value) })
    }
  }
  return families
}

/** The value of the one sample with these labels (and others), or undefined. */
export function sampleValue(
  families: Map<string, Family>,
  name: string,
  labels: Record<string, string> = {},
): number | undefined {
  const family = families.get(name.replace(/_(bucket|sum|count)$/, '')) ?? families.get(name)
  const found = family?.samples.filter(
    (sample) =>
      sample.name === name &&
      Object.entries(labels).every(([key, value]) => sample.labels[key] === value),
  )
  if (found !== undefined && found.length > 1) throw new Error(`${name} is ambiguous`)
  return found?.[0]?.value
}
