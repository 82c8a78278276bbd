/**
 * Per-operation meanings: an endpoint may give a status another code, meaning or retry
 * advice than the table (for one login step, 429 means the account is locked), or answer a status
 * the table does not hold. An SDK declares that once per operation with {@link defineOperation}.
 *
 * @module
 */
import { describe, type HttpStatus, isKnownStatus, isRetryable, isSuccess } from './status.js'
import { CODES } from './table/codes.js'
import type { CodeOf, KnownStatus, StatusName } from './table/index.js'

/** What an operation says about one status; what it leaves out comes from the table. */
export interface OperationRow {
  /** The operation's name for the status, e.g. `'ACCOUNT_LOCKED'`. Required for a status outside the table. */
  readonly code?: string
  /** The operation's description of the status. */
  readonly meaning?: string
  /** Whether the request may succeed if sent again. */
  readonly retryable?: boolean
}

/** An operation's rows, keyed by status. */
export type OperationRows = { readonly [status: number]: OperationRow }

/** An operation: a name and the rows that override or extend the table for it. */
export interface Operation<N extends string = string, R extends OperationRows = OperationRows> {
  /** The operation's name, e.g. `'authorize'`; it becomes the error's `operation`. */
  readonly name: N
  /** The rows as declared, frozen. */
  readonly rows: R
}

/** The statuses of rows `R` other than `S` whose code is `C` (a literal): a clash. */
type SameCode<S, C, R> = string extends C
  ? never
  : { [K in Exclude<keyof R, S>]: R[K] extends { readonly code: C } ? K : never }[Exclude<keyof R, S>]

/** Whether `C` is a word (letters, digits, `_` and `-`), as the run time checks: a code the compiler cannot spell out passes. */
type IsWord<C> = string extends C
  ? true
  : C extends `${infer H}${infer T}`
    ? 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-' extends `${string}${H}${string}`
      ? IsWord<T>
      : false
    : true

/** Why a row's code does not type-check, as a readable type error. */
type CodeCheck<S, C, Row, R> = C extends ''
  ? { readonly code: 'a code is a non-empty string' }
  : IsWord<C> extends false
    ? { readonly code: 'a code is a word: letters, digits, _ and -' }
    : C extends 'UNKNOWN'
      ? { readonly code: 'UNKNOWN is reserved for statuses nobody documents' }
      : [SameCode<S, C, R>] extends [never]
        ? C extends StatusName
          ? S extends KnownStatus
            ? C extends CodeOf<S>
              ? Row
              : { readonly code: `${C & string} is the table's code of another status` }
            : { readonly code: `${C & string} is the table's code of another status` }
          : Row
        : { readonly code: `${C & string} is also the code of status ${SameCode<S, C, R> & number}` }

/** Whether the compiler checks nulls: with strictNullChecks off, `undefined` is assignable to every type, a code's too. */
type NullsChecked = undefined extends '' ? false : true

/** Why a row does not type-check, as a readable type error. */
type RowCheck<S, Row, R> = S extends HttpStatus
  ? [Exclude<keyof Row, keyof OperationRow>] extends [never]
    ? Row extends { readonly code: infer C }
      ? (undefined extends C ? NullsChecked : false) extends true
        ? S extends KnownStatus
          ? Row
          : { readonly code: 'a status outside the table needs a code' }
        : CodeCheck<S, C, Row, R>
      : S extends KnownStatus
        ? Row
        : OperationRow & { readonly code: string }
    : {
        readonly [K in keyof Row]: K extends keyof OperationRow ? Row[K] : 'a row has only code, meaning and retryable'
      }
  : 'an operation row needs an integer status 100–599'

/** The rows `R` with every invalid row turned into a type error. */
export type CheckedRows<R> = { readonly [S in keyof R]: RowCheck<S, R[S], R> }

/** What the table and an operation together say about a status: the resolved row. */
export interface ResolvedRow {
  readonly code: string
  readonly meaning: string
  readonly retryable: boolean
  readonly known: boolean
}

