import { memberToken } from '../config/member-token.ts'
import { createBadgesClient } from './client.ts'

// The one client the app uses; it talks to the server the page came from, which serves the
// Capillary paths from the emulator (demo) or proxies them for the token's member (live).
export const badgesApi = createBadgesClient({
  headers: (): Record<string, string> => {
    const token = memberToken()
    return token ? { Authorization: `Bearer ${token}` } : {}
  },
})
