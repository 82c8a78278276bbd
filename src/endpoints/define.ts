/**
 * What an endpoint of the catalog is: an operation (as `defineOperation` makes it) that also
 * knows the method and path the API's docs give for it.
 *
 * @module
 */
import { type CheckedRows, defineOperation, type Operation, type OperationRows } from '../operation.js'

/** The HTTP methods the API's docs use. */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE'

/**
 * One documented call: an operation to pass to `ApiError.fromResponse(res, { operation })`, with
 * the call's method and path as the docs write them (`{camera_id}` stands for one path segment).
 */
export interface Endpoint<
  N extends string = string,
  R extends OperationRows = OperationRows,
  M extends HttpMethod = HttpMethod,
  P extends string = string,
> extends Operation<N, R> {
  /** The request method, upper case: `'POST'`. */
  readonly method: M
  /** The request path, without host or query: `'/g/aaa/forgot_password'`. */
  readonly path: P
}

/** @internal Makes one endpoint of the generated catalog; `defineOperation` checks its rows. */
export function defineEndpoint<
  const N extends string,
  const M extends HttpMethod,
  const P extends string,
  const R extends OperationRows & CheckedRows<R>,
>(name: N, method: M, path: P, rows: R): Endpoint<N, R, M, P> {
  return Object.freeze({ ...defineOperation(name, rows), method, path })
}
