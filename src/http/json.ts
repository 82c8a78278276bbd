/**
 * A response body as data: JSON parsed as it is, repaired only when that fails, else the text.
 *
 * @module
 */

/** Deeper JSON stays text: no error body needs it, and code that walks a body recursively stays safe. */
const MAX_DEPTH = 1_000

/** Strings (whole, or to the end of the text), then the brackets outside them. */
const BRACKETS = /"(?:[^"\\]|\\[\s\S])*"?|[[\]{}]/g
/** A leading byte order mark, strings (kept), and commas standing before `}` or `]` (dropped). */
const REPAIRS = /^\uFEFF|("(?:[^"\\]|\\[\s\S])*"?)|,(?=\s*[}\]])/g

/**
 * The body as data. JSON is tried when `contentType` says JSON (`application/json`,
 * `application/problem+json`, any `+json`, with parameters, any case) or when the text starts with
 * `{` or `[` (after spaces); any other text is kept as it is.
 *
 * `JSON.parse` runs first, on the text as it is. Only when that fails are a leading byte order
 * mark and the commas before `}` or `]` outside strings dropped (the API's own doc examples carry
 * them) and the text parsed again. Malformed JSON, JSON nested deeper than 1 000 levels, and
 * JSON holding a string of millions of characters are kept as text. Empty or blank text gives
 * `undefined`. Never throws.
 *
 * @example
 * parseBody('{"message": "Account is suspended",}', 'application/json') // { message: 'Account is suspended' }
 * parseBody('<html>Bad Gateway</html>', 'text/html') // '<html>Bad Gateway</html>'
 */
export function parseBody(text: string, contentType?: string | null | undefined): unknown {
  if (!text.trim()) return undefined
  // A nesting deeper than MAX_DEPTH needs twice as many characters: shorter text is never too deep.
  if (!(/^\s*[[{]/.test(text) || isJsonType(contentType)) || (text.length > 2 * MAX_DEPTH && tooDeep(text))) {
    return text
  }
  try {
    return JSON.parse(text)
  } catch {
    // Not JSON as it is: repair, else keep the text.
  }
  try {
    return JSON.parse(text.replace(REPAIRS, '$1'))
  } catch {
    return text
  }
}

/** `application/json`, `text/json`, any `…/…+json`, with or without parameters, in any case. */
function isJsonType(contentType: unknown): boolean {
  return /^\s*[\w.-]+\/(?:[\w.+-]*\+)?json\s*(?:;|$)/i.test(String(contentType))
}

/** Whether `text` nests brackets outside its strings deeper than {@link MAX_DEPTH}. */
function tooDeep(text: string): boolean {
  let depth = 0
  try {
    for (const [token] of text.matchAll(BRACKETS)) {
      depth += token === '{' || token === '[' ? 1 : token === '}' || token === ']' ? -1 : 0
      if (depth > MAX_DEPTH) return true
    }
  } catch {
    // A string of millions of characters overflows the pattern engine's stack: unscanned, it stays text.
    return true
  }
  return false
}
