import { type OnEvent, type RefusalReason } from './events.ts'

// What stands between member requests and Capillary on one instance: at most `concurrency`
// upstream requests at a time, a bounded queue behind them shared fairly between members (each
// waits its turn, and none may hold more than half the queue), Capillary's 429 Retry-After honoured
// for everyone, and a circuit that stops calling an upstream that keeps failing.

export class GateRefusal extends Error {
  override readonly name = 'GateRefusal'
  constructor(
    readonly status: 429 | 503,
    readonly retryAfterSeconds: number,
    readonly reason: RefusalReason,
    message: string,
  ) {
    super(message)
  }
}

/** How a call went: Capillary's status and Retry-After, or no answer at all. */
export type Outcome = { status: number; retryAfter?: string | null } | { status: 0 }

type GateOptions = {
  concurrency: number
  /** Requests that may wait for a slot; more are refused at once. */
  queueLimit?: number
  /** Requests one member may have waiting (default: half the queue); more are refused at once. */
  memberQueueLimit?: number
  /** The longest a request waits for a slot. */
  queueTimeoutMs: number
  /** Consecutive failures (502, 503, 504, timeouts, unreachable) that open the circuit. */
  failureThreshold?: number
  /** How long an open circuit refuses before letting one trial request through. */
  openMs?: number
  now?: () => number
  onEvent?: OnEvent
}

const GATEWAY_FAILURES = new Set([502, 503, 504])

/** The longest a Retry-After is honoured, whatever Capillary says. */
const MAX_RETRY_AFTER_MS = 5 * 60 * 1000
const DEFAULT_RETRY_AFTER_MS = 1_000

/** Retry-After as seconds or an HTTP date, in milliseconds from now, bounded. */
export function retryAfterMs(header: string | null | undefined, now: number): number {
  const value = header?.trim() ?? ''
  let ms = DEFAULT_RETRY_AFTER_MS
  if (/^\d+$/.test(value)) ms = Number(value) * 1000
  else if (value !== '' && Number.isFinite(Date.parse(value))) ms = Date.parse(value) - now
  return Math.min(Math.max(ms, DEFAULT_RETRY_AFTER_MS), MAX_RETRY_AFTER_MS)
}

