/**
 * `ApiError`: what an API client throws when the Eagle Eye Networks Cloud API answers with an
 * error status, and what application code narrows on. `new ApiError(status, init?)` reads nothing
 * and costs about `new Error()`; `fromResponse` reads a `Response` (bounded, never rejecting);
 * `from` reads what another client threw; every field is plain data, scrubbed of secrets.
 *
 * @module
 */
import { BRAND, hasBrand } from '../brand.js'
import { fieldOf } from '../http/index.js'
import { operationFor, resolveRow } from '../operation.js'
import { createRedactor } from '../redact/index.js'
import { isIntegerIn } from '../status.js'
import { type Fields, fieldsOf, INTERNAL, nameOf, OPTIONAL, REQUIRED, readInit, readOptions } from './build.js'
import { causeJSON, type SafeCause } from './cause.js'
import { clientFailureOf } from './from-client.js'
import { fromFailure, readResponse } from './from-response.js'
import { messageOf } from './message.js'
import { copyAs, revive } from './revive.js'
import type {
  AnyOperation,
  ApiErrorFields,
  ApiErrorFor,
  ApiErrorInit,
  ApiErrorJSON,
  ApiErrorUnion,
  ConstructibleStatus,
  ErrorStatus,
  FromJSONOptions,
  FromOptions,
  FromResponseOptions,
  Unbound,
} from './types.js'

/** A class the statics make errors of: ApiError, or a subclass constructed as `(status, init)`, as they call it. */
type ErrorClass = abstract new (status: number, init?: ApiErrorInit<AnyOperation | undefined>) => ApiError
/** The original causes, kept off the error itself so that no rendering of it reaches them. */
const ORIGINALS = /* @__PURE__ */ new WeakMap<object, unknown>()

/** The class a static was called on, or ApiError when it was called unbound (`.catch(ApiError.from)`). */
const calledOn = (self: unknown): unknown => (typeof self === 'function' ? self : ApiErrorExport)

/** The class behind the `ApiError` export: an error of the API, every field plain data scrubbed of secrets. */
class ApiError extends Error implements ApiErrorFields {
  declare readonly status: number
  declare readonly code: string
  declare readonly known: boolean
  declare readonly meaning: string
  declare readonly retryable: boolean
  declare readonly retryAfterMs?: number
  declare readonly requestId?: string
  declare readonly body?: unknown
  declare readonly serverMessage?: string
  declare readonly reason?: string
  declare readonly operation?: string
  /** What caused this error, safe to log: a plain `Error` with the original's name, scrubbed message and stack, and string `code`. */
  declare readonly cause?: unknown
  constructor(status: number, init?: ApiErrorInit) {
    if (init !== undefined && (typeof init !== 'object' || init === null)) {
      throw new TypeError(`ApiError: init must be an object, got ${nameOf(init)}`)
    }
    const given = init && readInit(init)
    // Read once, as a plain copy: every later read is of data.
    if (given?.operation !== undefined)
      (given as { operation: unknown }).operation = operationFor(given.operation, status)
    const operation = given?.operation
    const internal = given?.[INTERNAL]
    const anyStatus = isIntegerIn(status, 100, 599)
    if (
      !isIntegerIn(status, 300, 599) &&
      !(anyStatus && operation?.rows[status]) &&
      !(internal && (status === 0 || anyStatus))
    ) {
      throw new RangeError(`ApiError: status must be an integer 300–599, got ${nameOf(status)}`)
    }
    const row = resolveRow(status, operation)
    const fields: Fields = given ? fieldsOf(given) : {}
    // An operation's words are the SDK's: scrubbed, as `fromJSON` revives them; the table's are not.
    const scrub = operation ? createRedactor().text : (text: string) => text
    super(messageOf(scrub, status, row, fields.line, internal?.note, operation?.name))
    const self = this as { -readonly [K in keyof ApiError]: ApiError[K] } & Record<string, unknown>
    self.status = status
    self.code = scrub(row.code)
    self.known = row.known
    self.meaning = scrub(row.meaning)
    self.retryable = row.retryable
    if (given) for (const key of OPTIONAL) if (fields[key] !== undefined) self[key] = fields[key] as never
    if (given && fields.cause) {
      Object.defineProperty(this, 'cause', { value: fields.cause, writable: true, configurable: true })
      ORIGINALS.set(this, given!.cause)
    }
  }
  /** The untouched original cause (the client's own object), for code that needs it. Never logged. */
  declare readonly unredactedCause: unknown
  /** A plain object with every field but the stack; `ApiError.fromJSON` revives it. */
  toJSON(): ApiErrorJSON {
    const json: Record<string, unknown> = {}
    for (const key of [...REQUIRED, ...OPTIONAL]) if (fieldOf(this, key) !== undefined) json[key] = this[key]
    if (fieldOf(this, 'cause')) json.cause = causeJSON(this.cause as SafeCause)
    return json as unknown as ApiErrorJSON
  }

