/**
 * What an `ApiError` keeps of what it is given: its fields, scrubbed before any cut (the body by
 * the rules of `body.ts`). Also `make`, which `fromResponse` and `from` share: the parts of a
 * response, read into an error.
 *
 * @module
 */
import {
  fieldOf,
  headerValue,
  oneLine,
  parseBody,
  parseRetryAfter,
  requestIdFrom,
  type ServerFields,
  serverFields,
} from '../http/index.js'
import { createRedactor, type Redactor, scrubbedStart } from '../redact/index.js'
import { isIntegerIn } from '../status.js'
import { bodyCap, fits, plainBody } from './body.js'
import { safeCause } from './cause.js'
import type {
  AnyOperation,
  ApiErrorFields,
  ApiErrorInit,
  FromOptions,
  FromResponseOptions,
  RequestLike,
} from './types.js'

/** @internal Lets `fromResponse`, `from` and `fromJSON` make errors for 0 and any status 100–599, with a note. */
export const INTERNAL: unique symbol = /* @__PURE__ */ Symbol('een-api-errors.internal') as never

/** @internal What the library's own ways in add to an init. */
export interface Internal {
  /** Said after the meaning in the message, e.g. that the argument was no Response. */
  readonly note?: string | undefined
  /** The body is `JSON.parse` output or text already: no round trip needed. */
  readonly plain?: boolean | undefined
  /** The body text was cut short by the reader. */
  readonly partial?: boolean | undefined
  readonly maxBodyBytes?: number | undefined
}

/** @internal An init as the library's own ways in pass it. */
export type InternalInit = ApiErrorInit & { readonly [INTERNAL]?: Internal }

/** The longest `serverMessage`, `reason` and `requestId` kept, in characters (after scrubbing). */
const MAX_TEXT = 1000
/** The longest wait kept, in milliseconds: the most `setTimeout` waits (2^31 - 1, about 24.8 days). */
// Written out: esbuild keeps `2 ** 31 - 1` at the top level in every bundle, even describe-only ones.
const MAX_WAIT = 2_147_483_647

/** @internal The optional fields, scrubbed and bounded. */
export interface Fields {
  serverMessage?: string | undefined
  /** The server's message as the error's message shows it: on one line, scrubbed as such (a line break may hide a secret's shape). */
  line?: string | undefined
  reason?: string | undefined
  body?: unknown
  requestId?: string | undefined
  retryAfterMs?: number | undefined
  operation?: string | undefined
  cause?: Error | undefined
}

/** What the constructor reads of an init. */
const INIT_KEYS = [
  'operation',
  'serverMessage',
  'reason',
  'body',
  'requestId',
  'retryAfterMs',
  'cause',
  'request',
  'redact',
  INTERNAL,
] as const satisfies readonly (keyof InternalInit)[]

/**
 * @internal The init's fields, each read once: one whose getter or Proxy trap throws is left out,
 * as a body that cannot be serialized is. Making an error must not fail on what describes it.
 */
export function readInit(init: ApiErrorInit): InternalInit {
  const copy: Record<PropertyKey, unknown> = {}
  for (const key of INIT_KEYS) {
    try {
      copy[key] = fieldOf(init, key)
    } catch {
      // Left out.
    }
  }
  return copy as InternalInit
}

/** @internal The init's fields as the error keeps them. */
export function fieldsOf(init: InternalInit): Fields {
  const { retryAfterMs, operation } = init
  // Made on first use: an init with nothing to scrub never reads the request.
  let made: Redactor | undefined
  const redactor = () => (made ??= createRedactor(init))
  const scrub = (text: string) => redactor().text(text)
  const cutEnd = (text: string) => redactor().cut(text)
  const text = (value: unknown) =>
    typeof value === 'string' ? scrubbedStart(scrub, value, MAX_TEXT, cutEnd) : undefined
  const server = init.serverMessage
  const line = typeof server === 'string' ? oneLine(server) : undefined
  const fields: Fields = {
    serverMessage: text(server),
    reason: text(init.reason),
    requestId: text(init.requestId),
    // At most what a timer can wait (setTimeout runs a longer delay at once); Infinity waits the longest.
    retryAfterMs: typeof retryAfterMs === 'number' && retryAfterMs >= 0 ? Math.min(retryAfterMs, MAX_WAIT) : undefined,
    operation: operation && scrub(operation.name),
    body: plainBody(init.body, redactor, init[INTERNAL]?.plain, init[INTERNAL]?.maxBodyBytes),
  }
  // As in a cause chain, undefined and null stand for no cause: there is nothing to tell of them. Own
  // either way, so that reading it never reaches a polluted Object.prototype.cause.
  fields.line = line === server ? fields.serverMessage : text(line)
  fields.cause = init.cause == null ? undefined : safeCause(init.cause, scrub, cutEnd)
  return fields
}

