/**
 * `--lang`: the message a person would see for a status, from the built-in catalog of a language.
 *
 * @module
 */
import type { Endpoint } from '../endpoints/index.js'
import { ApiError } from '../error/api-error.js'
import { englishMessages } from '../messages/en.js'
import { messagesFor } from '../messages/locale.js'
import type { LanguageCatalog } from '../messages/types.js'
import { userMessage } from '../messages/user-message.js'
import type { KnownStatus } from '../table/index.js'
import { type Shown, show } from './render.js'

/** The languages `--lang` takes, for its help and its error message. */
export const LANGUAGES = 'en, nl, de, fr, es or ja'

/**
 * The catalog for a `--lang` value (`nl`, or a locale such as `nl-BE`, `nl_BE` or, as `$LANG`
 * writes one, `nl_BE.UTF-8` or `de_DE@euro`), or `undefined` when there is none or no built-in
 * language fits it: the CLI says so rather than print English in its place. One tag only: a list
 * or an `Accept-Language` value (`en, nl`, `nl;q=0.5`) is refused whichever language comes first.
 */
export function catalogFor(lang: string | undefined): LanguageCatalog | undefined {
  // The tag without a POSIX locale's character set and modifier, which name no language.
  const tag = lang && /^\s*([a-z]+(?:[-_][a-z\d]+)*)(?:\.[\w-]+)?(?:@\w+)?\s*$/i.exec(lang)?.[1]
  if (!tag) return undefined
  const catalog = messagesFor(tag)
  return catalog !== englishMessages || /^en(?:[-_]|$)/i.test(tag) ? catalog : undefined
}

/**
 * The row of a documented status as the CLI shows it, with what a person sees for the error when a
 * catalog is given (a success shows none).
 */
export function shownIn(status: KnownStatus, catalog: LanguageCatalog | undefined): Shown {
  return withMessage(show(status), catalog)
}

/**
 * `shown` with what a person sees for its error (as `call` means it, when given) when a catalog is
 * given; a status below 300 is no error and shows none.
 */
export function withMessage(shown: Shown, catalog: LanguageCatalog | undefined, call?: Endpoint): Shown {
  if (catalog === undefined || shown.status < 300) return shown
  return { ...shown, message: userMessage(new ApiError(shown.status as KnownStatus, { operation: call }), catalog) }
}
