import { randomUUID } from 'node:crypto'
import { createClient } from 'redis'
import { type OnEvent } from './events.ts'

// What is the same for every member of the organisation (badge definitions, group names, the
// OAuth token) kept once for all instances: in this process's memory by default, in Redis when
// SHOWCASE_REDIS_URL is set. Nothing member-specific is ever stored here. When Redis goes away
// the store keeps working from memory, says so once in the log, and reports it in its health;
// it goes back to Redis when Redis is back.

export type CacheHealth = 'up' | 'down' | 'off'

export type SharedStore = {
  get(key: string): Promise<string | null>
  set(key: string, value: string, ttlMs: number): Promise<void>
  /** Sets only when the key is absent (a lock); whether it was set. */
  setIfAbsent(key: string, value: string, ttlMs: number): Promise<boolean>
  /** Deletes the key, only while it still holds `value` (releasing one's own lock). */
  deleteIf(key: string, value: string): Promise<void>
  health(): CacheHealth
  close(): Promise<void>
}

const MEMORY_ENTRIES = 10_000
/** A Redis command slower than this is treated as Redis being away. */
const REDIS_COMMAND_MS = 500

function createMemoryStore(now: () => number) {
  const entries = new Map<string, { value: string; expiresAt: number }>()
  const live = (key: string) => {
    const entry = entries.get(key)
    if (entry === undefined) return null
    if (entry.expiresAt <= now()) {
      entries.delete(key)
      return null
    }
    return entry
  }
  const put = (key: string, value: string, ttlMs: number) => {
    entries.delete(key)
    entries.set(key, { value, expiresAt: now() + ttlMs })
    // Oldest written first out: the store cannot grow without bound.
    if (entries.size > MEMORY_ENTRIES) entries.delete(entries.keys().next().value ?? '')
  }
  return {
    get: (key: string) => live(key)?.value ?? null,
    set: put,
    setIfAbsent(key: string, value: string, ttlMs: number) {
      if (live(key) !== null) return false
      put(key, value, ttlMs)
      return true
    },
    deleteIf(key: string, value: string) {
      if (live(key)?.value === value) entries.delete(key)
    },
  }
}

const stores = new Set<SharedStore>()

/**
 * Redis's state for this process: 'off' without SHOWCASE_REDIS_URL, 'down' when any store has lost
 * its Redis (it serves from memory meanwhile), else 'up'. For the readiness endpoint.
 */
export function cacheHealth(): { redis: CacheHealth } {
  const states = [...stores].map((store) => store.health())
  if (states.includes('down')) return { redis: 'down' }
  return { redis: states.includes('up') ? 'up' : 'off' }
}

const DELETE_IF_SCRIPT =
  "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end"

type StoreOptions = {
  redisUrl?: string | null
  /** A line for the operator: a warning unless said to be news ('info'). */
  log?: (line: string, level?: 'info' | 'warn') => void
  onEvent?: OnEvent
  now?: () => number
}

