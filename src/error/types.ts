/**
 * The types of `ApiError`: the fields, the union that narrows on `code`, `status` and `known`, and
 * the shapes of its options and of its JSON. A leaf: it imports types only.
 *
 * @module
 */
import type { Operation, OperationRows } from '../operation.js'
import type { ClientErrorStatus, RedirectStatus, ServerErrorStatus } from '../status.js'
import type { CodeOf, KnownErrorStatus, KnownStatus, MeaningOf } from '../table/index.js'

/** Any operation made by `defineOperation`, for constraints. */
export type AnyOperation = Operation<string, OperationRows>

/** The fields every `ApiError` has. */
export interface ApiErrorFields extends Error {
  /** `'ApiError'`, or a subclass's own name. */
  readonly name: string
  /** The HTTP status; narrowed by `code`. 0 when there was no valid status to read. */
  readonly status: number
  /** The table's (or the operation's) code, or `'UNKNOWN'`. */
  readonly code: string
  /** True exactly when the table documents the status as an error (3xx–5xx: a 2xx is not), or the error's operation documents it. */
  readonly known: boolean
  /** The table's (or the operation's) text, or a generic text naming the class of the status (if it has one). */
  readonly meaning: string
  /** Whether the request may succeed if sent again. */
  readonly retryable: boolean
  /** How long the server asked to wait (`Retry-After`), in milliseconds: capped by `maxRetryAfterMs`, and never past 2^31 - 1, so `setTimeout` can wait it. */
  readonly retryAfterMs?: number
  /** The request id the server gave (`x-request-id`, `request-id` or `x-correlation-id`). */
  readonly requestId?: string
  /** The parsed JSON body, or its text: plain data, bounded, scrubbed of secrets. */
  readonly body?: unknown
  /** The API's own `message` (or problem+json `detail`/`title`, or `error`), scrubbed. */
  readonly serverMessage?: string
  /** The API's own `reason`, e.g. `"InvalidPassword"`, scrubbed. */
  readonly reason?: string
  /** The name of the operation whose rows applied. */
  readonly operation?: string
  /**
   * What caused this error, safe to log: a new plain `Error` with the original's `name`, scrubbed
   * `message` and `stack`, and its string `code`; set only when an error was thrown.
   */
  readonly cause?: unknown
  /** The original cause, untouched (the client's own object). Not an own property, so no logger prints it. */
  readonly unredactedCause: unknown
  /** A plain object with every field but the stack; `ApiError.fromJSON` revives it. */
  toJSON(): ApiErrorJSON
}

/** One member of the error union: the fields that narrow together. */
export interface ApiErrorOf<S extends number, C extends string, M extends string, K extends boolean>
  extends ApiErrorFields {
  readonly status: S
  readonly code: C
  readonly meaning: M
  readonly known: K
}

/** The member for a status nobody documents. */
export type UnknownApiError<S extends number = number> = ApiErrorOf<S, 'UNKNOWN', string, false>

type TableMember<S extends KnownErrorStatus> = ApiErrorOf<S, CodeOf<S>, MeaningOf<S>, true>
type TableMembers = { [S in KnownErrorStatus]: TableMember<S> }[KnownErrorStatus]

/** A row's code or meaning: its own, else the table's; a row that may or may not give one (a row typed `OperationRow`) may give any. */
type RowField<S, Row, F extends 'code' | 'meaning'> = Row extends { readonly [K in F]: infer V extends string }
  ? V
  :
      | (S extends KnownStatus ? { code: CodeOf<S>; meaning: MeaningOf<S> }[F] : string)
      | (F extends keyof Row ? Extract<Row[F], string> : never)
type RowMember<S extends number, Row> = ApiErrorOf<S, RowField<S, Row, 'code'>, RowField<S, Row, 'meaning'>, true>

type OperationMembers<R> =
  | { [S in KnownErrorStatus]: S extends keyof R ? RowMember<S, R[S]> : TableMember<S> }[KnownErrorStatus]
  | { [S in Exclude<keyof R, KnownErrorStatus>]: S extends number ? RowMember<S, R[S]> : never }[Exclude<
      keyof R,
      KnownErrorStatus
    >]

