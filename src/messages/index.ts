/**
 * Messages for people, as the main entry point exports them: `defineMessages`, `userMessage`
 * and the English catalog. The other languages are in the `een-api-errors/messages` entry.
 *
 * @module
 */
export { defineMessages } from './define.js'
export { englishMessages } from './en.js'
export type {
  AnyCatalog,
  CatalogCode,
  ErrorWithCode,
  LanguageCatalog,
  Message,
  MessageCatalog,
  UnknownEntry,
} from './types.js'
export { userMessage } from './user-message.js'
