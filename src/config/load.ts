import {
  type ConfigProblem,
  defaultConfig,
  fragmentParams,
  fragmentSettings,
  readSettings,
  type RuntimeConfig,
} from './runtime.ts'

export type LoadedConfig = { config: RuntimeConfig; problems: ConfigProblem[] }

let loaded: LoadedConfig = { config: defaultConfig, problems: [] }

/** The configuration the app started with. */
export function runtimeConfig(): LoadedConfig {
  return loaded
}

/** The router's base path, from the page's <base href> (the server sets it for sub-path hosting). */
export function basePath(): string {
  return new URL(document.baseURI).pathname.replace(/\/+$/, '')
}

async function configFile(): Promise<{
  settings: Partial<RuntimeConfig>
  problems: ConfigProblem[]
}> {
  try {
    const response = await fetch(new URL('config.json', document.baseURI), {
      headers: { Accept: 'application/json' },
    })
    if (response.status === 404) return { settings: {}, problems: [] }
    const json: unknown = response.ok ? await response.json() : null
    if (typeof json !== 'object' || json === null || Array.isArray(json)) {
      return {
        settings: {},
        problems: [{ setting: 'config.json', message: 'is not a JSON object of settings' }],
      }
    }
    return readSettings(Object.fromEntries(Object.entries(json)), 'config.json')
  } catch {
    return { settings: {}, problems: [{ setting: 'config.json', message: 'could not be read' }] }
  }
}

/**
 * Settings from config.json, then the embed snippet's: the iframe's URL fragment, removed from the
 * address at once. Nothing is kept across loads: the embed script gives the frame its settings
 * each time it creates it, and a link opened in a tab cannot leave settings behind for later ones.
 */
export async function loadRuntimeConfig(): Promise<LoadedConfig> {
  const fromFragment = fragmentSettings(window.location.hash)
  if (Object.keys(fromFragment).length > 0) {
    const rest = new URLSearchParams(window.location.hash.replace(/^#/, ''))
    for (const key of [...rest.keys()]) if (key in fragmentParams) rest.delete(key)
    const hash = rest.toString()
    window.history.replaceState(
      window.history.state,
      '',
      `${window.location.pathname}${window.location.search}${hash ? `#${hash}` : ''}`,
    )
  }
  const file = await configFile()
  const snippet = readSettings(fromFragment, 'the embed snippet')
  const config: RuntimeConfig = { ...defaultConfig, ...file.settings, ...snippet.settings }
  config.embedded = config.parentOrigin !== null || window.parent !== window
  loaded = { config, problems: [...file.problems, ...snippet.problems] }
  return loaded
}
