/**
 * Reading a header from any shape HTTP clients hand out: a fetch `Headers` (any realm or
 * polyfill) or axios' `AxiosHeaders` (anything with `get`), a plain object as Node and got give
 * (values may be arrays), or an array of `[name, value]` pairs.
 *
 * @module
 */
/** Where an API gateway puts the id of a request, most specific first. */
const REQUEST_ID_HEADERS = ['x-request-id', 'request-id', 'x-correlation-id']

/**
 * The value of header `name`, in any case, or `undefined` when it is absent; the values of a
 * repeated header are joined with `, `. Never throws: headers that cannot be read have none.
 *
 * @example
 * headerValue(res.headers, 'retry-after') // '5'
 * headerValue({ 'Set-Cookie': ['a=1', 'b=2'] }, 'set-cookie') // 'a=1, b=2'
 */
export function headerValue(headers: unknown, name: string): string | undefined {
  try {
    // Only an object holds headers: a string would be read as entries, one a character.
    if (typeof headers !== 'object' || headers === null) return undefined
    const found =
      typeof (headers as Headers).get === 'function'
        ? (headers as Headers).get(name)
        : (Array.isArray(headers) ? headers : Object.entries(headers as object)).find(
            ([key]) => String(key).toLowerCase() === name.toLowerCase(),
          )?.[1]
    return found == null ? undefined : ([] as unknown[]).concat(found).join(', ')
  } catch {
    return undefined
  }
}

/**
 * The request id: the first of `x-request-id`, `request-id` and `x-correlation-id` that is present
 * and not blank, trimmed; of a header sent more than once (which fetch and Node join as `a, b`),
 * its first value that is not blank: the server's own, before any a proxy added. Not cut: text is
 * scrubbed before it is cut to a length, so the caller cuts.
 *
 * @example
 * requestIdFrom(res.headers) // 'c0ffee…'
 */
export function requestIdFrom(headers: unknown): string | undefined {
  for (const name of REQUEST_ID_HEADERS) {
    const value = headerValue(headers, name)
      ?.split(',')
      .map((id) => id.trim())
      .find(Boolean)
    if (value) return value
  }
  return undefined
}
