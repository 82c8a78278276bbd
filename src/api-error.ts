/**
 * `ApiError`: what an API client throws when the Eagle Eye Networks Cloud API answers with an
 * error status, and what application code narrows on.
 *
 * The contract, in short:
 * - `new ApiError(status, init?)` takes an integer status 300–599 (or any status 100–599 that the
 *   given operation names) and throws a `RangeError` for anything else. It parses nothing and
 *   reads nothing: construction costs little more than `new Error()`.
 * - `await ApiError.fromResponse(response, options?)` reads the body of a fetch `Response`: it
 *   CONSUMES the body (pass `response.clone()` if you still need it), reads at most
 *   `maxBodyBytes` decoded bytes (default 65 536) within `timeoutMs` (default 10 000) or until
 *   `signal` aborts, and never rejects: a body that fails, stalls or overflows gives an error
 *   with what was read. `body` is the parsed JSON, else the text, else `undefined` when empty.
 * - `ApiError.from(value, options?)` turns what another client threw (or a `Response`, unread)
 *   into an `ApiError` synchronously, or gives `undefined` when there was no HTTP status.
 * - Nothing secret leaves: `message`, `toJSON()`, `util.inspect`, `String(e)`, `stack`, every
 *   enumerable property and `cause` are scrubbed; the untouched original cause stays reachable
 *   through the non-enumerable `unredactedCause`.
 *
 * @module
 */
import { BRAND, hasBrand } from './brand.js'
import { httpFailureOf } from './from-client.js'
import { headerValue } from './headers.js'
import { isOperation, type Operation, type OperationRows, resolveRow } from './operation.js'
import { createRedactor, type RequestLike } from './redact.js'
import {
  parseBody,
  parseRetryAfter,
  type ReadBodyOptions,
  readBodyText,
  requestIdFrom,
  serverFields,
} from './response.js'
import { isIntegerIn } from './status.js'
import type { CodeOf, KnownErrorStatus, KnownStatus, MeaningOf } from './table.js'

// ---- Types ----

/** Any operation, for constraints. */
export type AnyOperation = Operation<string, OperationRows>

/** One member of the error union: the fields that narrow together. */
export interface ApiErrorOf<S extends number, C extends string, M extends string, K extends boolean>
  extends ApiErrorClass {
  readonly status: S
  readonly code: C
  readonly meaning: M
  readonly known: K
}

/** The member for a status the table documents as an error. */
type TableMember<S extends KnownErrorStatus> = ApiErrorOf<S, CodeOf<S>, MeaningOf<S>, true>

/** The member for a status nobody documents. */
export type UnknownApiError<S extends number = number> = ApiErrorOf<S, 'UNKNOWN', string, false>

type RowCode<S, Row> = Row extends { readonly code: infer C extends string }
  ? C
  : S extends KnownStatus
    ? CodeOf<S>
    : string
type RowMeaning<S, Row> = Row extends { readonly meaning: infer M extends string }
  ? M
  : S extends KnownStatus
    ? MeaningOf<S>
    : string
type RowMember<S extends number, Row> = ApiErrorOf<S, RowCode<S, Row>, RowMeaning<S, Row>, true>

type TableMembers = { [S in KnownErrorStatus]: TableMember<S> }[KnownErrorStatus]

type OperationMembers<R> =
  | { [S in KnownErrorStatus]: S extends keyof R ? RowMember<S, R[S]> : TableMember<S> }[KnownErrorStatus]
  | { [S in Exclude<keyof R, KnownErrorStatus>]: S extends number ? RowMember<S, R[S]> : never }[Exclude<
      keyof R,
      KnownErrorStatus
    >]

/**
 * The error union: one member per error code of the table (or of the table with an operation's
 * rows applied), plus the `'UNKNOWN'` member. `switch (e.code)` narrows `e.status` and
 * `e.meaning` to literals; `if (e.known)` narrows `e.status` to the documented error statuses.
 */
