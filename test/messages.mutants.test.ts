// Tests that kill the mutants Stryker found surviving in src/messages.ts (MUTATION.md lists the
// equivalent ones).
import { expect, it } from 'vitest'
import { ApiError, defineMessages, defineOperation, englishMessages, userMessage } from '../src/index.js'
import { typeErrorMessage as message } from './fixtures/type-error.js'

it('rejects a catalog that is not an object with its own message', () => {
  for (const catalog of [null, 'catalog', 5]) {
    expect(message(() => defineMessages(catalog as never))).toBe('defineMessages: the catalog must be an object')
  }
})

it("still requires the table's code when an operation's row for that status gives no code", () => {
  const op = defineOperation('op', { 429: { meaning: 'Slow down, please' } })
  const { TOO_MANY_REQUESTS: _, ...rest } = englishMessages
  expect(message(() => defineMessages(rest as never, op as never))).toBe(
    'defineMessages: no message for TOO_MANY_REQUESTS',
  )
})

it('uses only entries the catalog has of its own, for string codes', () => {
  // A code named like an Object.prototype member is not in the catalog.
  const op = defineOperation('op', { 465: { code: 'toString' } })
  const error = new ApiError(465, { operation: op })
  expect(userMessage(error)).toBe('We could not complete this request. Check it and try again.')
  const odd = new ApiError(402)
  ;(odd as { code: unknown }).code = 5
  expect(userMessage(odd, { 5: 'five' } as never)).toBe('We could not complete this request. Check it and try again.')
})
