/**
 * Redaction: nothing secret leaves an `ApiError` (DESIGN §3, "Nothing secret leaves").
 *
 * A {@link Redactor} scrubs free text, parsed bodies, thrown errors and headers of:
 * - the `Authorization`, `Authentication` (the API's key header), `Cookie`, `Set-Cookie` and
 *   `X-Api-Key` headers (and `Proxy-Authorization`), in any case;
 * - the session cookie `auth_key` and the `A` query parameter (the API accepts the key there on
 *   media URLs), in either case;
 * - string values of fields and parameters with a secret name (see {@link isSecretName});
 * - the credential of `Bearer …` / `Basic …`, and the password of a `scheme://user:password@` URL;
 * - every secret value of at least 6 characters taken from the request, wherever the server
 *   echoes it (also URL-, form- and JSON-encoded).
 *
 * Cheap when there is nothing to do: every regular expression is compiled at load (or once per
 * redactor for its extra names and request), a clean string or plain JSON value comes back as
 * the very same value without copying, and nothing here ever throws.
 *
 * @module
 */
import { headerEntries } from './headers.js'

/** What every secret is replaced with. */
export const REDACTED = '[REDACTED]'

/** What a request looked like, for finding secrets that the server may echo back. */
export interface RequestLike {
  /** The URL: its `A` parameter, secret-named parameters (also after `#`) and password are secrets. */
  readonly url?: string | URL | undefined
  /** Any shape `headerEntries` reads: a fetch `Headers`, `AxiosHeaders`, a plain object, pairs. */
  readonly headers?: unknown
  /**
   * JSON text, form-urlencoded text, `URLSearchParams`, `FormData` (string entries), a plain
   * object or array (JSON-able), `Uint8Array`/`ArrayBuffer` (decoded as UTF-8), or other text.
   */
  readonly body?: unknown
}

/** Options of {@link createRedactor}. */
export interface RedactOptions {
  /**
   * The request whose secrets the server may echo. A fetch `Request` is accepted too: its `url`
   * and `headers` are used (its body cannot be read synchronously; pass the text as `body` in a
   * plain object when you have it).
   */
  readonly request?: RequestLike | undefined
  /**
   * Extra secret names. They match like the built-in ones: any case, `-` or `_`, camelCase split,
   * and a name matches when its words end with the extra name's words (`session_id` also covers
   * `sessionId`, `SESSION-ID` and `user_session_id`). They also count as header names.
   */
  readonly redact?: readonly string[] | undefined
}

/** Scrubs secrets out of text, values, errors and headers. Every method is safe to detach and never throws. */
export interface Redactor {
  /**
   * Free text with every secret replaced by {@link REDACTED}; the same string when there is none.
   *
   * @example
   * ```ts
   * createRedactor().text('GET /media?A=c0ffee42&id=7') // 'GET /media?A=[REDACTED]&id=7'
   * ```
   */
  text(value: string): string
  /**
   * A deep copy of a value (a parsed JSON body, usually) with secrets replaced; the SAME reference
   * when nothing had to change, so the common case allocates nothing.
   *
   * Strings are scrubbed by {@link Redactor.text}; a non-empty string under a secret name (or in
   * an array under one) becomes {@link REDACTED}; objects keep their prototype, `URL`,
   * `URLSearchParams`, `FormData`, `Headers`, `Request`, `Response`, `Map` and `Set` are rebuilt,
   * and other built-ins (dates, typed arrays, functions, streams…) are kept as they are. Cycles and
   * shared references are kept. What cannot be vouched for becomes {@link REDACTED}: a container
   * nested more than 64 levels below the value, anything beyond the first 100,000 objects, and an
   * object whose traps throw; a getter that throws reads as {@link REDACTED} in a copy. Only
   * enumerable own properties (plus an error's `message`, `stack`, `name`, `cause` and `errors`)
   * are walked; others are copied as they are.
   */
  value<T>(value: T): T
  /**
   * A thrown error made safe to log: the original itself when nothing in it (message, stack, name,
   * enumerable own properties walked deeply, nested `cause`) holds a secret; else a redacted copy
   * with the same prototype (same class, `name` and `instanceof`) whose message, stack, properties
   * and `cause` are scrubbed by the rules of {@link Redactor.value}. A thrown string is scrubbed as
   * text. The original is never modified.
   */
  error<T>(error: T): T
  /**
   * The headers as a plain lower-case record, secret headers' values replaced by {@link REDACTED}
   * and the others scrubbed as text (a `Location` may carry `?A=`). Repeated headers are joined
   * with `, `.
   */
  headers(headers: unknown): Record<string, string>
}

/** @internal Containers nested deeper than this below the value given are replaced by REDACTED. */
const MAX_DEPTH = 64
/** @internal Objects walked per value at most; further ones are replaced by REDACTED. */
const MAX_NODES = 100_000
/** @internal Objects the allocation-free check looks at before handing over to the full walk. */
const FAST_BUDGET = 1_000
/** @internal Request values shorter than this are not scrubbed as echoes (they would hit ordinary text). */
const MIN_ECHO = 6

// ---------------------------------------------------------------------------------------------
// Names

/** @internal A name's secret-ness, and its extra names. */
interface Names {
  /** The extra names' {@link words}. */
  readonly extras: readonly string[]
  /** A name ends with the last word of an extra name. */
  readonly tail: RegExp | undefined
  /** A text mentions the last word of an extra name. */
  readonly inText: RegExp | undefined
}

