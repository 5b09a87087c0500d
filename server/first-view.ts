import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { type Hono } from 'hono'
import {
  parseBadgeMeta,
  parseBadgePage,
  parseEnvelope,
  parseMemberBadge,
} from '../src/api/parse.ts'
import { combineDetail } from '../src/badges/detail.ts'
import { type DisplayState } from '../src/badges/display-state.ts'
import {
  availableListFacts,
  badgeTruth,
  memberFacts,
  recordsToRead,
  truthImage,
} from '../src/badges/truth.ts'
import { imageCandidates } from '../src/badges/images.ts'
import { groupBadges, unnamedGroupIds } from '../src/badges/order.ts'
import { type BadgeImage, type CustomerBadge } from '../src/badges/types.ts'
import { DEFAULT_CUSTOMER } from '../src/config/demo.ts'
import { preloadKey, type PreloadedResponses } from '../src/api/preloaded.ts'
import { earnedFilters } from '../src/routes/list-params.ts'
import { defaultLists, type ListQuery, PAGE_SIZE } from '../src/queries/badges.ts'

// The first view's data starts with the page (demo mode): the server knows the route, asks the
// emulator in process for exactly the requests the view needs for its first paint, and puts the
// answers in the page as a JSON data block (not a script: the CSP stays as it is), which the SPA's
// fetch layer answers those requests from (src/api/preloaded.ts). It also names the view's code and
// its first row of images, so the browser fetches them alongside the entry script.

/** How many images the first row of a list shows on a phone-to-desktop width: loaded eagerly. */
export const FIRST_ROW = 4
/** The page waits no longer than this for the data: without it, the SPA asks as it always did. */
const DATA_BUDGET_MS = 250

const API_PREFIX = '/api_gateway/v1/badges'

type Route =
  | { view: 'earned'; customer: string; by: string | null; filters: ListQuery }
  | { view: 'available'; customer: string; by: string | null }
  | { view: 'detail'; customer: string; by: string | null; badgeId: string }

/** The view a page path opens, relative to the mount path; null for anything else. */
export function routeOf(relativePath: string, search: URLSearchParams): Route | null {
  const by = search.get('by')?.trim() || null
  if (relativePath === '' || relativePath === '/') {
    return { view: 'earned', customer: DEFAULT_CUSTOMER, by: null, filters: defaultLists.earned }
  }
  const match = /^\/?customers\/([^/]+)\/(earned|available|badges\/([^/]+))\/?$/.exec(relativePath)
  if (match === null) return null
  let customer: string
  let badgeId: string
  try {
    customer = decodeURIComponent(match[1] ?? '')
    badgeId = decodeURIComponent(match[3] ?? '')
  } catch {
    return null
  }
  if (match[2] === 'earned') return { view: 'earned', customer, by, filters: earnedFilters(search) }
  if (match[2] === 'available') return { view: 'available', customer, by }
  return { view: 'detail', customer, by, badgeId }
}

/**
 * Live mode: the view a page (its path under the mount path, and its query) opens, for its render
 * (GET first-view). Not the root: it opens the member the token names, which early.js works out.
 */
export function livePageRoute(page: string): Route | null {
  const url = new URL(page, 'http://page.invalid')
  if (url.origin !== 'http://page.invalid' || url.pathname === '/') return null
  return routeOf(url.pathname, url.searchParams)
}

/** A request exactly as the SPA's client makes it (src/api/client.ts). */
function apiPath(segments: string[], query: Record<string, string | number | boolean | undefined>) {
  const search = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null) search.set(key, String(value))
  }
  const tail = segments.map((segment) => encodeURIComponent(segment)).join('/')
  return `${API_PREFIX}/${tail}${search.size > 0 ? `?${search}` : ''}`
}

function listPath(customer: string, filters: ListQuery) {
  return apiPath(['customer', customer], {
    badgeType: filters.badgeType,
    sortOn: filters.sortOn,
    includeExpired: filters.includeExpired,
    groupId: filters.groupId ?? undefined,
    limit: PAGE_SIZE,
    page: 0,
  })
}