export type ApiError<O extends AnyOperation | undefined = undefined> =
  | (O extends Operation<string, infer R> ? OperationMembers<R> : TableMembers)
  | UnknownApiError

/** The member of a union whose status is `S`. */
export type MemberWithStatus<U, S extends number> =
  U extends ApiErrorOf<infer T, string, string, boolean> ? (S extends T ? (T extends S ? U : never) : never) : never

/** The type of `new ApiError(status, { operation })` for a status of type `S`. */
export type ApiErrorFor<S extends number, O extends AnyOperation | undefined = undefined> = S extends number
  ? number extends S
    ? ApiError<O>
    : [MemberWithStatus<ApiError<O>, S>] extends [never]
      ? UnknownApiError<S>
      : MemberWithStatus<ApiError<O>, S>
  : never

/** What the statics return when called on `T`: the union for `ApiError`, a subclass's instances narrowed like it. */
export type ErrorOf<T, O extends AnyOperation | undefined = undefined> = T extends ApiErrorConstructor
  ? ApiError<O>
  : T extends abstract new (
        ...args: any
      ) => infer I
    ? I & ApiError<O>
    : never

/** What may accompany a status when an error is made by hand. */
export interface ApiErrorInit<O extends AnyOperation | undefined = AnyOperation | undefined> {
  /** The operation whose rows override or extend the table (see `defineOperation`). */
  readonly operation?: O
  /** The API's own `message` (or problem+json `detail`/`title`). Scrubbed of secrets. */
  readonly serverMessage?: string | undefined
  /** The API's own `reason`, e.g. `"InvalidPassword"`. Scrubbed of secrets. */
  readonly reason?: string | undefined
  /** The parsed body, or its text. Scrubbed of secrets. */
  readonly body?: unknown
  /** The request id the server gave. */
  readonly requestId?: string | undefined
  /** How long the server asked to wait before retrying, in milliseconds. */
  readonly retryAfterMs?: number | undefined
  /** What caused this error; kept as `unredactedCause`, and as a scrubbed copy in `cause` when it holds a secret. */
  readonly cause?: unknown
  /** The request that failed (a `Request` or `{ url, headers, body }`): its secrets are scrubbed wherever the server echoes them. */
  readonly request?: RequestLike | undefined
  /** Further names of secret fields, parameters or headers (any case, `-` or `_`). */
  readonly redact?: readonly string[] | undefined
}

/** Options of {@link ApiErrorClass.from}. */
export interface FromOptions<O extends AnyOperation | undefined = undefined> {
  /** The operation whose rows override or extend the table. */
  readonly operation?: O
  /** The request that failed, when the client did not keep it. */
  readonly request?: RequestLike | undefined
  /** Further names of secrets. */
  readonly redact?: readonly string[] | undefined
  /** The cap on `retryAfterMs` (default 60 000). */
  readonly maxRetryAfterMs?: number | undefined
  /** Headers to read the request id from, first present wins (default `x-request-id`, `request-id`, `x-correlation-id`). */
  readonly requestIdHeaders?: readonly string[] | undefined
}

/** Options of {@link ApiErrorClass.fromResponse}. */
export interface FromResponseOptions<O extends AnyOperation | undefined = undefined>
  extends FromOptions<O>,
    ReadBodyOptions {}

/** The plain object of {@link ApiErrorClass.toJSON}, which {@link ApiErrorClass.fromJSON} revives. */
export interface ApiErrorJSON {
  /** The error's `name`: `'ApiError'`, or a subclass's own. */
  readonly name: string
  /** The error's `message`. */
  readonly message: string
  /** The HTTP status (0 when the response had none). */
  readonly status: number
  /** The table's (or the operation's) code, or `'UNKNOWN'`. */
  readonly code: string
  /** Whether the table, or the error's operation, documents the status. */
  readonly known: boolean
  /** The table's (or the operation's) text, or a generic text naming the class. */
  readonly meaning: string
  /** Whether the request may succeed if sent again. */
  readonly retryable: boolean
  /** How long the server asked to wait, in milliseconds. */
  readonly retryAfterMs?: number
  /** The request id the server gave. */
  readonly requestId?: string
  /** The parsed body, or its text, scrubbed. */
  readonly body?: unknown
  /** The API's own message, scrubbed. */
  readonly serverMessage?: string
  /** The API's own reason, scrubbed. */
  readonly reason?: string
  /** The name of the operation whose rows applied. */
  readonly operation?: string
  /** The (safe) cause: `{ name, message }` for an `Error`, else the value itself. */
  readonly cause?: unknown
}

