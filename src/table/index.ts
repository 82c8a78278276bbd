/**
 * The status table of the Eagle Eye Networks Cloud API (v1): `STATUS_CODES`, `Status` and the
 * types, all derived from the two data files beside this one (`meanings.ts`, `codes.ts`), which
 * are the only place a status, its code or its meaning is written.
 *
 * @module
 */
import { CODES } from './codes.js'
import { MEANINGS } from './meanings.js'
import { RETRYABLE } from './retryable.js'

// ---- Types derived from the data (never restated) ----

/** Every status the API documents: `200 | 201 | … | 504`. */
export type KnownStatus = keyof typeof MEANINGS

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

/** The whole table, keyed by status, with each code and meaning as a literal type. */
export type StatusTable = {
  readonly [S in KnownStatus]: StatusRow<S, (typeof CODES)[S], (typeof MEANINGS)[S]>
}

/** Every code the API documents, success codes included: `'OK' | … | 'GATEWAY_TIMEOUT'`. */
export type StatusName = (typeof CODES)[KnownStatus]

/** The documented statuses that are errors (3xx, 4xx and 5xx): `301 | 400 | … | 504`. */
export type KnownErrorStatus = Exclude<KnownStatus, 200 | 201 | 202 | 204>

/** The code of every documented error status: `'MOVED' | 'BAD_REQUEST' | … | 'GATEWAY_TIMEOUT'`. */
export type ErrorCode = (typeof CODES)[KnownErrorStatus]

/** The row of a documented status, with its code and meaning as literal types. */
export type RowOf<S extends KnownStatus> = StatusTable[S]

/** The documented meaning of a status: `MeaningOf<402>` is `'Account is suspended'`. */
export type MeaningOf<S extends KnownStatus> = (typeof MEANINGS)[S]

/** The documented code of a status: `CodeOf<402>` is `'ACCOUNT_SUSPENDED'`. */
export type CodeOf<S extends KnownStatus> = (typeof CODES)[S]

/** The status of a documented code: `StatusOf<'ACCOUNT_SUSPENDED'>` is `402`. */
export type StatusOf<C extends StatusName> = {
  [S in KnownStatus]: (typeof CODES)[S] extends C ? S : never
}[KnownStatus]

/** Name constants: `{ OK: 200, …, GATEWAY_TIMEOUT: 504 }`. */
export type StatusNames = { readonly [S in KnownStatus as (typeof CODES)[S]]: S }

// ---- Runtime views, built once at load; each a pure expression, so a bundler keeps only what is reached ----

/** @internal The statuses, ascending (integer keys enumerate in ascending order). */
export const statusColumn: readonly KnownStatus[] = /* @__PURE__ */ Object.keys(RETRYABLE).map(Number) as KnownStatus[]

/**
 * The table, keyed by status, frozen at both levels.
 *
 * @example
 * ```ts
 * STATUS_CODES[463].code    // 'DEVICE_UNREACHABLE'
 * STATUS_CODES[463].meaning // 'Unable to communicate with the camera or bridge, contact support'
 * ```
 */
export const STATUS_CODES: StatusTable = /* @__PURE__ */ (() => {
  const table: Record<number, StatusRow> = {}
  for (const status of statusColumn) {
    table[status] = Object.freeze({
      status,
      code: CODES[status],
      meaning: MEANINGS[status],
      retryable: RETRYABLE[status],
    })
  }
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
  for (const status of statusColumn) names[CODES[status]] = status
  return Object.freeze(names as StatusNames)
})()
