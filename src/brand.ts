/**
 * The brand that marks an `ApiError` from any copy of this package (ESM and CJS builds, two
 * installed versions): a registered symbol, the same in every realm of a process. A leaf of its own,
 * beside `status.ts`, so that `isRetryable` and `userMessage` recognise an error without carrying the class.
 *
 * @module
 */

/** @internal */
export const BRAND: unique symbol = /* @__PURE__ */ Symbol.for('een-api-errors.ApiError') as never

/** @internal The part of an ApiError that the status helpers read. */
export interface Branded {
  readonly [BRAND]: true
  readonly status: number
  readonly retryable: boolean
}

/**
 * @internal Whether `x` carries the brand and a status of its own: the prototype, which carries
 * the brand too, is no error. Never throws (a Proxy whose trap throws is no ApiError).
 */
export function hasBrand(x: unknown): x is Branded {
  try {
    return (
      typeof x === 'object' && x !== null && (x as Branded)[BRAND] === true && typeof (x as Branded).status === 'number'
    )
  } catch {
    return false
  }
}

/** @internal Whether `x` is an ApiError whose `retryable` is true. Never throws, whatever its getters do. */
export function isRetryableError(x: unknown): boolean {
  try {
    return hasBrand(x) && x.retryable === true
  } catch {
    return false
  }
}
