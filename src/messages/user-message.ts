/**
 * `userMessage`: the text a person should see for an error, from a catalog.
 *
 * @module
 */
import { hasBrand } from '../brand.js'
import { type ByClass, isByClass } from './by-class.js'
import { englishByClass, englishMessages } from './en.js'
import type { AnyCatalog } from './types.js'

/** What a message by class is given for a value that is no error: its "anything else" text. */
const NO_ERROR = { status: 0, retryable: false } as const

/**
 * The catalog's message for what it does not cover: its `UNKNOWN` entry when that takes any
 * error (the messages by class of a built-in catalog, also when spread into yours, or a text);
 * else the English messages by class.
 */
function fallbackOf(catalog: AnyCatalog): ByClass {
  try {
    const unknown = Object.hasOwn(catalog, 'UNKNOWN') ? catalog.UNKNOWN : undefined
    if (typeof unknown === 'string' && unknown !== '') return () => unknown
    return isByClass(unknown) ? unknown : englishByClass
  } catch {
    // A catalog that cannot be read gets the English ones.
    return englishByClass
  }
}

/**
 * The message a person should see for `error`: the catalog's entry for its code (the built-in
 * English catalog by default), so an operation's own codes (`ACCOUNT_LOCKED`) get the entries a
 * catalog made for that operation gives them. Anything the catalog does not cover, an entry that
 * throws or gives no text, and anything that is not an `ApiError` get the catalog's `UNKNOWN`
 * text when it is a string, else a safe generic message by class: in the catalog's language for
 * the built-in catalogs (and catalogs spread from them), else in English (an `UNKNOWN` function is
 * given only errors whose code is `UNKNOWN`). Never throws, and never shows text from the server
 * unless the catalog's function puts it there.
 *
 * @example
 * ```ts
 * userMessage(new ApiError(402)) // 'Your account is suspended. Contact your administrator.'
 * userMessage(error, messagesFor(request.headers.get('accept-language')))
 * ```
 */
export function userMessage(error: unknown, catalog: AnyCatalog = englishMessages): string {
  const fallback = fallbackOf(catalog)
  const branded = hasBrand(error)
  if (branded) {
    try {
      const code = (error as unknown as { code: unknown }).code
      const entry = typeof code === 'string' && Object.hasOwn(catalog, code) ? (catalog[code] as unknown) : undefined
      const text = typeof entry === 'function' ? entry(error) : entry
      if (typeof text === 'string' && text !== '') return text
    } catch {
      // A catalog function that throws gets the generic message.
    }
  }
  // An error whose status cannot be read (a hostile getter) gets the message for no error; messages
  // by class that throw (only a forged brand can make them), the English ones.
  for (const e of [branded ? error : NO_ERROR, NO_ERROR]) {
    try {
      return fallback(e as never)
    } catch {}
  }
  return englishByClass(NO_ERROR)
}
