/**
 * The brand that marks an `ApiError` from any copy of this package (ESM and CJS builds, two
 * installed versions): a registered symbol, the same in every realm of a process.
 *
 * @module
 */

/** @internal */
export const BRAND: unique symbol = /* @__PURE__ */ Symbol.for('een-api-errors.ApiError') as never

/** @internal The part of an ApiError that the status helpers read. */
export interface Branded {
  readonly [BRAND]: true
  readonly retryable: boolean
}

/** @internal Whether `x` carries the brand. */
export function hasBrand(x: unknown): x is Branded {
  try {
    // Stryker disable next-line OptionalChaining: on null, `.` throws a TypeError that the catch turns into the same false (`?.` only spares the throw).
    return typeof x === 'object' && (x as Partial<Branded> | null)?.[BRAND] === true
  } catch {
    // A revoked Proxy, or one whose get trap throws, is no ApiError.
    return false
  }
}
