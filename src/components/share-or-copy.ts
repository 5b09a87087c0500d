/**
 * Hands a link to the device's share sheet, or copies it where there is none (or sharing failed).
 * 'cancelled': the member closed the share sheet, so nothing more is said.
 */
export async function shareOrCopy(
  title: string,
  url: string,
): Promise<'shared' | 'copied' | 'cancelled' | 'failed'> {
  if (typeof navigator.share === 'function') {
    try {
      await navigator.share({ title, url })
      return 'shared'
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') return 'cancelled'
    }
  }
  try {
    await navigator.clipboard.writeText(url)
    return 'copied'
  } catch {
    return 'failed'
  }
}
