/**
 * `defineMessages`: checks a catalog (the compiler by its type, the run time by its keys) and
 * freezes it.
 *
 * @module
 */
import type { AnyOperation } from '../error/types.js'
import { isSuccess } from '../status.js'
import { CODES } from '../table/codes.js'
import type { ErrorCode } from '../table/index.js'
import type { CatalogCode, ErrorWithCode, Message, MessageCatalog } from './types.js'

/**
 * A key that is no code of the table or of the operation (a typo, `ACOUNT_SUSPENDED`): its entry
 * would never be used. A code of the table that the operation replaced (`TOO_MANY_REQUESTS`, which
 * a catalog spread in holds) is a message, as the run time checks, of the table's error: one made without the operation.
 */
type NoStrayCodes<T, O extends AnyOperation | undefined> = {
  readonly [K in Exclude<keyof T, CatalogCode<O> | 'UNKNOWN'>]: K extends ErrorCode
    ? Message<ErrorWithCode<undefined, K>>
    : `${K & string} is no error code of the table or the operation`
}

/**
 * Checks a catalog and returns it frozen. The compiler requires an entry for every error code of
 * the table, or, for an operation (`defineMessages<typeof authorize>({…})`, or the operation as
 * second argument), of the table with the operation's rows applied: its own codes replace the
 * table's for the statuses it renames. At run time a missing or malformed entry throws a
 * `TypeError` (the operation's codes are checked when it is passed); an entry that is `undefined`
 * counts as absent. A key that is no code of the table, nor of the operation, nor `UNKNOWN` (a typo,
 * whose message would never be shown) is a compile error. The result keeps the type of
 * what you wrote, so a catalog whose functions take any error spreads into any other.
 *
 * @example
 * ```ts
 * const authorize = defineOperation('authorize', { 429: { code: 'ACCOUNT_LOCKED', retryable: false } })
 * const messages = defineMessages<typeof authorize>({
 *   ...englishMessages,
 *   ACCOUNT_LOCKED: 'Your account is locked. Reset your password to unlock it.',
 * })
 * userMessage(new ApiError(429, { operation: authorize }), messages) // 'Your account is locked. Reset your password to unlock it.'
 * ```
 */
export function defineMessages<
  O extends AnyOperation | undefined = undefined,
  T extends MessageCatalog<O> & NoStrayCodes<T, O> = MessageCatalog<O>,
>(catalog: T, operation?: O): MessageCatalog<O> & Readonly<T> {
  if (typeof catalog !== 'object' || catalog === null)
    throw new TypeError('defineMessages: the catalog must be an object')
  // Each entry and row read once, here: a getter that answers twice cannot pass the checks with one
  // value and keep another, and one that throws (or a Proxy's trap) gives the documented TypeError.
  let entries: [string, unknown][]
  let rows: [string, { readonly code?: unknown }][] | undefined
  try {
    // An entry that is `undefined` is no entry, as the compiler takes it for `UNKNOWN?:` when
    // exactOptionalPropertyTypes is off (its default): `UNKNOWN: text ?? undefined`.
    entries = Object.entries(catalog).filter(([, message]) => message !== undefined)
    // A row's own code only: a code a polluted Object.prototype holds is none.
    const given: unknown = operation === undefined ? {} : Object(operation).rows
    rows =
      typeof given === 'object' && given !== null
        ? Object.entries(given).map(([status, row]) => [
            status,
            { code: Object.hasOwn(row, 'code') ? row.code : undefined },
          ])
        : undefined
  } catch {
    throw new TypeError('defineMessages: the catalog or the operation could not be read')
  }
  if (rows === undefined) throw new TypeError('defineMessages: the operation must come from defineOperation')
  for (const [status, { code }] of rows) {
    if (code !== undefined && typeof code !== 'string') {
      throw new TypeError(`defineMessages: the operation's code for ${status} must be a string`)
    }
  }
  const copy: Record<string, unknown> = Object.fromEntries(entries)
  // The table's error codes, read from the codes alone, so that a catalog does not carry the
  // table's meanings into a bundle.
  const required = new Set<string>()
  for (const [status, code] of Object.entries(CODES)) if (!isSuccess(Number(status))) required.add(code)
  for (const [status, row] of rows) {
    const tableCode: string | undefined = CODES[status as unknown as keyof typeof CODES]
    // The row's code takes the place of the table's (a status outside the table has none to delete);
    // a row without one makes an error of the table's code, a success's too (`201: { meaning }`).
    if (row.code !== undefined) required.delete(tableCode as string)
    const code = row.code ?? tableCode
    if (code !== undefined) required.add(code as string)
  }
  for (const code of required) {
    if (!Object.hasOwn(copy, code)) throw new TypeError(`defineMessages: no message for ${code}`)
  }
  for (const [code, message] of entries) {
    if (typeof message !== 'string' && typeof message !== 'function') {
      throw new TypeError(`defineMessages: the message for ${code} must be a string or a function`)
    }
  }
  return Object.freeze(copy) as MessageCatalog<O> & Readonly<T>
}
