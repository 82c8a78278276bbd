/**
 * een-api-errors: typed status codes and errors for the Eagle Eye Networks Cloud API.
 *
 * @module een-api-errors
 */

export { ApiError, type ApiErrorConstructor, type ErrorOf, type InstanceNarrowing } from './error/api-error.js'
export type { ApiErrorClass } from './error/class.js'
export { isApiError } from './error/is-api-error.js'
export type {
  AnyOperation,
  ApiErrorCauseJSON,
  ApiErrorFields,
  ApiErrorFor,
  ApiErrorInit,
  ApiErrorJSON,
  ApiErrorOf,
  ApiErrorUnion,
  ApiErrorWithStatus,
  ConstructibleStatus,
  ErrorStatus,
  FromJSONOptions,
  FromOptions,
  FromResponseOptions,
  MemberWithStatus,
  RequestAuth,
  RequestLike,
  UnknownApiError,
} from './error/types.js'
export {
  type AnyCatalog,
  type CatalogCode,
  defineMessages,
  type ErrorWithCode,
  englishMessages,
  type LanguageCatalog,
  type Message,
  type MessageCatalog,
  type UnknownEntry,
  userMessage,
} from './messages/index.js'
export {
  type CheckedRows,
  defineOperation,
  type Operation,
  type OperationRow,
  type OperationRows,
} from './operation.js'
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
} from './table/index.js'