type Manifest = Record<string, { file: string; imports?: string[] }>

const viewModules = {
  earned: 'src/routes/earned.tsx',
  available: 'src/routes/available.tsx',
  detail: 'src/routes/badge-detail.tsx',
} as const

/** The view's chunk and the chunks it imports, the entry (already loading) left out. */
export function viewChunks(manifest: Manifest, view: Route['view']): string[] {
  const files: string[] = []
  const visit = (key: string) => {
    const chunk = manifest[key]
    if (chunk === undefined || key === 'index.html' || files.includes(chunk.file)) return
    files.push(chunk.file)
    for (const imported of chunk.imports ?? []) visit(imported)
  }
  visit(viewModules[view])
  return files
}

export function readManifest(distDir: string): Manifest {
  const file = path.join(distDir, '.vite', 'manifest.json')
  if (!existsSync(file)) return {}
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Manifest
  } catch {
    return {}
  }
}

/**
 * Where the build put early.js and hydrate.js under names that change with their content (cached
 * for good, scripts/minify-public.ts); their plain names when it did not (a build without them).
 */
export function readPublicScripts(distDir: string): { early: string; hydrate: string } {
  const names = { early: 'early.js', hydrate: 'hydrate.js' }
  try {
    const built = JSON.parse(
      readFileSync(path.join(distDir, '.vite', 'public-scripts.json'), 'utf8'),
    ) as Record<string, unknown>
    const named = (name: string) => {
      const value = built[name]
      return typeof value === 'string' && /^assets\/[\w-]+\.js$/.test(value) ? value : null
    }
    return {
      early: named('early.js') ?? names.early,
      hydrate: named('hydrate.js') ?? names.hydrate,
    }
  } catch {
    return names
  }
}

export type FirstView = { data: PreloadedResponses; chunks: string[]; images: string[] }

/** The page's origin as the browser sees it, for the image choices (same-origin demo art). */
const ORIGIN = 'http://showcase.invalid'

function firstImages(entries: Array<{ images: BadgeImage[]; state: DisplayState }>): string[] {
  return entries.flatMap(({ images, state }) => {
    const url = imageCandidates(images, state, ORIGIN)[0]?.url
    if (url === undefined) return []
    return [url.startsWith(ORIGIN) ? url.slice(ORIGIN.length) : url]
  })
}

function firstRow(badges: CustomerBadge[], sortOn: ListQuery['sortOn']): CustomerBadge[] {
  const ordered =
    sortOn === 'RANK' ? groupBadges(badges, { order: 'rank' }).flatMap((s) => s.badges) : badges
  return ordered.slice(0, FIRST_ROW)
}

/**
 * Runs the view's first requests against the API in process. Everything is best effort: a request
 * that fails or takes too long is left out, and the SPA makes it as usual.
 */
