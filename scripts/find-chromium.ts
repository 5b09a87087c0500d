import { existsSync } from 'node:fs'
import { chromium } from '@playwright/test'

// Which Chromium the e2e tests and the benchmark drive: an explicit path (CHROMIUM_PATH), else a
// system Chromium (Debian's /usr/bin/chromium and friends), else Playwright's own download.

const systemChromiums = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
]

export function findChromium(): {
  executablePath: string | undefined
  path: string
  source: string
} {
  const explicit = process.env.CHROMIUM_PATH?.trim()
  if (explicit) {
    if (!existsSync(explicit))
      throw new Error(`CHROMIUM_PATH is set to ${explicit}, but there is no file there.`)
    return { executablePath: explicit, path: explicit, source: `CHROMIUM_PATH (${explicit})` }
  }
  const system = systemChromiums.find((candidate) => existsSync(candidate))
  if (system) return { executablePath: system, path: system, source: `system Chromium (${system})` }
  const bundled = chromium.executablePath()
  if (bundled && existsSync(bundled)) {
    return {
      executablePath: undefined,
      path: bundled,
      source: `Playwright's Chromium (${bundled})`,
    }
  }
  throw new Error(
    [
      'No Chromium found. Any one of these will do:',
      '  - Debian/Ubuntu: apt-get install -y chromium',
      '  - set CHROMIUM_PATH to a Chromium or Chrome binary',
      "  - npx playwright install chromium (Playwright's own download)",
    ].join('\n'),
  )
}

// Without these, Chromium keeps calling home, which a closed network refuses many times over.
export const quietChromiumFlags = [
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
]