export function createUpstreamGate({
  concurrency,
  queueLimit = concurrency * 4,
  memberQueueLimit = Math.max(1, Math.ceil(queueLimit / 2)),
  queueTimeoutMs,
  failureThreshold = 5,
  openMs = 30_000,
  now = Date.now,
  onEvent,
}: GateOptions) {
  let active = 0
  // Who waits, member by member, and how many each has running. A freed slot goes to the waiting
  // member with the fewest running, the first of them in this map, whose key then moves to the
  // end: a member who asks while another's burst waits is served before the rest of that burst,
  // and members with the same share take turns.
  type Entry = { grant: () => void; drop: (refused: GateRefusal) => void }
  const waiting = new Map<string, Entry[]>()
  const running = new Map<string, number>()
  const start = (who: string) => running.set(who, (running.get(who) ?? 0) + 1)
  let waitingCount = 0
  const leave = (who: string, entry: Entry) => {
    const queue = waiting.get(who)
    const at = queue?.indexOf(entry) ?? -1
    if (queue === undefined || at < 0) return
    queue.splice(at, 1)
    waitingCount -= 1
    if (queue.length === 0) waiting.delete(who)
  }
  let blockedUntil = 0
  let failures = 0
  let circuit: { state: 'closed' } | { state: 'open'; until: number } | { state: 'half-open' } = {
    state: 'closed',
  }
  let trialInFlight = false

  const report = () => onEvent?.({ type: 'queue', waiting: waitingCount, active })
  const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000))
  const refusal = (
    status: 429 | 503,
    ms: number,
    reason: GateRefusal['reason'],
    message: string,
  ) => {
    onEvent?.({ type: 'refused', reason })
    return new GateRefusal(status, seconds(ms), reason, message)
  }
  const setCircuit = (next: typeof circuit) => {
    if (next.state !== circuit.state) onEvent?.({ type: 'circuit', state: next.state })
    circuit = next
  }

  /** Whether Capillary may be called now; a refusal when not. `take` claims the half-open trial. */
  function admission(take: boolean): GateRefusal | { trial: boolean } {
    const at = now()
    if (at < blockedUntil) {
      return refusal(
        429,
        blockedUntil - at,
        'retry-after',
        'The badges service asked to slow down; try again shortly',
      )
    }
    if (circuit.state === 'open' && at >= circuit.until) setCircuit({ state: 'half-open' })
    if (circuit.state === 'open' || (circuit.state === 'half-open' && trialInFlight)) {
      const wait = circuit.state === 'open' ? circuit.until - at : 1_000
      return refusal(
        503,
        wait,
        'circuit-open',
        'The badges service is failing; the showcase is giving it a moment',
      )
    }
    if (circuit.state === 'half-open' && take) {
      trialInFlight = true
      return { trial: true }
    }
    return { trial: false }
  }

  function release(who: string) {
    const left = (running.get(who) ?? 1) - 1
    if (left > 0) running.set(who, left)
    else running.delete(who)
    let turn: string | undefined
    let fewest = Infinity
    for (const key of waiting.keys()) {
      const count = running.get(key) ?? 0
      if (count < fewest) [turn, fewest] = [key, count]
      if (count === 0) break
    }
    const queue = turn === undefined ? undefined : waiting.get(turn)
    if (turn === undefined || queue === undefined) active -= 1
    else {
      const next = queue.shift() as Entry
      waitingCount -= 1
      waiting.delete(turn)
      if (queue.length > 0) waiting.set(turn, queue)
      start(turn)
      next.grant()
    }
    report()
  }

  async function slot(who: string): Promise<void> {
    if (active < concurrency) {
      active += 1
      start(who)
      report()
      return
    }
    const queue = waiting.get(who) ?? []
    const memberFull = () =>
      refusal(
        429,
        1_000,
        'member-queue-full',
        'Too many requests from this member at once; try again shortly',
      )
    if (queue.length >= memberQueueLimit) throw memberFull()
    if (waitingCount >= queueLimit) {
      // Full: the member with the most waiting gives up its newest, if it has at least two more
      // waiting than this one (two members' bursts filled the queue and locked everyone else
      // out). Between members with about as many, a place is not passed back and forth.
      let longest: Entry[] = queue
      for (const other of waiting.values()) if (other.length > longest.length) longest = other
      const dropped = longest.length > queue.length + 1 ? longest.at(-1) : undefined
      if (dropped === undefined) {
        throw refusal(
          503,
          1_000,
          'queue-full',
          'The showcase is too busy right now; try again shortly',
        )
      }
      dropped.drop(memberFull())
    }
    await new Promise<void>((resolve, reject) => {
      const entry: Entry = {
        grant: () => {
          clearTimeout(timer)
          resolve()
        },
        drop: (refused) => {
          clearTimeout(timer)
          leave(who, entry)
          reject(refused)
        },
      }
      const timer = setTimeout(() => {
        leave(who, entry)
        report()
        reject(
          refusal(
            503,
            1_000,
            'queue-timeout',
            'The showcase is too busy right now; try again shortly',
          ),
        )
      }, queueTimeoutMs)
      queue.push(entry)
      waitingCount += 1
      if (!waiting.has(who)) waiting.set(who, queue)
      report()
    })
  }

  function settle(trial: boolean, outcome: Outcome) {
    if (trial) trialInFlight = false
    if (outcome.status === 429) {
      const retryAfter = 'retryAfter' in outcome ? outcome.retryAfter : null
      blockedUntil = Math.max(blockedUntil, now() + retryAfterMs(retryAfter, now()))
    }
    // Only what says the service itself is down: a 500 can be about one request (one member's
    // odd data), and counting it would let one member open the circuit for everyone.
    const failed = outcome.status === 0 || GATEWAY_FAILURES.has(outcome.status)
    if (!failed) {
      failures = 0
      if (circuit.state !== 'closed') setCircuit({ state: 'closed' })
      return
    }
    failures += 1
    if (trial || failures >= failureThreshold) setCircuit({ state: 'open', until: now() + openMs })
  }

  return {
    /**
     * Runs `call` when Capillary may be called and a slot is free; throws a GateRefusal when it
     * may not (429 while a Retry-After runs or the member already has its share waiting, 503
     * while the circuit is open or the queue is full). `who` names the member it is for: members
     * take turns in the queue.
     */
    async run<T>(call: () => Promise<{ value: T; outcome: Outcome }>, who = ''): Promise<T> {
      const before = admission(false)
      if (before instanceof GateRefusal) throw before
      await slot(who)
      // Waiting may have taken a while: a 429 or an opened circuit meanwhile still holds.
      const admitted = admission(true)
      if (admitted instanceof GateRefusal) {
        release(who)
        throw admitted
      }
      let outcome: Outcome = { status: 0 }
      try {
        const { value, outcome: settled } = await call()
        outcome = settled
        return value
      } finally {
        settle(admitted.trial, outcome)
        release(who)
      }
    },
    /** Whether Capillary is being left alone for now (a Retry-After or an open circuit). */
    resting: () => now() < blockedUntil || circuit.state === 'open',
    state: () => ({ active, waiting: waitingCount, circuit: circuit.state, blockedUntil }),
  }
}