/**
 * The error union: one member per error code of the table (or of the table with an operation's
 * rows applied), plus the `'UNKNOWN'` member. What `isApiError(e)` and `e instanceof ApiError`
 * narrow to: `switch (e.code)` narrows `e.status` and `e.meaning` to literals, and `if (e.known)`
 * narrows `e.status` to the documented error statuses. Use it to annotate a value that should
 * narrow; use the class type `ApiError` to accept any error, a subclass's included. (`undefined`
 * is asked first, here and below: with strictNullChecks off, `undefined extends Operation<…>` holds.)
 */
export type ApiErrorUnion<O extends AnyOperation | undefined = undefined> =
  | (O extends undefined ? TableMembers : O extends Operation<string, infer R> ? OperationMembers<R> : TableMembers)
  | UnknownApiError

/** The member of a union whose status is `S`. */
export type MemberWithStatus<U, S extends number> =
  U extends ApiErrorOf<infer T, string, string, boolean> ? (S extends T ? (T extends S ? U : never) : never) : never

/**
 * `true` when `O` may be an operation whose statuses the compiler does not know (one typed
 * `Operation` or `Endpoint`, as `findEndpoint` gives): its rows may name any status.
 */
type AnyRows<O> = O extends undefined
  ? never
  : O extends Operation<string, infer R>
    ? number extends keyof R
      ? true
      : never
    : never

/** The type of `new ApiError(status, { operation })` for a status of type `S`. */
export type ApiErrorFor<S extends number, O extends AnyOperation | undefined = undefined> = S extends number
  ? number extends S
    ? ApiErrorUnion<O>
    : ApiErrorWithStatus<S, O>
  : never

/** `ApiErrorFor` of one literal status: a type of its own, so that with a generic operation it shows by this name. */
export type ApiErrorWithStatus<S extends number, O extends AnyOperation | undefined> = [AnyRows<O>] extends [never]
  ? [MemberWithStatus<ApiErrorUnion<O>, S>] extends [never]
    ? UnknownApiError<S>
    : MemberWithStatus<ApiErrorUnion<O>, S>
  : ApiErrorOf<S, string, string, boolean>

/**
 * The statuses `new ApiError` takes without an operation: 300–599. Constrain a generic status with it, `<S extends ErrorStatus>(s: S) => new ApiError(s)`: `<S extends number>` does not compile, as `S` may be `200`.
 */
export type ErrorStatus = RedirectStatus | ClientErrorStatus | ServerErrorStatus

/** What `this` is in a static called unbound (`const { from } = ApiError`), which then makes ApiErrors. */
// biome-ignore lint/suspicious/noConfusingVoidType: an unbound call's `this` is void, which undefined does not cover
export type Unbound = void

/** The statuses `new ApiError` takes: 300–599, and those the operation names; any `number` that is no literal. */
export type ConstructibleStatus<S extends number, O> = number extends S
  ? number
  : S extends RedirectStatus | ClientErrorStatus | ServerErrorStatus
    ? S
    : O extends undefined
      ? never
      : O extends Operation<string, infer R>
        ? Extract<S, keyof R>
        : never

/**
 * The instances of global class `K` where the lib declares it as a `var` (the DOM, @types/node, Deno), else `F`, what
 * the code reads of one, which a `declare class` (workers' types) fits: the declarations check with any lib, or none.
 */
export type Global<K extends string, F> = typeof globalThis extends Record<K, { readonly prototype: infer T }> ? T : F

/** What the request held, so that the secrets the server echoes can be scrubbed. */
export interface RequestLike {
  /** The URL, with its query, fragment and userinfo. */
  readonly url?: string | Global<'URL', { readonly href: string }> | undefined
  /** The headers sent: a `Headers`, a plain object, or `[name, value]` pairs. */
  readonly headers?: unknown
  /** The body sent: text (JSON, form, multipart) or its UTF-8 bytes, plain JSON data, `URLSearchParams` or `FormData` (not a `Blob` or a stream). */
  readonly body?: unknown
  /** Query parameters kept apart from the URL (a plain object, `URLSearchParams` or text). */
  readonly query?: unknown
  /** Credentials given as a client option: `{ username, password }`. */
  readonly auth?: RequestAuth | undefined
}

