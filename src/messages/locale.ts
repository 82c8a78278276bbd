/**
 * `messagesFor`: the best built-in catalog for what a person's browser or app says they read.
 *
 * @module
 */
import { de } from './de.js'
import { englishMessages } from './en.js'
import { es } from './es.js'
import { fr } from './fr.js'
import { ja } from './ja.js'
import { nl } from './nl.js'
import type { LanguageCatalog } from './types.js'

/** The catalogs by lower-case language tag. */
const CATALOGS: Readonly<Record<string, LanguageCatalog>> = { en: englishMessages, nl, de, fr, es, ja }

/** How much of `locale` is read: far more than any browser sends, so that junk costs no more. */
const MAX_ITEMS = 100
const MAX_LENGTH = 4096

/**
 * The first {@link MAX_LENGTH} characters of `text`, up to its last comma when it is longer: a tag
 * cut in two is not the tag given (`jav`, Javanese, is not `ja`; `nl;q=0`, refused, is not `nl;q`).
 */
function wholeTags(text: string): string {
  return text.length <= MAX_LENGTH ? text : text.slice(0, text.lastIndexOf(',', MAX_LENGTH) + 1)
}

/**
 * The language tags of `locale`, best first: a q-weight of 0 or one that is no decimal number drops
 * a tag, and one above 1 counts as 1.
 */
function preferred(locale: unknown): string[] {
  const items: unknown[] =
    typeof locale === 'string' ? [locale] : Array.isArray(locale) ? locale.slice(0, MAX_ITEMS) : []
  const weighted: { tag: string; q: number }[] = []
  for (const item of items) {
    if (typeof item !== 'string') continue
    for (const range of wholeTags(item).split(',', MAX_ITEMS)) {
      const [tag = '', ...params] = range.split(';')
      // The weight is all that follows `q=`, blanks around it allowed: a decimal number, as HTTP
      // writes one (`0.8`, `1`); any other text (`0x1`, `1e-3`, `Infinity`) is no weight.
      const q = params.map((p) => /^\s*q\s*=([\s\S]*)/i.exec(p)).find(Boolean)?.[1]
      const weight = q === undefined ? 1 : /^\s*(?:\d+(?:\.\d*)?|\.\d+)\s*$/.test(q) ? Math.min(Number(q), 1) : 0
      // `nl_BE`, as POSIX locales write it, is `nl-BE`.
      if (weight > 0) weighted.push({ tag: tag.trim().toLowerCase().replace(/_/g, '-'), q: weight })
    }
  }
  // Array sort is stable: tags of equal weight keep the order they were given in.
  return weighted.sort((a, b) => b.q - a.q).map(({ tag }) => tag)
}

/**
 * The built-in catalog that best fits `locale`: a BCP 47 tag (`'nl-BE'`), a list of them
 * (`navigator.languages`), or an `Accept-Language` header value with q-weights
 * (`'nl-NL,nl;q=0.9,en;q=0.8'`). Tags are tried best first; for each, the exact language, then its
 * base language (`nl-BE` gives Dutch). English when nothing matches (`pt-BR`), and for `*` (any
 * language) when no tag before it matched. Only the first 100 tags and 4,096 characters of each
 * string are read (a tag the limit cuts in two is not read). Never throws: junk (`''`, `null`, a number, an object) gives English.
 *
 * @example
 * ```ts
 * userMessage(error, messagesFor(request.headers.get('accept-language')))
 * userMessage(error, messagesFor(navigator.languages))
 * ```
 */
export function messagesFor(locale: string | readonly string[] | null | undefined): LanguageCatalog {
  try {
    for (const tag of preferred(locale)) {
      // `*`, any language, is met by the default.
      if (tag === '*') break
      const base = tag.split('-')[0] as string
      const match = [tag, base].find((t) => Object.hasOwn(CATALOGS, t))
      if (match !== undefined) return CATALOGS[match] as LanguageCatalog
    }
  } catch {
    // A revoked Proxy or a throwing getter in place of a list: no preference to read.
  }
  return englishMessages
}
