/**
 * `een-api-errors/messages`: a complete catalog of messages for people in each of six languages,
 * and `messagesFor`, which picks one for a locale. Each catalog is a module of its own, so a
 * bundle carries only the languages it imports. Render with `userMessage` from the main entry.
 *
 * @example
 * ```ts
 * import { userMessage } from 'een-api-errors'
 * import { messagesFor, nl } from 'een-api-errors/messages'
 *
 * userMessage(error, nl)
 * userMessage(error, messagesFor('nl-BE,nl;q=0.9,en;q=0.8'))
 * ```
 *
 * @module een-api-errors/messages
 */
export { de } from './de.js'
/** The English catalog: the entries of `englishMessages` of the main entry (each entry point is a bundle of its own, so not the same object). */
export { englishMessages as en } from './en.js'
export { es } from './es.js'
export { fr } from './fr.js'
export { ja } from './ja.js'
export { messagesFor } from './locale.js'
export { nl } from './nl.js'
