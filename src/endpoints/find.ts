/**
 * `findEndpoint`: the catalog's operation for a request, by method and path.
 *
 * @module
 */
import type { Endpoint } from './define.js'
import { ROUTES } from './routes.js'

interface Routes {
  /** Literal paths by `METHOD path`. */
  readonly literal: ReadonlyMap<string, Endpoint>
  /** The templated paths (`{camera_id}`) as patterns over `METHOD path`. */
  readonly templated: readonly (readonly [RegExp, Endpoint])[]
}

let routes: Routes | undefined

/** Built on the first lookup, so that importing the entry for one named call keeps none of this. */
function build(): Routes {
  const literal = new Map<string, Endpoint>()
  const templated: [RegExp, Endpoint][] = []
  for (const route of ROUTES) {
    if (!route.path.includes('{')) literal.set(`${route.method} ${route.path}`, route)
    else {
      // Each `{param}` matches one or more characters of one segment; the rest is literal.
      const pattern = route.path
        .split(/\{[^}]*\}/)
        .map((text) => text.replace(/[.*+?^$()|[\]\\]/g, '\\$&'))
        .join('[^/]+')
      templated.push([new RegExp(`^${route.method} ${pattern}$`), route])
    }
  }
  return { literal, templated }
}

/** The path of a URL or path string: no scheme and host, query, fragment or trailing slash. */
function pathOf(url: string): string {
  const path = url.replace(/[?#].*$/s, '').replace(/^[a-z][a-z\d+.-]*:\/\/[^/]*|^\/\/[^/]*/i, '')
  return path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path
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
  if (typeof method !== 'string') return undefined
  let path: string
  try {
    path = pathOf(typeof url === 'string' ? url : url.pathname)
  } catch {
    return undefined // not a string and not a URL
  }
  const key = `${method.toUpperCase()} ${path}`
  routes ??= build()
  const literal = routes.literal.get(key)
  if (literal !== undefined) return literal
  for (const [pattern, route] of routes.templated) if (pattern.test(key)) return route
  return undefined
}
