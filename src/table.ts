/**
 * The status table of the Eagle Eye Networks Cloud API (v1): the one place where a status, its
 * code and its meaning are written. Everything else in the package derives from it.
 *
 * The table is kept in three columns of one literal each (statuses, codes, meanings, one line per
 * row, in the same order) because a bundle that only calls `describe` then carries the meanings
 * and nothing else. `test/table.test.ts` checks the columns against the API's documented table.
 *
 * @module
 */

/** Every status the API documents, ascending. */
const STATUSES = [
  200, 201, 202, 204, 301, 400, 401, 402, 403, 404, 405, 406, 409, 410, 412, 415, 423, 429, 460, 461, 462, 463, 500,
  502, 503, 504,
] as const

/** The code of each status, one per line, in the order of {@link STATUSES}. */
const CODES = `OK
CREATED
ACCEPTED
LOGGED_OUT
MOVED
BAD_REQUEST
UNAUTHORIZED
ACCOUNT_SUSPENDED
FORBIDDEN
NOT_FOUND
METHOD_NOT_ALLOWED
REALM_NOT_ROOT
EMAIL_ALREADY_REGISTERED
CAMERA_ATTACH_FAILED
USER_DISABLED
DEVICE_UNSUPPORTED
RESOURCE_LOCKED
TOO_MANY_REQUESTS
ACCOUNT_INACTIVE
ACCOUNT_PENDING
USER_PENDING
DEVICE_UNREACHABLE
INTERNAL_ERROR
BAD_GATEWAY
TAG_MAPS_ERROR
GATEWAY_TIMEOUT`

/**
 * The API's own words for each status, byte for byte (double spaces after full stops included),
 * one per line, in the order of {@link STATUSES}.
 */
const MEANINGS = `The request was fulfilled successfully
The request has been created and a webhook will be triggered upon completion or error
The request has been accepted for processing, but the processing has not been completed
User has been logged out
Item has been moved, please follow redirect
The request had bad syntax or was inherently impossible to be satisfied
Supplied credentials are not valid / invalid session cookie
Account is suspended
Forbidden due to the user missing the necessary privileges
Element not found (section specific)
Unexpected method used for the HTTP request
Realm is invalid due to not being a root realm
Email address has already been registered for the specified realm
Communication cannot be made to attach the camera to the bridge
User is disabled
Device associated with the given GUID is unsupported
The resource that is being accessed is locked
Too many requests.  Client has exceeded the maximum requests per second, please slow down.
Account is inactive
Account is pending
User is pending
Unable to communicate with the camera or bridge, contact support
Internal Error.  Please contact our support department.
Bad Gateway.  We were unable to return the requested data.  Please try again.
Internal Camera Tag Maps Error.  Please contact our support department.
Gateway Timeout.  We were unable to return the requested data inside our time limit.  Please try again.`

/**
 * The statuses whose meaning asks the client to slow down or try again. "Contact
 * support" is not retryable: this API's 503 is a tag-maps error, not "Service Unavailable".
 */
const RETRYABLE = [429, 502, 504] as const

// ---- Types derived from the literals (never restated) ----

/** Splits a packed literal into a tuple of its lines, at the type level. */
type Lines<S extends string, Acc extends string[] = []> = S extends `${infer Line}\n${infer Rest}`
  ? Lines<Rest, [...Acc, Line]>
  : [...Acc, S]

type MeaningLines = Lines<typeof MEANINGS>
type CodeLines = Lines<typeof CODES>
type RowIndex = Exclude<keyof typeof STATUSES, keyof (readonly unknown[])>

/** One row of the table: what the API documents for one status. */
export interface StatusRow<S extends number = number, C extends string = string, M extends string = string> {
  /** The HTTP status. */
  readonly status: S
  /** The API's name for it, e.g. `'ACCOUNT_SUSPENDED'`. */
  readonly code: C
  /** The API's own description, byte for byte. */
  readonly meaning: M
  /** Whether the API's words invite a retry ("slow down", "please try again"). */
  readonly retryable: boolean
}