/** Credentials a client took as an option (axios `auth`, got `username`/`password`). */
export interface RequestAuth {
  /** The user name. */
  readonly username?: unknown
  /** The password: secret wherever the server echoes it. */
  readonly password?: unknown
}

/** What may accompany a status when an error is made by hand. */
export interface ApiErrorInit<O extends AnyOperation | undefined = AnyOperation | undefined> {
  /** The operation whose rows override or extend the table (see `defineOperation`). */
  readonly operation?: O
  /** The API's own `message`. Scrubbed of secrets. */
  readonly serverMessage?: string | undefined
  /** The API's own `reason`, e.g. `"InvalidPassword"`. Scrubbed of secrets. */
  readonly reason?: string | undefined
  /** The body: text or JSON-serializable data, kept as plain data (bounded) and scrubbed; what cannot be serialized is dropped. */
  readonly body?: unknown
  /** The request id the server gave. Scrubbed of secrets. */
  readonly requestId?: string | undefined
  /** How long the server asked to wait before retrying, in milliseconds; at most 2^31 - 1, the longest `setTimeout` waits. */
  readonly retryAfterMs?: number | undefined
  /** What caused this error: `cause` becomes a safe plain copy, `unredactedCause` the original. */
  readonly cause?: unknown
  /** The request that failed: its secrets are scrubbed wherever the server echoes them. */
  readonly request?: RequestLike | undefined
  /** Further names of secret fields, parameters or headers; they match like the built-in ones. */
  readonly redact?: readonly string[] | undefined
}

/** Options of `ApiError.fromJSON`, which `from` and `fromResponse` take too. */
export interface FromJSONOptions<O extends AnyOperation | undefined = undefined> {
  /** The operation whose rows override or extend the table; to `fromJSON`, the one the error was made with. */
  readonly operation?: O
  /** The most body text kept, in bytes (default 65 536). */
  readonly maxBodyBytes?: number | undefined
}

/** Options of `ApiError.from`. */
export interface FromOptions<O extends AnyOperation | undefined = undefined> extends FromJSONOptions<O> {
  /** The request that failed (a `Request` or {@link RequestLike}): its secrets add to those of the request a client kept. */
  readonly request?: RequestLike | Global<'Request', never> | undefined
  /** Further names of secrets. */
  readonly redact?: readonly string[] | undefined
  /** The cap on `retryAfterMs` (default 60 000). */
  readonly maxRetryAfterMs?: number | undefined
}

/** Options of `ApiError.fromResponse`. */
export interface FromResponseOptions<O extends AnyOperation | undefined = undefined> extends FromOptions<O> {
  /** How long the body may take to arrive, in milliseconds (default 10 000). */
  readonly timeoutMs?: number | undefined
  /** Stops reading the body when it aborts; the error keeps what was read. */
  readonly signal?: Global<'AbortSignal', { readonly aborted: boolean }> | undefined
}

/** The plain object of `toJSON()`, which `ApiError.fromJSON` revives: every field but the stack. */
export type ApiErrorJSON = Pick<
  ApiErrorFields,
  | 'name'
  | 'message'
  | 'status'
  | 'code'
  | 'known'
  | 'meaning'
  | 'retryable'
  | 'retryAfterMs'
  | 'requestId'
  | 'body'
  | 'serverMessage'
  | 'reason'
  | 'operation'
> & {
  /** The safe cause: its name, message and string code, and its own cause alike. */
  readonly cause?: ApiErrorCauseJSON
}

/** The safe cause of an error as `toJSON()` gives it. */
export interface ApiErrorCauseJSON {
  /** The original's `name`, e.g. `'TypeError'`. */
  readonly name: string
  /** The original's message, scrubbed. */
  readonly message: string
  /** The original's string `code`, e.g. `'ECONNRESET'`. */
  readonly code?: string
  /** The original's own cause, alike (a cause chain is kept to three links). */
  readonly cause?: ApiErrorCauseJSON
}