type Writable<T> = { -readonly [K in keyof T]: T[K] }

/** Lets `fromResponse` and `from` make errors for any status 100–599 (a 2xx handed over by mistake). */
const ANY_STATUS: unique symbol = /* @__PURE__ */ Symbol('een-api-errors.anyStatus') as never
type InternalInit = ApiErrorInit & { readonly [ANY_STATUS]?: true }

const OPTIONAL_FIELDS = ['retryAfterMs', 'requestId', 'body', 'serverMessage', 'reason', 'operation'] as const

// ---- The class ----

/** The class behind {@link ApiError}; its instances are narrowed through the {@link ApiError} union. */
export class ApiErrorClass extends Error {
  /** The HTTP status; narrowed by `code`. */
  declare readonly status: number
  /** The table's (or the operation's) code, or `'UNKNOWN'`. */
  declare readonly code: string
  /** True exactly when the table, or the error's operation, documents the status. */
  declare readonly known: boolean
  /** The table's (or the operation's) text, or a generic text naming the class. */
  declare readonly meaning: string
  /** Whether the request may succeed if sent again. */
  declare readonly retryable: boolean
  /** How long the server asked to wait (`Retry-After`), in milliseconds, capped. */
  declare readonly retryAfterMs?: number
  /** The request id the server gave. */
  declare readonly requestId?: string
  /** The parsed JSON body, or its text, bounded and scrubbed of secrets. */
  declare readonly body?: unknown
  /** The API's own `message` (or problem+json `detail`/`title`), scrubbed. */
  declare readonly serverMessage?: string
  /** The API's own `reason`, e.g. `"InvalidPassword"`, scrubbed. */
  declare readonly reason?: string
  /** The name of the operation whose rows applied. */
  declare readonly operation?: string
  /** What caused this error, safe to log (a scrubbed copy when the original held a secret). */
  declare readonly cause?: unknown
  /** The untouched original cause; non-enumerable, so loggers do not print it. */
  declare readonly unredactedCause?: unknown

  /**
   * Makes an error for an integer status 300–599, or any status 100–599 that `init.operation`
   * names. Throws a `RangeError` for anything else.
   *
   * @example
   * ```ts
   * const e = new ApiError(402) // typed as the ACCOUNT_SUSPENDED member
   * e.message // '402 ACCOUNT_SUSPENDED: Account is suspended'
   * ```
   */
  constructor(status: number, init?: ApiErrorInit) {
    if (init !== undefined && (typeof init !== 'object' || init === null)) {
      throw new TypeError('ApiError: init must be an object')
    }
    const operation = init?.operation
    if (operation !== undefined && !isOperation(operation)) {
      throw new TypeError('ApiError: operation must come from defineOperation')
    }
    if (
      !isIntegerIn(status, 300, 599) &&
      !(isIntegerIn(status, 100, 599) && operation?.rows[status]) &&
      // fromResponse, from and fromJSON take any status 100–599, and 0 for "no valid status".
      !((init as InternalInit | undefined)?.[ANY_STATUS] && (status === 0 || isIntegerIn(status, 100, 599)))
    ) {
      throw new RangeError(`ApiError: status must be an integer 300–599, got ${describeValue(status)}`)
    }
    const row = resolveRow(status, operation)
    const fields = init === undefined ? undefined : scrubbedFields(init)
    const serverMessage = fields?.serverMessage
    let message = `${status} ${row.code}: ${row.meaning}`
    if (serverMessage !== undefined && serverMessage !== row.meaning) message += ` (server: ${serverMessage})`
    if (operation !== undefined) message = `${operation.name}: ${message}`
    super(message)
    const self = this as Writable<ApiErrorClass>
    self.status = status
    self.code = row.code
    self.known = row.known
    self.meaning = row.meaning
    self.retryable = row.retryable
    if (fields !== undefined) {
      for (const key of OPTIONAL_FIELDS)
        if (fields[key] !== undefined) (self as Record<string, unknown>)[key] = fields[key]
      if ('cause' in init!) setCause(this, fields.cause, init!.cause)
    }
  }

