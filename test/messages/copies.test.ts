// The package's entry points are separate files (and CommonJS and ESM builds separate copies): a
// catalog from een-api-errors/messages must work with userMessage of the main entry in any pairing.
import { createRequire } from 'node:module'
import { beforeAll, expect, it } from 'vitest'

const require = createRequire(import.meta.url)
const dist = new URL('../../dist/', import.meta.url)

type Catalog = Record<string, unknown>
type Main = { userMessage: (error: unknown, catalog?: Catalog) => string; ApiError: new (status: number) => unknown }
let esmMessages: { nl: Catalog }
let cjsMessages: { nl: Catalog }
let esmMain: Main
let cjsMain: Main

beforeAll(async () => {
  esmMessages = await import(new URL('messages.js', dist).href)
  esmMain = await import(new URL('index.js', dist).href)
  cjsMessages = require(new URL('messages.cjs', dist).pathname)
  cjsMain = require(new URL('index.cjs', dist).pathname)
})

// nl's text for anything that is no error, and for a 4xx its catalog does not name (see src/messages/nl.ts).
const NO_ERROR = 'Er ging iets mis. Probeer het opnieuw.'

it("a language catalog's fallback is its own when userMessage comes from another copy of the package", () => {
  for (const main of [esmMain, cjsMain]) {
    for (const messages of [esmMessages, cjsMessages]) {
      expect(main.userMessage('not an error', messages.nl)).toBe(NO_ERROR)
      expect(main.userMessage(new main.ApiError(418 as number), messages.nl)).toMatch(/^We konden dit verzoek niet/)
    }
  }
})
