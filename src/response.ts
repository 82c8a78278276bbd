/**
 * Reading an HTTP error response safely: its body bounded in bytes and time, the body as data,
 * the server's own words, `Retry-After` and the request id. Nothing here throws or rejects on
 * bad input, and nothing needs more than web-standard globals (`TextDecoder`, `setTimeout`).
 *
 * @module
 */
import { headerValue } from './headers.js'

/** Limits for reading a body: see `ApiError.fromResponse`. */
export interface ReadBodyOptions {
  /**
   * The most bytes to keep, counted on the decoded bytes the body yields (fetch has already
   * undone `Content-Encoding: gzip`, so a gzip bomb is cut here too). Default 65 536. A negative
   * or non-number value means the default; `Infinity` means no cap.
   */
  readonly maxBodyBytes?: number | undefined
  /**
   * The most milliseconds the whole read may take. Default 10 000. Values above 2 147 483 647
   * (the largest timer delay) are clamped to it; a negative or non-number value means the default.
   */
  readonly timeoutMs?: number | undefined
  /** Aborting it stops the read; an already aborted signal reads nothing. */
  readonly signal?: AbortSignal | undefined
}

/** What a bounded body read gave. */
export interface BodyText {
  /** The body as UTF-8 (invalid bytes become U+FFFD), cut at the cap without splitting a character. */
  readonly text: string
  /** `true` when the body held more than `maxBodyBytes` bytes and was cut. */
  readonly truncated: boolean
  /** Why the read stopped before the body ended, when it did; `text` holds what arrived until then. */
  readonly incomplete?: 'timeout' | 'aborted' | 'error'
}

type Incomplete = NonNullable<BodyText['incomplete']>

const DEFAULT_MAX_BODY_BYTES = 65_536
const DEFAULT_TIMEOUT_MS = 10_000
/** Timers overflow to 1 ms above this. */
const MAX_TIMER_MS = 2_147_483_647
const DEFAULT_MAX_RETRY_AFTER_MS = 60_000
const REQUEST_ID_HEADERS: readonly string[] = ['x-request-id', 'request-id', 'x-correlation-id']
const MAX_REQUEST_ID_LENGTH = 200
const MAX_FIELD_LENGTH = 1_000
/** Deeper JSON is kept as text: no error body needs it, and code that walks the body recursively stays safe. */
const MAX_JSON_DEPTH = 1_000

/**
 * Reads a fetch `Response`'s body, bounded in bytes (`maxBodyBytes`) and time (`timeoutMs`,
 * `signal`), instead of an unbounded `await res.text()`.
 *
 * Accepts anything Response-like: a `body` that is a web `ReadableStream` (read chunk by chunk),
 * an async iterable such as a Node stream (node-fetch v2), a string or bytes (got), or else a
 * `arrayBuffer()` or `text()` method (raced against the limits and cut to the cap). A response
 * whose `bodyUsed` is `true`, or whose `body` is `null`, gives empty text.
 *
 * Never rejects and never throws: a timeout, an abort, a stream error or a hostile object resolves
 * with what was read so far and says why in `incomplete`. Consumes the body; when it stops early it
 * cancels the stream, so the connection is released. Its timer and abort listener are removed in
 * every path.
 *
 * @example
 * const { text, truncated } = await readBodyText(res, { maxBodyBytes: 16_384, timeoutMs: 2_000 })
 */
