import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { type Browser, type CDPSession, type Page } from '@playwright/test'
import { BENCH_SIZES, benchMember } from './bench-data.ts'
import { PAGE_SIZE } from '../src/queries/badges.ts'

// The scale section of the benchmark: how the earned view's cost grows with the member's badges.
// Each size is measured in a fresh page; sizes are interleaved round by round and the medians
// reported, so a burst of load on the machine does not land on one size only.

export type ScaleRow = {
  badges: number
  /** From navigation until the first group's heading is on screen. */
  firstSectionsMs: number
  /** From navigation until every badge is loaded (every "Show more" pressed). */
  allBadgesMs: number
  /** All badges time per badge: flat when the cost is linear in the list. */
  perBadgeMs: number
  /** The longest task until the first sections show (the first view: script, data, render). */
  firstViewTaskMs: number
  /** The longest task after that, until every badge is loaded. */
  longestLoadTaskMs: number
  /** The longest task from pressing the first "Show more" until its badges show. */
  firstMoreTaskMs: number
  /** The same for the last "Show more", when everything else is already shown. */
  lastMoreTaskMs: number
  /** The longest event (Event Timing: press to the next paint) of the first and last press. */
  firstMoreEventMs: number
  lastMoreEventMs: number
  /** The main thread's busy time (all its tasks) from the press until the badges show. */
  firstMoreBusyMs: number
  lastMoreBusyMs: number
  /** Back from a badge's page to the full list: the longest task until the list is back. */
  backTaskMs: number
  /** Back from a badge's page: until the badge the member opened is on screen again. */
  backMs: number
  /** "See all" on the list's first group: its size, and the longest task until all show. */
  seeAllCards: number
  seeAllTaskMs: number
  heapMB: number
}

type Probe = { tasks: Array<[number, number]>; events: Array<[number, number, string]> }

/** Long tasks and slow events, with their start times, so each phase reads its own. */
function observe() {
  const probe: Probe = { tasks: [], events: [] }
  Object.assign(window, { __probe: probe, __started: false })
  // The app has taken the page over (src/components/app-started.tsx): what this section measures
  // is the running app's cost per press, not a server-rendered page waiting for its code.
  window.addEventListener('badgeshowcase:app-started', () =>
    Object.assign(window, { __started: true }),
  )
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) probe.tasks.push([entry.startTime, entry.duration])
  }).observe({ type: 'longtask', buffered: true })
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      probe.events.push([entry.startTime, entry.duration, entry.name])
  }).observe({ type: 'event', buffered: true, durationThreshold: 16 } as PerformanceObserverInit)
}

const now = (page: Page) => page.evaluate(() => performance.now())
const probeOf = (page: Page) =>
  page.evaluate(() => (window as unknown as { __probe: Probe }).__probe)
const longestSince = (
  entries: Array<[number, number, ...unknown[]]>,
  from: number,
  to = Infinity,
) =>
  Math.max(0, ...entries.filter(([at]) => at >= from && at <= to).map(([, duration]) => duration))

const SHOWING = 'p[aria-live="polite"]'

/** The renderer's main-thread time spent in tasks so far (Chromium's TaskDuration), in ms. */
async function busy(session: CDPSession) {
  const { metrics } = await session.send('Performance.getMetrics')
  return (metrics.find((metric) => metric.name === 'TaskDuration')?.value ?? NaN) * 1000
}

/** Press "Show more" and wait until the count of badges shown moves. */
async function showMore(page: Page) {
  const before = await page.locator(SHOWING).textContent()
  await page.getByRole('button', { name: 'Show more badges' }).click()
  await page.waitForFunction(
    ([selector, text]) => document.querySelector(selector ?? '')?.textContent !== text,
    [SHOWING, before],
    { timeout: 120_000, polling: 50 },
  )
}