// Stryker disable next-line ArrayDeclaration: extras are matched against words(), which are lower-case, so no entry with a capital letter can ever match.
const NO_NAMES: Names = { extras: [], tail: undefined, inText: undefined }

const CAMEL_LOWER_UPPER = /([a-z0-9])([A-Z])/g
const CAMEL_UPPER_WORD = /([A-Z])([A-Z][a-z])/g
const NON_ALNUM = /[^a-z0-9]+/g
/**
 * Every built-in secret name ends like this; the full split runs only on names that do (3x faster
 * on the API's bodies than splitting every name that merely holds such a word). Unicode case folding
 * (`u`) lets through what `toLowerCase` turns into these letters (a Kelvin sign is a k).
 */
// Stryker disable next-line Regex: a looser pre-filter (without its $ anchor) only sends more names to the exact test below, which decides alike; the stricter mutants of this line are killed.
const BUILTIN_TAIL = /(?:passwords?|secret|token|key|authorization|authentication|cookie)[^a-z0-9]*$/iu
/** Case-insensitive as `toLowerCase` is: Unicode case folding lets a Kelvin sign through as a k. */
const FOLD_CASE = 'iu'
/** The built-in secret names, as {@link words}: by their last word, or their last two for keys. */
const SECRET_WORDS =
  / (?:passwords?|secret|token|authorization|authentication|cookie|(?:api|auth|tfa|access|private) key)$/
/** The secret headers, as {@link words}. */
const HEADER_WORDS = /^ (?:(?:proxy )?authorization|authentication|(?:set )?cookie|x api key)$/

/**
 * @internal A name's words, lower-case, each after one space (`' x api key'`), so that a regular
 * expression or `endsWith` can match whole words: split at every non-alphanumeric character and at camelCase.
 */
function words(name: string): string {
  const lower = name.replace(CAMEL_LOWER_UPPER, '$1 $2').replace(CAMEL_UPPER_WORD, '$1 $2').toLowerCase()
  return ` ${lower.replace(NON_ALNUM, ' ').trim()}`
}

/** @internal Reads `redact` (any input; never throws). */
function parseNames(extra: unknown): Names {
  // The common case allocates nothing: createRedactor() without names is on every error's path.
  // Stryker disable next-line ConditionalExpression: made false, undefined fails the array test below and gives NO_NAMES all the same (after two allocations); the true twin is killed.
  if (extra === undefined) return NO_NAMES
  const extras: string[] = []
  const tails = new Set<string>()
  try {
    if (!Array.isArray(extra)) return NO_NAMES
    for (const name of extra) {
      const spaced = typeof name === 'string' ? words(name) : ' '
      if (spaced === ' ') continue
      extras.push(spaced)
      // Stryker disable next-line StringLiteral: lastIndexOf('') gives an empty tail, and an empty alternative matches everything: it only sends more names (or texts) past this pre-filter to the exact test, which decides alike.
      tails.add(spaced.slice(spaced.lastIndexOf(' ') + 1))
    }
  } catch {
    // A revoked Proxy or a throwing iterator: the names read so far are kept.
  }
  if (extras.length === 0) return NO_NAMES
  // Stryker disable next-line ArrayDeclaration: no alternatives make a pattern that matches everything, which only sends more names (or texts) past this pre-filter to the exact test, which decides alike.
  const alternatives = [...tails].join('|')
  // Stryker disable next-line StringLiteral: an empty pattern matches every name, which only sends more names (or texts) past this pre-filter to the exact test, which decides alike.
  const tail = new RegExp(`(?:${alternatives})[^a-z0-9]*$`, FOLD_CASE)
  return { extras, tail, inText: new RegExp(alternatives, 'i') }
}

/** @internal Whether the words of a name end with the words of an extra name. */
function extraName(spaced: string, names: Names): boolean {
  return names.extras.some((end) => spaced.endsWith(end))
}

/** @internal The design's rule: the last word is a secret word, or the last two are a key pair, or an extra name ends it. */
function secretName(name: string, names: Names): boolean {
  const builtin = BUILTIN_TAIL.test(name)
  // Stryker disable next-line ConditionalExpression: made true, it only sends more names (or texts) to the exact test, which decides alike; its false twin is killed.
  const extra = names.tail?.test(name) === true
  // Stryker disable next-line ConditionalExpression: a fast exit; without it both alternatives below are false and some() answers false all the same.
  if (!builtin && !extra) return false
  // "Any case": AuthoriZation or PASSword must not hide behind the camelCase split.
  return [words(name), words(name.toLowerCase())].some(
    (spaced) => (builtin && SECRET_WORDS.test(spaced)) || (extra && extraName(spaced, names)),
  )
}

/** @internal Whether a secret name is a header's, whose unquoted value runs to the end of the line. */
function headerName(name: string, names: Names): boolean {
  return [words(name), words(name.toLowerCase())].some(
    (spaced) => HEADER_WORDS.test(spaced) || extraName(spaced, names),
  )
}