  /**
   * A plain object with every field but the stack, for logs, worker messages and server → client
   * payloads. {@link ApiErrorClass.fromJSON} revives it.
   */
  toJSON(): ApiErrorJSON {
    const json: Record<string, unknown> = {
      name: this.name,
      message: this.message,
      status: this.status,
      code: this.code,
      known: this.known,
      meaning: this.meaning,
      retryable: this.retryable,
    }
    for (const key of OPTIONAL_FIELDS) if (this[key] !== undefined) json[key] = this[key]
    if (this.cause !== undefined) json.cause = causeToJSON(this.cause)
    return json as unknown as ApiErrorJSON
  }

  /**
   * Reads a fetch `Response` into an error: the body (consumed, bounded by `maxBodyBytes` and
   * `timeoutMs`/`signal`), parsed as JSON when it is JSON; the server's `message`/`reason`;
   * `Retry-After`; the request id. Never rejects on a bad body.
   *
   * @example
   * ```ts
   * const res = await fetch(url, { headers })
   * if (!res.ok) throw await ApiError.fromResponse(res, { request: { url, headers } })
   * ```
   */
  static async fromResponse<
    T extends abstract new (
      ...args: any
    ) => ApiErrorClass,
    O extends AnyOperation | undefined = undefined,
  >(this: T, response: Response, options?: FromResponseOptions<O>): Promise<ErrorOf<T, O>> {
    const opts = readOptions(options)
    let status: unknown
    let headers: unknown
    try {
      status = (response as { status?: unknown }).status
      headers = (response as { headers?: unknown }).headers
    } catch {
      // A hostile object: no status, no headers.
    }
    const read = await readBodyText(response, opts)
    const body = parseBody(read.text, headerValue(headers, 'content-type'))
    // Only a real Request is awaited: awaiting any other value would adopt a thenable.
    const request = isFetchRequest(opts.request) ? await readRequest(opts.request) : opts.request
    return make(this, status, headers, body, opts, request, undefined) as ErrorOf<T, O>
  }

  /**
   * Turns what another client threw into an error of this class, synchronously: a fetch
   * `Response` (its body unread), an axios error, ky's `HTTPError`, ofetch's `FetchError`, got's
   * `HTTPError`, or any object with an HTTP `status`/`statusCode`. Recovers the body the client
   * already read and the request it kept (for scrubbing). Returns `value` itself when it already
   * is an instance of this class, and `undefined` when there is no HTTP status (a network
   * failure is not an API error). Never throws.
   *
   * @example
   * ```ts
   * try { await axios.get(url) } catch (e) {
   *   const error = ApiError.from(e)
   *   if (error?.code === 'TOO_MANY_REQUESTS') await sleep(error.retryAfterMs ?? 1000)
   * }
   * ```
   */
  static from<T extends abstract new (...args: any) => ApiErrorClass, O extends AnyOperation | undefined = undefined>(
    this: T,
    value: unknown,
    options?: FromOptions<O>,
  ): ErrorOf<T, O> | undefined {
    try {
      const opts = readOptions(options)
      if (isInstanceOf(this, value)) return value as ErrorOf<T, O>
      if (hasBrand(value)) return revive(this, (value as unknown as ApiErrorClass).toJSON(), value) as never
      const failure = httpFailureOf(value)
      if (failure === undefined) return undefined
      const headers = failure.headers ?? readHeaders(failure.response)
      const body =
        typeof failure.body === 'string' ? parseBody(failure.body, headerValue(headers, 'content-type')) : failure.body
      const request = opts.request ?? (failure.request as RequestLike | undefined)
      return make(this, failure.status, headers, body, opts, request, failure.thrown) as ErrorOf<T, O>
    } catch {
      return undefined
    }
  }

