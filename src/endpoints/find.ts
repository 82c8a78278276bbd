/**
 * `findEndpoint`: the catalog's operation for a request, by method and path.
 *
 * @module
 */
import type { Global } from '../error/types.js'
import type { Endpoint } from './define.js'
import { ALIASES, ROUTES } from './routes.js'

/** Each route as a pattern over `METHOD path`; built on the first lookup, so that importing one call keeps none of this. */
let patterns: readonly (readonly [RegExp, Endpoint])[] | undefined

/**
 * The path of a URL as a request sends it: scheme and host, query and fragment, dot segments and a
 * trailing slash dropped, percent-encoded unreserved characters decoded. Not the URL parser: it
 * refuses the host as the docs write it
 * (`https://[active_brand_subdomain].eagleeyenetworks.com/…`). A host may come without a scheme, as
 * a first segment with a dot before any slash (`login.eagleeyenetworks.com/g/aaa/authorize`), and
 * after a host the docs once slip a `/` for the `.`
 * (`https://[active_brand_subdomain]/eagleeyenetworks.com/g/layout`).
 */
function pathOf(given: string): string {
  // As the URL parser reads it: controls and spaces around it dropped (not other blanks, which it
  // encodes; the lookbehind starts a trailing run only at its start, linear), tabs and line breaks
  // in it too, `\` for `/`. A URL that is no string throws here.
  const url = given.replace(/^[\0- ]+|(?<![\0- ])[\0- ]+$|[\t\n\r]/g, '').replace(/\\/g, '/')
  const hosted = /^([a-z][\w+.-]*:)?\/\//i.test(url)
  // Scheme and host, then query and fragment; then a host without a scheme (`[^/.]*` stops at its
  // first dot: `[^/]*` tried a long segment without a slash from each of its dots, quadratic), or
  // the docs' slip after a host.
  const path = url
    .replace(/^([a-z][\w+.-]*:)?\/\/[^/?#]*|[?#].*/gis, '')
    .replace(hosted ? /^\/[^/]*eagleeyenetworks\.com(?=\/)/i : /^[^/.]*\.[^/]*\//, '')
  const segments: string[] = []
  for (const encoded of path.replace(/^\/*/, '/').split('/')) {
    // A percent-encoded unreserved character (the pattern takes exactly digits, letters, `-`, `.`,
    // `_`, `~`) is the character itself (RFC 3986 6.2.2.2); a reserved one (`%2F`) stays encoded,
    // so it never splits a segment. Then `.` and `..` are resolved, as the URL parser resolves them
    // (`%2e` too) before a request is sent.
    const segment = encoded.replace(/%(3\d|[46][1-9a-f]|[57][\da]|2[de]|5f|7e)/gi, decodeURIComponent)
    if (segment === '..') {
      if (segments.length > 1) segments.pop()
    } else if (segment !== '.') segments.push(segment)
  }
  return segments.join('/').replace(/(.)\/$/, '$1')
}

/**
 * The catalog's operation for a request: matched by method (any case) and path (the host, query,
 * fragment and a trailing slash are ignored, the host also as the docs write it; `.` and `..`
 * segments are resolved, as a request sends the path, and a percent-encoded letter, digit, `-`,
 * `.`, `_` or `~` is read as itself (`forgot%5Fpassword`), as RFC 3986 makes them equal; a
 * `{param}` of the docs' path matches any text within one segment). Where the docs document one
 * method and path twice (the two steps of `POST /g/aaa/authorize`), the operation answers every
 * status of both. A path the docs' own example URLs request for a call besides its request line
 * (`/asset/list/image.jpeg`, Get List of Images) finds that call too. `undefined` when no documented
 * call matches; never throws.
 *
 * @example
 * ```ts
 * const operation = findEndpoint('POST', 'https://login.eagleeyenetworks.com/g/aaa/authorize')
 * throw await ApiError.fromResponse(res, { operation }) // 429 is ACCOUNT_LOCKED, not retryable
 * ```
 */
export function findEndpoint(
  method: string,
  url: string | Global<'URL', { readonly href: string }>,
): Endpoint | undefined {
  try {
    // A method is an ASCII token ('poſt' is upper-cased to 'POST' too); a URL is a string or its `href`.
    const key = `${/^[a-z]+$/i.test(method) && method.toUpperCase()} ${pathOf((url as { href?: string }).href ?? (url as string))}`
    // Each `{param}` matches one or more characters of one segment; every other character but a
    // letter, digit, `_` or `/` is escaped, so the rest is literal.
    patterns ??= ROUTES.map((route) => {
      const path = route.path.replace(/\{[^}]*\}|[^\w/]/g, (text) => (text[1] ? '[^/]+' : `\\${text}`))
      return [new RegExp(`^${route.method} ${path}$`), route] as const
    })
    for (const [pattern, route] of patterns) if (pattern.test(key)) return route
    // A call's second path, as the docs' own example URLs request it (judgements.json aliases).
    return ALIASES[key]
  } catch {
    // A method that is no string, or a url that is neither a string nor a URL: nothing matches.
  }
  return undefined
}
