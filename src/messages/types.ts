/**
 * The shapes of a message catalog: a message for every error code, each a text or a function of
 * the error narrowed to that code. Types only.
 *
 * @module
 */
import type {
  AnyOperation,
  ApiErrorUnion as ApiError,
  ApiErrorFields,
  ApiErrorOf,
  UnknownApiError,
} from '../error/types.js'
import type { ErrorCode } from '../table/index.js'

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

/** The optional entry for statuses nobody documents (a type, not an interface, so catalogs index by string). */
export type UnknownEntry = {
  /** The message for an error whose code is `UNKNOWN`; without it, a generic message by class. */
  readonly UNKNOWN?: Message<UnknownApiError>
}

/**
 * A complete catalog whose messages take any `ApiError` (the built-in ones: `englishMessages`,
 * and `nl`, `de`… of `een-api-errors/messages`). It covers a table's catalog, and spreads into a
 * catalog for any operation, whose own codes are then all that is left to write.
 */
export type LanguageCatalog = { readonly [C in ErrorCode | 'UNKNOWN']: Message<ApiErrorFields> }

/** Any catalog, as `userMessage` reads it: a message (or none) by code. */
export type AnyCatalog = { readonly [code: string]: Message<never> | undefined }