  /**
   * Revives the plain object of {@link ApiErrorClass.toJSON} (or its JSON text) as an error of
   * this class, keeping every field as it was. Throws a `TypeError` when `json` is not such an
   * object.
   *
   * @example
   * ```ts
   * worker.postMessage(error.toJSON())
   * // in the worker:
   * const error = ApiError.fromJSON(event.data)
   * ```
   */
  static fromJSON<T extends abstract new (...args: any) => ApiErrorClass>(this: T, json: unknown): ErrorOf<T> {
    let value = json
    if (typeof value === 'string') {
      try {
        value = JSON.parse(value)
      } catch {
        throw new TypeError('ApiError.fromJSON: the text is not JSON')
      }
    }
    return revive(this, value, undefined) as ErrorOf<T>
  }
}

// ---- Helpers of the class ----

/** Names a bad status without echoing what could be anything (a secret, a huge string). */
function describeValue(value: unknown): string {
  return typeof value === 'number' ? String(value) : `a ${typeof value}`
}

/** The init's free-form fields, scrubbed of the request's and the built-in secrets. */
function scrubbedFields(init: ApiErrorInit): Partial<Record<(typeof OPTIONAL_FIELDS)[number] | 'cause', unknown>> {
  const { serverMessage, reason, body, requestId, retryAfterMs, operation, cause } = init
  const needsScrub = serverMessage !== undefined || reason !== undefined || body !== undefined || 'cause' in init
  const redactor = needsScrub ? createRedactor({ request: init.request, redact: init.redact }) : undefined
  return {
    serverMessage: typeof serverMessage === 'string' ? redactor!.text(serverMessage) : undefined,
    reason: typeof reason === 'string' ? redactor!.text(reason) : undefined,
    body: body === undefined ? undefined : redactor!.value(body),
    requestId: typeof requestId === 'string' ? (redactor?.text(requestId) ?? requestId) : undefined,
    retryAfterMs: Number.isFinite(retryAfterMs) && (retryAfterMs as number) >= 0 ? retryAfterMs : undefined,
    operation: operation?.name,
    cause: 'cause' in init ? redactor!.error(cause) : undefined,
  }
}

function setCause(error: ApiErrorClass, safe: unknown, original: unknown): void {
  Object.defineProperty(error, 'cause', { value: safe, writable: true, configurable: true, enumerable: false })
  Object.defineProperty(error, 'unredactedCause', {
    value: original,
    writable: true,
    configurable: true,
    enumerable: false,
  })
}

/** Marks a serialized `Error` cause, so that fromJSON revives an Error and leaves plain objects alone. */
const ERROR_TYPE = 'Error'

function causeToJSON(cause: unknown): unknown {
  if (cause instanceof Error) return { $type: ERROR_TYPE, name: cause.name, message: cause.message }
  return cause
}

function causeFromJSON(json: unknown): unknown {
  const cause = json as { $type?: unknown; name?: unknown; message?: unknown } | null
  if (typeof cause !== 'object' || cause === null || cause.$type !== ERROR_TYPE) return json
  const error = new Error(typeof cause.message === 'string' ? cause.message : '')
  if (typeof cause.name === 'string') error.name = cause.name
  return error
}

function readHeaders(response: Response | undefined): unknown {
  return response?.headers
}

function isInstanceOf(ctor: abstract new (...args: any) => ApiErrorClass, value: unknown): boolean {
  return typeof value === 'object' && value !== null && Object.prototype.isPrototypeOf.call(ctor.prototype, value)
}