/**
 * Whether a field, parameter or header name is secret: split into words at `-`, `_`, any other
 * punctuation and camelCase, its last word is `password`, `passwords`, `secret`, `token`,
 * `authorization`, `authentication` or `cookie`, or its last two are `api key`, `auth key`,
 * `tfa key`, `access key` or `private key` (any case). Names in `extra` match the same way: a
 * name is secret when its words end with theirs.
 *
 * Only string values under such a name are secret: the API's password rule object
 * `same_password: { description }` is walked like any other object.
 *
 * @example
 * ```ts
 * isSecretName('current_password') // true
 * isSecretName('refreshToken')     // true
 * isSecretName('X-API-KEY')        // true
 * isSecretName('token_type')       // false
 * isSecretName('secretary')        // false
 * isSecretName('sessionId', ['session_id']) // true
 * ```
 */
export function isSecretName(name: string, extra?: readonly string[]): boolean {
  return typeof name === 'string' && secretName(name, parseNames(extra))
}

// ---------------------------------------------------------------------------------------------
// Free text

/**
 * A superset of what the scanner reacts to; text without any of it is returned at once. A `%` may
 * begin a percent-encoded secret name (`%70assword=`, `?%41=`), which the scanner decodes, so it
 * sends the text to the scanner too. The user part excludes `:` so that the two runs
 * cannot trade characters (that would be quadratic).
 */
