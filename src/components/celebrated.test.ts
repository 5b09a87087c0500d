import { readFileSync } from 'node:fs'
import { expect, test } from 'vitest'
import { CELEBRATED_KEY, celebrationMark, rememberClosed, wasClosed } from './celebrated.ts'

const DAY = 86_400_000
const now = Date.UTC(2026, 10, 25)

function memoryStorage(): Storage {
  const items = new Map<string, string>()
  return {
    get length() {
      return items.size
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (index) => [...items.keys()][index] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => void items.set(key, value),
  }
}

test('a closed celebration stays closed; the same badge earned again is celebrated again', () => {
  const storage = memoryStorage()
  const first = celebrationMark('regular', now - 2 * DAY)
  expect(wasClosed(first, () => storage)).toBe(false)
  rememberClosed(first, now, () => storage)
  expect(wasClosed(first, () => storage)).toBe(true)
  expect(wasClosed(celebrationMark('regular', now), () => storage)).toBe(false)
  expect(wasClosed(celebrationMark('birthday', now - 2 * DAY), () => storage)).toBe(false)
})

test('marks older than a celebration lasts are dropped, and the list stays short', () => {
  const storage = memoryStorage()
  const old = celebrationMark('first-sip', now - 9 * DAY)
  rememberClosed(old, now - 9 * DAY, () => storage)
  for (let index = 0; index < 60; index++) {
    rememberClosed(celebrationMark(`badge-${index}`, now - DAY), now, () => storage)
  }
  const kept = JSON.parse(storage.getItem(CELEBRATED_KEY) ?? '[]') as string[]
  expect(kept).not.toContain(old)
  expect(kept).toHaveLength(50)
  expect(kept.at(-1)).toBe(celebrationMark('badge-59', now - DAY))
})

test('storage that is blocked or holds something else: shown, and nothing thrown', () => {
  const blocked = () => {
    throw new DOMException('blocked', 'SecurityError')
  }
  expect(wasClosed('x 1', blocked)).toBe(false)
  expect(() => rememberClosed('x 1', now, blocked)).not.toThrow()
  const storage = memoryStorage()
  storage.setItem(CELEBRATED_KEY, '{"not": "a list"}')
  expect(wasClosed('x 1', () => storage)).toBe(false)
  rememberClosed('x 1', now, () => storage)
  expect(wasClosed('x 1', () => storage)).toBe(true)
})

test('the script that hides a closed one before the first paint reads the same list', () => {
  const script = readFileSync(new URL('../../public/hydrate.js', import.meta.url), 'utf8')
  expect(script).toContain(`localStorage.getItem('${CELEBRATED_KEY}')`)
  expect(script).toContain('[data-celebration]')
})
