/**
 * `findEndpoint`: the catalog's operation for a request, by method and path.
 *
 * @module
 */
import type { Endpoint } from './define.js'
import { ROUTES } from './routes.js'

/** Each route as a pattern over `METHOD path`; built on the first lookup, so that importing one call keeps none of this. */
let patterns: readonly (readonly [RegExp, Endpoint])[] | undefined

function build(): readonly (readonly [RegExp, Endpoint])[] {
  return ROUTES.map((route) => {
    // Each `{param}` matches one or more characters of one segment; the rest is literal.
    const path = route.path
      .split(/\{[^}]*\}/)
      .map((text) => text.replace(/[.*+?^$()|[\]\\]/g, '\\$&'))
      .join('[^/]+')
    return [new RegExp(`^${route.method} ${path}$`), route] as const
  })
}

/**
 * The catalog's operation for a request: matched by method (any case) and path (the host, query,
 * fragment and a trailing slash are ignored; a `{param}` of the docs' path matches any text within
 * one segment). Where the docs document one method and path twice (the two steps of
 * `POST /g/aaa/authorize`), the operation answers every status of both. `undefined` when no
 * documented call matches; never throws.
 *
 * @example
 * ```ts
 * const operation = findEndpoint('POST', 'https://login.eagleeyenetworks.com/g/aaa/authorize')
 * throw await ApiError.fromResponse(res, { operation }) // 429 is ACCOUNT_LOCKED, not retryable
 * ```
 */
export function findEndpoint(method: string, url: string | URL): Endpoint | undefined {
  try {
    // The URL parser drops the scheme, host, query and fragment, and takes a bare path too.
    const path = new URL(url, 'http://any.host').pathname.replace(/\/$/, '')
    const key = `${method.toUpperCase()} ${path}`
    patterns ??= build()
    for (const [pattern, route] of patterns) if (pattern.test(key)) return route
  } catch {
    // A method that is no string, or a url that is neither a string nor a URL: nothing matches.
  }
  return undefined
}
