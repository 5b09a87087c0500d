// A string with a lone UTF-16 surrogate ("abc\ud800", which JSON happily carries) has no UTF-8
// form: encodeURIComponent throws on it, and one such id from the API would otherwise take down
// a whole view.

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/
const LONE_SURROGATES = new RegExp(LONE_SURROGATE.source, 'g')

/** Whether the text can travel in a URL as it is. */
export function isEncodable(text: string): boolean {
  return !LONE_SURROGATE.test(text)
}

/** encodeURIComponent that cannot throw: a lone surrogate becomes U+FFFD, as browsers do in URLs. */
export function encodeSegment(text: string): string {
  return encodeURIComponent(text.replace(LONE_SURROGATES, '\ufffd'))
}
