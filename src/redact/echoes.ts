/**
 * Secrets the server may echo: every secret value of the request, found by the same names, and
 * the forms an echo takes (percent-encoded in either case, form-encoded, JSON- and `\u`-escaped,
 * HTML-escaped, in any mix).
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
  /** Client auth options: `{ username?, password? }` (axios `auth`, got `username`/`password`), or a list of them. */
  readonly auth?: unknown
}

/**
 * Parts of a text: a multipart field's name and value (its header lines bounded, so text full of
 * `name="` is read in linear time); a JSON `"name": value` (a string or a number), so that JSON
 * that does not parse (a trailing comma, as in the API's doc examples) or repeats a name is read
 * too; `name=value` of a cookie header, a form text or a nested URL. A name is looked for only
 * where one can start (after a separator), and a JSON name only 200 characters far, so that a
 * long run of text is read once, not from each of its characters (linear, not quadratic).
 */
const PARTS =
  /name="([^"]*)"[^\n]{0,200}\n(?:[^\n]{1,200}\n){0,4}?\r?\n(.*)|("(?:[^"\\]|\\.){0,200}")\s*:\s*("(?:[^"\\]|\\.)*"|-?\d[\d.eE+-]*)|(?<![^\s;,=&?#"])([^\s;,=&?#"]+)=([^;,&\s]*)/g

/**
 * A cookie of a Cookie header (or a part of any text read so): its name, and its value to the `;`
 * (blanks around the `=` and the value are not its own: servers trim them; it is trimmed where it is read).
 */
const COOKIE = /(?:^|;)[ \t]*([^\s;=]+)[ \t]*=([^;]*)/g

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

const decode = (s: string, form = true): string => guard(() => decodeURIComponent(form ? s.replace(/\+/g, ' ') : s), s)
const unquote = (json: string): unknown => guard(() => JSON.parse(json), json)
/** A cookie's or a field's value without the double quotes around it (`auth_key="…"`). */
const bare = (value: string): string => value.replace(/^"(.*)"$/, '$1')
/** Every secret value (6 characters or more) of `requests` (the request, the URL answered from), longest first; never throws. */
export function requestSecrets(
  requests: RequestParts | readonly RequestParts[],
  secret: (name: unknown) => boolean,
): string[] {
  const found = new Set<string>()
  const add = (raw: string): void => {
    // As sent: fetch trims a header value, and a server what Node's http sends (a key read from a file, its line break on).
    // (trim: linear, where a pattern for white space at the end is quadratic on a long run of it.)
    const value = raw.trim()
    const token = value.replace(/^[\w-]+[\t ]+/, '')
    // The credential after an auth scheme is a secret of its own, and so is the one inside a Basic
    // credential (base64 of `user:password`), which a server may echo decoded: the password, or the
    // user when there is no password (an API key sent as `key:`, as the API's Authentication header is).
    const credential = (s: string) => s.replace(/^([^:]*):$/, '$1').replace(/^[^:]*:/, '')
    // Base64 of UTF-8 as clients write it, Latin-1 read as is (escape gives each byte as %XX, read as UTF-8).
    const basic = /^basic[\t ]/i.test(value) ? guard(() => atob(token), '') : ''
    const utf8 = guard(() => decodeURIComponent(escape(basic)), '')
    // At least 6 characters (a sixth, `s[5]`): shorter values would hit ordinary text.
    for (const s of [raw, value, token, credential(token), credential(basic), credential(utf8)])
      if (s[5] && !REDACTED.includes(s)) found.add(s)
    // Digest's hash of the password, which a server may echo alone.
    for (const [, hash] of value.matchAll(/\bresponse="([^"]+)"/gi)) add(hash as string)
  }
  // `A` is the API key as a query parameter; a body field named so is taken as secret too.
  const named = (key: unknown): unknown => secret(key) || /^a$/i.test(key as string)
  // Each object is read once (shared objects and cycles too), and at most 10,000 entries in all (an
  // iterator without end, a graph of millions): the request of one call, not the whole heap.
  const seen = new Set<object>()
  let budget = 10_000
  // Scalars under a secret name (or `A`) through objects, arrays, Headers, URLSearchParams, FormData, Maps and
  // `name=value` text. Text within text is read three levels deep: `a=a=a=…` would otherwise give a secret for each
  // level, a pattern of quadratic size.
  const from = (data: unknown, isSecret?: unknown, depth = 0): void => {
    if (data && typeof data === 'object') {
      if (seen.has(data)) return
      seen.add(data)
      // Bytes (a body as sent: a typed array, a DataView, an ArrayBuffer) are the UTF-8 text they hold, its first MiB.
      if (ArrayBuffer.isView(data) || data instanceof ArrayBuffer) {
        const { buffer = data as ArrayBuffer, byteOffset = 0, byteLength } = data as ArrayBufferView
        from(
          new TextDecoder().decode(new Uint8Array(buffer, byteOffset, Math.min(byteLength, 2 ** 20))),
          isSecret,
          depth,
        )
        return
      }
      const entries = (data as { entries?: () => Iterable<unknown[]> }).entries
      for (const [key, value] of typeof entries === 'function' ? entries.call(data) : Object.entries(data)) {
        if (--budget < 0) throw RangeError()
        from(value, isSecret || named(key), depth)
      }
    } else if (data != null) {
      const s = String(data)
      if (isSecret) add(s)
      // In a secret header (Cookie), a cookie's value as the server reads it: as written, to its `;`
      // (`auth_key=a&b#c%41`), trimmed (linearly), and its first word, for a server that ends it at a
      // blank. Not in other text: a form's `password=x&token_type=…` is no cookie.
      if (isSecret)
        for (const [, name, value] of s.matchAll(COOKIE))
          if (named(decode(name as string))) {
            const trimmed = (value as string).trim()
            for (const v of new Set([trimmed, trimmed.split(/\s/)[0] as string])) add(bare(v))
          }
      if (depth > 2) return
      // JSON text (a body, or a field holding JSON) is read as the data it holds; only what opens
      // like an object, an array or a string is tried (a failed parse throws, and an exception costs
      // microseconds; other JSON, a number or a literal, holds nothing the text itself does not).
      if (/^\s*["[{]/.test(s)) guard(() => from(JSON.parse(s), 0, depth + 1))
      // Parts of a text are secret by their own names: a cookie `lang=en` stays data in a secret Cookie header.
      // Names are read decoded (`user%5Bpassword%5D`), and a value without its quotes (`auth_key="…"`).
      // A value is read decoded, to a `#` (a URL's fragment, whose parameters it then holds) and past
      // it (a form's character); a multipart field's as written (a `+` in it is no space).
      for (const [, field, content, jsonName, jsonValue, key, value] of s.matchAll(PARTS)) {
        if (jsonName) from(unquote(jsonValue as string), named(unquote(jsonName)), depth + 1)
        else {
          const raw = (content ?? value) as string
          for (const part of content !== undefined ? [raw] : new Set([decode(raw.replace(/#.*/s, '')), decode(raw)]))
            from(bare(part), named(decode((field ?? key) as string)), depth + 1)
        }
      }
    }
  }
  // Lists nest (the request given and a client's, beside the URL answered from). A revoked Proxy throws here.
  const all = guard(() => [requests].flat(3), [])
  for (const request of all) {
    // Auth options, and the URL's userinfo (decoded, a `+` as it is): axios in Node and got send it as a Basic credential.
    const auths = guard(() => [request.auth].flat(), [])
    guard(() => {
      const url = new URL(request.url as string, 'http://h')
      // Query and fragment read as the server reads them: split at `&` only (a `,` or `;` is part of a value).
      // The path too, segment by segment: a session in it (`/app;jsessionid=…/page`) ends with its segment.
      from(url.pathname.split('/'))
      from(url.searchParams)
      from(new URLSearchParams(url.hash.slice(1)))
      auths.push({ username: decode(url.username, false), password: decode(url.password, false) })
    })
    guard(() => from(Array.isArray(request.headers) ? new Map(request.headers) : request.headers))
    guard(() => from(request.query))
    for (const auth of auths)
      guard(() => {
        const { username = '', password } = (auth ?? {}) as { username?: unknown; password?: unknown }
        // No password: the user is the credential (an API key as the user name).
        from(password || username, 1)
        // The Basic credential a client builds from them (in no header it keeps), of the UTF-8 bytes (unescape
        // of encodeURIComponent gives them, one character each, as btoa takes them) or, from older clients, of Latin-1.
        const pair = `${username}:${password}`
        if (password != null)
          for (const bytes of [() => unescape(encodeURIComponent(pair)), () => pair]) guard(() => add(btoa(bytes())))
      })
  }
  // Bodies last: a large one may spend the budget of entries, which the small parts above then keep.
  for (const request of all) guard(() => from(request.body))
  return [...found].sort((a, b) => b.length - a.length)
}

/**
 * One pattern for every echo of `secrets`, or 0 when there is none. A pattern that cannot be made
 * (its SyntaxError would carry the secrets), or of more than 256 secrets (a scan then costs about
 * a millisecond a kilobyte for each hundred), scrubs everything; one too large for V8 to compile,
 * which it finds on first use, is caught where it is used (a redactor's `text`).
 */
export function echoPattern(secrets: readonly string[]): RegExp | 0 {
  const all = /[\s\S]+/g
  // Any case: percent-escapes come in both (`%2F`, `%2f`); a secret in another case is scrubbed too.
  return secrets.length && (secrets[256] ? all : guard(() => new RegExp(secrets.map(anyForm).join('|'), 'gi'), all))
}

/**
 * A pattern for the start of any of `secrets` (in any form an echo takes) at the end of `tail`:
 * what a read cut short may have kept of an echoed secret whose rest never came. A secret
 * longer than 256 characters (a whole Cookie header) counts by its named parts. Never throws.
 * Only the secrets `tail` may end with are looked for (the pattern of all took seconds to compile
 * for a hundred long ones): every form keeps letters and digits as they are, so a start past a
 * secret's first run of them holds that run, and one within it is the end of the text's last run.
 * More than 2,048 characters of such secrets (a tail full of echoes) would compile slowly: the whole
 * tail goes then, as text holding too many secrets does.
 */
export function echoStart(secrets: readonly string[], tail: string): RegExp | undefined {
  const lower = tail.toLowerCase()
  // Runs that may be empty: each pattern always matches. The last run is looked for from the start of
  // a run only: from each of its characters, a tail of one long run before a blank took 40 ms.
  const last = (/(?<![a-z\d])[a-z\d]*$/.exec(lower) as RegExpExecArray)[0]
  const held: string[] = []
  const starts: string[] = []
  for (const s of secrets) {
    if (s[256]) continue
    const first = (/^[a-z\d]*/i.exec(s) as RegExpExecArray)[0].toLowerCase()
    if (!first || lower.includes(first)) {
      held.push(s)
      continue
    }
    // A start within the first run is the longest end of the text's last run that starts it: as it is.
    const end = last.slice(-first.length)
    const at = [...end].findIndex((c, i) => c === first[0] && first.startsWith(end.slice(i)))
    if (at >= 0) starts.push(end.slice(at))
  }
  if (held.join('')[2048]) return /[\s\S]+$/
  // Each character in its forms, then each of the rest in its forms or the end: `a(?:b|$)(?:c|$)`.
  for (const s of held) starts.push([...s].map((c, i) => (i ? `(?:${anyForm(c)}|$)` : anyForm(c))).join(''))
  return starts.length ? guard(() => new RegExp(`(?:${starts.join('|')})$`, 'i')) : undefined
}

/**
 * A pattern (for a case-insensitive match) for `secret` in every form an echo takes, character by
 * character, so that forms may mix: a letter or digit as it is; any other character in its forms.
 */
const anyForm = (secret: string): string =>
  asWritten(secret) ? secret.replace(/[^a-z\d]/gi, '\\$&') : secret.replace(/[^a-z\d]/giu, charForms)

/**
 * Whether `secret` is looked for only as written: over 256 characters other than letters and digits (a whole Cookie
 * header) make a pattern too large to compile fast (0.2 ms each), or at all (4,000 fail). Its named parts and its
 * pieces (`pieces`, where a redactor is made) count on their own.
 */
export const asWritten = (secret: string): boolean => !!secret.replace(/[a-z\d]/gi, '')[256]

/**
 * A pattern for a character other than a letter or digit in every form an echo gives it: as it is or backslash-escaped
 * (JSON's `\/`, the backslash also percent-encoded), percent-encoded (UTF-8), as `\u` escapes, JSON's short escapes
 * (`\t`, `\n`…) or any HTML entity; a lone surrogate also as U+FFFD, a space also as `+` (for any other, it doubles the
 * ways a near echo is tried: minutes); past ASCII, as its UTF-8 bytes read as Latin-1 as clients read headers (`ä` as `Ã¤`: none special in a pattern).
 */
function charForms(c: string): string {
  const bytes = [...new TextEncoder().encode(c)]
  const percent = bytes.map((b) => `%${(b | 256).toString(16).slice(1)}`).join('')
  const unicode = c.replace(/[\s\S]/g, (u) => `\\\\u${(u.charCodeAt(0) | 65536).toString(16).slice(1)}`)
  const at = SHORT.indexOf(c)
  const short = (at < 0 ? '' : `|\\\\${'btnfr'[at]}`) + (/^[\ud800-\udfff]$/.test(c) ? '|\ufffd' : '')
  const latin1 = bytes[1] ? `|${String.fromCharCode(...bytes)}` : ''
  return `(?:\\\\|%5c)?(?:\\${c}|${percent}|${unicode}${short}${latin1}|&[#\\w]+;${c === ' ' ? '|\\+' : ''})`
}

/** The characters JSON writes as a short escape, in the order of their letters `btnfr`. */
const SHORT = '\b\t\n\f\r'
