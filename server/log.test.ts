import { expect, test } from 'vitest'
import { createLogger, formatRecord, type LogFields, oncePerWindow } from './log.ts'

const at = new Date('2026-01-02T03:04:05.678Z')

test('a record is one line of JSON, whatever its values hold', () => {
  const hostile = 'a\nb\r\nc\u0000d\u2028e\u2029f\ud800g"}{'
  const line = formatRecord('warn', 'message\nsecond', { value: hostile, count: 2 }, at)
  expect(line.split(/\r\n|\r|\n|\u2028|\u2029/)).toHaveLength(1)
  expect(line).not.toContain('\u0000')
  expect(JSON.parse(line)).toEqual({
    time: '2026-01-02T03:04:05.678Z',
    level: 'warn',
    msg: 'message\nsecond',
    value: 'a\nb\r\nc\u0000d\u2028e\u2029f\ud800g"}{',
    count: 2,
  })
})

test('fields cannot overwrite the time, level or message, and long strings are cut', () => {
  const record = JSON.parse(
    formatRecord(
      'info',
      'request',
      { level: 'error', time: 'x', msg: 'y', path: 'p'.repeat(5000) },
      at,
    ),
  )
  expect(record).toMatchObject({ level: 'info', time: at.toISOString(), msg: 'request' })
  expect(record.path).toHaveLength(2049)
})

test('a logger sends each record to its sink with its level', () => {
  const seen: [string, string][] = []
  const logger = createLogger(
    (line, level) => seen.push([level, line]),
    () => at,
  )
  logger.info('started', { port: 4173 })
  logger.error('failed')
  expect(seen.map(([level]) => level)).toEqual(['info', 'error'])
  expect(JSON.parse(seen[0]?.[1] ?? '')).toMatchObject({ msg: 'started', port: 4173 })
})

test('an event a client can repeat at every request is logged once a window per kind, then with how many were left out', () => {
  let now = 0
  const lines: LogFields[] = []
  const log = oncePerWindow(
    (fields) => lines.push(fields),
    60_000,
    () => now,
  )
  for (let index = 0; index < 500; index += 1) log('expired', { detail: 'expired' })
  log('signature', { detail: 'signature' })
  expect(lines).toEqual([{ detail: 'expired' }, { detail: 'signature' }])
  now += 60_000
  log('expired', { detail: 'expired' })
  expect(lines.at(-1)).toEqual({ detail: 'expired', repeated: 499 })
  // Each new kind is logged (the kinds remembered start over past a hundred).
  for (let index = 0; index < 1_000; index += 1) log(`crit-${index}`, { detail: 'crit' })
  expect(lines.length).toBe(1_003)
})