/** The options as a plain object read once; a hostile or malformed options object gives the defaults. */
function readOptions(options: unknown): FromResponseOptions<AnyOperation | undefined> {
  try {
    if (typeof options !== 'object' || options === null) return {}
    const { operation, request, redact, maxRetryAfterMs, requestIdHeaders, maxBodyBytes, timeoutMs, signal } =
      options as FromResponseOptions<AnyOperation | undefined>
    return { operation, request, redact, maxRetryAfterMs, requestIdHeaders, maxBodyBytes, timeoutMs, signal }
  } catch {
    return {}
  }
}

function isFetchRequest(value: unknown): value is Request {
  try {
    return typeof Request !== 'undefined' && value instanceof Request
  } catch {
    return false
  }
}

/** A `Request` whose body is still unread gives up its text, bounded, for scrubbing echoes. */
async function readRequest(r: Request): Promise<RequestLike> {
  const body = r.bodyUsed || r.body === null ? undefined : (await readBodyText(r.clone(), { timeoutMs: 1000 })).text
  return { url: r.url, headers: r.headers, body }
}

/** Builds an error from the parts of a response, scrubbed, for `fromResponse` and `from`. */
function make(
  ctor: abstract new (...args: any) => ApiErrorClass,
  status: unknown,
  headers: unknown,
  body: unknown,
  options: FromOptions<AnyOperation | undefined> | undefined,
  request: RequestLike | undefined,
  thrown: unknown,
): ApiErrorClass {
  const { serverMessage, reason } = serverFields(body)
  const init: Writable<InternalInit> = {
    [ANY_STATUS]: true,
    operation: options?.operation,
    serverMessage,
    reason,
    body,
    requestId: requestIdFrom(headers, options?.requestIdHeaders),
    retryAfterMs: parseRetryAfter(headerValue(headers, 'retry-after'), options?.maxRetryAfterMs),
    request,
    redact: options?.redact,
  }
  if (thrown !== undefined) init.cause = thrown
  const Ctor = ctor as unknown as new (status: number, init: ApiErrorInit) => ApiErrorClass
  return new Ctor(isIntegerIn(status, 100, 599) ? status : 0, init)
}

/** Revives fields as they were (not recomputed from the table: an operation may have set them). */
function revive(ctor: abstract new (...args: any) => ApiErrorClass, json: unknown, original: unknown): ApiErrorClass {
  let j: Record<string, unknown>
  try {
    // One snapshot of the fields: a getter or trap that throws makes it "not such an object".
    j = typeof json === 'object' && json !== null ? { ...json } : {}
  } catch {
    j = {}
  }
  if (
    !(j.status === 0 || isIntegerIn(j.status, 100, 599)) ||
    typeof j.code !== 'string' ||
    typeof j.meaning !== 'string' ||
    typeof j.known !== 'boolean' ||
    typeof j.retryable !== 'boolean'
  ) {
    throw new TypeError('ApiError.fromJSON: expected the object of ApiError#toJSON()')
  }
  const Ctor = ctor as unknown as new (status: number, init: ApiErrorInit) => ApiErrorClass
  const init: Writable<InternalInit> = { [ANY_STATUS]: true }
  const error = new Ctor(j.status as number, init) as Writable<ApiErrorClass>
  // Read the stack now: V8 formats its "name: message" line on first access.
  const header = `${error.name}: ${error.message}`
  const stack = error.stack
  error.code = j.code
  error.meaning = j.meaning
  error.known = j.known
  error.retryable = j.retryable
  for (const key of OPTIONAL_FIELDS) {
    const value = j[key]
    if (value === undefined) continue
    if (key === 'body' || typeof value === (key === 'retryAfterMs' ? 'number' : 'string')) {
      ;(error as Record<string, unknown>)[key] = value
    }
  }
  if (typeof j.message === 'string') error.message = j.message
  if (typeof j.name === 'string' && j.name !== error.name) error.name = j.name
  if (original !== undefined) {
    const source = original as ApiErrorClass
    if (source.cause !== undefined) setCause(error, source.cause, source.unredactedCause ?? source.cause)
  } else if (j.cause !== undefined) {
    const revived = causeFromJSON(j.cause)
    setCause(error, revived, revived)
  }
  // V8 begins the stack with the constructor's "name: message"; restate it (other engines have no such line).
  if (typeof stack === 'string' && stack.startsWith(header)) {
    error.stack = `${error.name}: ${error.message}${stack.slice(header.length)}`
  }
  return error
}

