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

/** Shorter values would hit ordinary text. */
const MIN_LENGTH = 6
/** `name=value` parts of a cookie header, a query or form text, a nested URL. */
const PARTS = /([^\s;,=&?#]+)=([^;,&#\s]*)/g
/** A multipart field: its name, then its value after the blank line. */
const MULTIPART = /name="([^"]*)"[\s\S]*?\r?\n\r?\n([^\r\n]*)/g
const HTML: Record<string, string> = { '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": '#39' }

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
 * first, or `undefined` when there is none. Never throws.
 */
export function echoPattern(request: RequestParts, secret: (name: unknown) => boolean): RegExp | undefined {
  const found = new Set<string>()
  const add = (value: string): void => {
    // The credential after an auth scheme is a secret of its own; each in its decoded form too.
    for (const raw of [value, value.replace(/^[\w-]+ +/, '')])
      for (const s of [raw, decode(raw)])
        if (s.length >= MIN_LENGTH && !REDACTED.includes(s)) {
          // The forms of an echo: as it is, percent- and form-encoded, JSON- and HTML-escaped.
          const uri = guard(() => encodeURIComponent(s), s)
          for (const form of [
            s,
            uri,
            uri.replace(/%20/g, '+'),
            JSON.stringify(s).slice(1, -1),
            s.replace(/[&<>"']/g, (c) => `&${HTML[c]};`),
          ])
            found.add(form)
        }
  }
  /** Scalars under a secret name (`query`: the `A` parameter too) through objects, arrays, Headers, URLSearchParams, FormData, Maps and `name=value` text; a cycle ends in a caught RangeError. */
  const from = (data: unknown, isSecret?: unknown, query?: boolean): void => {
    const named = (key: unknown): unknown => secret(key) || (query && /^a$/i.test(key as string))
    if (typeof data === 'string' || typeof data === 'number') {
      if (isSecret) add(String(data))
      // Parts of a text are secret by their own names: a cookie `lang=en` stays data in a secret Cookie header.
      for (const re of [PARTS, MULTIPART])
        for (const [, key, value] of String(data).matchAll(re)) from(decode(value as string), named(key), query)
    } else if (data && typeof data === 'object') {
      const entries = (data as { entries?: () => Iterable<unknown[]> }).entries
      for (const [key, value] of typeof entries === 'function' ? entries.call(data) : Object.entries(data))
        from(value, isSecret || named(key), query)
    }
  }
  guard(() => {
    const url = new URL(String(request.url), 'http://h')
    from(url.searchParams, 0, true)
    from(url.hash.slice(1), 0, true)
    add(url.password || url.username)
  })
  guard(() => {
    const headers = request.headers
    from(Array.isArray(headers) ? new Map(headers) : headers)
  })
  guard(() => {
    const body = request.body
    from(guard(() => JSON.parse(body as string), body))
  })
  guard(() => from(request.query, 0, true))
  guard(() => from((request.auth as { password?: unknown }).password, 1))
  return found.size
    ? new RegExp(
        [...found]
          .sort((a, b) => b.length - a.length)
          .map((s) => s.replace(/\W/g, '\\$&'))
          .join('|'),
        'g',
      )
    : undefined
}
