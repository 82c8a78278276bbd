/**
 * `userMessage`: the text a person should see for an error, from a catalog.
 *
 * @module
 */
import { hasBrand } from '../error/brand.js'
import { englishByClass, englishMessages, SOMETHING_WENT_WRONG } from './en.js'
import type { AnyCatalog } from './types.js'

/**
 * The message a person should see for `error`: the catalog's entry for its code (the built-in
 * English catalog by default), so an operation's own codes (`ACCOUNT_LOCKED`) get the entries a
 * catalog made for that operation gives them. Anything the catalog does not cover, an entry that
 * throws or gives no text, and anything that is not an `ApiError` get a safe generic English
 * message by class. Never throws, and never shows text from the server unless the catalog's
 * function puts it there.
 *
 * @example
 * ```ts
 * userMessage(new ApiError(402)) // 'Your account is suspended. Contact your administrator.'
 * userMessage(error, messagesFor(request.headers.get('accept-language')))
 * ```
 */
export function userMessage(error: unknown, catalog: AnyCatalog = englishMessages): string {
  if (!hasBrand(error)) return SOMETHING_WENT_WRONG
  try {
    const code = (error as unknown as { code: unknown }).code
    const entry = typeof code === 'string' && Object.hasOwn(catalog, code) ? (catalog[code] as unknown) : undefined
    const text = typeof entry === 'function' ? entry(error) : entry
    if (typeof text === 'string' && text !== '') return text
  } catch {
    // A catalog function that throws gets the generic message.
  }
  return englishByClass(error as never)
}
