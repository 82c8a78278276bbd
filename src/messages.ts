/**
 * Messages for people (DESIGN §5): a catalog with an entry for every error code, checked by the
 * compiler, and {@link userMessage} to render one. The built-in English catalog is written for end
 * users: plain words and what they can do next, no status numbers, no jargon.
 *
 * @module
 */
import type { AnyOperation, ApiError, ApiErrorOf, UnknownApiError } from './api-error.js'
import { hasBrand } from './brand.js'
import { isIntegerIn } from './status.js'
import { codeColumn, type ErrorCode, statusColumn } from './table/index.js'

/** A message: a fixed text, or a function of the narrowed error that returns one. */
export type Message<E> = string | ((error: E) => string)

/** The codes a catalog must cover: every error code of the table, or of the table with the operation's rows. */
export type CatalogCode<O extends AnyOperation | undefined = undefined> = Exclude<ApiError<O>['code'], 'UNKNOWN'>

/**
 * A message for every error code (each function gets the error narrowed to that code), and
 * optionally one for `UNKNOWN`. A missing code is a compile error.
 */
export type MessageCatalog<O extends AnyOperation | undefined = undefined> = {
  readonly [C in CatalogCode<O>]: Message<ErrorWithCode<O, C>>
} & UnknownEntry

/** The member of the error union whose code is `C`. */
export type ErrorWithCode<O extends AnyOperation | undefined, C extends string> =
  ApiError<O> extends infer U ? (U extends ApiErrorOf<number, C, string, boolean> ? U : never) : never

/** The optional entry for statuses nobody documents. */
export interface UnknownEntry {
  /** The message for an error whose code is `UNKNOWN`; without it, a generic message by class. */
  readonly UNKNOWN?: Message<UnknownApiError>
}

/** The table's error codes, for checking catalogs that JavaScript callers write. */
const TABLE_ERROR_CODES: readonly string[] = /* @__PURE__ */ (() =>
  // Stryker disable next-line EqualityOperator: the table has no status 300, so >= 300 and > 300 pick the same rows.
  codeColumn.filter((_, i) => (statusColumn[i] as number) >= 300))()

/**
 * Checks a catalog and returns it frozen. The compiler requires an entry for every error code of
 * the table (or, with `operation`, of the table with the operation's rows applied); at run time a
 * missing or malformed entry throws a `TypeError`.
 *
 * @example
 * ```ts
 * const messages = defineMessages({
 *   ...englishMessages,
 *   ACCOUNT_SUSPENDED: 'Ihr Konto ist gesperrt. Wenden Sie sich an Ihre Administration.',
 *   TOO_MANY_REQUESTS: (e) => `Bitte warten Sie ${Math.ceil((e.retryAfterMs ?? 1000) / 1000)} Sekunden.`,
 * })
 * userMessage(error, messages)
 * ```
 */
export function defineMessages<O extends AnyOperation | undefined = undefined>(
  catalog: MessageCatalog<O>,
  operation?: O,
): MessageCatalog<O> {
  if (typeof catalog !== 'object' || catalog === null)
    throw new TypeError('defineMessages: the catalog must be an object')
  const required = new Set(TABLE_ERROR_CODES)
  for (const [status, row] of Object.entries(operation?.rows ?? {})) {
    if (row.code !== undefined) {
      // The row's code takes the place of the table's (there is none outside the table: codeColumn[-1]).
      required.delete(codeColumn[statusColumn.indexOf(Number(status) as never)] as string)
      required.add(row.code)
    }
  }
  for (const code of required) {
    if (!Object.hasOwn(catalog, code)) throw new TypeError(`defineMessages: no message for ${code}`)
  }
  for (const [code, message] of Object.entries(catalog)) {
    if (typeof message !== 'string' && typeof message !== 'function') {
      throw new TypeError(`defineMessages: the message for ${code} must be a string or a function`)
    }
  }
  return Object.freeze({ ...catalog })
}

