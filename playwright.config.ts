import { defineConfig, devices } from '@playwright/test'
import { findChromium, quietChromiumFlags } from './scripts/find-chromium.ts'

const browser = findChromium()
if (process.env.TEST_WORKER_INDEX === undefined) console.log(`e2e browser: ${browser.source}`)

const PORT = Number(process.env.E2E_PORT ?? 4179)
const baseURL = `http://127.0.0.1:${PORT}`

// Live mode: the showcase in front of the emulator playing a Capillary cluster on another port.
export const portalOrigin = `http://127.0.0.1:${PORT + 8}`
export const subPathURL = `http://127.0.0.1:${PORT + 9}/rewards/badges/`
// A page on another origin that claims to be the portal, for the message-origin checks.
export const impostorOrigin = `http://localhost:${PORT + 10}`
// Test portals (e2e/fixtures/host.html) that mount the showcase with the options a test gives.
export const hostOrigin = `http://localhost:${PORT + 11}`

export const live = {
  standInPort: PORT + 6,
  port: PORT + 7,
  oauthKey: 'e2e-oauth-key',
  oauthSecret: 'e2e-oauth-secret',
  tokenSecret: 'e2e-member-token-secret-0123456789abcdef',
}

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: true,
  workers: 2,
  forbidOnly: Boolean(process.env.CI),
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: browser.executablePath,
      args: quietChromiumFlags,
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
  // Started in this order, each once the one before answers.
  webServer: [
    {
      // The real server over a fresh build, exactly what `npm start` runs.
      command: 'npm run build --silent && node --import tsx server/main.ts',
      url: `${baseURL}/api_gateway/v1/badges/customer/62090013?limit=1`,
      env: {
        PORT: String(PORT),
        HOST: '127.0.0.1',
        SHOWCASE_FRAME_ANCESTORS: `'self' ${portalOrigin} ${hostOrigin}`,
        // Every test's page comes from this one address: more than a client's share a minute.
        SHOWCASE_RENDER_RATE: '0',
      },
      reuseExistingServer: !process.env.CI,
      timeout: 120_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
      command: 'tsx server/live/stand-in-main.ts',
      url: `http://127.0.0.1:${live.standInPort}/api_gateway/v1/badges/badgeMeta/x`,
      env: {
        STAND_IN_PORT: String(live.standInPort),
        STAND_IN_OAUTH_KEY: live.oauthKey,
        STAND_IN_OAUTH_SECRET: live.oauthSecret,
      },
      reuseExistingServer: !process.env.CI,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
      command: 'node --import tsx server/main.ts',
      url: `http://127.0.0.1:${live.port}/healthz`,
      env: {
        PORT: String(live.port),
        HOST: '127.0.0.1',
        CAPILLARY_API_URL: `http://127.0.0.1:${live.standInPort}`,
        CAPILLARY_OAUTH_KEY: live.oauthKey,
        CAPILLARY_OAUTH_SECRET: live.oauthSecret,
        SHOWCASE_TOKEN_SECRET: live.tokenSecret,
        // Tom is every live test's member, two workers at once: more than a person asks a minute.
        SHOWCASE_MEMBER_RATE: '1000',
        // The tests wait for the server's render with the app's code held: two workers on a busy
        // machine took the offers' render past the default 1 s (and the page then came unrendered).
        SHOWCASE_RENDER_BUDGET_MS: '5000',
        SHOWCASE_FRAME_ANCESTORS: `'self' ${portalOrigin} ${impostorOrigin} ${hostOrigin}`,
      },
      reuseExistingServer: !process.env.CI,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
      command: 'tsx examples/serve.ts',
      url: `${portalOrigin}/portal.html`,
      env: { PORTAL_PORT: String(PORT + 8), HOST: '127.0.0.1' },
      reuseExistingServer: !process.env.CI,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
      command: 'tsx examples/serve.ts',
      url: `${impostorOrigin}/impostor.html`,
      env: { PORTAL_PORT: String(PORT + 10), PORTAL_ROOT: 'e2e/fixtures', HOST: 'localhost' },
      reuseExistingServer: !process.env.CI,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
      command: 'tsx examples/serve.ts',
      url: `${hostOrigin}/host.html`,
      env: { PORTAL_PORT: String(PORT + 11), PORTAL_ROOT: 'e2e/fixtures', HOST: 'localhost' },
      reuseExistingServer: !process.env.CI,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
      command: 'node --import tsx server/main.ts',
      url: `${subPathURL}config.json`,
      env: { PORT: String(PORT + 9), HOST: '127.0.0.1', SHOWCASE_BASE_PATH: '/rewards/badges/' },
      reuseExistingServer: !process.env.CI,
      stdout: 'ignore',
      stderr: 'pipe',
    },
  ],
})