export async function readBodyText(response: unknown, options?: ReadBodyOptions): Promise<BodyText> {
  let maxBytes = DEFAULT_MAX_BODY_BYTES
  let timeoutMs = DEFAULT_TIMEOUT_MS
  let signal: AbortSignal | undefined
  let aborted = false
  try {
    // Stryker disable next-line OptionalChaining: without options, `options.x` throws inside this try, whose catch keeps the same defaults that `undefined` gives.
    maxBytes = Math.floor(nonNegative(options?.maxBodyBytes, DEFAULT_MAX_BODY_BYTES))
    // Stryker disable next-line OptionalChaining: without options, `options.x` throws inside this try, whose catch keeps the same defaults that `undefined` gives.
    timeoutMs = Math.min(nonNegative(options?.timeoutMs, DEFAULT_TIMEOUT_MS), MAX_TIMER_MS)
    // Stryker disable next-line OptionalChaining: without options, `options.x` throws inside this try, whose catch keeps the same defaults that `undefined` gives.
    const given = options?.signal
    // Stryker disable next-line OptionalChaining: without a signal, `.addEventListener` throws inside this try, whose catch leaves the signal unset, as undefined does.
    if (typeof given?.addEventListener === 'function') {
      aborted = given.aborted === true
      signal = given
    }
  } catch {
    // A hostile options object keeps the defaults for whatever could not be read.
  }
  const body = attempt(() => (response as { body?: unknown }).body)
  if (aborted) {
    // Release the connection even though nothing is read (a body without `cancel` has none to release).
    quietly(() => (body as ReadableStream).cancel())
    return { text: '', truncated: false, incomplete: 'aborted' }
  }
  const limits = startLimits(timeoutMs, signal)
  try {
    const sink = createSink(maxBytes)
    return sink.finish(await readInto(response, body, sink, limits))
  } catch {
    // Only reachable without a TextDecoder; still never reject.
    return { text: '', truncated: false, incomplete: 'error' }
  } finally {
    limits.dispose()
  }
}

/**
 * The body as data: parsed JSON when `contentType` says JSON (`application/json`,
 * `application/problem+json`, any `+json`, with parameters, any case) or when the text's first
 * non-space character is `{` or `[`; otherwise the text itself.
 *
 * Tolerant and safe: commas standing before `}` or `]` outside strings are dropped when the text
 * does not parse as it is (the API's own doc examples carry them); malformed JSON, and JSON nested
 * deeper than 1 000 levels, are kept as text; a leading byte order mark is ignored. Empty or
 * whitespace-only text gives `undefined`. Never throws. Numbers beyond double precision lose
 * digits, as with `JSON.parse`.
 *
 * @example
 * parseBody('{"message": "Account is suspended",}', 'application/json') // { message: 'Account is suspended' }
 * parseBody('<html>Bad Gateway</html>', 'text/html') // '<html>Bad Gateway</html>'
 */