/**
 * Declares an operation whose rows override the table's code, meaning or retry advice for some
 * statuses, or add statuses the table does not hold (a row for those must give its `code`).
 * Errors made with the operation are typed with its rows applied. Throws a `TypeError` at once for
 * an invalid declaration (a status that is not an integer 100–599, a missing or clashing code, a
 * code that is no word of letters, digits, `_` and `-`, a field of another name or the wrong type).
 *
 * @example
 * ```ts
 * const authorize = defineOperation('authorize', {
 *   429: { code: 'ACCOUNT_LOCKED', meaning: 'Account is locked after too many failed attempts', retryable: false },
 *   465: { code: 'IP_ADDRESS_INVALID', meaning: 'The IP address is not allowed for this account' },
 * })
 * throw await ApiError.fromResponse(res, { operation: authorize })
 * ```
 */
export function defineOperation<const N extends string, const R extends OperationRows & CheckedRows<R>>(
  name: N extends '' ? 'an operation needs a non-empty name' : N,
  rows: R,
): Operation<N, R> {
  const operation = operationOf(name as N, rows, {})
  // Checked on the plain copies read once (the catalog's generated rows are checked by its tests):
  // a field of another name (a typo, `retry: false`) would silently keep the table's advice, and a
  // code that is no word could read as a secret, scrubbed from the error unlike its type.
  for (const [key, row] of Object.entries(operation.rows as OperationRows)) {
    const where = `defineOperation(${name}), status ${key}`
    for (const field in row) {
      if (!/^(?:code|meaning|retryable)$/.test(field)) {
        throw new TypeError(`${where}: a row has only code, meaning and retryable, not ${field}`)
      }
    }
    if (row.code !== undefined && !/^[\w-]+$/.test(row.code)) {
      throw new TypeError(`${where}: code must be a word (letters, digits, _ and -)`)
    }
  }
  return operation
}

/** Marks what `defineOperation` made, in any copy of the package (a registered symbol), so that no look-alike passes. */
const OPERATION: unique symbol = /* @__PURE__ */ Symbol.for('een-api-errors.operation') as never

/**
 * @internal `defineOperation`, with `extra` fields (an endpoint's method and path): the rows checked,
 * then the operation marked (the mark is not enumerable, so logs do not show it) and frozen.
 */
export function operationOf<N extends string, R extends OperationRows, X extends object>(
  name: N,
  rows: R,
  extra: X,
): Operation<N, R> & X {
  if (typeof name !== 'string' || name === '')
    throw new TypeError('defineOperation: the name must be a non-empty string')
  // A Map, an array or an instance would read as no rows at all: refused, not an operation that
  // silently answers as the table (`new Map([[429, …]])` would keep 429 retryable).
  if (!isPlainObject(rows)) {
    throw new TypeError(`defineOperation(${name}): the rows must be an object keyed by status`)
  }
  const frozen: Record<string, OperationRow> = {}
  const codes = new Map<string, string>()
  // Read once, as plain copies: a getter or Proxy trap that throws is a bad argument like any other.
  // Without a prototype: what a polluted Object.prototype holds (`code`, `retryable`) is no field of a row.
  let read: [string, unknown][]
  try {
    read = Object.entries(rows).map(([key, row]) => [key, isPlainObject(row) ? { __proto__: null, ...row } : undefined])
  } catch {
    throw new TypeError(`defineOperation(${name}): the rows cannot be read`)
  }
  for (const [key, row] of read) {
    const where = `defineOperation(${name}), status ${key}`
    const status = Number(key)
    // Three digits, 100–599: an integer status, written as JSON writes a key (no `+`, `0x` or `1e2`).
    if (!/^[1-5]\d\d$/.test(key)) {
      throw new TypeError(`${where}: a row needs an integer status 100–599`)
    }
    if (row === undefined) throw new TypeError(`${where}: the row must be an object`)
    const { code, meaning, retryable } = row as Record<string, unknown>
    if (code !== undefined && (typeof code !== 'string' || code === '')) {
      throw new TypeError(`${where}: code must be a non-empty string`)
    }
    if (meaning !== undefined && typeof meaning !== 'string') throw new TypeError(`${where}: meaning must be a string`)
    if (retryable !== undefined && typeof retryable !== 'boolean') {
      throw new TypeError(`${where}: retryable must be a boolean`)
    }
    const tableStatus = Object.keys(CODES).find((known) => CODES[known as never] === code)
    const tableCode = (CODES as Record<number, string | undefined>)[status]
    if (code === undefined && tableCode === undefined) {
      throw new TypeError(`${where}: a status outside the table needs a code`)
    }
    if (code === 'UNKNOWN') throw new TypeError(`${where}: UNKNOWN is reserved for statuses nobody documents`)
    if (tableStatus !== undefined && +tableStatus !== status) {
      throw new TypeError(`${where}: ${code} is the table's code of status ${tableStatus}`)
    }
    const resolvedCode = (code ?? tableCode) as string
    const clash = codes.get(resolvedCode)
    if (clash !== undefined) throw new TypeError(`${where}: code ${resolvedCode} is already used for status ${clash}`)
    codes.set(resolvedCode, key)
    // Already a copy of its own (read once above): frozen as it is.
    frozen[key] = Object.freeze(row as OperationRow)
  }
  const operation = { name, rows: Object.freeze(frozen) as unknown as R, ...extra }
  return Object.freeze(Object.defineProperty(operation, OPERATION, { value: true }))
}