/** What `fromResponse` and `from` read of their options. */
const OPTION_KEYS = [
  'operation',
  'request',
  'redact',
  'maxRetryAfterMs',
  'maxBodyBytes',
  'timeoutMs',
  'signal',
] as const

/** @internal The options as a plain object read once; a hostile or malformed options object gives the defaults. */
export function readOptions(options: unknown): FromResponseOptions<AnyOperation | undefined> {
  try {
    const read: Record<string, unknown> = {}
    // One object for every read (no options: an empty one), not one made per field.
    const given = Object(options)
    for (const key of OPTION_KEYS) read[key] = fieldOf(given, key)
    return read as FromResponseOptions<AnyOperation | undefined>
  } catch {
    return {}
  }
}

/** @internal The parts of a failed exchange that `make` reads. */
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

/** @internal A class the readers construct. */
export type ErrorCtor = new (status: number, init: InternalInit) => ApiErrorFields

/**
 * @internal Makes an error of class `ctor` from the parts of a response. When `ctor`'s constructor
 * or the operation throws, the error is made with `base` (the ApiError class) and no operation,
 * and says so: the readers never fail for a bad class or operation.
 */
export function make(
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
  // Own fields only: a polluted Object.prototype.serverMessage is no server's.
  const { serverMessage, reason } = { __proto__: null, ...serverFields(body) } as ServerFields
  const status = parts.status
  const valid = isIntegerIn(status, 100, 599)
  // Misuse named, not hidden: what succeeded is no error (a forgotten `if (!res.ok)`, a client set to throw for any status).
  const notes = [isIntegerIn(status, 200, 299) && `${status} is not an error status: check res.ok first`, parts.note]
  const init: InternalInit = {
    operation: options.operation,
    serverMessage,
    reason,
    body,
    requestId: requestIdFrom(headers),
    retryAfterMs: parseRetryAfter(headerValue(headers, 'retry-after'), options.maxRetryAfterMs),
    request: request as RequestLike | undefined,
    redact: options.redact,
    ...(thrown !== undefined && { cause: thrown }),
    [INTERNAL]: { note: notes.filter(Boolean).join('; ') || undefined, plain, partial, maxBodyBytes: max },
  }
  const kept = valid ? status : 0
  try {
    return new (ctor as ErrorCtor)(kept, init)
  } catch {
    const note =
      'the class or the operation given threw, so it is a plain ApiError; an operation must come from defineOperation'
    const internal = { ...init[INTERNAL], note: [...notes, note].filter(Boolean).join('; ') }
    return new (base as ErrorCtor)(kept, { ...init, operation: undefined, [INTERNAL]: internal })
  }
}

/** @internal Names a bad value without echoing what could be anything (a huge string; a secret, scrubbed before the cut). */
export function nameOf(value: unknown): string {
  if (typeof value === 'string') {
    // Scrubbed in a part long enough for any secret that starts where it is shown: a whole string
    // of megabytes took seconds.
    const shown = createRedactor().text(value.slice(0, 1000))
    return `the string '${shown.length > 20 ? `${shown.slice(0, 20)}…` : shown}'`
  }
  if (typeof value === 'number' || value == null) return String(value)
  // Not Array.isArray: it throws on a revoked Proxy, and naming a bad value must not throw.
  if (typeof value === 'object') return 'an object'
  return `a ${typeof value}`
}
