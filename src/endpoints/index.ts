/**
 * `een-api-errors/endpoints`: every call the Eagle Eye Networks API documents, as a ready
 * operation for `ApiError.fromResponse(res, { operation })`, so that an error carries the call's
 * own code, meaning and retry advice. Import one call by name (`forgotPassword`, `authorize`) to
 * carry only that call; `endpoints` and {@link findEndpoint} carry the whole catalog.
 *
 * @example
 * ```ts
 * import { ApiError } from 'een-api-errors'
 * import { findEndpoint, forgotPassword } from 'een-api-errors/endpoints'
 *
 * throw await ApiError.fromResponse(res, { operation: forgotPassword }) // 406 is INFORMATION_NOT_VERIFIED
 * throw await ApiError.fromResponse(res, { operation: findEndpoint('POST', url) })
 * ```
 *
 * @module een-api-errors/endpoints
 */
export * from './catalog.js'
export type { Endpoint, HttpMethod, SuccessRow, SuccessRows } from './define.js'
export { findEndpoint } from './find.js'
