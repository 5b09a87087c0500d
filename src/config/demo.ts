/** The member `/` opens in demo mode: the typical member of the demo dataset. */
export const DEFAULT_CUSTOMER = '62090013'
