/**
 * Reading a response body bounded in bytes and in time, instead of an unbounded `await res.text()`.
 *
 * @module
 */
import { onAbort } from './on-abort.js'

/**
 * Bytes read past `maxBodyBytes` when a body is longer: text is scrubbed of secrets before it is
 * cut to the cap, and this much context lets a secret that straddles the cap be recognised whole.
 * 16 KiB is the most request headers Node's server takes, so no header or URL secret is longer.
 */
export const OVERREAD = 16_384

/** The byte cap of a body when none is given: 64 KiB. */
export const DEFAULT_MAX_BODY_BYTES = 65_536

/** Limits for reading a body. */
export interface ReadBodyOptions {
  /**
   * The most bytes to keep, counted on the bytes the body yields once fetch has undone any
   * `Content-Encoding` (so a gzip bomb is cut here too). Default 65 536; `Infinity` means no cap.
   */
  readonly maxBodyBytes?: number | undefined
  /** The most milliseconds the whole read may take. Default 10 000. */
  readonly timeoutMs?: number | undefined
  /** Aborting it stops the read; an already aborted signal reads nothing. */
  readonly signal?: AbortSignal | undefined
}

/** The limits of one read, each valid. */
export interface BodyLimits {
  readonly maxBodyBytes: number
  readonly timeoutMs: number
  readonly signal?: AbortSignal | undefined
}

/** What a bounded read gave. */
export interface BodyRead {
  /**
   * The body as UTF-8 (invalid bytes become U+FFFD), or as much of it as arrived before the time
   * limit, the signal or a stream error stopped the read, less its last run of token characters
   * (which may be the start of a secret whose rest never came). When the body is longer than
   * `maxBodyBytes`: its first `maxBodyBytes + OVERREAD` bytes, to be cut with `cutBytes` once
   * scrubbed.
   */
  readonly text: string
  /** `false` when the body is longer than `maxBodyBytes`, so `text` runs past the cap. */
  readonly complete: boolean
  /** `true` when the time limit, the signal or an error ended the read before the body's end. */
  readonly early?: true
}

/**
 * The limits `options` asks for, valid whatever it holds: a limit that is not a non-negative
 * number means its default, a `timeoutMs` beyond what a timer can wait (2^31 - 1) waits that long,
 * and a signal is used only when it has `addEventListener`. An options object that throws when
 * read gives every default.
 *
 * @example
 * readLimits({ maxBodyBytes: -1 }) // { maxBodyBytes: 65536, timeoutMs: 10000, signal: undefined }
 */
export function readLimits(options: unknown): BodyLimits {
  try {
    // Object() keeps a missing options object from throwing: a throw costs more than the whole read.
    const { maxBodyBytes, timeoutMs, signal } = Object(options) as ReadBodyOptions
    return {
      maxBodyBytes: Math.floor(orDefault(maxBodyBytes, DEFAULT_MAX_BODY_BYTES)),
      timeoutMs: Math.min(orDefault(timeoutMs, 10_000), 2 ** 31 - 1),
      signal: typeof signal?.addEventListener === 'function' ? signal : undefined,
    }
  } catch {
    // The limits of no options: every default.
    return readLimits(undefined)
  }
}

/**
 * Reads a fetch `Response` (of any realm) or any object with a `body` (a web `ReadableStream`,
 * an async iterable such as a Node stream, a string or bytes) or else an `arrayBuffer()` or
 * `text()` method. Consumes the body.
 *
 * One timer covers the whole read (`timeoutMs`); when it fires, or `signal` aborts, the stream
 * is cancelled (the connection is released) and what arrived so far is given, a character whose
 * bytes had not all arrived and the last run of token characters left out. Never rejects: a body
 * that errors, stalls or is no body gives what was read.
 *
 * @example
 * const { text, complete } = await readBody(res, { maxBodyBytes: 16_384, timeoutMs: 2_000 })
 * const shown = complete ? text : cutBytes(scrub(text), 16_384)
 */