export function parseBody(text: string, contentType?: string | null | undefined): unknown {
  if (typeof text !== 'string') return undefined
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  if (source.trim() === '') return undefined
  if (!isJsonType(contentType) && !/^\s*[[{]/.test(source)) return text
  const scan = scanJson(source)
  if (scan === undefined) return text
  try {
    return JSON.parse(source)
  } catch {
    // Not JSON as it is: try without trailing commas, else keep the text.
  }
  // Stryker disable next-line ConditionalExpression: JSON.parse(undefined) throws, and its catch then gives the text, as skipping the block does.
  if (scan.fixed !== undefined) {
    try {
      return JSON.parse(scan.fixed)
    } catch {
      // Still not JSON.
    }
  }
  return text
}

/**
 * The server's own words from a parsed body, each a non-empty string, trimmed, and at most 1 000
 * UTF-16 code units (a longer one is cut, without splitting a character, and ends with `…`).
 *
 * `serverMessage`, first found of: `message` (the API's `{status_code, message, reason, data}`),
 * `detail` then `title` (RFC 9457 problem+json; `type` and `instance` are not messages),
 * `error_description` (OAuth), `error` when a string, `error.message`, and the first message of
 * `errors` (strings or `{message}`/`{detail}`). `reason`: `reason`, `error.reason`, or the OAuth
 * `error` code when `error_description` gave the message. Anything else, including non-object
 * bodies, gives `{}`. Never throws.
 *
 * @example
 * serverFields({ status_code: 402, message: 'Account is suspended', reason: 'AccountSuspended', data: {} })
 * // { serverMessage: 'Account is suspended', reason: 'AccountSuspended' }
 */
export function serverFields(body: unknown): { serverMessage?: string; reason?: string } {
  return attempt(() => fieldsOf(body), {})
}

/**
 * `Retry-After` as milliseconds to wait, clamped to `maxMs` (default 60 000).
 *
 * Reads delta-seconds (digits, surrounding spaces allowed; a decimal such as `1.5` is accepted too,
 * rounded to whole milliseconds, though RFC 9110 asks for an integer) and HTTP-dates in all three
 * forms of RFC 9110 §5.6.7: IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`), the obsolete RFC 850
 * form (`Sunday, 06-Nov-94 08:49:37 GMT`, two-digit years read as the RFC says) and asctime
 * (`Sun Nov  6 08:49:37 1994`, in GMT). Dates are parsed here, not by the engine's lenient
 * `Date.parse`, so every runtime agrees. A date in the past gives 0. Garbage, negative numbers,
 * exponents (`1e3`), impossible dates, empty or missing values give `undefined`. A negative or
 * non-number `maxMs` means the default; `now` (default `Date.now()`) is for tests.
 *
 * @example
 * parseRetryAfter('5') // 5000
 * parseRetryAfter('3600') // 60000 (clamped)
 */
export function parseRetryAfter(
  value: string | null | undefined,
  maxMs: number = DEFAULT_MAX_RETRY_AFTER_MS,
  now: number = Date.now(),
): number | undefined {
  if (typeof value !== 'string') return undefined
  const cap = nonNegative(maxMs, DEFAULT_MAX_RETRY_AFTER_MS)
  const trimmed = value.trim()
  if (/^\d+(?:\.\d+)?$/.test(trimmed)) return Math.min(Math.round(Number(trimmed) * 1000), cap)
  const at = Number.isFinite(now) ? now : Date.now()
  const time = httpDate(trimmed, at)
  return time === undefined ? undefined : Math.min(Math.max(time - at, 0), cap)
}

/**
 * The request id from the first of `names` (default `x-request-id`, `request-id`,
 * `x-correlation-id`) that is present and not blank, trimmed and cut to 200 characters. Reads any
 * header shape (fetch `Headers`, `AxiosHeaders`, plain objects, pairs). Never throws.
 *
 * @example
 * requestIdFrom(res.headers) // 'c0ffee…'
 * requestIdFrom(res.headers, ['x-een-trace']) // a custom header
 */
export function requestIdFrom(headers: unknown, names: readonly string[] = REQUEST_ID_HEADERS): string | undefined {
  return attempt(() => {
    for (const name of names) {
      const value = typeof name === 'string' ? headerValue(headers, name)?.trim() : undefined
      if (value) return cut(value, MAX_REQUEST_ID_LENGTH)
    }
    return undefined
  })
}

// Reading the body.

/** @internal A fired limit resolves the race with this. */
const STOPPED: unique symbol = /* @__PURE__ */ Symbol('stopped')

/** @internal The time limit and the abort signal of one read. */
interface Limits {
  /** Resolves with {@link STOPPED} when the time is up or the signal aborts. */
  readonly stopped: Promise<typeof STOPPED>
  /** Which limit fired first. */
  reason: 'timeout' | 'aborted' | undefined
  /** Clears the timer and removes the abort listener. */
  dispose(): void
}

/** @internal Where the bytes go: counted against the cap and decoded as they arrive. */
interface Sink {
  /** Adds a chunk; `true` when the cap cut it (stop reading). Chunks that are not text or bytes are skipped. */
  push(chunk: unknown): boolean
  finish(incomplete: Incomplete | undefined): BodyText
}

/** @internal Something to pull chunks from, as `{done, value}`. */
interface Source {
  read(): unknown
  cancel(): void
}

function startLimits(timeoutMs: number, signal: AbortSignal | undefined): Limits {
  let resolve!: (value: typeof STOPPED) => void
  const limits: Limits = {
    stopped: new Promise((r) => {
      resolve = r
    }),
    reason: undefined,
    dispose() {
      clearTimeout(timer)
      // Stryker disable next-line ConditionalExpression: without a signal the call throws inside quietly, which ignores it: the same as not calling.
      if (signal) quietly(() => signal.removeEventListener('abort', onAbort))
    },
  }
  const stop = (reason: 'timeout' | 'aborted') => {
    limits.reason = reason
    resolve(STOPPED)
  }
  const onAbort = () => stop('aborted')
  const timer = setTimeout(() => stop('timeout'), timeoutMs)
  // Stryker disable next-line ConditionalExpression: without a signal the call throws inside quietly, which ignores it: the same as not calling.
  if (signal) quietly(() => signal.addEventListener('abort', onAbort))
  return limits
}

function createSink(maxBytes: number): Sink {
  // Stream mode holds back a character whose bytes have not all arrived, so a cut never splits one.
  const decoder = new TextDecoder()
  const stream = { stream: true }
  let text = ''
  let used = 0
  let truncated = false
  return {
    push(chunk) {
      const room = maxBytes - used
      const bytes = toBytes(chunk, room)
      if (bytes === undefined) return false
      if (bytes.length > room) {
        text += decoder.decode(bytes.subarray(0, room), stream)
        used = maxBytes
        truncated = true
        return true
      }
      used += bytes.length
      text += decoder.decode(bytes, stream)
      return false
    },
    finish(incomplete) {
      // Only a body that really ended may end mid-character: flushing turns that into U+FFFD.
      if (!truncated && incomplete === undefined) text += decoder.decode()
      return incomplete === undefined ? { text, truncated } : { text, truncated, incomplete }
    },
  }
}

function readInto(response: unknown, body: unknown, sink: Sink, limits: Limits): Promise<Incomplete | undefined> {
  if (body === null || attempt(() => (response as { bodyUsed?: unknown }).bodyUsed === true, false)) {
    return Promise.resolve(undefined)
  }
  // Missing methods and locked streams throw below, inside `attempt`, `pump` or `quietly`.
  const stream = body as ReadableStream & AsyncIterable<unknown> & { destroy(): void }
  if (typeof attempt(() => stream.getReader) === 'function') {
    const reader = attempt(() => stream.getReader())
    return pump({ read: () => reader!.read(), cancel: () => quietly(() => reader!.cancel()) }, sink, limits)
  }
  if (typeof attempt(() => stream[Symbol.asyncIterator]) === 'function') {
    const iterator = attempt(() => stream[Symbol.asyncIterator]())
    const cancel = () => {
      quietly(() => iterator!.return!())
      // A Node stream's iterator returns only after a pending read: destroy it to free the socket now.
      quietly(() => stream.destroy())
    }
    return pump({ read: () => iterator!.next(), cancel }, sink, limits)
  }
  if (typeof body === 'string' || isBytes(body)) return whole(() => body, sink, limits)
  for (const name of ['arrayBuffer', 'text'] as const) {
    const method = attempt(() => (response as Record<string, unknown>)[name])
    if (typeof method === 'function') return whole(() => method.call(response), sink, limits)
  }
  return Promise.resolve(undefined)
}

async function pump(source: Source, sink: Sink, limits: Limits): Promise<Incomplete | undefined> {
  let ended = false
  try {
    for (;;) {
      // `stopped` first: once a limit fired it wins even over data that is already queued.
      const step = await Promise.race([limits.stopped, source.read()])
      if (step === STOPPED) return limits.reason
      const { done, value } = step as IteratorResult<unknown>
      if (done) {
        ended = true
        return undefined
      }
      if (sink.push(value)) return undefined
    }
  } catch {
    return 'error'
  } finally {
    if (!ended) source.cancel()
  }
}

async function whole(get: () => unknown, sink: Sink, limits: Limits): Promise<Incomplete | undefined> {
  try {
    const value = await Promise.race([limits.stopped, get()])
    if (value === STOPPED) return limits.reason
    sink.push(value)
    return undefined
  } catch {
    return 'error'
  }
}

/** @internal A chunk as bytes; a string is encoded only as far as the cap can matter. */
function toBytes(chunk: unknown, room: number): Uint8Array | undefined {
  if (typeof chunk === 'string') {
    // Every UTF-16 unit takes at least one byte, so `room + 1` units are enough to know it overflows.
    // Stryker disable next-line ConditionalExpression,EqualityOperator,MethodExpression: slicing is a fast path: a string longer than `room` overflows either way, and the first `room` bytes the sink keeps are the same whether all of it or `room + 1` units of it are encoded; only time and memory differ.
    return new TextEncoder().encode(chunk.length > room ? chunk.slice(0, room + 1) : chunk)
  }
  if (ArrayBuffer.isView(chunk)) return new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength)
  if (isArrayBuffer(chunk)) return new Uint8Array(chunk)
  return undefined
}

function isBytes(value: unknown): boolean {
  return ArrayBuffer.isView(value) || isArrayBuffer(value)
}

function isArrayBuffer(value: unknown): value is ArrayBuffer {
  // Works for buffers from another realm too.
  return Object.prototype.toString.call(value) === '[object ArrayBuffer]'
}

// Parsing the body.

function isJsonType(contentType: unknown): boolean {
  if (typeof contentType !== 'string') return false
  const essence = contentType.split(';', 1)[0]!.trim().toLowerCase()
  return /^[^/\s]+\/(?:\S*\+)?json$/.test(essence)
}

/**
 * @internal One pass over JSON text outside its strings: `undefined` when it nests deeper than
 * {@link MAX_JSON_DEPTH}, else the text without commas that stand before `}` or `]` (`fixed`, only
 * when there were some).
 */
function scanJson(text: string): { fixed: string | undefined } | undefined {
  let depth = 0
  let inString = false
  let fixed = ''
  let from = 0
  // Stryker disable next-line EqualityOperator: one more turn reads charCodeAt(text.length), NaN, which matches no character and changes nothing.
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (inString) {
      if (c === 0x5c) i++
      else if (c === 0x22) inString = false
    } else if (c === 0x22) inString = true
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > MAX_JSON_DEPTH) return undefined
    } else if (c === 0x7d || c === 0x5d) depth--
    else if (c === 0x2c) {
      let j = i + 1
      while (isJsonSpace(text.charCodeAt(j))) j++
      const next = text.charCodeAt(j)
      if (next === 0x7d || next === 0x5d) {
        fixed += text.slice(from, i)
        from = i + 1
      }
    }
  }
  // Stryker disable next-line ConditionalExpression: with no comma removed the fixed text is the text itself, whose parse already failed, so parseBody's second parse fails too; only a wasted parse differs.
  return { fixed: from === 0 ? undefined : fixed + text.slice(from) }
}

function isJsonSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09
}

// The server's words.

function fieldsOf(body: unknown): { serverMessage?: string; reason?: string } {
  if (!isRecord(body)) return {}
  const error = body.error
  const nested = isRecord(error) ? error : {}
  const description = field(body.error_description)
  const serverMessage =
    field(body.message) ??
    field(body.detail) ??
    field(body.title) ??
    description ??
    field(error) ??
    field(nested.message) ??
    firstMessage(body.errors)
  const reason = field(body.reason) ?? field(nested.reason) ?? (description === undefined ? undefined : field(error))
  return {
    ...(serverMessage === undefined ? {} : { serverMessage }),
    ...(reason === undefined ? {} : { reason }),
  }
}

function firstMessage(errors: unknown): string | undefined {
  if (!Array.isArray(errors)) return undefined
  for (const entry of errors) {
    const message = field(entry) ?? (isRecord(entry) ? (field(entry.message) ?? field(entry.detail)) : undefined)
    if (message !== undefined) return message
  }
  return undefined
}

/** @internal A non-empty trimmed string, bounded to {@link MAX_FIELD_LENGTH} with a closing `…` when cut. */
function field(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined
  const trimmed = value.trim()
  if (trimmed === '') return undefined
  return trimmed.length <= MAX_FIELD_LENGTH ? trimmed : `${cut(trimmed, MAX_FIELD_LENGTH - 1)}…`
}

