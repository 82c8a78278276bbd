/**
 * een-api-errors: typed status codes and errors for the Eagle Eye Networks Cloud API.
 *
 * @packageDocumentation
 */

export {
  type ClientErrorStatus,
  type Description,
  describe,
  type HttpStatus,
  type InformationalStatus,
  isClientError,
  isInformational,
  isKnownStatus,
  isRedirect,
  isRetryable,
  isServerError,
  isSuccess,
  type RedirectStatus,
  type ServerErrorStatus,
  type SuccessStatus,
} from './status.js'
export {
  type CodeOf,
  type ErrorCode,
  type KnownErrorStatus,
  type KnownStatus,
  type MeaningOf,
  type RowOf,
  STATUS_CODES,
  Status,
  type StatusName,
  type StatusNames,
  type StatusOf,
  type StatusRow,
  type StatusTable,
} from './table.js'
