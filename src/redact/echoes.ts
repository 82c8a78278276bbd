/**
 * Secrets the server may echo: every secret value of the request, found by the same names, and
 * the forms an echo takes (percent-, form-, JSON- and HTML-escaped).
 *
 * @module
 */
import { REDACTED } from './text.js'

/** What the library knows of the request, so secrets the server echoes can be found. */
export interface RequestParts {
  /** A string or `URL`, absolute or relative: its secret-named and `A` query and fragment parameters, its userinfo. */
  readonly url?: unknown
  /** A fetch `Headers`, a plain object (values string, string[] or number), or `[name, value]` pairs. */
  readonly headers?: unknown
  /** A string (JSON, form-urlencoded, multipart or plain text), plain JSON data, `URLSearchParams` or `FormData`. */
  readonly body?: unknown
  /** Client query parameters: a plain object, `URLSearchParams` or a string. */
  readonly query?: unknown
  /** Client auth options: `{ username?, password? }` (axios `auth`, got `username`/`password`). */
  readonly auth?: unknown
}

/** `name=value` parts of a cookie header, a query or form text, a nested URL; a multipart field's name and value. */
const PARTS = /name="([^"]*)"[\s\S]*?\n\r?\n(.*)|([^\s;,=&?#"]+)=([^;,&#\s]*)/g

/** Runs `part`; what cannot be read (a hostile or odd value) holds nothing, and gives `fallback`. */
export function guard<T>(part: () => T, fallback: T): T
export function guard<T>(part: () => T): T | undefined
export function guard<T>(part: () => T, fallback?: T): T | undefined {
  try {
    return part()
  } catch {
    return fallback
  }
}

const decode = (s: string): string => guard(() => decodeURIComponent(s.replace(/\+/g, ' ')), s)
/**
 * One pattern for every echo of every secret value (at least 6 characters) of `request`, longest
 * first, or 0 when there is none. Never throws.
 */
export function echoPattern(request: RequestParts, secret: (name: unknown) => boolean): RegExp | 0 {
  const found = new Set<string>()
  const add = (value: string): void => {
    const token = value.replace(/^[\w-]+ +/, '')
    // The credential after an auth scheme is a secret of its own, and so is the password inside a
    // Basic one (base64 of `user:password`), which a server may echo decoded.
    // At least 6 characters (a sixth, `s[5]`): shorter values would hit ordinary text.
    for (const s of [value, token, /^basic /i.test(value) ? guard(() => atob(token).replace(/^[^:]*:/, ''), '') : ''])
      if (s[5] && !REDACTED.includes(s)) {
        // The forms of an echo: as it is, percent- and form-encoded, JSON-escaped (HTML-escaped: below).
        const uri = guard(() => encodeURIComponent(s), s)
        // Form encoding (URLSearchParams: + for a space, and ! ' ( ) ~ escaped too).
        found
          .add(s)
          .add(uri)
          .add(`${new URLSearchParams({ a: s })}`.slice(2))
          .add(JSON.stringify(s).slice(1, -1))
      }
  }
  // `A` is the API key as a query parameter; a body field named so is taken as secret too.
  const named = (key: unknown): unknown => secret(key) || /^a$/i.test(key as string)
  /**
   * Scalars under a secret name (or `A`) through objects, arrays, Headers,
   * URLSearchParams, FormData, Maps and `name=value` text; a cycle ends in a RangeError, caught.
   */
  const from = (data: unknown, isSecret?: unknown): void => {
    if (data && typeof data === 'object') {
      const entries = (data as { entries?: () => Iterable<unknown[]> }).entries
      for (const [key, value] of typeof entries === 'function' ? entries.call(data) : Object.entries(data))
        from(value, isSecret || named(key))
    } else if (data != null) {
      const s = String(data)
      if (isSecret) add(s)
      // JSON text (a body, or a field holding JSON) is read as the data it holds; only what opens
      // like an object, an array or a string is tried (a failed parse throws, and an exception costs
      // microseconds; other JSON, a number or a literal, holds nothing the text itself does not).
      if (/^\s*["[{]/.test(s)) guard(() => from(JSON.parse(s)))
      // Parts of a text are secret by their own names: a cookie `lang=en` stays data in a secret Cookie header.
      for (const [, field, content, key, value] of s.matchAll(PARTS))
        from(decode((content ?? value) as string), named(field ?? key))
    }
  }
  guard(() => {
    const url = new URL(request.url as string, 'http://h')
    from(url.search + url.hash)
    add(decode(url.password || url.username))
  })
  guard(() => from(Array.isArray(request.headers) ? new Map(request.headers) : request.headers))
  guard(() => from(request.body))
  guard(() => from(request.query))
  guard(() => {
    const { username = '', password } = (request.auth ?? {}) as { username?: unknown; password?: unknown }
    from(password, 1)
    // The Basic credential a client builds from them (axios sends it in no header of the request).
    if (password != null) add(btoa(`${username}:${password}`))
  })
  return (
    found.size &&
    new RegExp(
      [...found]
        .sort((a, b) => b.length - a.length)
        // Any other character may also be echoed as an HTML entity (`&amp;`, `&#39;`, `&quot;`).
        .map((s) => s.replace(/\W/g, '(?:\\$&|&[#\\w]+;)'))
        .join('|'),
      'g',
    )
  )
}