// ---- The export ----

/** The constructor's extra signature: `new ApiError(402)` is typed as the ACCOUNT_SUSPENDED member. */
export interface ApiErrorConstructor {
  new <S extends number, O extends AnyOperation | undefined = undefined>(
    status: S,
    init?: ApiErrorInit<O>,
  ): ApiErrorFor<S, O>
  /**
   * `e instanceof ApiError` is true for errors of any copy of the package and narrows to the union,
   * like {@link isApiError}; `e instanceof SdkError` narrows to the subclass (TypeScript 5.3+).
   */
  [Symbol.hasInstance]<T>(this: T, value: unknown): value is InstanceNarrowing<T>
}

/** What `instanceof T` narrows to: the union for `ApiError`, the instance type for a subclass. */
export type InstanceNarrowing<T> = T extends ApiErrorConstructor
  ? ApiError
  : T extends abstract new (
        ...args: any
      ) => infer I
    ? I
    : never

/**
 * The error that API clients throw and applications narrow on. See the module comment for the
 * contract; `class SdkError extends ApiError {}` works, and `SdkError.fromResponse`, `from` and
 * `fromJSON` return `SdkError` instances.
 *
 * @example
 * ```ts
 * try {
 *   await client.getCamera(id)
 * } catch (e) {
 *   if (!isApiError(e)) throw e
 *   switch (e.code) {
 *     case 'ACCOUNT_SUSPENDED': e.status // 402
 *       break
 *     case 'UNKNOWN': e.status // number
 *       break
 *   }
 * }
 * ```
 */
export const ApiError: ApiErrorConstructor & typeof ApiErrorClass = /* @__PURE__ */ (() => {
  const proto = ApiErrorClass.prototype
  Object.defineProperty(proto, 'name', { value: 'ApiError', writable: true, configurable: true })
  Object.defineProperty(proto, BRAND, { value: true })
  Object.defineProperty(ApiErrorClass, 'name', { value: 'ApiError' })
  // Installed after the class, not declared in it: V8 keeps construction fast that way (DESIGN §8).
  // `instanceof ApiError` holds for errors of any copy of the package; a subclass checks as usual.
  Object.defineProperty(ApiErrorClass, Symbol.hasInstance, {
    value(this: unknown, value: unknown): boolean {
      return this === ApiErrorClass ? hasBrand(value) : Function.prototype[Symbol.hasInstance].call(this, value)
    },
    configurable: true,
  })
  return ApiErrorClass as ApiErrorConstructor & typeof ApiErrorClass
})()

/**
 * Whether `value` is an `ApiError` from any copy of this package (ESM and CJS builds, two
 * installed versions). Narrows to the union of the table's members. An error made with an
 * operation may carry the operation's own codes: pass the operation to narrow to its rows (this
 * also checks that the error was made with it); an SDK that uses operations should offer its
 * users such a guard.
 *
 * @example
 * ```ts
 * if (isApiError(e) && e.code === 'ACCOUNT_SUSPENDED') showSuspendedPage()
 * if (isApiError(e, authorize) && e.code === 'ACCOUNT_LOCKED') showLockedPage()
 * ```
 */
export function isApiError(value: unknown): value is ApiError
export function isApiError<O extends AnyOperation>(value: unknown, operation: O): value is ApiError<O>
export function isApiError(value: unknown, operation?: AnyOperation): boolean {
  return hasBrand(value) && (operation == null || (value as unknown as ApiErrorClass).operation === operation.name)
}
