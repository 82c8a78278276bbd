/**
 * Reading headers of every shape that HTTP clients hand out: a fetch `Headers`, axios'
 * `AxiosHeaders`, got's and Node's plain objects (values may be arrays), or an array of pairs.
 * Never throws: a header that cannot be read is absent.
 *
 * @module
 */

/** @internal Every header as `[lower-case name, value]`; repeated values are joined with `, `. */
export function headerEntries(headers: unknown): Array<[string, string]> {
  const entries: Array<[string, string]> = []
  try {
    if (!isObject(headers)) return entries
    const pairs: unknown[] = isHeaders(headers)
      ? collect(headers)
      : Array.isArray(headers)
        ? headers
        : Object.entries(headers)
    for (const pair of pairs) {
      if (!Array.isArray(pair)) continue
      const [name, value] = pair as [unknown, unknown]
      const text = Array.isArray(value)
        ? value.filter(isScalar).join(', ')
        : isScalar(value)
          ? String(value)
          : undefined
      if (typeof name === 'string' && text !== undefined) entries.push([name.toLowerCase(), text])
    }
  } catch {
    // A hostile object (a throwing getter or Proxy) has no readable headers.
  }
  return entries
}

/** @internal The value of header `name` (any case), or `undefined`. */
export function headerValue(headers: unknown, name: string): string | undefined {
  try {
    // A fetch Headers answers directly (joining repeated values with ", " as headerEntries does).
    if (isObject(headers) && isHeaders(headers)) return headers.get(name) ?? undefined
  } catch {
    // A Headers-like whose get throws: read it entry by entry below.
  }
  const lower = name.toLowerCase()
  for (const [key, value] of headerEntries(headers)) if (key === lower) return value
  return undefined
}

/** A fetch `Headers` (or one from another realm or polyfill): it has `get` and `forEach`. */
function isHeaders(headers: object): headers is Headers {
  return typeof (headers as Headers).get === 'function' && typeof (headers as Headers).forEach === 'function'
}

function collect(headers: Headers): Array<[string, string]> {
  // Stryker disable next-line ArrayDeclaration: its only caller, headerEntries, skips an entry that is not a pair, so an extra first entry changes nothing.
  const pairs: Array<[string, string]> = []
  headers.forEach((value, name) => {
    pairs.push([name, value])
  })
  return pairs
}

/** An object or an array: not `null`, not a function, not a primitive. */
function isObject(value: unknown): value is object {
  if (typeof value !== 'object') return false
  // Stryker disable next-line ConditionalExpression: both callers pass the value on to isHeaders inside a try, where null throws at once (reading `.get`) and the catch gives what `false` here gives.
  return value !== null
}

function isScalar(value: unknown): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
}
