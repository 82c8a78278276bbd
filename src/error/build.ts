/**
 * What an `ApiError` keeps of what it is given: its fields, scrubbed before any cut (the body by
 * the rules of `body.ts`); and the init and options, each read once, as plain copies.
 *
 * @module
 */
import { fieldOf, oneLine } from '../http/index.js'
import { createRedactor, type Redactor, scrubbedStart } from '../redact/index.js'
import { plainBody } from './body.js'
import { safeCause } from './cause.js'
import type { AnyOperation, ApiErrorFields, ApiErrorInit, FromResponseOptions } from './types.js'

/** The fields an error has only when given: the constructor copies them, `toJSON` writes them last. */
export const OPTIONAL = ['retryAfterMs', 'requestId', 'body', 'serverMessage', 'reason', 'operation'] as const
/** What `toJSON` writes first, then the optional fields (a spread here would stay in every bundle). */
export const REQUIRED = ['name', 'message', 'status', 'code', 'known', 'meaning', 'retryable'] as const

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
  // A message already on one line is scrubbed once, for both fields.
  fields.line = line === server ? fields.serverMessage : text(line)
  // As in a cause chain, undefined and null are no cause. Set either way, as an own field, so that
  // reading it never reaches a polluted Object.prototype.cause.
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

/** @internal A class the readers construct. */
export type ErrorCtor = new (status: number, init: InternalInit) => ApiErrorFields

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