  /**
   * Reads a fetch `Response` into an error: the body (consumed, at most `maxBodyBytes`, default
   * 65 536, within `timeoutMs`, default 10 000, and `signal`), parsed as JSON when it is JSON; the
   * server's `message` and `reason`; `Retry-After`, capped at `maxRetryAfterMs` (default 60 000);
   * the request id. Never rejects. ky's `HTTPError` is read through its Response with the request
   * ky kept; any other client's error (axios', ofetch's, got's, ky 2's) as `from` reads it; any
   * other value that is no Response gives an error of status 0 whose message says so.
   */
  static fromResponse<T extends ErrorClass | Unbound, O extends AnyOperation | undefined = undefined>(
    this: T,
    response: unknown,
    options?: FromResponseOptions<O>,
  ): Promise<ErrorOf<T, O>> {
    // The export, not the class's own name, which makes bundlers rename it (`_ApiError`) for loggers to print.
    return readResponse(calledOn(this), response, options, ApiErrorExport) as Promise<ErrorOf<T, O>>
  }

  /**
   * Turns what another client threw (or a fetch `Response`, left unread) into an error of this
   * class, synchronously, with the body the client already read. Returns `value` itself when it
   * already is one (`value instanceof` this class: for `ApiError`, an error of any copy of the
   * package; typed with the table's rows too, as made maybe without the operation), and `undefined`
   * when there is no HTTP status. Never throws: a throwing constructor or operation gives a plain `ApiError` that says so.
   */
  static from<T extends ErrorClass | Unbound, O extends AnyOperation | undefined = undefined>(
    this: T,
    value: unknown,
    options?: FromOptions<O>,
  ): ErrorOf<T, O> | ErrorOf<T> | undefined {
    const self = calledOn(this)
    try {
      // Already one: by the brand for ApiError (another copy's too), by the prototype chain for a subclass.
      if (value instanceof (self as ErrorClass)) return value as ErrorOf<T, O>
      // An ApiError of another copy, asked for as a subclass: a new instance with the same fields (one
      // whose toJSON gives no such fields, a forged brand or another version's, is read as any object).
      const copy = hasBrand(value) ? copyAs(self, value as unknown as ApiError, ApiErrorExport) : undefined
      if (copy) {
        ORIGINALS.set(copy, (value as unknown as ApiError).unredactedCause)
        return copy as ErrorOf<T, O>
      }
      const failure = clientFailureOf(value)
      if (failure === undefined) return undefined
      return fromFailure(self, failure, readOptions(options), ApiErrorExport) as ErrorOf<T, O>
    } catch {
      // A Proxy trap or a getter threw: there is no error to give.
      return undefined
    }
  }

  /**
   * Revives the object of `toJSON()` (or its JSON text) as an error of this class, keeping every
   * field, scrubbed like any other input. A status without an operation gets the table's code,
   * meaning and retry advice, whatever the JSON says, so that code and status always agree; with
   * the `operation` it was made with, that operation's row, typed as `fromResponse` types it (JSON of
   * an error not made with it is a `TypeError`). Its body is bounded by `maxBodyBytes` (default
   * 65 536: give the cap it was read with). Throws a `TypeError` for anything else.
   */
  static fromJSON<T extends ErrorClass | Unbound, O extends AnyOperation | undefined = undefined>(
    this: T,
    json: unknown,
    options?: FromJSONOptions<O>,
  ): ErrorOf<T, O> {
    return revive(calledOn(this), json, readOptions(options)) as ErrorOf<T, O>
  }
}

/** What the statics return when called on `T`: the union for `ApiError` (or unbound), a subclass's instances narrowed like it. */
export type ErrorOf<T, O extends AnyOperation | undefined = undefined> = T extends ApiErrorConstructor | Unbound
  ? ApiErrorUnion<O>
  : InstanceNarrowing<T> & ApiErrorUnion<O>

