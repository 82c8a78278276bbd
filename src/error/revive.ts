/**
 * `ApiError.fromJSON`: the object of `toJSON()` (or its JSON text) revived as an error, every text
 * scrubbed like any other input.
 *
 * @module
 */
import { oneLine } from '../http/index.js'
import { createRedactor, scrubbedStart } from '../redact/index.js'
import { isIntegerIn } from '../status.js'
import { bodyCap, fits } from './body.js'
import { type ErrorCtor, INTERNAL, type InternalInit } from './build.js'
import { headline } from './message.js'
import type { AnyOperation, ApiErrorFields, FromJSONOptions } from './types.js'

/**
 * The longest message, meaning, code, operation or name revived, in characters: well above what the
 * constructor writes (a meaning and up to 1,000 characters of the server's), so that a round trip
 * keeps them, while foreign JSON cannot make them grow without end.
 */
const MAX_REVIVED = 4000

/** @internal Revives fields as they were (an operation may have set them), every text scrubbed. */
export function revive(
  ctor: unknown,
  json: unknown,
  options: FromJSONOptions<AnyOperation | undefined>,
): ApiErrorFields {
  const { maxBodyBytes, operation: given } = options
  // Foreign JSON is input like any other, its body bounded by the cap. Text that fits the cap is
  // parsed here, so its body is plain data, walked as it is; any other body goes through the
  // constructor's bounded JSON round trip (a toJSON or getter it brings runs once, here, not when logged).
  const plain = typeof json === 'string' && fits(json, bodyCap(maxBodyBytes))
  if (typeof json === 'string') {
    try {
      json = JSON.parse(json)
    } catch {
      throw new TypeError('ApiError.fromJSON: the text is not JSON')
    }
  }
  // Without a prototype: what a polluted Object.prototype holds (`status`, `operation`) is no field of the JSON.
  let fields: Record<string, unknown> = { __proto__: null }
  try {
    if (typeof json === 'object') fields = { __proto__: null, ...json }
  } catch {
    // A throwing getter or trap: not the object of toJSON().
  }
  const { status, code, meaning, known, retryable, message, name, operation } = fields
  if (
    !(status === 0 || isIntegerIn(status, 100, 599)) ||
    typeof code !== 'string' ||
    typeof meaning !== 'string' ||
    typeof known !== 'boolean' ||
    typeof retryable !== 'boolean'
  ) {
    throw new TypeError('ApiError.fromJSON: expected the object of ApiError#toJSON()')
  }
  // Only fields of the type the init declares: a subclass's constructor reads the init it is typed
  // with (`init?.serverMessage?.trim()`), whatever foreign JSON holds.
  const optional = (key: string, type: string) => (typeof fields[key] === type ? fields[key] : undefined)
  const init = {
    operation: given,
    serverMessage: optional('serverMessage', 'string'),
    reason: optional('reason', 'string'),
    requestId: optional('requestId', 'string'),
    retryAfterMs: optional('retryAfterMs', 'number'),
    body: fields.body,
    cause: fields.cause,
    [INTERNAL]: { plain, maxBodyBytes },
  }
  const error = new (ctor as ErrorCtor)(status, init as InternalInit)
  // Given an operation, only the JSON of an error made with it (named as such an error names it) is
  // revived, with that operation's row for its status, whatever the JSON claims: the type is its union.
  if (given && operation !== error.operation) {
    throw new TypeError('ApiError.fromJSON: not an error of this operation')
  }
  const redactor = createRedactor()
  const scrub = (text: string) => scrubbedStart(redactor.text, text, MAX_REVIVED)
  const self = error as { -readonly [K in keyof ApiErrorFields]: ApiErrorFields[K] }
  // Without an operation, a status has this copy's row (or is UNKNOWN), whatever the JSON claims, so
  // that code, known and status agree as the types say. The row of an operation not given cannot be
  // looked up: taken as given, but only a row with a code of its own (not empty) and a status is known.
  if (typeof operation === 'string' && !given) {
    self.known = known && code !== 'UNKNOWN' && code !== '' && status !== 0
    self.code = self.known ? scrub(code) : 'UNKNOWN'
    self.meaning = scrub(meaning)
    self.retryable = retryable
    self.operation = scrub(operation)
  }
  // On one line, as the constructor writes them: foreign line breaks would forge stack frames. A
  // message of a code this copy's row replaced would contradict the fields: the constructor's stands,
  // as does one it wrote alike (scrubbed again, `(server: Authorization: [REDACTED])` lost its `)`).
  if (typeof message === 'string' && code === error.code && message !== error.message) {
    // A message that opens as the constructor writes it is scrubbed as the constructor scrubs it.
    const operationName = typeof operation === 'string' ? operation : undefined
    const head = headline((text) => text, status, code, '', operationName)
    const text = message.startsWith(head)
      ? headline(scrub, status, code, message.slice(head.length), operationName)
      : scrub(oneLine(message) as string)
    // Cut to the limit, never between the halves of a surrogate pair (half an emoji).
    self.message = text.slice(0, /[\ud800-\udbff]/.test(text.charAt(MAX_REVIVED - 1)) ? MAX_REVIVED - 1 : MAX_REVIVED)
  }
  // Defined, not assigned: a subclass may name itself by a getter or a read-only prototype property
  // (assigning threw); one that fixed its own name in its constructor (not configurable) keeps it.
  if (typeof name === 'string' && name !== error.name) {
    const value = scrub(oneLine(name) as string)
    Reflect.defineProperty(self, 'name', { value, writable: true, enumerable: true, configurable: true })
  }
  return error
}

/**
 * @internal An error of another copy of the package, asked for as class `ctor`: a new instance
 * with the same fields, or one of `base` (ApiError) when `ctor`'s constructor throws; `undefined`
 * when its `toJSON` throws or gives no object of `toJSON()` (a forged brand, another version's shape).
 */
export function copyAs(ctor: unknown, error: { toJSON(): unknown }, base: unknown): ApiErrorFields | undefined {
  let json: unknown
  try {
    json = error.toJSON()
  } catch {
    return undefined
  }
  // An error's body is bounded already, by the cap it was made with: the copy keeps it whole.
  for (const ErrorClass of [ctor, base]) {
    try {
      return revive(ErrorClass, json, { maxBodyBytes: Infinity })
    } catch {}
  }
  return undefined
}
