/**
 * `ApiErrorClass`: the type of a value that is `ApiError` or a subclass of it, for an option or a
 * parameter that takes the class. Types only.
 *
 * @module
 */
import type { ApiError, ApiErrorConstructor } from './api-error.js'
import type { ApiErrorInit } from './types.js'

/**
 * A class that makes errors of type `E`: `ApiError` itself, or a subclass whose constructor takes
 * `(status, init?)`, as the statics call it. Type an option or a parameter that takes the class with
 * it (`{ ErrorClass: ApiErrorClass }`, or `ApiErrorClass<SdkError>`): `typeof ApiError` is the
 * class with its narrowing construct signatures (`new ApiError(402)` is the ACCOUNT_SUSPENDED
 * member), which a subclass does not have, so a subclass is not a `typeof ApiError`. Through it,
 * `ErrorClass.fromResponse(res)` (and `from`, `fromJSON`) gives an `E` that narrows like the union,
 * `new ErrorClass(status)` an `E`, and `x instanceof ErrorClass` narrows `x` to `E`.
 *
 * @example
 * ```ts
 * class SdkError extends ApiError {}
 * interface ClientOptions { readonly ErrorClass?: ApiErrorClass }
 * const options: ClientOptions = { ErrorClass: SdkError }
 * const ErrorClass = options.ErrorClass ?? ApiError
 * throw await ErrorClass.fromResponse(res)
 * ```
 */
export interface ApiErrorClass<E extends ApiError = ApiError>
  extends Pick<ApiErrorConstructor, 'from' | 'fromResponse' | 'fromJSON' | typeof Symbol.hasInstance> {
  /** Makes an `E` for an integer status 300–599, or 100–599 with an `operation` that has a row for it (a `RangeError` otherwise). */
  new (status: number, init?: ApiErrorInit): E
  /** The class's prototype. */
  readonly prototype: E
}