/** The built-in English catalog, for end users: plain strings, so any catalog can spread it. */
export const englishMessages: { readonly [C in ErrorCode]: string } = /* @__PURE__ */ Object.freeze({
  MOVED: 'This item has moved. Refresh the page and try again.',
  BAD_REQUEST: 'Something in this request was not right. Check what you entered and try again.',
  UNAUTHORIZED: 'Your session has ended or your sign-in details are not right. Please sign in again.',
  ACCOUNT_SUSPENDED: 'Your account is suspended. Contact your administrator.',
  FORBIDDEN: 'You do not have permission to do this. Ask your administrator for access.',
  NOT_FOUND: 'We could not find what you were looking for. It may have been moved or deleted.',
  METHOD_NOT_ALLOWED: 'This action is not available here.',
  REALM_NOT_ROOT: 'This can only be done from your main account.',
  EMAIL_ALREADY_REGISTERED: 'An account with this email address already exists. Try signing in instead.',
  CAMERA_ATTACH_FAILED: 'We could not connect the camera to its bridge. Check that both are online and try again.',
  USER_DISABLED: 'This user is disabled. Contact your administrator.',
  DEVICE_UNSUPPORTED: 'This device is not supported.',
  RESOURCE_LOCKED: 'This item is locked right now. Try again later.',
  TOO_MANY_REQUESTS: 'You are going a little fast. Wait a moment, then try again.',
  ACCOUNT_INACTIVE: 'Your account is inactive. Contact your administrator.',
  ACCOUNT_PENDING: 'Your account is not active yet. Try again later or contact your administrator.',
  USER_PENDING: 'Your user account is not activated yet. Check your email for the activation link.',
  DEVICE_UNREACHABLE: 'We cannot reach the camera or bridge right now. Check that it is online, or contact support.',
  INTERNAL_ERROR: 'Something went wrong on our side. Contact support if it keeps happening.',
  BAD_GATEWAY: 'We could not load this just now. Please try again.',
  TAG_MAPS_ERROR: 'Something went wrong with the camera tags. Contact support if it keeps happening.',
  GATEWAY_TIMEOUT: 'This is taking longer than it should. Please try again.',
})

/** The message for anything that is not an ApiError, or that cannot be read. */
const SOMETHING_WENT_WRONG = 'Something went wrong. Please try again.'

/** A safe message by the class of the status, for anything the catalog does not cover. */
function genericMessage(error: unknown): string {
  if (!hasBrand(error)) return SOMETHING_WENT_WRONG
  const { status } = error as unknown as { status: unknown }
  if (error.retryable) return 'Something went wrong. Wait a moment, then try again.'
  if (isIntegerIn(status, 500, 599)) return 'Something went wrong on our side. Try again later.'
  if (isIntegerIn(status, 400, 499)) return 'We could not complete this request. Check it and try again.'
  return SOMETHING_WENT_WRONG
}

/**
 * The message a person should see for `error`: the catalog's entry for its code (the built-in
 * English catalog by default), or a safe generic message by class for anything the catalog does
 * not cover or that is not an `ApiError`. Never throws, and never shows text from the server
 * unless the catalog's function puts it there.
 *
 * @example
 * ```ts
 * userMessage(new ApiError(402)) // 'Your account is suspended. Contact your administrator.'
 * userMessage(error, germanMessages)
 * ```
 */
export function userMessage<O extends AnyOperation | undefined = undefined>(
  error: unknown,
  catalog: MessageCatalog<O> | MessageCatalog = englishMessages,
): string {
  try {
    if (hasBrand(error)) {
      const code = (error as unknown as { code: unknown }).code
      const entry =
        typeof code === 'string' && Object.hasOwn(catalog, code)
          ? (catalog as Record<string, unknown>)[code]
          : undefined
      const text = typeof entry === 'function' ? entry(error) : entry
      if (typeof text === 'string' && text !== '') return text
    }
  } catch {
    // A catalog function that throws gets the generic message.
  }
  return genericMessage(error)
}