async function scaleOnce(
  browser: Browser,
  base: string,
  size: (typeof BENCH_SIZES)[number],
  profileDir?: string,
) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
  const page = await context.newPage()
  try {
    await page.addInitScript(observe)
    const session = await context.newCDPSession(page)
    await session.send('Performance.enable')
    if (profileDir) {
      await session.send('Profiler.enable')
      await session.send('Profiler.setSamplingInterval', { interval: 200 })
      await session.send('Profiler.start')
    }
    const started = Date.now()
    await page.goto(`${base}/customers/${benchMember(size)}/earned`)
    await page.getByRole('heading', { level: 2 }).first().waitFor()
    const firstSectionsMs = Date.now() - started
    await page.waitForFunction(() => (window as { __started?: boolean }).__started === true)
    // Lazy parts are taken over a frame or two after the start.
    await page.evaluate(
      () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
    )
    const firstViewAt = await now(page)
    const more = page.getByRole('button', { name: 'Show more badges' })
    let firstMore = { task: 0, event: 0, busy: 0 }
    let lastMore = { task: 0, event: 0, busy: 0 }
    let presses = 0
    while (await more.isVisible()) {
      const from = await now(page)
      const busyFrom = await busy(session)
      await showMore(page)
      const busyMs = (await busy(session)) - busyFrom
      const probe = await probeOf(page)
      const press = {
        task: longestSince(probe.tasks, from),
        event: longestSince(probe.events, from),
        busy: busyMs,
      }
      if (presses === 0) firstMore = press
      lastMore = press
      presses += 1
    }
    // Every page in: a list of more than one ends with a line that says so.
    const complete = () =>
      size > PAGE_SIZE
        ? page.getByText('End of the list').waitFor()
        : page.locator('[data-badge-link]').first().waitFor()
    await complete()
    const allBadgesMs = Date.now() - started
    const loaded = await probeOf(page)
    const firstViewTaskMs = longestSince(loaded.tasks, 0, firstViewAt)
    const longestLoadTaskMs = longestSince(loaded.tasks, firstViewAt)

    // Open the last badge in the list's first group, as a member who scrolled would, then back
    // (one on screen: a folded group's preview hides its last two at five columns).
    const link = page.locator('[data-badge-link]:visible').last()
    await link.scrollIntoViewIfNeeded()
    const opened = await link.getAttribute('data-badge-link')
    await link.click()
    await page.waitForURL(/\/badges\//)
    await page.getByRole('heading', { level: 1 }).waitFor()
    const backFrom = await now(page)
    const backStarted = Date.now()
    await page.goBack()
    await complete()
    await page.locator(`[data-badge-link="${opened}"]`).waitFor()
    // Until the rest of the list, if it comes in steps, has settled.
    await page.evaluate(() => new Promise((done) => requestIdleCallback(done, { timeout: 5000 })))
    const backMs = Date.now() - backStarted
    const backProbe = await probeOf(page)
    const backTaskMs = longestSince(backProbe.tasks, backFrom)

    // Open the first group in full: every one of its badges on the page (small lists show all).
    const seeAll = page.getByRole('button', { name: /^See all / }).first()
    let seeAllCards = 0
    let seeAllTaskMs = 0
    if (await seeAll.isVisible()) {
      seeAllCards = Number((await seeAll.textContent())?.replace(/\D/g, ''))
      const seeAllFrom = await now(page)
      await seeAll.click()
      await page.waitForFunction(
        (count) => (document.querySelector('section ul')?.children.length ?? 0) >= count,
        seeAllCards,
        { timeout: 120_000, polling: 50 },
      )
      await page.evaluate(() => new Promise((done) => requestIdleCallback(done, { timeout: 5000 })))
      seeAllTaskMs = longestSince((await probeOf(page)).tasks, seeAllFrom)
    }

    if (profileDir) {
      const { profile } = await session.send('Profiler.stop')
      writeFileSync(path.join(profileDir, `scale-${size}.cpuprofile`), JSON.stringify(profile))
    }
    const { metrics } = await session.send('Performance.getMetrics')
    const heap = metrics.find((metric) => metric.name === 'JSHeapUsedSize')?.value ?? NaN
    return {
      badges: size,
      firstSectionsMs,
      allBadgesMs,
      perBadgeMs: allBadgesMs / size,
      firstViewTaskMs,
      longestLoadTaskMs,
      firstMoreTaskMs: firstMore.task,
      lastMoreTaskMs: lastMore.task,
      firstMoreEventMs: firstMore.event,
      lastMoreEventMs: lastMore.event,
      firstMoreBusyMs: firstMore.busy,
      lastMoreBusyMs: lastMore.busy,
      backTaskMs,
      backMs,
      seeAllCards,
      seeAllTaskMs,
      heapMB: heap / 1e6,
    } satisfies ScaleRow
  } finally {
    await context.close()
  }
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN

/** Every size, `runs` times, interleaved; the median of each figure per size. */
export async function scale(
  browser: Browser,
  base: string,
  {
    runs,
    log,
    profileDir,
    sizes = BENCH_SIZES,
  }: {
    runs: number
    log: (line: string) => void
    /** Where to write a CPU profile of each size's first run. */
    profileDir?: string
    sizes?: ReadonlyArray<(typeof BENCH_SIZES)[number]>
  },
): Promise<Array<ScaleRow & { runs: number }>> {
  const rows = new Map<number, ScaleRow[]>()
  for (let round = 0; round < runs; round++) {
    for (const size of sizes) {
      const row = await scaleOnce(browser, base, size, round === 0 ? profileDir : undefined)
      rows.set(size, [...(rows.get(size) ?? []), row])
      log(`scale ${size} #${round + 1}: ${JSON.stringify(row)}`)
    }
  }
  return [...rows].map(([badges, results]) => {
    const figures = Object.keys(results[0] ?? {}) as Array<keyof ScaleRow>
    const medians = Object.fromEntries(
      figures.map((key) => [key, median(results.map((result) => result[key]))]),
    ) as ScaleRow
    return { ...medians, badges, runs: results.length }
  })
}

/** Targets: at most 1,000 badges, no task over 100 ms; up to 5,000, none over 200 ms. */
export const taskBudget = (badges: number) => (badges > 1000 ? 200 : 100)
