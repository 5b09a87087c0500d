import { randomUUID } from 'node:crypto'
import { type OnEvent } from './events.ts'
import { produceOnce, type SharedStore } from './shared-cache.ts'

// Badge definitions and group names, shared by every member of the organisation, kept in the
// shared store: fresh for a while, then served stale while one instance fetches them again, and
// served stale too while Capillary cannot be called. Only Capillary's 200s are kept, and its 404
// only in place of a definition that was kept before (so a deleted badge goes away, while made-up
// ids cannot fill the store); the showcase's errors never are.

type Answer = { kind: 'answer'; status: number; body: string }
type Loaded = Answer | { kind: 'error' }

type Entry = { status: number; body: string; storedAt: number }

function parseEntry(raw: string | null): Entry | null {
  if (raw === null) return null
  try {
    const value: unknown = JSON.parse(raw)
    if (
      typeof value === 'object' &&
      value !== null &&
      'status' in value &&
      typeof value.status === 'number' &&
      'body' in value &&
      typeof value.body === 'string' &&
      'storedAt' in value &&
      typeof value.storedAt === 'number'
    ) {
      return { status: value.status, body: value.body, storedAt: value.storedAt }
    }
  } catch {
    // Damaged or not ours: fetched again.
  }
  return null
}

const keep = (loaded: Loaded, replacing: boolean): loaded is Answer =>
  loaded.kind === 'answer' && (loaded.status === 200 || (replacing && loaded.status === 404))

export function createDefinitionCache({
  store,
  freshMs,
  staleMs,
  lockMs,
  now = Date.now,
  onEvent,
}: {
  store: SharedStore
  freshMs: number
  staleMs: number
  /** How long a fetch may hold the lock that keeps other instances from fetching the same. */
  lockMs: number
  now?: () => number
  onEvent?: OnEvent
}) {
  const refreshing = new Set<string>()
  // Misses in this process for the same key wait for one fetch rather than poll the store.
  const missing = new Map<string, Promise<Loaded>>()

  const read = async (key: string) => parseEntry(await store.get(key))
  const write = (key: string, answer: Answer) =>
    store.set(
      key,
      JSON.stringify({ status: answer.status, body: answer.body, storedAt: now() }),
      freshMs + staleMs,
    )
  const answer = (entry: Entry): Answer => ({
    kind: 'answer',
    status: entry.status,
    body: entry.body,
  })
  const isFresh = (entry: Entry | null): entry is Entry =>
    entry !== null && now() - entry.storedAt < freshMs

  /** Fetches again in the background, once across instances; failures leave the stale entry. */
  function revalidate(key: string, load: () => Promise<Loaded>) {
    if (refreshing.has(key)) return
    refreshing.add(key)
    const owner = randomUUID()
    void (async () => {
      try {
        if (!(await store.setIfAbsent(`${key}:lock`, owner, lockMs))) return
        try {
          const loaded = await load()
          if (keep(loaded, true)) await write(key, loaded)
        } finally {
          await store.deleteIf(`${key}:lock`, owner)
        }
      } catch {
        // The stale entry stays; the next request past fresh tries again.
      } finally {
        refreshing.delete(key)
      }
    })()
  }

  return {
    /**
     * The definition at `key`: from the store while fresh; stale (and fetched again behind the
     * scenes) within `staleMs` after; else loaded, once across instances, and kept.
     */
    async get<T extends Loaded>(
      key: string,
      endpoint: 'badgeMeta' | 'group',
      load: () => Promise<T>,
    ): Promise<{ result: T | Answer; cache: 'hit' | 'stale' | 'miss' }> {
      const entry = await read(key)
      if (isFresh(entry)) {
        onEvent?.({ type: 'cache', endpoint, result: 'hit' })
        return { result: answer(entry), cache: 'hit' }
      }
      if (entry !== null) {
        onEvent?.({ type: 'cache', endpoint, result: 'stale' })
        revalidate(key, load)
        return { result: answer(entry), cache: 'stale' }
      }
      onEvent?.({ type: 'cache', endpoint, result: 'miss' })
      const pending = missing.get(key)
      if (pending !== undefined) return { result: (await pending) as T | Answer, cache: 'miss' }
      const produced = produceOnce<T | Answer>({
        store,
        lock: `${key}:lock`,
        read: async () => {
          const shared = await read(key)
          return isFresh(shared) ? answer(shared) : null
        },
        produce: async () => {
          const loaded = await load()
          if (keep(loaded, false)) await write(key, loaded)
          return loaded
        },
        lockMs,
        waitMs: lockMs,
        now,
      }).finally(() => missing.delete(key))
      missing.set(key, produced)
      return { result: await produced, cache: 'miss' }
    },
  }
}