/**
 * @internal What an error reads of `value`, an operation, as a plain copy read once: its name and
 * its row for `status`. A `TypeError` for anything `defineOperation` did not make (of this or
 * another copy of the package), a Proxy of one whose traps throw included.
 */
export function operationFor(value: unknown, status: number): Operation {
  try {
    const { name, rows } = value as Operation
    // Only a number is looked up: any other status is refused as a status (a RangeError) next.
    // Its own row only, copied without a prototype: what a polluted Object.prototype holds is no row nor field.
    const row =
      typeof status === 'number' && Object.hasOwn(rows, status) ? { __proto__: null, ...rows[status] } : undefined
    // Its own mark: an object made from one with Object.create inherits the mark, not the checks.
    if (Object.getOwnPropertyDescriptor(value, OPERATION)?.value === true && typeof name === 'string') {
      return { name, rows: { __proto__: null, ...(row && { [status]: row }) } } as unknown as Operation
    }
  } catch {
    // A Proxy whose trap throws, rows that cannot be read: no operation.
  }
  throw new TypeError('ApiError: operation must come from defineOperation')
}

/** Whether `value` is a plain object (an object literal, `JSON.parse`'s, one of another realm, or a Proxy of one). */
function isPlainObject(value: unknown): value is object {
  try {
    const proto: unknown = typeof value === 'object' && value !== null ? Object.getPrototypeOf(value) : undefined
    return proto === null || (proto !== undefined && Object.getPrototypeOf(proto) === null)
  } catch {
    // A Proxy whose getPrototypeOf trap throws.
    return false
  }
}

/**
 * @internal What the table, and the operation when there is one, say about a `status`. A status
 * the operation does not mention resolves exactly as without it; one outside both is unknown.
 */
export function resolveRow(status: number, operation: Operation | undefined): ResolvedRow {
  const row = operation?.rows[status]
  // Asked of the table's flags first: a status that a polluted Object.prototype holds is no row of it.
  // A success of the table (200 `OK`…) is no error's row, so an error read from a forgotten
  // `if (!res.ok)` is UNKNOWN, as the types say; an operation's row for it takes the table's code.
  const code = isKnownStatus(status) && (row || !isSuccess(status)) ? CODES[status] : undefined
  return {
    code: row?.code ?? code ?? 'UNKNOWN',
    meaning: row?.meaning ?? describe(status),
    retryable: row?.retryable ?? isRetryable(status),
    known: row !== undefined || code !== undefined,
  }
}
