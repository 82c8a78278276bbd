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
 * The path of a URL: scheme and host, query and fragment, and a trailing slash dropped. Not the
 * URL parser: it refuses the host as the docs write it (`https://[active_brand_subdomain].
 * eagleeyenetworks.com/…`). A first segment with a dot is a host written without a scheme
 * (`login.eagleeyenetworks.com/g/aaa/authorize`), or after the docs' slip of a `/` for the `.`
 * (`https://[active_brand_subdomain]/eagleeyenetworks.com/g/layout`).
 */
function pathOf(url: string): string {
  // Scheme and host, then query and fragment.
  const path = url.replace(/^(?:[a-z][\w+.-]*:)?\/\/[^/?#]*|[?#][\s\S]*/gi, '')
  // Leading slashes and a first segment with a dot (a host), then a trailing slash. `[^/.]*` stops at
  // its first dot: `[^/]*` tried a long segment without a slash from each of its dots (quadratic).
  return path.replace(/^\/*(?:[^/.]*\.[^/]*\/)?/, '/').replace(/(.)\/$/, '$1')
}

/**
 * The catalog's operation for a request: matched by method (any case) and path (the host, query,
 * fragment and a trailing slash are ignored, the host also as the docs write it; a `{param}` of the
 * docs' path matches any text within one segment). Where the docs document one method and path
 * twice (the two steps of `POST /g/aaa/authorize`), the operation answers every status of both.
 * `undefined` when no documented call matches; never throws.
 *
 * @example
 * ```ts
 * const operation = findEndpoint('POST', 'https://login.eagleeyenetworks.com/g/aaa/authorize')
 * throw await ApiError.fromResponse(res, { operation }) // 429 is ACCOUNT_LOCKED, not retryable
 * ```
 */
export function findEndpoint(method: string, url: string | URL): Endpoint | undefined {
  try {
    const key = `${method.toUpperCase()} ${pathOf(String(url))}`
    patterns ??= build()
    for (const [pattern, route] of patterns) if (pattern.test(key)) return route
  } catch {
    // A method that is no string, or a url that is neither a string nor a URL: nothing matches.
  }
  return undefined
}