export async function firstView(
  api: Hono,
  route: Route,
  manifest: Manifest,
  now = Date.now(),
): Promise<FirstView> {
  const data: PreloadedResponses = {}
  const headers: Record<string, string> = { Accept: 'application/json' }
  if (route.by) headers['X-CAP-CUSTOMER-IDENTIFIER'] = route.by

  const ask = async (requestPath: string): Promise<unknown> => {
    const response = await api.request(requestPath, { headers })
    const body: unknown = await response.json()
    // Only answers the SPA would keep: its retries and error panels handle the rest as they always do.
    if (response.status !== 200) return null
    data[preloadKey(requestPath, route.by)] = { status: response.status, body }
    return parseEnvelope(body).data
  }
  const askList = async (filters: ListQuery) => {
    const page = parseBadgePage(await ask(listPath(route.customer, filters)))
    const sections = groupBadges(page.badges, { order: 'as-returned' })
    await Promise.all(
      unnamedGroupIds(sections).map((groupId) => ask(apiPath(['group', groupId], {}))),
    )
    return page.badges
  }

  const askRecord = (badgeId: string) =>
    ask(
      apiPath(['management', route.customer, 'badge', badgeId], { includeStatistics: true }),
    ).then((raw) => (raw === null ? null : parseMemberBadge(raw)))
  // Both lists views open on the member's summary, which reads both lists and the member's own
  // records of the available badges the list cannot settle: all of it comes with the page.
  const askBothLists = async (filters: ListQuery) => {
    const [shown, earned, available] = await Promise.all([
      askList(filters),
      filters === defaultLists.earned ? null : askList(defaultLists.earned),
      filters === defaultLists.available ? null : askList(defaultLists.available),
    ])
    const earnedBadges = earned ?? shown
    const availableBadges = available ?? shown
    const held = new Set(earnedBadges.map((badge) => badge.id))
    const unsettled = recordsToRead(availableBadges, (badge) => held.has(badge.id))
    const records = new Map(
      await Promise.all(
        unsettled.map(async (badge) => [badge.id, await askRecord(badge.id)] as const),
      ),
    )
    return { shown, earnedBadges, records }
  }

  let images: string[] = []
  const work = async () => {
    if (route.view === 'earned') {
      const { shown } = await askBothLists(route.filters)
      images = firstImages(
        firstRow(shown, route.filters.sortOn).map((badge) => ({
          images: badge.images,
          state: 'EARNED',
        })),
      )
    } else if (route.view === 'available') {
      const { shown, earnedBadges, records } = await askBothLists(defaultLists.available)
      const holding = new Map(earnedBadges.map((badge) => [badge.id, badge]))
      images = firstImages(
        firstRow(shown, 'RANK').map((badge) => ({
          images: badge.images,
          state: truthImage(
            badgeTruth(
              availableListFacts(
                badge,
                holding.get(badge.id) ?? null,
                records.get(badge.id) ?? null,
                now,
              ),
              now,
            ),
          ).state,
        })),
      )
    } else {
      const [member, meta] = await Promise.all([
        ask(
          apiPath(['management', route.customer, 'badge', route.badgeId], {
            includeStatistics: true,
          }),
        ).then((raw) => (raw === null ? null : parseMemberBadge(raw))),
        ask(apiPath(['badgeMeta', route.badgeId], {})).then((raw) =>
          raw === null ? null : parseBadgeMeta(raw),
        ),
      ])
      const badge = combineDetail(meta, member)
      if (badge !== null && member !== null) {
        const { startsAt, expiresAt: endsAt, status, limits, earnType } = badge
        const facts = memberFacts({ startsAt, endsAt, status, limits, earnType }, member, now)
        images = firstImages([
          { images: badge.images, state: truthImage(badgeTruth(facts, now)).state },
        ])
      }
    }
  }
  let timer: NodeJS.Timeout | undefined
  await Promise.race([
    work().catch(() => undefined),
    new Promise((resolve) => (timer = setTimeout(resolve, DATA_BUDGET_MS))),
  ])
  clearTimeout(timer)
  return { data, chunks: viewChunks(manifest, route.view), images }
}

const escapeAttribute = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')

/** The page with the first view's hints in its head and its data before the body's end. */
export function withFirstView(html: string, { data, chunks, images }: FirstView): string {
  const links = [
    ...chunks.map(
      (file) => `<link rel="modulepreload" crossorigin href="./${escapeAttribute(file)}" />`,
    ),
    ...images.map(
      (url) =>
        `<link rel="preload" as="image" fetchpriority="high" href="${escapeAttribute(url)}" />`,
    ),
  ].join('\n    ')
  // JSON in a data block is never run; escaping "<" keeps "</script>" in a badge name harmless.
  const json = JSON.stringify(data).replace(/</g, '\\u003c')
  const block =
    Object.keys(data).length === 0
      ? ''
      : `<script type="application/json" id="first-view-data">${json}</script>\n  `
  // (Functions, not strings: a "$&" or "$'" in the data would be read as a pattern of replace.)
  return html
    .replace('</head>', () => (links === '' ? '</head>' : `  ${links}\n  </head>`))
    .replace('</body>', () => `${block}</body>`)
}
