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
    if (typeof headers !== 'object' || headers === null) return entries
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
    if (typeof headers === 'object' && headers !== null && isHeaders(headers)) return headers.get(name) ?? undefined
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
  const pairs: Array<[string, string]> = []
  headers.forEach((value, name) => {
    pairs.push([name, value])
  })
  return pairs
}

function isScalar(value: unknown): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
}
