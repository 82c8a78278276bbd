import { expectTypeOf, test } from 'vitest'
import { defineMessages, defineOperation, englishMessages, type MessageCatalog, userMessage } from '../src/index.js'

test('a catalog needs every error code, and a function gets the narrowed error', () => {
  defineMessages({
    ...englishMessages,
    TOO_MANY_REQUESTS: (e) => {
      expectTypeOf(e.status).toEqualTypeOf<429>()
      return 'wait'
    },
    UNKNOWN: (e) => {
      expectTypeOf(e.code).toEqualTypeOf<'UNKNOWN'>()
      return 'unknown'
    },
  })
  const { NOT_FOUND: _missing, ...rest } = englishMessages
  // @ts-expect-error: NOT_FOUND has no message
  defineMessages(rest)
  // @ts-expect-error: a message is a string or a function returning one
  defineMessages({ ...englishMessages, FORBIDDEN: 5 })
  expectTypeOf(userMessage).returns.toEqualTypeOf<string>()
})

test("an operation's catalog needs the operation's codes", () => {
  const authorize = defineOperation('authorize', { 429: { code: 'ACCOUNT_LOCKED' } })
  const { TOO_MANY_REQUESTS: _replaced, ...rest } = englishMessages
  defineMessages({ ...rest, ACCOUNT_LOCKED: (e) => `locked ${e.status satisfies 429}` }, authorize)
  // @ts-expect-error: ACCOUNT_LOCKED has no message
  defineMessages({ ...rest }, authorize)
  expectTypeOf<keyof MessageCatalog<typeof authorize>>().toExtend<string>()
})
