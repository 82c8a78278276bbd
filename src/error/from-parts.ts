/**
 * The step `fromResponse` and `from` share: the parts of a failed exchange (status, headers, body,
 * request) read into an error, whatever class or operation it was asked for.
 *
 * @module
 */
import { headerValue, parseBody, parseRetryAfter, requestIdFrom, serverFields } from '../http/index.js'
import { createRedactor } from '../redact/index.js'
import { isIntegerIn } from '../status.js'
import { bodyCap, fits } from './body.js'
import { type ErrorCtor, INTERNAL, type InternalInit } from './build.js'
import type { AnyOperation, ApiErrorFields, FromOptions, RequestLike } from './types.js'

/** @internal The parts of a failed exchange that `errorFromParts` reads. */
export interface Parts {
  readonly status: unknown
  readonly headers?: unknown
  /** Body text as read (past the cap when `partial`, so it is scrubbed before the cut), or data a client parsed. */
  readonly body?: unknown
  readonly partial?: boolean | undefined
  /** The body was read here, its bytes counted against the cap as they came: `partial` alone says whether it fit. */
  readonly counted?: boolean | undefined
  /** The read ended before the body's end (time, signal, error): its end may be the start of an echoed secret. */
  readonly early?: boolean | undefined
  /** The request, or the one given and the one a client kept (a list): every secret of each is looked for. */
  readonly request?: unknown
  /** The URL the response came from, after any redirect: its secrets are the request's too. */
  readonly url?: unknown
  /** Set when a value was thrown: it becomes the cause. */
  readonly thrown?: unknown
  readonly note?: string | undefined
}

/** @internal Both requests when there are two (a list), else the one there is: each one's secrets are looked for. */
export function joined(a: unknown, b: unknown): unknown {
  return a && b ? [a, b] : a || b
}

/**
 * @internal Makes an error of class `ctor` from the parts of a response. When `ctor`'s constructor
 * or the operation throws, the error is made with `base` (the ApiError class) and no operation,
 * and says so: the readers never fail for a bad class or operation.
 */
export function errorFromParts(
  ctor: unknown,
  parts: Parts,
  options: FromOptions<AnyOperation | undefined>,
  base: unknown,
): ApiErrorFields {
  const { headers, partial, thrown, url } = parts
  // A URL without `?`, `#`, `@`, `=` or `"` has no query, fragment, userinfo or named part in its path (`;jsessionid=…`):
  // nothing to look for (a URL parse saved, about 1.5 µs).
  const final = typeof url === 'string' && /[?#@="]/.test(url) ? { url } : undefined
  const request = joined(parts.request, final)
  const max = options.maxBodyBytes
  let body = parts.body
  if (parts.early && typeof body === 'string')
    body = createRedactor({ request: request as never, redact: options.redact }).cut(body)
  let plain = false
  // Counted as read, not as decoded: invalid UTF-8 decodes to more bytes than came.
  if (typeof body === 'string' && !partial && (parts.counted || fits(body, bodyCap(max)))) {
    // Text that opens like JSON is tried as JSON whatever its type: no header to read (about 0.7 µs).
    body = parseBody(body, /^\s*[[{]/.test(body) ? undefined : headerValue(headers, 'content-type'))
    plain = true
  }
  const status = parts.status
  const kept = isIntegerIn(status, 100, 599) ? status : 0
  // Misuse named, not hidden: what succeeded is no error (a forgotten `if (!res.ok)`, a client set to throw for any status).
  const notes = [
    isIntegerIn(status, 200, 299) && `${status} is not an error status: check res.ok first`,
    // A status no ApiError holds (999 from a proxy) is kept as 0: named, or it is lost.
    !kept && isIntegerIn(status, 1, 999) && `the status ${status} is outside 100-599`,
    parts.note,
  ]
  const init: InternalInit = {
    operation: options.operation,
    // Spread: its own fields only (the constructor reads none a polluted Object.prototype holds).
    ...serverFields(body),
    body,
    requestId: requestIdFrom(headers),
    retryAfterMs: parseRetryAfter(headerValue(headers, 'retry-after'), options.maxRetryAfterMs),
    request: request as RequestLike | undefined,
    redact: options.redact,
    cause: thrown,
    [INTERNAL]: { note: notes.filter(Boolean).join('; '), plain, partial, maxBodyBytes: max },
  }
  try {
    return new (ctor as ErrorCtor)(kept, init)
  } catch {
    const note =
      'the class or the operation given threw, so it is a plain ApiError; an operation must come from defineOperation'
    const internal = { ...init[INTERNAL], note: [...notes, note].filter(Boolean).join('; ') }
    return new (base as ErrorCtor)(kept, { ...init, operation: undefined, [INTERNAL]: internal })
  }
}
