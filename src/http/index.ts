/**
 * Reading an HTTP error response: the body bounded in bytes and time, the body as data, the
 * server's own words, `Retry-After`, headers and the request id. One concern per file; this
 * file only re-exports them.
 *
 * @module
 */

export { fieldOf } from './field.js'
export { headerValue, requestIdFrom } from './headers.js'
export { parseBody } from './json.js'
export {
  type BodyLimits,
  type BodyRead,
  cutBytes,
  DEFAULT_MAX_BODY_BYTES,
  OVERREAD,
  orDefault,
  type ReadBodyOptions,
  readBody,
  readLimits,
} from './read-body.js'
export { parseRetryAfter } from './retry-after.js'
export { oneLine, type ServerFields, serverFields } from './server-fields.js'