const QUICK =
  /passw|secret|token|key|authori|authenti|cookie|bearer|basic|%|[?&#]a[ \t]*=|:\/\/[^\s/?#@:]*:[^\s/?#@]*@/i

/**
 * Where a secret may start. Groups: 1 `scheme://user:` and 2 its password; 3 `Bearer`/`Basic`
 * and 4 the credential; 5 an opening quote (escaped up to 7 times, for JSON inside JSON),
 * 6 a name, 7 a closing quote, 8 the separator `:` or `=`. Every repetition is anchored by a
 * look-behind so that a scan stays linear.
 */
const SCAN = /* @__PURE__ */ (() =>
  new RegExp(
    [
      String.raw`(?<![A-Za-z0-9+.-])([A-Za-z][A-Za-z0-9+.-]*:\/\/[^\s/?#@:]*:)([^\s/?#@]+)@`,
      String.raw`(?<![A-Za-z0-9_-])(Bearer|Basic)[ \t]+([A-Za-z0-9._~+/-]{6,}=*)`,
      String.raw`(?<![A-Za-z0-9_.%\[\]\\-])(\\{0,7}["']?)([A-Za-z0-9_.%\[\]-]+)(\\{0,7}["']?)[ \t]*([:=])[ \t]*`,
    ].join('|'),
    'g',
  ))()
const QUOTE_AT = /(\\{0,7})(["'])/y
const UNQUOTED = /[^\s&;"'<>\\]*/y
const TO_EOL = /[^\r\n]*/y

type Hit = (start: number, end: number) => void

function decode(text: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}

/** The end of the run that `re` (sticky) matches at `from`. */
function runEnd(re: RegExp, s: string, from: number): number {
  re.lastIndex = from
  re.exec(s)
  return re.lastIndex
}

/**
 * Where a quoted string whose content starts at `from` ends (the index of its closing quote's
 * escapes), or -1. A string opened by a quote with `k` backslashes (0 in JSON, 1 in JSON inside
 * JSON, 3 one level deeper…) closes at a quote whose run of backslashes leaves `k` modulo
 * `2(k + 1)`: its content's backslashes come in groups of `2(k + 1)`, its quotes after `2k + 1`.
 */
function closing(s: string, from: number, quote: string, k: number): number {
  for (let j = s.indexOf(quote, from); j !== -1; j = s.indexOf(quote, j + 1)) {
    let run = 0
    // Stryker disable next-line EqualityOperator,ConditionalExpression,ArithmeticOperator: the character before `from` is always the opening quote or the separator, never a backslash, so counting may run past `from` without changing `run`.
    while (j - run > from && s.charCodeAt(j - run - 1) === 92) run++
    if (run % (2 * (k + 1)) === k) return j - k
  }
  return -1
}

/** Hits the content of the quoted string at `at` (escapes `k`, quote `quote`); returns where to go on. */
function quoted(s: string, at: number, k: number, quote: string, hit: Hit): number {
  const start = at + k + 1
  const end = closing(s, start, quote, k)
  if (end === -1) {
    const eol = runEnd(TO_EOL, s, start)
    hit(start, eol)
    return eol
  }
  hit(start, end)
  return end + k + 1
}

function quoteAt(s: string, at: number): RegExpExecArray | null {
  QUOTE_AT.lastIndex = at
  return QUOTE_AT.exec(s)
}

/** Hits every string of the JSON-ish array whose content starts at `at`; stops at an object. */
function list(s: string, at: number, hit: Hit): number {
  let depth = 1
  let i = at
  // Stryker disable next-line EqualityOperator: one more step reads no character and returns s.length + 1, where the global SCAN finds nothing just as at s.length.
  while (i < s.length) {
    const c = s.charCodeAt(i)
    if (c === 91) depth++
    else if (c === 93) {
      if (--depth === 0) return i + 1
    } else if (c === 123) return i
    else {
      const q = quoteAt(s, i)
      if (q !== null) {
        i = quoted(s, i, (q[1] as string).length, q[2] as string, hit)
        continue
      }
    }
    i++
  }
  return i
}

function atLineStart(s: string, at: number): boolean {
  for (let j = at - 1; j >= 0; j--) {
    const c = s.charCodeAt(j)
    if (c === 10 || c === 13) return true
    if (c !== 32 && c !== 9) return false
  }
  return true
}

/** A `name: value` / `name=value` pair found by SCAN at `m`; hits its value when the name is secret. */
function pair(s: string, m: RegExpExecArray, from: number, names: Names, hit: Hit): number {
  const open = m[5] as string
  const raw = m[6] as string
  const keyLike = m[7] !== ''
  const sep = m[8]
  // Stryker disable next-line StringLiteral: a fast path; decodeURIComponent gives a name without % back unchanged.
  const name = raw.includes('%') ? decode(raw) : raw
  const before = s.charCodeAt(m.index - 1)
  const isA =
    sep === '=' &&
    open === '' &&
    !keyLike &&
    (name === 'a' || name === 'A') &&
    (before === 63 || before === 38 || before === 35)
  if (!isA && !secretName(name, names)) return from
  const q = quoteAt(s, from)
  if (q !== null) return quoted(s, from, (q[1] as string).length, q[2] as string, hit)
  if (sep === '=') {
    const end = runEnd(UNQUOTED, s, from)
    hit(from, end)
    return end
  }
  if (s.charCodeAt(from) === 91) return list(s, from + 1, hit)
  // An unquoted value after `:` is a header's (or a line's, `password: …`); after a JSON key it is a number or null.
  if (keyLike || !(headerName(name, names) || atLineStart(s, m.index))) return from
  const quote = open.charAt(open.length - 1)
  if (quote === '"' || quote === "'") {
    // `"Authorization: …"` inside a string ends with that string.
    const end = closing(s, from, quote, open.length - 1)
    if (end !== -1) {
      hit(from, end)
      return end
    }
  }
  const eol = runEnd(TO_EOL, s, from)
  hit(from, eol)
  return eol
}

/**
 * @internal Finds every secret in `s` by its shape. Without `collect` it returns `s` with each
 * replaced (the same string when none is); with it, it hands each secret over and returns `s`.
 */
function scan(s: string, names: Names, collect?: (value: string) => void): string {
  let out = ''
  let last = 0
  const hit: Hit = (start, end) => {
    const found = s.slice(start, end)
    // Stryker disable next-line ConditionalExpression: replacing [REDACTED] by itself gives the same text, and collected it is dropped by echoPattern like every part of REDACTED.
    if (found === '' || found === REDACTED) return
    if (collect !== undefined) collect(found)
    else {
      out += s.slice(last, start) + REDACTED
      last = end
    }
  }
  SCAN.lastIndex = 0
  for (let m = SCAN.exec(s); m !== null; m = SCAN.exec(s)) {
    if (m[2] !== undefined) {
      const start = m.index + (m[1] as string).length
      hit(start, start + m[2].length)
    } else if (m[4] !== undefined) hit(SCAN.lastIndex - m[4].length, SCAN.lastIndex)
    else SCAN.lastIndex = pair(s, m, SCAN.lastIndex, names, hit)
  }
  // Stryker disable next-line ConditionalExpression: when nothing was hit, out is empty and out + s is s.
  return last === 0 ? s : out + s.slice(last)
}

function mentionsSecret(s: string, names: Names): boolean {
  // Stryker disable next-line ConditionalExpression: QUICK and the extra names' pattern let through all the scanner reacts to, so scanning every text only costs time (the false twin on this line is killed).
  return QUICK.test(s) || names.inText?.test(s) === true
}

// ---------------------------------------------------------------------------------------------
// Echoes: secrets of the request

const CREDENTIAL = /^[ \t]*([A-Za-z][A-Za-z0-9!#$%&'*+.^_`|~-]*)[ \t]+(\S+)[ \t]*$/
const COOKIE_SPLIT = /[;,]/
const ENCODED = /[%+]/
const PLUS = /\+/g
const UPPER_HEX = /%[0-9A-F]{2}/g
const REGEXP_SPECIAL = /[.*+?^${}()|[\]\\/-]/g

/** @internal Every secret value of the request, by the rules of the design (any length; short ones are dropped later). */
function requestSecrets(request: RequestLike, names: Names): Set<string> {
  const found = new Set<string>()
  const add = (value: string): void => {
    found.add(value)
    // Stryker disable next-line ConditionalExpression: a fast path; a value without % or + decodes to itself, which the set holds already.
    if (ENCODED.test(value)) found.add(decode(value.replace(PLUS, ' ')))
  }
  const fromText = (text: string): void => {
    const trimmed = text.trim()
    if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
      try {
        fromValue(JSON.parse(trimmed), false, 0, new Set())
        return
      } catch {
        // Not JSON after all (the API's own examples carry trailing commas): read it as text.
      }
    }
    scanText(text)
    fromParams(new URLSearchParams(text), false)
  }
  const fromValue = (value: unknown, secret: boolean, depth: number, seen: Set<object>): void => {
    if (typeof value === 'string') {
      if (secret) add(value)
      else fromText(value)
      return
    }
    if (typeof value !== 'object' || value === null || depth > MAX_DEPTH || seen.has(value)) return
    seen.add(value)
    if (Array.isArray(value)) for (const item of value) fromValue(item, secret, depth + 1, seen)
    else for (const [key, item] of Object.entries(value)) fromValue(item, secretName(key, names), depth + 1, seen)
  }
  const scanText = (text: string): void => {
    // Stryker disable next-line ConditionalExpression: QUICK and the extra names' pattern let through all the scanner reacts to, so scanning every text only costs time (the false twin on this line is killed).
    if (mentionsSecret(text, names)) scan(text, names, add)
  }
  /** Form or query parameters; the values decoded, so that `next=%2Fcb%3Ftoken%3D…` is read too. */
  const fromParams = (params: URLSearchParams | FormData, query: boolean): void => {
    params.forEach((value: unknown, key: string) => {
      if (typeof value !== 'string') return
      if (secretName(key, names) || (query && (key === 'a' || key === 'A'))) add(value)
      else scanText(value)
    })
  }
  try {
    const url = request.url
    // Stryker disable next-line ConditionalExpression,LogicalOperator: an absent URL parses as the path /undefined or /null, which has no parameter, fragment or password.
    if (url !== undefined && url !== null) {
      const parsed = new URL(String(url), 'http://localhost/')
      fromParams(parsed.searchParams, true)
      fromParams(new URLSearchParams(parsed.hash.slice(1)), true)
      // Stryker disable next-line ConditionalExpression,StringLiteral: an empty password, once added, is dropped with every secret shorter than MIN_ECHO.
      if (parsed.password !== '') add(parsed.password)
    }
  } catch {
    // An unreadable or unparsable URL holds nothing we can find.
  }
  try {
    for (const [name, value] of headerEntries(request.headers)) {
      if (!secretName(name, names)) continue
      add(value)
      const credential = CREDENTIAL.exec(value)
      if (credential !== null) {
        const token = credential[2] as string
        add(token)
        if ((credential[1] as string).toLowerCase() === 'basic') basicPassword(token, add)
      }
      if (name === 'cookie') {
        // A part without `=` is a nameless cookie's value (as browsers read it).
        for (const part of value.split(COOKIE_SPLIT)) add(part.slice(part.indexOf('=') + 1).trim())
      }
    }
  } catch {
    // Unreadable headers hold nothing we can find.
  }
  try {
    const body = request.body
    if (typeof body === 'string') fromText(body)
    // null passes too, and tags as [object Null], which no branch below takes.
    else if (typeof body === 'object') {
      const tag = Object.prototype.toString.call(body)
      if (tag === '[object URLSearchParams]' || tag === '[object FormData]') {
        fromParams(body as URLSearchParams, false)
      } else if (ArrayBuffer.isView(body) || tag === '[object ArrayBuffer]') {
        // Without a TextDecoder this throws, and the catch below reads nothing.
        fromText(new TextDecoder().decode(body as ArrayBuffer))
      } else if (Array.isArray(body) || tag === '[object Object]') fromValue(body, false, 0, new Set())
    }
  } catch {
    // An unreadable body holds nothing we can find.
  }
  return found
}

/** The user-id and password of a Basic credential, and the password alone. */
function basicPassword(token: string, add: (value: string) => void): void {
  try {
    // Without atob this throws, and nothing more is found.
    const pair = atob(token)
    add(pair)
    add(pair.slice(pair.indexOf(':') + 1))
  } catch {
    // Not base64 (or no atob): the credential itself is scrubbed already.
  }
}

/** @internal One regular expression for every echo of every secret, longest first. */
function echoPattern(secrets: Set<string>): RegExp | undefined {
  const all = new Set<string>()
  for (const secret of secrets) {
    if (secret.length < MIN_ECHO || REDACTED.includes(secret)) continue
    all.add(secret)
    all.add(JSON.stringify(secret).slice(1, -1))
    all.add(new URLSearchParams([['', secret]]).toString().slice(1))
    try {
      const encoded = encodeURIComponent(secret)
      all.add(encoded)
      all.add(encoded.replace(UPPER_HEX, (hex) => hex.toLowerCase()))
    } catch {
      // A lone surrogate has no URI form; the form encoding above replaced it.
    }
  }
  if (all.size === 0) return undefined
  const sorted = [...all].sort((a, b) => b.length - a.length)
  return new RegExp(sorted.map((s) => s.replace(REGEXP_SPECIAL, '\\$&')).join('|'), 'g')
}

// ---------------------------------------------------------------------------------------------
// Values

interface Ctx {
  readonly names: Names
  readonly echo: RegExp | undefined
}

function redactText(s: string, ctx: Ctx): string {
  const echoed = ctx.echo === undefined ? s : s.replace(ctx.echo, REDACTED)
  // Stryker disable next-line ConditionalExpression: QUICK and the extra names' pattern let through all the scanner reacts to, so scanning every text only costs time (the false twin on this line is killed).
  return mentionsSecret(echoed, ctx.names) ? scan(echoed, ctx.names) : echoed
}

/** A string under a secret name (`secret`) is replaced whole, unless empty; any other is scrubbed as text. */
function redactString(s: string, secret: boolean, ctx: Ctx): string {
  if (!secret) return redactText(s, ctx)
  return s === '' ? s : REDACTED
}

/**
 * @internal Whether a value is plain JSON-like data with nothing to redact, without allocating
 * more than key lists. Returns the budget left, or -1 when it cannot tell (the full walk decides).
 *
 * The mutants disabled in it only make it give up (answer -1) more often, and the full walk then
 * returns the same value: only speed differs (this check runs no accessor, so the walk is the only
 * reader of one).
 */
// Stryker disable next-line BlockStatement: gives up at once (see above).
function fastClean(value: unknown, secret: boolean, depth: number, budget: number, ctx: Ctx): number {
  if (typeof value === 'string') {
    // Stryker disable next-line ConditionalExpression: gives up on every string (see above).
    return redactString(value, secret, ctx) === value ? budget : -1
  }
  // Stryker disable next-line ConditionalExpression,LogicalOperator: another primitive or a function then fails the prototype test, and null makes getPrototypeOf throw, which value() catches: both give up (see above).
  if (typeof value !== 'object' || value === null) return budget
  // Stryker disable next-line ConditionalExpression,EqualityOperator: gives up sooner (see above); with a budget of 0 the rest returns -1 anyway.
  if (depth > MAX_DEPTH || budget === 0) return -1
  let left = budget - 1
  // Stryker disable next-line BlockStatement,ConditionalExpression: an array then fails the prototype test and gives up (see above).
  if (Array.isArray(value)) {
    // Stryker disable next-line EqualityOperator,ConditionalExpression: one past the end reads undefined, which is clean, and a negative budget stays negative.
    for (let i = 0; i < value.length && left >= 0; i++) left = fastClean(value[i], secret, depth + 1, left, ctx)
    return left
  }
  const proto = Object.getPrototypeOf(value)
  // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator: gives up on more objects (see above).
  if ((proto !== Object.prototype && proto !== null) || Object.getOwnPropertySymbols(value).length > 0) return -1
  for (const key of Object.keys(value)) {
    // Stryker disable next-line ConditionalExpression,EqualityOperator: gives up sooner (see above); once negative, the budget stays negative.
    if (left < 0) return -1
    // Stryker disable next-line ConditionalExpression: made true, it gives up at every key (see above); its false twin is killed.
    if (redactText(key, ctx) !== key) return -1
    // An accessor is left to the walk, which runs it once; here it would run a second time.
    const desc = Object.getOwnPropertyDescriptor(value, key) as PropertyDescriptor
    // Stryker disable next-line ConditionalExpression,StringLiteral: made true (or asking for ''), it gives up at every key (see above); its false twin is killed.
    if (!('value' in desc)) return -1
    left = fastClean(desc.value, secretName(key, ctx.names), depth + 1, left, ctx)
  }
  return left
}

/** Built-ins whose state a copy cannot carry and which hold no text a logger prints: kept as they are. */
const LEAF_TAG =
  /^\[object (?:Date|RegExp|(?:Shared)?ArrayBuffer|DataView|Promise|Weak(?:Map|Set|Ref)|FinalizationRegistry|Blob|File|(?:Readable|Writable|Transform)Stream|Boolean|Number|Symbol|BigInt|(?:Async)?Generator)\]$/
/** An error's own properties that loggers print even when they are not enumerable. */
const ERROR_KEYS = /* @__PURE__ */ new Set<PropertyKey>(['message', 'stack', 'name', 'cause', 'errors'])

/** @internal A child's value as it goes into the copy: a string scrubbed (whole when `secret`), an object's copy when it has one. */
type MapValue = (value: unknown, secret: boolean) => unknown
type Edge = (node: Node, value: unknown, secret: boolean) => void

/** @internal One object of the graph under a value. */
interface Node {
  readonly o: object
  readonly depth: number
  /** Reached under a secret name: an array's strings are secret then, and so are nested arrays'. */
  secretList: boolean
  /** An array, read again when it turns out to be under a secret name. */
  array: boolean
  /** It holds a secret, or reaches one: it is copied. */
  dirty: boolean
  copy: unknown
  /** Makes the copy, empty, so that cycles can point at it before it is filled. */
  make: (() => unknown) | undefined
  /** Fills the copy once every copy exists. */
  fill: ((map: MapValue) => void) | undefined
  readonly parents: Node[]
}

type Ctor = new (...args: unknown[]) => unknown

/**
 * @internal The full walk: breadth-first over every object within reach (so depth is the shortest
 * path and no recursion can overflow), then every object that reaches a secret is copied, and
 * only those, so that no path from the copy leads to a secret.
 */
function walk(root: object, ctx: Ctx): unknown {
  const nodes = new Map<object, Node>()
  const queue: Node[] = []

  const visit = (o: object, depth: number, secret: boolean): Node => {
    let node = nodes.get(o)
    if (node === undefined) {
      node = {
        o,
        depth,
        secretList: secret,
        array: false,
        dirty: false,
        copy: undefined,
        make: undefined,
        fill: undefined,
        parents: [],
      }
      nodes.set(o, node)
      if (depth > MAX_DEPTH || nodes.size > MAX_NODES) opaque(node)
      else queue.push(node)
    } else if (secret && !node.secretList) {
      node.secretList = true
      if (node.array) queue.push(node)
    }
    return node
  }
  const edge: Edge = (node, value, secret) => {
    if (typeof value === 'string') {
      if (redactString(value, secret, ctx) !== value) node.dirty = true
    } else if ((typeof value === 'object' && value !== null) || typeof value === 'function') {
      visit(value, node.depth + 1, secret).parents.push(node)
    }
  }

  const rootNode = visit(root, 0, false)
  for (let i = 0; i < queue.length; i++) expand(queue[i] as Node, ctx, edge)

  // Whatever reaches a secret must be copied.
  const dirty = [...nodes.values()].filter((node) => node.dirty)
  for (let i = 0; i < dirty.length; i++) {
    for (const parent of (dirty[i] as Node).parents) {
      if (!parent.dirty) {
        parent.dirty = true
        dirty.push(parent)
      }
    }
  }
  if (!rootNode.dirty) return root

  const map: MapValue = (value, secret) => {
    if (typeof value === 'string') return redactString(value, secret, ctx)
    if ((typeof value === 'object' && value !== null) || typeof value === 'function') {
      const node = nodes.get(value) as Node
      return node.dirty ? node.copy : value
    }
    return value
  }
  // Only what was expanded (or made opaque) is dirty, so every dirty node can make its copy.
  for (const node of dirty) node.copy = (node.make as () => unknown)()
  for (const node of dirty) node.fill?.(map)
  return rootNode.copy
}

/** @internal What cannot be vouched for is replaced by REDACTED. */
function opaque(node: Node): void {
  node.dirty = true
  node.array = false
  node.make = () => REDACTED
  node.fill = undefined
}

/** Reads an object once (getters run once), records its children, and marks it dirty when it holds a secret itself. */
function expand(node: Node, ctx: Ctx, edge: Edge): void {
  const o = node.o as Record<PropertyKey, unknown>
  try {
    if (typeof o === 'function') return
    // Each container keeps what it read, to fill its copy with in the same order.
    if (Array.isArray(o)) {
      node.array = true
      const items: unknown[] = []
      for (let i = 0; i < o.length; i++) {
        const item: unknown = o[i]
        items.push(item)
        edge(node, item, node.secretList)
      }
      node.make = () => []
      node.fill = (map) => {
        for (let i = 0; i < items.length; i++) (node.copy as unknown[])[i] = map(items[i], node.secretList)
      }
      return
    }
    const tag = Object.prototype.toString.call(o)
    if (LEAF_TAG.test(tag) || ArrayBuffer.isView(o)) return
    if (tag === '[object Map]') {
      const entries: Array<[unknown, unknown, boolean]> = []
      Map.prototype.forEach.call(o, (value: unknown, key: unknown) => {
        const secret = typeof key === 'string' && secretName(key, ctx.names)
        entries.push([key, value, secret])
        edge(node, key, false)
        edge(node, value, secret)
      })
      node.make = () => new Map()
      node.fill = (map) => {
        for (const [key, value, secret] of entries)
          (node.copy as Map<unknown, unknown>).set(map(key, false), map(value, secret))
      }
      return
    }
    if (tag === '[object Set]') {
      const items: unknown[] = []
      Set.prototype.forEach.call(o, (value: unknown) => {
        items.push(value)
        edge(node, value, false)
      })
      node.make = () => new Set()
      node.fill = (map) => {
        for (const item of items) (node.copy as Set<unknown>).add(map(item, false))
      }
      return
    }
    const build = builtIn(o, tag, ctx)
    if (build !== undefined) {
      // Complete as made.
      node.dirty = build.dirty
      node.make = () => {
        try {
          return build.make()
        } catch {
          return REDACTED
        }
      }
      return
    }
    const error = tag === '[object Error]' || o instanceof Error
    const proto = Reflect.getPrototypeOf(o)
    const extensible = Reflect.isExtensible(o)
    const keys = Reflect.ownKeys(o)
    const props: Array<(map: MapValue) => void> = []
    for (const key of keys) {
      const desc = Reflect.getOwnPropertyDescriptor(o, key) as PropertyDescriptor
      const walked = desc.enumerable === true || (error && ERROR_KEYS.has(key))
      props.push(readProp(node, key, desc, walked, ctx, edge))
    }
    if (error) {
      // Where the engine keeps `message` or `stack` on the prototype (Firefox, Safari), give the copy its own.
      for (const key of ['message', 'stack']) {
        if (keys.includes(key)) continue
        let value: unknown
        try {
          value = o[key]
        } catch {
          // A getter that throws: value stays undefined, and there is nothing to copy.
        }
        if (typeof value === 'string') {
          const desc = { value, writable: true, enumerable: false, configurable: true }
          props.push(readProp(node, key, desc, true, ctx, edge))
        }
      }
    }
    node.make = () => Object.create(proto)
    node.fill = (map) => {
      for (const define of props) define(map)
      if (!extensible) Object.preventExtensions(node.copy)
    }
  } catch {
    opaque(node)
  }
}

/**
 * @internal Reads one own property (a getter once; one that throws reads as REDACTED) and gives
 * what defines it on the copy: a walked one as a data property with its value scrubbed, under its
 * name scrubbed, any other as it is.
 */
function readProp(
  node: Node,
  key: PropertyKey,
  desc: PropertyDescriptor,
  walked: boolean,
  ctx: Ctx,
  edge: Edge,
): (map: MapValue) => void {
  if (!walked) return () => Reflect.defineProperty(node.copy as object, key, desc)
  let value: unknown = desc.value
  if (desc.get !== undefined) {
    try {
      value = desc.get.call(node.o)
    } catch {
      value = REDACTED
    }
  }
  const name = typeof key === 'string'
  const out = name ? redactText(key, ctx) : key
  const secret = name && secretName(key, ctx.names)
  if (out !== key) node.dirty = true
  edge(node, value, secret)
  return (map) =>
    Reflect.defineProperty(node.copy as object, out, {
      value: map(value, secret),
      enumerable: desc.enumerable === true,
      writable: desc.writable !== false,
      configurable: desc.configurable !== false,
    })
}

interface Built {
  readonly dirty: boolean
  readonly make: () => unknown
}

/** @internal Header pairs with each value scrubbed by `scrub` (a secret header's value whole). */
function headerPairs(
  headers: unknown,
  names: Names,
  scrub: (value: string, secret: boolean) => string,
): Array<[string, string]> {
  return headerEntries(headers).map(([name, value]) => [name, scrub(value, secretName(name, names))])
}

/** @internal A built-in that must be rebuilt to be redacted: URL, URLSearchParams, FormData, Headers, Request, Response, String. */
function builtIn(o: Record<PropertyKey, unknown>, tag: string, ctx: Ctx): Built | undefined {
  let dirty = false
  const scrub = (text: string, secret = false): string => {
    const out = redactString(text, secret, ctx)
    if (out !== text) dirty = true
    return out
  }
  // The instance's own constructor: it works across realms and with polyfills.
  const ctor = (): Ctor => o.constructor as Ctor
  let make: () => unknown
  switch (tag) {
    case '[object URL]': {
      const href = scrub(String(o.href))
      const C = ctor()
      make = () => new C(href)
      break
    }
    case '[object String]': {
      const text = scrub(String.prototype.valueOf.call(o))
      make = () => Object(text)
      break
    }
    case '[object URLSearchParams]':
    case '[object FormData]': {
      const query = tag === '[object URLSearchParams]'
      const entries: Array<[string, unknown]> = []
      ;(o as unknown as FormData).forEach((value: unknown, key: string) => {
        const secret = secretName(key, ctx.names) || (query && (key === 'a' || key === 'A'))
        entries.push([scrub(key), typeof value === 'string' ? scrub(value, secret) : value])
      })
      const C = ctor()
      make = () => {
        const params = new C() as FormData
        for (const [key, value] of entries) params.append(key, value as string)
        return params
      }
      break
    }
    case '[object Headers]': {
      const pairs = headerPairs(o, ctx.names, scrub)
      const C = ctor()
      make = () => new C(pairs)
      break
    }
    case '[object Request]': {
      const url = scrub(String(o.url))
      const headers = headerPairs(o.headers, ctx.names, scrub)
      const method = o.method
      const C = ctor()
      make = () => new C(url, { method, headers })
      break
    }
    case '[object Response]': {
      // A new Response cannot carry its URL, but a secret in it makes the copy needed; the body (a stream) is not copied.
      scrub(String(o.url))
      const statusText = scrub(String(o.statusText))
      const headers = headerPairs(o.headers, ctx.names, scrub)
      const status = o.status
      const C = ctor()
      make = () => new C(null, { status, statusText, headers })
      break
    }
    default:
      return undefined
  }
  return { dirty, make }
}

// ---------------------------------------------------------------------------------------------
// The redactor

function makeRedactor(ctx: Ctx): Redactor {
  const text = (value: string): string => (typeof value === 'string' ? redactText(value, ctx) : value)
  const value = <T>(input: T): T => {
    if (typeof input === 'string') return redactText(input, ctx) as T
    // Stryker disable next-line ConditionalExpression,LogicalOperator: a fast path; fastClean answers clean for every other primitive and a function, so they come back as they are all the same.
    if (typeof input !== 'object' || input === null) return input
    let clean = false
    // Stryker disable next-line BlockStatement: without the fast check every object goes to the full walk, which returns the same value (see fastClean).
    try {
      // Stryker disable next-line ConditionalExpression,EqualityOperator,BooleanLiteral: more objects go to the full walk, which returns the same value (see fastClean); a secret root only makes fastClean give up sooner.
      clean = fastClean(input, false, 0, FAST_BUDGET, ctx) >= 0
    } catch {
      // A trap or getter that throws: the full walk decides.
    }
    return clean ? input : (walk(input, ctx) as T)
  }
  const headers = (input: unknown): Record<string, string> => {
    const record: Record<string, string> = {}
    for (const [name, out] of headerPairs(input, ctx.names, (value, secret) => redactString(value, secret, ctx))) {
      record[name] = Object.hasOwn(record, name) ? `${record[name]}, ${out}` : out
    }
    return record
  }
  return { text, value, error: value, headers }
}

const DEFAULT: Redactor = /* @__PURE__ */ makeRedactor({ names: NO_NAMES, echo: undefined })

/**
 * A redactor for one request's error: the built-in rules, the extra names in `redact`, and every
 * secret value (at least 6 characters) of `request`, scrubbed wherever the server echoes it.
 * Without options it is one shared redactor (nothing is compiled or allocated). Never throws.
 *
 * @example
 * ```ts
 * const redactor = createRedactor({
 *   request: { url, headers: { Authorization: `Bearer ${token}` }, body: { password } },
 *   redact: ['session_id'],
 * })
 * logger.error(redactor.error(thrown))
 * const safeBody = redactor.value(body) // the same object when nothing had to change
 * ```
 */
export function createRedactor(options?: RedactOptions): Redactor {
  let extra: unknown
  let request: unknown
  try {
    // Stryker disable next-line OptionalChaining: without options the TypeError is caught below and extra stays undefined, as ?. leaves it.
    extra = options?.redact
    // Stryker disable next-line OptionalChaining: without options the TypeError is caught below and request stays undefined, as ?. leaves it.
    request = options?.request
  } catch {
    // Unreadable options are no options.
  }
  const names = parseNames(extra)
  // Stryker disable next-line ConditionalExpression: a null request reads nothing (every read throws into its catch), so echoPattern gets no secret and gives undefined.
  const echo = typeof request === 'object' && request !== null ? echoPattern(requestSecrets(request, names)) : undefined
  return names === NO_NAMES && echo === undefined ? DEFAULT : makeRedactor({ names, echo })
}