/** @internal At most `max` UTF-16 units of `text`, never ending in half a surrogate pair. */
function cut(text: string, max: number): string {
  const end = text.charCodeAt(max - 1) >= 0xd800 && text.charCodeAt(max - 1) <= 0xdbff ? max - 1 : max
  return text.slice(0, end)
}

// Retry-After dates.

const MONTHS = 'janfebmaraprmayjunjulaugsepoctnovdec'
/**
 * The three forms of RFC 9110 §5.6.7 in one: IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`) and
 * RFC 850 (`Sunday, 06-Nov-94 08:49:37 GMT`) give groups 1 day, 2 separator, 3 month, 4 year;
 * asctime (`Sun Nov  6 08:49:37 1994`, GMT in HTTP) gives 5 month, 6 day and 10 year; both give
 * 7–9 the time. The first two end in GMT, asctime in its year: {@link httpDate} checks that.
 */
const HTTP_DATE =
  /^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*(?:,\s*(\d{1,2})([ -])([a-z]{3})\2(\d{4}|\d{2})|\s+([a-z]{3})\s+(\d{1,2}))\s+(\d{2}):(\d{2}):(\d{2})\s+(?:gmt|utc|(\d{4}))$/i

/** @internal An HTTP-date as epoch milliseconds, or `undefined` when it is not one. */
function httpDate(text: string, now: number): number | undefined {
  const m = HTTP_DATE.exec(text)
  const imf = m?.[1] !== undefined
  // A GMT-less asctime or an IMF-fixdate that ends in a year is neither.
  if (m === null || imf === (m[10] !== undefined)) return undefined
  const [monthName, dayText, yearText] = (imf ? [m[3], m[1], m[4]] : [m[5], m[6], m[10]]) as [string, string, string]
  const at = MONTHS.indexOf(monthName.toLowerCase())
  const month = at % 3 === 0 ? at / 3 : -1
  const day = Number(dayText)
  const year = Number(yearText)
  const [hour, minute, second] = [m[7], m[8], m[9]].map(Number) as [number, number, number]
  const fullYear = yearText.length === 2 ? rfc850Year(year, new Date(now).getUTCFullYear()) : year
  // Date.UTC rolls "Feb 30" over to March: reject what does not come back the same.
  const valid =
    month >= 0 &&
    hour <= 23 &&
    minute <= 59 &&
    second <= 60 &&
    new Date(Date.UTC(fullYear, month, day)).getUTCDate() === day
  return valid ? Date.UTC(fullYear, month, day, hour, minute, second) : undefined
}

/** @internal RFC 9110 §5.6.7: a two-digit year more than 50 years ahead is the latest past year with those digits. */
function rfc850Year(twoDigits: number, thisYear: number): number {
  const year = thisYear - (thisYear % 100) + twoDigits
  return year > thisYear + 50 ? year - 100 : year + 100 <= thisYear + 50 ? year + 100 : year
}

// Guards.

/** @internal `fn()`, or `fallback` (by default `undefined`) when it throws (hostile getters, Proxies). */
function attempt<T>(fn: () => T, fallback: T): T
function attempt<T>(fn: () => T): T | undefined
function attempt<T>(fn: () => T, fallback?: T): T | undefined {
  try {
    return fn()
  } catch {
    return fallback
  }
}

/** @internal Runs `fn` and ignores whatever it throws or rejects with. */
function quietly(fn: () => unknown): void {
  try {
    Promise.resolve(fn()).catch(() => {})
  } catch {
    // Thrown synchronously: nothing to release.
  }
}

function nonNegative(value: unknown, fallback: number): number {
  return typeof value === 'number' && value >= 0 ? value : fallback
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
