/**
 * What an endpoint of the catalog is: an operation (as `defineOperation` makes it) that also
 * knows the method and path the API's docs give for it.
 *
 * @module
 */
import { type CheckedRows, type Operation, type OperationRows, operationOf } from '../operation.js'

/** The HTTP methods the API's docs use. */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE'

/** What the docs say of a success (1xx, 2xx) status of a call: its meaning, and a code where the table has none. */
export interface SuccessRow {
  /** The catalog's code for a status outside the table (`'SWITCHING_PROTOCOLS'`); else the table's code applies. */
  readonly code?: string
  /** The docs' words. */
  readonly meaning: string
}

/** A call's success rows, keyed by status. */
export type SuccessRows = { readonly [status: number]: SuccessRow }

/**
 * One documented call: an operation to pass to `ApiError.fromResponse(res, { operation })`, with
 * the call's method and path as the docs write them (`{camera_id}` stands for one path segment).
 * Its `rows` are the call's error statuses (300–599); what the docs say of its successes is in
 * `successes`, apart, so that the errors of a call never carry a success code.
 */
export interface Endpoint<
  N extends string = string,
  R extends OperationRows = OperationRows,
  M extends HttpMethod = HttpMethod,
  P extends string = string,
  S extends SuccessRows = SuccessRows,
> extends Operation<N, R> {
  /** The request method, upper case: `'POST'`. */
  readonly method: M
  /** The request path, without host or query: `'/g/aaa/forgot_password'`. */
  readonly path: P
  /** The docs' success statuses of the call (`{ 202: { meaning: 'A reset email has been sent…' } }`), frozen. */
  readonly successes: S
}

/**
 * @internal Makes one endpoint of the generated catalog: its rows are checked as `defineOperation`
 * checks them, but for their field names and codes, which the catalog's tests check.
 */
export function defineEndpoint<
  const N extends string,
  const M extends HttpMethod,
  const P extends string,
  const R extends OperationRows & CheckedRows<R>,
  const S extends SuccessRows,
>(name: N, method: M, path: P, rows: R, successes: S): Endpoint<N, R, M, P, S> {
  // The generated catalog's own literals, frozen in place.
  for (const status in successes) Object.freeze(successes[status])
  return operationOf(name, rows, { method, path, successes: Object.freeze(successes) })
}