/** What `instanceof T` narrows to: the union for `ApiError`, the instance type for a subclass. */
export type InstanceNarrowing<T> = T extends ApiErrorConstructor
  ? ApiErrorUnion
  : T extends abstract new (
        ...args: never
      ) => infer I
    ? I
    : never

/** The type of the `ApiError` value: the class, with construction that narrows to the literal status. */
export interface ApiErrorConstructor extends Omit<typeof ApiError, 'prototype'> {
  /** A status of type `S` that is an error status 300–599 by its type: also a generic one, in a helper of your own. */
  new <S extends ErrorStatus, O extends AnyOperation | undefined = undefined>(
    status: S,
    init?: ApiErrorInit<O>,
  ): ApiErrorFor<S, O>
  /** `new ApiError(402)` is the ACCOUNT_SUSPENDED member; `new ApiError(n)` for `n: number` the whole union. */
  new <S extends number, O extends AnyOperation | undefined = undefined>(
    status: S & ConstructibleStatus<S, O>,
    init?: ApiErrorInit<O>,
  ): ApiErrorFor<S, O>
  /** The signature `class SdkError extends ApiError {}` inherits. */
  new <S extends number = number>(status: S & ConstructibleStatus<S, undefined>, init?: ApiErrorInit): ApiError
  /** The class's prototype: where `toJSON` lives (and, one step up, `unredactedCause`). */
  readonly prototype: ApiError
  /** True for errors of any copy of the package; narrows like `isApiError`, or to a subclass (TypeScript 5.3+). */
  [Symbol.hasInstance]<T>(this: T, value: unknown): value is InstanceNarrowing<T>
}

/**
 * The error that API clients throw and applications narrow on. `new ApiError(status, init?)` takes an
 * integer status 300–599, or 100–599 with an `operation` that has a row for it (a `RangeError` otherwise),
 * and reads nothing; `ApiError.fromResponse(res)` reads a `Response`, bounded, and never rejects;
 * `ApiError.from(thrown)` reads what another client threw; `ApiError.fromJSON(json)` revives `toJSON()`.
 * Every field is plain data, scrubbed of secrets (the client's own error is reachable as
 * `unredactedCause` only). `class SdkError extends ApiError {}` works: its statics make `SdkError`s.
 *
 * @example
 * ```ts
 * if (!res.ok) throw await ApiError.fromResponse(res)
 * ```
 */
const ApiErrorExport: ApiErrorConstructor = /* @__PURE__ */ (() => {
  const proto = ApiError.prototype
  // `unredactedCause` is an accessor on a prototype of its own, between ApiError's and Error's, whose
  // `constructor` is Error: util.inspect with `showHidden` and `getters` lists and calls the
  // accessors of a class's prototypes but stops at a built-in's, so no rendering calls this one.
  const withOriginal = Object.create(Error.prototype, {
    constructor: { value: Error, writable: true, configurable: true },
    unredactedCause: {
      get(this: object): unknown {
        return ORIGINALS.get(this)
      },
      configurable: true,
    },
  })
  Object.setPrototypeOf(proto, withOriginal)
  Object.defineProperty(proto, 'name', { value: 'ApiError', writable: true, configurable: true })
  // The class's own name too, whatever a minifier calls it: loggers print err.constructor.name.
  Object.defineProperty(ApiError, 'name', { value: 'ApiError' })
  Object.defineProperty(proto, BRAND, { value: true })
  // Installed after the class, not declared in it: V8 keeps construction fast that way.
  Object.defineProperty(ApiError, Symbol.hasInstance, {
    value(this: unknown, value: unknown): boolean {
      return this === ApiError ? hasBrand(value) : Function.prototype[Symbol.hasInstance].call(this, value)
    },
    configurable: true,
  })
  // Its `name` redefined, V8 keeps the class's properties in slow dictionary mode (`instanceof` 5-7x `instanceof
  // Error`); extended once, it is a prototype, which V8 makes fast: 1.4x. In a call, which bundlers keep.
  Reflect.getPrototypeOf(class extends ApiError {})
  return ApiError as unknown as ApiErrorConstructor
})()
/** An error from the Eagle Eye Networks Cloud API; `ApiErrorUnion` is the type that narrows. */
type ApiErrorExport = ApiError

export { ApiErrorExport as ApiError }
