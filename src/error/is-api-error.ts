/**
 * `isApiError`: the guard for errors from any copy of this package, by its brand.
 *
 * @module
 */
import { hasBrand } from '../brand.js'
import type { AnyOperation, ApiErrorUnion } from './types.js'

/**
 * Whether `value` is an `ApiError` from any copy of this package. Narrows to the union of the
 * table's members; pass the operation to narrow to its rows (it also checks that the error was
 * made with an operation of that name: give each operation a name of its own). Narrow with the
 * operation first: once narrowed to the table's members, a value cannot gain the codes an
 * operation adds; where it returns false, the value keeps every member it had.
 *
 * @example
 * ```ts
 * if (isApiError(e) && e.code === 'ACCOUNT_SUSPENDED') showSuspendedPage()
 * ```
 */
export function isApiError(value: unknown): value is ApiErrorUnion
export function isApiError<O extends AnyOperation>(
  value: unknown,
  operation: O,
): value is ApiErrorUnion<O> & {
  /** The name of the operation the error was made with. */
  readonly operation: O['name']
}
/**
 * With an operation that may be `undefined` (what `findEndpoint` gives): the error of the operation
 * when there is one, else any error, as without one; narrowed to the union of both.
 */
export function isApiError<O extends AnyOperation>(
  value: unknown,
  operation: O | undefined,
): value is ApiErrorUnion<O | undefined>
export function isApiError(value: unknown, operation?: AnyOperation): boolean {
  try {
    return hasBrand(value) && (operation == null || (value as { operation?: unknown }).operation === operation.name)
  } catch {
    // A getter that throws (on the error or the operation): not an error of that operation.
    return false
  }
}