type Rows = {
  [I in RowIndex]: StatusRow<
    (typeof STATUSES)[I],
    CodeLines[I & keyof CodeLines] & string,
    MeaningLines[I & keyof MeaningLines] & string
  >
}[RowIndex]

/** The whole table, keyed by status, with each code and meaning as a literal type. */
export type StatusTable = { readonly [R in Rows as R['status']]: R }

/** Every status the API documents: `200 | 201 | … | 504`. */
export type KnownStatus = Rows['status']

/** Every code the API documents, success codes included: `'OK' | … | 'GATEWAY_TIMEOUT'`. */
export type StatusName = Rows['code']

/** The documented statuses that are errors (3xx, 4xx and 5xx): `301 | 400 | … | 504`. */
export type KnownErrorStatus = Exclude<KnownStatus, 200 | 201 | 202 | 204>

/** The code of every documented error status: `'MOVED' | 'BAD_REQUEST' | … | 'GATEWAY_TIMEOUT'`. */
export type ErrorCode = StatusTable[KnownErrorStatus]['code']

/** The row of a documented status, with its code and meaning as literal types. */
export type RowOf<S extends KnownStatus> = StatusTable[S]

/** The documented meaning of a status: `MeaningOf<402>` is `'Account is suspended'`. */
export type MeaningOf<S extends KnownStatus> = StatusTable[S]['meaning']

/** The documented code of a status: `CodeOf<402>` is `'ACCOUNT_SUSPENDED'`. */
export type CodeOf<S extends KnownStatus> = StatusTable[S]['code']

/** The status of a documented code: `StatusOf<'ACCOUNT_SUSPENDED'>` is `402`. */
export type StatusOf<C extends StatusName> = Rows extends infer R
  ? R extends StatusRow<number, C>
    ? R['status']
    : never
  : never

/** Name constants: `{ OK: 200, …, GATEWAY_TIMEOUT: 504 }`. */
export type StatusNames = { readonly [R in Rows as R['code']]: R['status'] }

// ---- Runtime views of the literals, built once at load ----
// Each view is its own pure expression, so a bundler keeps only what a caller reaches.

/** @internal The statuses, in table order. */
export const statusColumn: readonly KnownStatus[] = STATUSES

/** @internal The meanings, in table order. */
export const meaningColumn: readonly string[] = /* @__PURE__ */ MEANINGS.split('\n')

/** @internal The codes, in table order. */
export const codeColumn: readonly StatusName[] = /* @__PURE__ */ CODES.split('\n') as StatusName[]

/** @internal The retryable statuses of the table. */
export const retryableColumn: readonly KnownStatus[] = RETRYABLE

/**
 * The table, keyed by status and frozen at every depth.
 *
 * @example
 * ```ts
 * STATUS_CODES[463].code    // 'DEVICE_UNREACHABLE'
 * STATUS_CODES[463].meaning // 'Unable to communicate with the camera or bridge, contact support'
 * ```
 */
export const STATUS_CODES: StatusTable = /* @__PURE__ */ (() => {
  const table: Record<number, StatusRow> = {}
  statusColumn.forEach((status, i) => {
    // Two levels, both frozen: the table and its rows (whose fields are primitives).
    table[status] = Object.freeze({
      status,
      code: codeColumn[i] as string,
      meaning: meaningColumn[i] as string,
      retryable: retryableColumn.includes(status),
    })
  })
  return Object.freeze(table) as StatusTable
})()

/**
 * The name of every documented status, mapped to its number, frozen.
 *
 * @example
 * ```ts
 * Status.DEVICE_UNREACHABLE // 463
 * if (res.status === Status.TOO_MANY_REQUESTS) await backOff()
 * ```
 */
export const Status: StatusNames = /* @__PURE__ */ (() => {
  const names: Record<string, number> = {}
  statusColumn.forEach((status, i) => {
    names[codeColumn[i] as string] = status
  })
  return Object.freeze(names as StatusNames)
})()
