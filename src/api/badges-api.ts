import { createBadgesClient } from './client.ts'

// The one client the app uses; it talks to the server the page came from, which serves the
// Capillary paths from the emulator (demo) or proxies them (live).
export const badgesApi = createBadgesClient()
