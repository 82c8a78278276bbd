// defineMessages at run time: the checks that JavaScript callers (and catalogs for an operation)
// get, and the frozen copy it returns.
import { expect, it } from 'vitest'
import { defineMessages, defineOperation, englishMessages } from '../../src/index.js'
import { typeErrorMessage as message } from '../fixtures/type-error.js'

it('returns a frozen copy of the catalog', () => {
  const mine = { ...englishMessages }
  const catalog = defineMessages(mine)
  expect(Object.isFrozen(catalog)).toBe(true)
  expect(catalog).not.toBe(mine)
  expect(catalog).toEqual(englishMessages)
})

it('rejects a catalog that is not an object', () => {
  for (const catalog of [null, undefined, 'catalog', 5]) {
    expect(message(() => defineMessages(catalog as never))).toBe('defineMessages: the catalog must be an object')
  }
})

it('names a missing or malformed entry', () => {
  const { NOT_FOUND: _missing, ...rest } = englishMessages
  expect(message(() => defineMessages(rest as never))).toBe('defineMessages: no message for NOT_FOUND')
  expect(message(() => defineMessages({ ...englishMessages, FORBIDDEN: 5 } as never))).toBe(
    'defineMessages: the message for FORBIDDEN must be a string or a function',
  )
})

it('counts an entry that is undefined as absent, as the compiler does for UNKNOWN without exactOptionalPropertyTypes', () => {
  const noText: string | undefined = undefined
  const catalog = defineMessages({ ...englishMessages, UNKNOWN: noText } as never)
  const { UNKNOWN: _builtIn, ...rest } = englishMessages
  expect(Object.keys(catalog)).toEqual(Object.keys(rest))
  // A required code that is undefined is still missing.
  expect(message(() => defineMessages({ ...englishMessages, FORBIDDEN: undefined } as never))).toBe(
    'defineMessages: no message for FORBIDDEN',
  )
})

it('throws only its TypeError for a catalog or an operation that throws when read', () => {
  const throwing = new Proxy(
    {},
    {
      ownKeys() {
        throw new Error('boom')
      },
    },
  )
  const getter = Object.defineProperty({ ...englishMessages }, 'MOVED', {
    get() {
      throw new RangeError('g')
    },
    enumerable: true,
  })
  const rows = new Proxy(defineOperation('op', { 429: { code: 'SLOW' } }), {
    get(target, key, receiver) {
      if (key === 'rows') throw 1
      return Reflect.get(target, key, receiver)
    },
  })
  for (const read of [
    () => defineMessages(throwing as never),
    () => defineMessages(getter),
    () => defineMessages(englishMessages as never, rows),
  ]) {
    expect(message(read)).toBe('defineMessages: the catalog or the operation could not be read')
  }
})

it('says so, with a TypeError, for an operation that is none (a name, rows of no object)', () => {
  for (const operation of ['authorize', 42, null, {}, { name: 'op', rows: 'x' }]) {
    expect(message(() => defineMessages({ ...englishMessages }, operation as never))).toBe(
      'defineMessages: the operation must come from defineOperation',
    )
  }
  expect(Object.isFrozen(defineMessages({ ...englishMessages }, undefined))).toBe(true)
})

it("says so, with a TypeError, for an operation's code that is no string", () => {
  const hostile = {
    toString: () => {
      throw new Error('x')
    },
  }
  for (const code of [hostile, Symbol('s'), 42]) {
    const forged = { name: 'op', rows: { 402: { code } } }
    expect(message(() => defineMessages({ ...englishMessages }, forged as never))).toBe(
      "defineMessages: the operation's code for 402 must be a string",
    )
  }
})

it('reads each entry once: what it checked is what it keeps', () => {
  let reads = 0
  const fickle = Object.defineProperty({ ...englishMessages }, 'MOVED', {
    get: () => (reads++ === 0 ? 'Moved.' : 42),
    enumerable: true,
  })
  const catalog = defineMessages(fickle)
  expect(catalog.MOVED).toBe('Moved.')
  expect(reads).toBe(1)
})

it('needs no message for a success status, nor for UNKNOWN', () => {
  const { UNKNOWN: _optional, ...errorsOnly } = englishMessages
  expect(Object.keys(defineMessages(errorsOnly))).toHaveLength(Object.keys(errorsOnly).length)
})

it("requires an operation's own codes in place of the table's codes they replace", () => {
  const authorize = defineOperation('authorize', {
    429: { code: 'ACCOUNT_LOCKED' },
    465: { code: 'IP_ADDRESS_INVALID' },
  })
  const { TOO_MANY_REQUESTS: _replaced, ...rest } = englishMessages
  expect(message(() => defineMessages(englishMessages as never, authorize))).toBe(
    'defineMessages: no message for ACCOUNT_LOCKED',
  )
  expect(message(() => defineMessages({ ...rest, ACCOUNT_LOCKED: 'Locked.' } as never, authorize))).toBe(
    'defineMessages: no message for IP_ADDRESS_INVALID',
  )
  expect(
    message(() => defineMessages({ ...rest, ACCOUNT_LOCKED: 'Locked.', IP_ADDRESS_INVALID: 'No.' }, authorize)),
  ).toBe('no error')
})

it("still requires the table's code when an operation's row for that status gives no code", () => {
  const op = defineOperation('op', { 429: { meaning: 'Slow down, please' } })
  const { TOO_MANY_REQUESTS: _, ...rest } = englishMessages
  expect(message(() => defineMessages(rest as never, op as never))).toBe(
    'defineMessages: no message for TOO_MANY_REQUESTS',
  )
})

it('names the first missing code in the order of the table, also when an operation re-words a status', () => {
  const op = defineOperation('op', { 402: { meaning: 'Your plan has lapsed' } })
  const { ACCOUNT_SUSPENDED: _402, FORBIDDEN: _403, ...rest } = englishMessages
  for (const operation of [undefined, op])
    expect(message(() => defineMessages(rest as never, operation as never))).toBe(
      'defineMessages: no message for ACCOUNT_SUSPENDED',
    )
})

it('requires nothing for a row outside the table without a code, from an operation made by hand', () => {
  // defineOperation refuses such a row; an operation written as an object literal can hold one.
  const op = { name: 'op', rows: { 465: { meaning: 'IP Address Invalid' } } }
  expect(message(() => defineMessages(englishMessages as never, op as never))).toBe('no error')
})

it("requires the table's code of a success the operation declares a row for, as the compiler does", () => {
  // `new ApiError(201, { operation: op })` is an error of code CREATED: the catalog's type asks for it.
  const op = defineOperation('op', { 201: { meaning: 'Queued' }, 202: { code: 'QUEUED' } })
  expect(message(() => defineMessages(englishMessages as never, op))).toBe('defineMessages: no message for CREATED')
  expect(message(() => defineMessages({ ...englishMessages, CREATED: 'Made.' } as never, op))).toBe(
    'defineMessages: no message for QUEUED',
  )
  expect(message(() => defineMessages({ ...englishMessages, CREATED: 'Made.', QUEUED: 'Queued.' }, op))).toBe(
    'no error',
  )
  // @ts-expect-error: the compiler asks for CREATED too
  defineMessages<typeof op>({ ...englishMessages, QUEUED: 'Queued.' })
})
