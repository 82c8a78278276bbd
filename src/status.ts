/**
 * Lookups and guards derived from the table. Every function here accepts any JavaScript value
 * and never throws; lookups read private dense arrays built once at load, not the frozen table.
 *
 * @module
 */
import { isRetryableError } from './brand.js'
import type { KnownStatus, MeaningOf } from './table/index.js'
import { MEANINGS } from './table/meanings.js'
import { RETRYABLE as RETRY_COLUMN } from './table/retryable.js'

type Digit = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9
type ToNumber<S> = S extends `${infer N extends number}` ? N : never
type Hundreds<H extends 1 | 2 | 3 | 4 | 5> = ToNumber<`${H}${Digit}${Digit}`>

/** The integers 100–199. */
export type InformationalStatus = Hundreds<1>
/** The integers 200–299. */
export type SuccessStatus = Hundreds<2>
/** The integers 300–399. */
export type RedirectStatus = Hundreds<3>
/** The integers 400–499. */
export type ClientErrorStatus = Hundreds<4>
/** The integers 500–599. */
export type ServerErrorStatus = Hundreds<5>
/** Every integer status 100–599. */
export type HttpStatus = InformationalStatus | SuccessStatus | RedirectStatus | ClientErrorStatus | ServerErrorStatus

/** What {@link describe} returns for `S`: the literal meaning for a documented status, else `string`. */
export type Description<S extends number> = 0 extends 1 & S ? string : S extends KnownStatus ? MeaningOf<S> : string

/** The name of each class of status, by its first digit. */
const CLASS_NAMES = /* @__PURE__ */ ',informational response,success,redirect,client error,server error'.split(',')

/** What `describe` returns for anything that is not an integer 100–599. */
const NOT_A_STATUS = 'Not a valid HTTP status'

/**
 * The table's meanings by status, 0–599, in a packed array (a status without one reads
 * `undefined`, not a hole), so that the hot path of `describe` is one array read. The generic
 * texts are made on a miss, not at load: 600 of them cost about 0.7 ms of load time.
 */
const MEANING_BY_STATUS: readonly (string | undefined)[] = /* @__PURE__ */ (() =>
  // Builtins, not a callback per status (600 cold calls cost about 0.5 ms of load). `{ length }` has
  // no prototype, so nothing a polluted Object.prototype holds is read; `Array(600).fill()` makes a
  // holey array, with which describe measured 1.19x its floor (1.11x packed).
  Object.assign(Array.from<string | undefined>({ length: 600, __proto__: null } as ArrayLike<undefined>), MEANINGS))()

const RETRYABLE = 1
const KNOWN = 2

/**
 * Flags by status, 0–599: {@link KNOWN} for a row of the table, {@link RETRYABLE} for the table's
 * retry advice, or for an unlisted status the policy: 408, and 5xx but 501 and 505.
 */
const FLAGS_BY_STATUS: Uint8Array = /* @__PURE__ */ (() => {
  const byStatus = new Uint8Array(600).fill(RETRYABLE, 500)
  byStatus[408] = RETRYABLE
  byStatus[501] = byStatus[505] = 0
  // Own keys, not for-in: a key a polluted Object.prototype holds is no status. Not Object.entries:
  // cold code at load, where entries costs about 0.05 ms more.
  for (const status of Object.keys(RETRY_COLUMN))
    byStatus[+status] = KNOWN | (RETRY_COLUMN[status as unknown as keyof typeof RETRY_COLUMN] ? RETRYABLE : 0)
  return byStatus
})()

/** @internal Whether `x` is an integer from `low` to `high`. */
export function isIntegerIn(x: unknown, low: number, high: number): x is number {
  return typeof x === 'number' && x >= low && x <= high && x % 1 === 0
}

