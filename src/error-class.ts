/**
 * The class behind `ApiError` (see `api-error.ts` for the contract and the types): declared with
 * the name `ApiError`, which stacks and `util.inspect` show, in a module of its own so that
 * `api-error.ts` can export the value and the union type under that same name. (Redefining a
 * class's `name` afterwards would keep V8 from ever optimising its constructor.)
 *
 * @module
 */

import type {
  AnyOperation,
  ApiErrorInit,
  ApiErrorJSON,
  ErrorOf,
  FromOptions,
  FromResponseOptions,
} from './api-error.js'
import { hasBrand } from './brand.js'
import { httpFailureOf } from './from-client.js'
import { headerValue } from './headers.js'
import { isOperation, resolveRow } from './operation.js'
import { createRedactor, type RequestLike } from './redact.js'
import { parseBody, parseRetryAfter, readBodyText, requestIdFrom, serverFields } from './response.js'
import { isIntegerIn } from './status.js'

type Writable<T> = { -readonly [K in keyof T]: T[K] }

/** Lets `fromResponse` and `from` make errors for any status 100–599 (a 2xx handed over by mistake). */
const ANY_STATUS: unique symbol = /* @__PURE__ */ Symbol('een-api-errors.anyStatus') as never
type InternalInit = ApiErrorInit & { readonly [ANY_STATUS]?: true }

const OPTIONAL_FIELDS = ['retryAfterMs', 'requestId', 'body', 'serverMessage', 'reason', 'operation'] as const

// ---- The class ----

/** The class behind {@link ApiError}; its instances are narrowed through the {@link ApiError} union. */
class ApiError extends Error {
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
    const self = this as Writable<ApiError>
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
   * payloads. {@link ApiError.fromJSON} revives it.
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
    ) => ApiError,
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
  static from<T extends abstract new (...args: any) => ApiError, O extends AnyOperation | undefined = undefined>(
    this: T,
    value: unknown,
    options?: FromOptions<O>,
  ): ErrorOf<T, O> | undefined {
    try {
      const opts = readOptions(options)
      if (isInstanceOf(this, value)) return value as ErrorOf<T, O>
      if (hasBrand(value)) return revive(this, (value as unknown as ApiError).toJSON(), value) as never
      const failure = httpFailureOf(value)
      // Stryker disable next-line ConditionalExpression: without the check, reading `failure.headers` below throws a TypeError that the catch turns into the same undefined (only the throw is spared).
      if (failure === undefined) return undefined
      const headers = failure.headers ?? readHeaders(failure.response)
      const body =
        typeof failure.body === 'string' ? parseBody(failure.body, headerValue(headers, 'content-type')) : failure.body
      const request = opts.request ?? (failure.request as RequestLike | undefined)
      return make(this, failure.status, headers, body, opts, request, failure.thrown) as ErrorOf<T, O>
    } catch {
      // A Proxy trap, a toJSON or a subclass's constructor threw: there is no error to give.
    }
    return undefined
  }

  /**
   * Revives the plain object of {@link ApiError.toJSON} (or its JSON text) as an error of
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
  static fromJSON<T extends abstract new (...args: any) => ApiError>(this: T, json: unknown): ErrorOf<T> {
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
  const needsScrub =
    serverMessage !== undefined ||
    reason !== undefined ||
    body !== undefined ||
    requestId !== undefined ||
    'cause' in init
  const redactor = needsScrub ? createRedactor({ request: init.request, redact: init.redact }) : undefined
  return {
    serverMessage: typeof serverMessage === 'string' ? redactor!.text(serverMessage) : undefined,
    reason: typeof reason === 'string' ? redactor!.text(reason) : undefined,
    body: body === undefined ? undefined : redactor!.value(body),
    requestId: typeof requestId === 'string' ? redactor!.text(requestId) : undefined,
    retryAfterMs: Number.isFinite(retryAfterMs) && (retryAfterMs as number) >= 0 ? retryAfterMs : undefined,
    operation: operation?.name,
    cause: 'cause' in init ? redactor!.error(cause) : undefined,
  }
}

function setCause(error: ApiError, safe: unknown, original: unknown): void {
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

function isInstanceOf(ctor: abstract new (...args: any) => ApiError, value: unknown): boolean {
  // Not a function, even one that inherits from the class; isPrototypeOf is false for null.
  return typeof value === 'object' && Object.prototype.isPrototypeOf.call(ctor.prototype, value as object)
}

/** The options as a plain object read once; a hostile or malformed options object gives the defaults. */
function readOptions(options: unknown): FromResponseOptions<AnyOperation | undefined> {
  try {
    // null passes this check, and destructuring it throws into the catch below.
    if (typeof options !== 'object') return {}
    const { operation, request, redact, maxRetryAfterMs, requestIdHeaders, maxBodyBytes, timeoutMs, signal } =
      options as FromResponseOptions<AnyOperation | undefined>
    return { operation, request, redact, maxRetryAfterMs, requestIdHeaders, maxBodyBytes, timeoutMs, signal }
  } catch {
    return {}
  }
}

function isFetchRequest(value: unknown): value is Request {
  try {
    return value instanceof Request
  } catch {
    // No global Request (a ReferenceError), or a Proxy whose getPrototypeOf trap throws.
  }
  return false
}

/** A `Request` whose body is still unread gives up its text, bounded, for scrubbing echoes. */
async function readRequest(r: Request): Promise<RequestLike> {
  // A used body cannot be cloned; a Request without a body reads as '', which holds no secret.
  const body = r.bodyUsed ? undefined : (await readBodyText(r.clone(), { timeoutMs: 1000 })).text
  return { url: r.url, headers: r.headers, body }
}

/** Builds an error from the parts of a response, scrubbed, for `fromResponse` and `from`. */
function make(
  ctor: abstract new (...args: any) => ApiError,
  status: unknown,
  headers: unknown,
  body: unknown,
  options: FromOptions<AnyOperation | undefined>,
  request: RequestLike | undefined,
  thrown: unknown,
): ApiError {
  const { serverMessage, reason } = serverFields(body)
  const init: Writable<InternalInit> = {
    [ANY_STATUS]: true,
    operation: options.operation,
    serverMessage,
    reason,
    body,
    requestId: requestIdFrom(headers, options.requestIdHeaders),
    retryAfterMs: parseRetryAfter(headerValue(headers, 'retry-after'), options.maxRetryAfterMs),
    request,
    redact: options.redact,
  }
  if (thrown !== undefined) init.cause = thrown
  const Ctor = ctor as unknown as new (status: number, init: ApiErrorInit) => ApiError
  return new Ctor(isIntegerIn(status, 100, 599) ? status : 0, init)
}

/** Revives fields as they were (not recomputed from the table: an operation may have set them). */
function revive(ctor: abstract new (...args: any) => ApiError, json: unknown, original: unknown): ApiError {
  let j: Record<string, unknown>
  try {
    // One snapshot of the fields: a getter or trap that throws makes it "not such an object".
    // Not a function's properties; spreading null gives {}.
    j = typeof json === 'object' ? { ...json } : {}
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
  const Ctor = ctor as unknown as new (status: number, init: ApiErrorInit) => ApiError
  const init: Writable<InternalInit> = { [ANY_STATUS]: true }
  const error = new Ctor(j.status as number, init) as Writable<ApiError>
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
    const source = original as ApiError
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

/** The class behind `ApiError`; its instances are narrowed through the `ApiError` union. */
export { ApiError as ApiErrorClass }
