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
import { ApiErrorClass } from './error-class.js'
import type { Operation, OperationRows } from './operation.js'
import type { RequestLike } from './redact.js'
import type { ReadBodyOptions } from './response.js'
import type { CodeOf, KnownErrorStatus, KnownStatus, MeaningOf } from './table/index.js'

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

export { ApiErrorClass }