/**
 * The meaning of a status: the API's own words for a documented status, otherwise a generic text
 * naming the class ("Unexpected client error (HTTP 418)"), or "Not a valid HTTP status" for
 * anything that is not an integer 100–599. Never throws.
 *
 * For a literal status the result has the literal type of the meaning.
 *
 * @example
 * ```ts
 * describe(402) // 'Account is suspended' (typed as that literal)
 * describe(418) // 'Unexpected client error (HTTP 418)'
 * ```
 */
export function describe<S extends number>(status: S): Description<S>
export function describe(status: number): string {
  // `??`, not `||`: no string-to-boolean conversion (bench/describe.mjs: 1.67× → about 1.2× an
  // inline array read). The integer check is written out: isIntegerIn's call costs this bundle 18 B.
  return typeof status === 'number'
    ? (MEANING_BY_STATUS[status] ??
        (status >= 100 && status <= 599 && status % 1 === 0
          ? `Unexpected ${CLASS_NAMES[(status / 100) | 0]} (HTTP ${status})`
          : NOT_A_STATUS))
    : NOT_A_STATUS
}

/**
 * Whether `x` is a status the API documents. Accepts any value.
 *
 * @example
 * ```ts
 * if (isKnownStatus(res.status)) console.log(STATUS_CODES[res.status].code)
 * ```
 */
export function isKnownStatus(x: unknown): x is KnownStatus {
  return typeof x === 'number' && (FLAGS_BY_STATUS[x]! & KNOWN) === KNOWN
}

/**
 * Whether `x` is an integer 100–199. Narrows a union of statuses to its 1xx members.
 *
 * @example
 * ```ts
 * isInformational(101) // true
 * ```
 */
export function isInformational(x: unknown): x is InformationalStatus {
  return isIntegerIn(x, 100, 199)
}

/**
 * Whether `x` is an integer 200–299. Narrows a union of statuses to its 2xx members.
 *
 * @example
 * ```ts
 * if (isSuccess(res.status)) return res.json()
 * ```
 */
export function isSuccess(x: unknown): x is SuccessStatus {
  return isIntegerIn(x, 200, 299)
}

/**
 * Whether `x` is an integer 300–399. Narrows a union of statuses to its 3xx members.
 *
 * @example
 * ```ts
 * isRedirect(301) // true
 * ```
 */
export function isRedirect(x: unknown): x is RedirectStatus {
  return isIntegerIn(x, 300, 399)
}

/**
 * Whether `x` is an integer 400–499. Narrows a union of statuses to its 4xx members.
 *
 * @example
 * ```ts
 * declare const s: KnownStatus
 * if (isClientError(s)) s // 400 | 401 | … | 463
 * ```
 */
export function isClientError(x: unknown): x is ClientErrorStatus {
  return isIntegerIn(x, 400, 499)
}

/**
 * Whether `x` is an integer 500–599. Narrows a union of statuses to its 5xx members.
 *
 * @example
 * ```ts
 * isServerError(503) // true
 * ```
 */
export function isServerError(x: unknown): x is ServerErrorStatus {
  return isIntegerIn(x, 500, 599)
}

/**
 * Whether a request that failed with this status (or this `ApiError`) may succeed if sent again.
 *
 * Documented statuses follow the API's own words: 429 ("slow down"), 502 and 504 ("please try
 * again") are retryable; "contact support" (500, 503, 463) is not. A status outside the table is
 * retryable only when it is 408, or a 5xx other than 501 and 505 (what proxies in front of the
 * API send). An `ApiError` answers with its own `retryable`, which an operation may override.
 * Anything else is `false`.
 *
 * @example
 * ```ts
 * isRetryable(429) // true
 * isRetryable(503) // false: this API's 503 is a tag-maps error
 * isRetryable(error) // the error's own advice
 * ```
 */
export function isRetryable(x: unknown): boolean {
  return typeof x === 'number' ? (FLAGS_BY_STATUS[x]! & RETRYABLE) === RETRYABLE : isRetryableError(x)
}
