import { expectTypeOf, test } from 'vitest'
import {
  defineMessages,
  defineOperation,
  englishMessages,
  type LanguageCatalog,
  type MessageCatalog,
  userMessage,
} from '../../src/index.js'
import { de, en, es, fr, ja, messagesFor, nl } from '../../src/messages/all.js'

const authorize = defineOperation('authorize', {
  429: { code: 'ACCOUNT_LOCKED', retryable: false },
  465: { code: 'IP_ADDRESS_INVALID' },
  401: { meaning: 'The username or password is not valid' },
} as const)

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
  const { NOT_FOUND: _missing, UNKNOWN: _optional, ...rest } = englishMessages
  // @ts-expect-error: NOT_FOUND has no message
  defineMessages(rest)
  defineMessages({ ...rest, NOT_FOUND: 'Not here.' })
  // @ts-expect-error: a message is a string or a function returning one
  defineMessages({ ...englishMessages, FORBIDDEN: 5 })
  // @ts-expect-error: a function returns a string
  defineMessages({ ...englishMessages, FORBIDDEN: () => 5 })
})

test("a catalog typed for an operation needs the operation's codes", () => {
  const { TOO_MANY_REQUESTS: _replaced, ...rest } = englishMessages
  defineMessages<typeof authorize>({ ...rest, ACCOUNT_LOCKED: 'Locked.', IP_ADDRESS_INVALID: 'Not from here.' })
  // @ts-expect-error: ACCOUNT_LOCKED has no message
  defineMessages<typeof authorize>({ ...rest, IP_ADDRESS_INVALID: 'Not from here.' })
  // @ts-expect-error: IP_ADDRESS_INVALID has no message
  defineMessages({ ...rest, ACCOUNT_LOCKED: 'Locked.' }, authorize)
  defineMessages(
    {
      ...rest,
      ACCOUNT_LOCKED: (e) => `locked ${e.status satisfies 429}`,
      IP_ADDRESS_INVALID: (e) => `not from here ${e.status satisfies 465}`,
    },
    authorize,
  )
  expectTypeOf<MessageCatalog<typeof authorize>>().toHaveProperty('ACCOUNT_LOCKED')
  expectTypeOf<MessageCatalog<typeof authorize>>().not.toHaveProperty('TOO_MANY_REQUESTS')
})

test('every built-in catalog spreads into a catalog for any operation', () => {
  for (const catalog of [en, nl, de, fr, es, ja, englishMessages]) {
    expectTypeOf(catalog).toEqualTypeOf<LanguageCatalog>()
    expectTypeOf(catalog).toExtend<MessageCatalog>()
    defineMessages<typeof authorize>({ ...catalog, ACCOUNT_LOCKED: 'x', IP_ADDRESS_INVALID: 'y' })
    // @ts-expect-error: the operation's own code still needs a message
    defineMessages<typeof authorize>({ ...catalog, ACCOUNT_LOCKED: 'x' })
  }
})

test('userMessage takes any catalog and gives a string', () => {
  const mine = defineMessages<typeof authorize>({ ...nl, ACCOUNT_LOCKED: 'x', IP_ADDRESS_INVALID: 'y' })
  expectTypeOf(userMessage(new Error('x'))).toEqualTypeOf<string>()
  expectTypeOf(userMessage(null, mine)).toEqualTypeOf<string>()
  expectTypeOf(userMessage(null, messagesFor('nl'))).toEqualTypeOf<string>()
  // @ts-expect-error: a catalog is an object of messages
  userMessage(null, 'nl')
})

test('messagesFor takes a tag, a header value or a list of tags', () => {
  expectTypeOf(messagesFor('nl-BE')).toEqualTypeOf<LanguageCatalog>()
  messagesFor(['nl-BE', 'en'] as readonly string[])
  messagesFor(null)
  messagesFor(undefined)
  // @ts-expect-error: a number is no locale
  messagesFor(5)
})
