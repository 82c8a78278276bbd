import { expectTypeOf, test } from 'vitest'
import {
  ApiError,
  type ApiErrorFields,
  defineMessages,
  defineOperation,
  englishMessages,
  userMessage,
} from '../../src/index.js'
import { nl } from '../../src/messages/all.js'

const authorize = defineOperation('authorize', {
  429: { code: 'ACCOUNT_LOCKED', meaning: 'Account is locked', retryable: false },
})

test('a key that is no error code (a typo) is a compile error: its message would never be shown', () => {
  // @ts-expect-error: ACOUNT_SUSPENDED is a typo of ACCOUNT_SUSPENDED
  defineMessages({ ...englishMessages, ACOUNT_SUSPENDED: 'Your account is suspended. Call us.' })
  // @ts-expect-error: and with a function
  defineMessages({ ...englishMessages, ACOUNT_SUSPENDED: (e: { status: number }) => `${e.status}` })
  // @ts-expect-error: ACCOUNT_LOCKED is no code without the operation
  defineMessages({ ...englishMessages, ACCOUNT_LOCKED: 'Locked' })
  // @ts-expect-error: a typo of the operation's code, beside the code itself
  defineMessages<typeof authorize>({ ...englishMessages, ACCOUNT_LOCKED: 'Locked', ACOUNT_LOCKED: 'Locked' })
})

test("the table's codes, UNKNOWN and the operation's codes are all keys a catalog may hold", () => {
  const table = defineMessages({
    ...englishMessages,
    ACCOUNT_SUSPENDED: (e) => `Suspended (${e.status})`,
    UNKNOWN: (e) => `HTTP ${e.status}`,
  })
  expectTypeOf(userMessage(new ApiError(402), table)).toEqualTypeOf<string>()
  // A built-in catalog spreads in with TOO_MANY_REQUESTS, which the operation renamed: it stays allowed.
  const locked = defineMessages<typeof authorize>({ ...nl, ACCOUNT_LOCKED: 'Vergrendeld' })
  const passed = defineMessages({ ...englishMessages, ACCOUNT_LOCKED: (e) => `${e.status}` }, authorize)
  void locked
  void passed
})

test("a table code the operation replaced is still a message, for errors made without it: typed as the table's", () => {
  // @ts-expect-error: defineMessages throws a TypeError for a message that is no string or function
  defineMessages({ ...englishMessages, ACCOUNT_LOCKED: 'Locked', TOO_MANY_REQUESTS: 5 }, authorize)
  defineMessages(
    {
      ...englishMessages,
      ACCOUNT_LOCKED: (e) => `${e.status}`,
      // Given the table's 429 (an error made without the operation); the compiler cannot infer it here.
      TOO_MANY_REQUESTS: (e: ApiErrorFields) => `Slow down (${e.status})`,
    },
    authorize,
  )
  defineMessages(
    {
      ...englishMessages,
      ACCOUNT_LOCKED: 'x',
      // @ts-expect-error: nor a function of another error
      TOO_MANY_REQUESTS: (e: { status: 402 }) => `${e.status}`,
    },
    authorize,
  )
})