export async function readBody(response: unknown, options?: ReadBodyOptions): Promise<BodyRead> {
  const { maxBodyBytes, timeoutMs, signal } = readLimits(options)
  const limit = maxBodyBytes + OVERREAD
  /** The bytes kept, decoded once at the end: a streaming decode costs about 1.4 µs more on a 1 KiB body. */
  const chunks: Uint8Array[] = []
  let used = 0
  /** Set once: by the end of the body, or by a limit (then what arrives later is not kept). */
  let result: BodyRead | undefined
  /**
   * What was read; `cut` when the read stopped before the body's end (the byte cap, or `early`: the
   * time limit, the signal, an error). Early, its last run of token characters is left out too, as
   * it may be the first characters of a secret whose rest never came (scrubbing knows a secret whole).
   */
  const read = (cut?: boolean, early?: true): BodyRead => {
    const bytes = chunks.length === 1 ? (chunks[0] as Uint8Array) : concat(chunks)
    // A body cut short may end inside a character: streaming leaves its first bytes out. Nothing
    // was read when there is no decoder (an engine without TextDecoder).
    const text = !decoder ? '' : cut ? new TextDecoder().decode(bytes, { stream: true }) : decoder.decode(bytes)
    let end = text.length
    // Back from the end, not a pattern anchored at it: that retries from every character (quadratic).
    while (early && end && !/[\s"'<>{}[\],]/.test(text[end - 1] as string)) end--
    return { text: text.slice(0, end), complete: used <= maxBodyBytes, ...(early && { early }) }
  }
  /** Ends the read before the body's end (the time limit, the signal, the byte cap) and cancels the stream. */
  let stop!: () => void
  let timer: ReturnType<typeof setTimeout> | undefined
  let done: (() => void) | undefined
  try {
    try {
      decoder ??= new TextDecoder()
      const { body, arrayBuffer, text: whole } = response as Response & { body: any }
      let next: () => Promise<IteratorResult<unknown>>
      let cancel: () => unknown = () => 0
      if (typeof body?.getReader === 'function') {
        const reader = (body as ReadableStream).getReader()
        next = () => reader.read()
        cancel = () => reader.cancel()
      } else if (typeof body?.[Symbol.asyncIterator] === 'function') {
        const iterator = (body as AsyncIterable<unknown>)[Symbol.asyncIterator]()
        next = () => iterator.next()
        // A Node stream's iterator returns only after its pending read: destroying the stream frees the socket now.
        cancel = () => {
          body.destroy?.()
          return iterator.return?.()
        }
      } else {
        let once = 1
        const value = () =>
          typeof body === 'string' || body?.byteLength >= 0 ? body : (arrayBuffer ?? whole).call(response)
        next = async () => (once-- ? { value: await value() } : { done: true }) as IteratorResult<unknown>
      }
      await new Promise<void>((resolve, reject) => {
        stop = () => {
          result ??= read(true, true)
          new Promise((release) => release(cancel())).catch(() => {})
          resolve()
        }
        if (signal?.aborted) return stop()
        timer = setTimeout(stop, timeoutMs)
        if (signal) done = onAbort(signal, stop)
        // The loop looks at the clock itself too: a body that is there at once beats a timer of 0.
        const deadline = Date.now() + timeoutMs
        ;(async () => {
          for (let n = 0; ; ) {
            // Reads that resolve at once (empty chunks without end, or no byte cap) keep timers and
            // I/O from running, an app's abort from a timer too: every 64th read lets them run.
            if (!(++n % 64)) await new Promise((resolve) => setTimeout(resolve))
            const step = await next()
            if (step.done) break
            // Stopped (by the signal, the timer), though the body's reads go on.
            if (result || Date.now() >= deadline) return stop()
            const chunk = step.value as Uint8Array | string
            const bytes = typeof chunk === 'string' ? new TextEncoder().encode(chunk.slice(0, limit)) : chunk
            // A view of what is kept (of an ArrayBuffer too); a chunk that is no bytes ends the read
            // (the catch around the read takes the error, whose message nothing reads).
            if (!(bytes.byteLength >= 0)) throw new TypeError()
            chunks.push(
              new Uint8Array(bytes.buffer ?? bytes, bytes.byteOffset, Math.min(bytes.byteLength, limit - used)),
            )
            used += bytes.byteLength
            if (used >= limit) {
              // Cut by the byte cap, with context past it: scrubbed whole, then cut.
              result = read(true)
              return stop()
            }
          }
          result ??= read()
          resolve()
        })().catch(reject)
      })
    } finally {
      clearTimeout(timer)
      done?.()
    }
  } catch {
    // The body failed, or is no body: keep what was read.
  }
  return result ?? read(true, true)
}

/** Decodes whole bodies (without `stream` a decode keeps no state, so one serves all); made on first use. */
let decoder: TextDecoder | undefined

/** The chunks as one array of bytes. */
function concat(chunks: readonly Uint8Array[]): Uint8Array {
  const all = new Uint8Array(chunks.reduce((n, c) => n + c.byteLength, 0))
  let at = 0
  for (const c of chunks) {
    all.set(c, at)
    at += c.byteLength
  }
  return all
}

/**
 * `text` cut to at most `maxBytes` bytes of UTF-8, never splitting a character (a character that
 * does not fit whole is left out). `maxBytes` is a non-negative whole number or `Infinity`.
 *
 * @example
 * cutBytes('aa€', 4) // 'aa' (€ takes 3 bytes)
 */
export function cutBytes(text: string, maxBytes: number): string {
  // A UTF-16 unit never takes more than 3 bytes: short text needs no encoding.
  return text.length * 3 <= maxBytes
    ? text
    : text.slice(0, new TextEncoder().encodeInto(text, new Uint8Array(maxBytes)).read)
}

/** `value` when it is a non-negative number, else `fallback`: how every limit given is read. */
export function orDefault(value: unknown, fallback: number): number {
  return typeof value === 'number' && value >= 0 ? value : fallback
}