export function createSharedStore({
  redisUrl = null,
  log = console.log,
  onEvent,
  now = Date.now,
}: StoreOptions = {}): SharedStore {
  const memory = createMemoryStore(now)
  if (redisUrl === null) {
    const store: SharedStore = {
      get: async (key) => memory.get(key),
      set: async (key, value, ttlMs) => memory.set(key, value, ttlMs),
      setIfAbsent: async (key, value, ttlMs) => memory.setIfAbsent(key, value, ttlMs),
      deleteIf: async (key, value) => memory.deleteIf(key, value),
      health: () => 'off',
      close: async () => undefined,
    }
    return store
  }

  const client = createClient({
    url: redisUrl,
    // Commands while disconnected fail at once (and memory answers) instead of queueing.
    disableOfflineQueue: true,
    socket: {
      connectTimeout: 2_000,
      reconnectStrategy: (retries) => Math.min(100 * 2 ** retries, 5_000),
    },
  })
  let closed = false
  // Connecting counts as down: until Redis answers, this instance works from its memory.
  let state: 'connecting' | 'up' | 'down' = 'connecting'
  const became = (next: 'up' | 'down', why: string) => {
    // One line per change: node-redis reports every failed reconnection of an outage.
    if (state === next || closed) return
    state = next
    if (next === 'up') log('shared cache: Redis connected', 'info')
    else
      log(
        `shared cache: Redis unavailable (${why}); serving from this instance's memory until it is back (if it never comes, check SHOWCASE_REDIS_URL: host, port, password)`,
      )
    onEvent?.({ type: 'redis', state: next })
  }
  const reason = (error: unknown) =>
    error instanceof Error ? (error.message.split('\n')[0] ?? error.name) : 'error'
  client.on('ready', () => became('up', ''))
  client.on('error', (error: unknown) => became('down', reason(error)))
  client.on('end', () => became('down', 'connection closed'))
  client.connect().catch(() => undefined)

  /** Runs a Redis command when Redis is ready and fast; else undefined, and memory answers. */
  async function redis<T>(command: () => Promise<T>): Promise<T | undefined> {
    if (!client.isReady) return undefined
    let timer: NodeJS.Timeout | undefined
    try {
      const result = await Promise.race([
        command(),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error('a command timed out')), REDIS_COMMAND_MS)
        }),
      ])
      became('up', '')
      return result
    } catch (error) {
      became('down', reason(error))
      return undefined
    } finally {
      clearTimeout(timer)
    }
  }

  const store: SharedStore = {
    async get(key) {
      const value = await redis(() => client.get(key))
      return value === undefined ? memory.get(key) : value
    },
    async set(key, value, ttlMs) {
      // Memory keeps a copy, so an outage starts from what this instance last knew.
      memory.set(key, value, ttlMs)
      await redis(() =>
        client.set(key, value, {
          expiration: { type: 'PX', value: Math.max(1, Math.ceil(ttlMs)) },
        }),
      )
    },
    async setIfAbsent(key, value, ttlMs) {
      const reply = await redis(() =>
        client.set(key, value, {
          condition: 'NX',
          expiration: { type: 'PX', value: Math.max(1, Math.ceil(ttlMs)) },
        }),
      )
      return reply === undefined ? memory.setIfAbsent(key, value, ttlMs) : reply === 'OK'
    },
    async deleteIf(key, value) {
      memory.deleteIf(key, value)
      await redis(() => client.eval(DELETE_IF_SCRIPT, { keys: [key], arguments: [value] }))
    },
    health: () => (client.isReady && state === 'up' ? 'up' : 'down'),
    async close() {
      stores.delete(store)
      if (closed) return
      closed = true
      await client.close().catch(() => client.destroy())
    },
  }
  stores.add(store)
  return store
}

/** Closes every Redis connection this process opened (at shutdown). */
export async function closeSharedStores(): Promise<void> {
  await Promise.all([...stores].map((store) => store.close()))
}

/** A value unique to this process, for lock ownership. */
export const instanceId = randomUUID()

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Produces a value at most once across every instance sharing `store`: the first to take `lock`
 * produces it, the others wait (polling the store) until it is there. A holder that dies frees the
 * lock after `lockMs`; a waiter that gives up after `waitMs` produces the value itself.
 */
export async function produceOnce<T>({
  store,
  lock,
  read,
  produce,
  lockMs,
  waitMs,
  pollMs = 25,
  now = Date.now,
}: {
  store: SharedStore
  lock: string
  read: () => Promise<T | null>
  produce: () => Promise<T>
  lockMs: number
  waitMs: number
  pollMs?: number
  now?: () => number
}): Promise<T> {
  const deadline = now() + waitMs
  const owner = `${instanceId}:${randomUUID()}`
  for (;;) {
    if (await store.setIfAbsent(lock, owner, lockMs)) {
      try {
        // Someone may have finished between our read and our lock.
        return (await read()) ?? (await produce())
      } finally {
        await store.deleteIf(lock, owner)
      }
    }
    await sleep(pollMs)
    const value = await read()
    if (value !== null) return value
    if (now() >= deadline) return produce()
  }
}
