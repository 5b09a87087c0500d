import {
  type ConfigProblem,
  defaultConfig,
  fragmentParams,
  fragmentSettings,
  readSettings,
  type RuntimeConfig,
} from './runtime.ts'
import { memberToken } from './member-token.ts'

export type LoadedConfig = { config: RuntimeConfig; problems: ConfigProblem[] }

let loaded: LoadedConfig = { config: defaultConfig, problems: [] }

/** The configuration the app started with. */
export function runtimeConfig(): LoadedConfig {
  return loaded
}

/** For the server's render: the configuration it renders with, set before each render. */
export function setRuntimeConfig(next: LoadedConfig) {
  loaded = next
}

/** Where the server puts config.json's settings in the page, so they cost no round trip. */
export const CONFIG_BLOCK_ID = 'runtime-config'

/** The router's base path, from the page's <base href> (the server sets it for sub-path hosting). */
export function basePath(): string {
  return new URL(document.baseURI).pathname.replace(/\/+$/, '')
}

/** config.json's settings read as the app reads them (also by the server, for its render). */
export function readConfigFile(json: unknown): {
  settings: Partial<RuntimeConfig>
  problems: ConfigProblem[]
} {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return {
      settings: {},
      problems: [{ setting: 'config.json', message: 'is not a JSON object of settings' }],
    }
  }
  return readSettings(Object.fromEntries(Object.entries(json)), 'config.json')
}

/** config.json as the server put it in the page; undefined when it did not (a static host). */
function configInPage(): unknown {
  const block = document.getElementById(CONFIG_BLOCK_ID)
  if (block === null) return undefined
  try {
    return JSON.parse(block.textContent ?? '')
  } catch {
    return null
  }
}

async function configFile(): Promise<{
  settings: Partial<RuntimeConfig>
  problems: ConfigProblem[]
}> {
  // Served by our server, the page carries the file: no round trip before the first render.
  const inPage = configInPage()
  if (inPage !== undefined) return readConfigFile(inPage)
  try {
    const response = await fetch(new URL('config.json', document.baseURI), {
      headers: { Accept: 'application/json' },
    })
    if (response.status === 404) return { settings: {}, problems: [] }
    const json: unknown = response.ok ? await response.json() : null
    return readConfigFile(json)
  } catch {
    return { settings: {}, problems: [{ setting: 'config.json', message: 'could not be read' }] }
  }
}

/**
 * The fragment the page came with. In live mode public/early.js takes the member token out of the
 * address as soon as the page arrives and hands the fragment over here, once.
 */
function pageFragment(): string {
  const page = window as { __badgeShowcaseFragment?: unknown }
  const handed = page.__badgeShowcaseFragment
  delete page.__badgeShowcaseFragment
  return typeof handed === 'string' ? handed : window.location.hash
}

/** Fragment settings that speak for the portal around the showcase: read only in a frame. */
const FRAME_ONLY = [
  'parentOrigin',
  'brandName',
  'header',
  'memberName',
  'routeParam',
  'shareUrl',
  'hostPage',
  'route',
] satisfies Array<keyof RuntimeConfig>

/** The portal-only settings among a fragment's (the server's render applies the same rule). */
export function portalOnlySettings(settings: object): string[] {
  return FRAME_ONLY.filter((key) => key in settings)
}

/** The settings the page was opened with, in its fragment (see reloadAsOpened). */
let openedWith = new URLSearchParams()

/**
 * Reloads the page as it was opened: the fragment the app took out of the address goes back first
 * (the embed snippet's settings, and the member token, the current one if the host has handed over
 * a fresh one since), or the reloaded page would know neither its member nor its frame's settings.
 */
export function reloadAsOpened() {
  const fragment = new URLSearchParams(openedWith)
  const token = memberToken()
  if (fragment.has('member_token') && token !== null) fragment.set('member_token', token)
  if (fragment.size > 0) {
    const address = new URL(window.location.href)
    address.hash = fragment.toString()
    window.history.replaceState(window.history.state, '', address.href)
  }
  window.location.reload()
}

/**
 * Settings from config.json, then the embed snippet's: the iframe's URL fragment, removed from the
 * address at once. Nothing is kept across loads: the embed script gives the frame its settings
 * each time it creates it, and a link opened in a tab cannot leave settings behind for later ones.
 */
export async function loadRuntimeConfig(): Promise<LoadedConfig> {
  const fragment = pageFragment()
  openedWith = new URLSearchParams(fragment.replace(/^#/, ''))
  const fromFragment = fragmentSettings(fragment)
  if (Object.keys(fromFragment).length > 0) {
    const rest = new URLSearchParams(window.location.hash.replace(/^#/, ''))
    for (const key of [...rest.keys()]) if (key in fragmentParams) rest.delete(key)
    // Through a URL: a path starting with '//' written as it is would name another host, and the
    // browser would refuse it (and the app would not start).
    const address = new URL(window.location.href)
    address.hash = rest.toString()
    window.history.replaceState(window.history.state, '', address.href)
  }
  const file = await configFile()
  // A portal's words and links on the page only where a portal is: a link opened in a tab could
  // otherwise put any brand name, member name or share address on the brand's own origin.
  const framed = window.parent !== window
  const portalOnly = framed ? [] : portalOnlySettings(fromFragment)
  const unframed = portalOnly.map((key): ConfigProblem => ({
    setting: key,
    message: 'only applies inside a portal’s frame (the link)',
  }))
  const usable = Object.fromEntries(
    Object.entries(fromFragment).filter(([key]) => !(portalOnly as string[]).includes(key)),
  )
  const snippet = readSettings(usable, 'the embed snippet')
  const config: RuntimeConfig = { ...defaultConfig, ...file.settings, ...snippet.settings }
  config.embedded = config.parentOrigin !== null || framed
  loaded = { config, problems: [...file.problems, ...unframed, ...snippet.problems] }
  return loaded
}
