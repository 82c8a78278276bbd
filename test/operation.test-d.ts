import { expectTypeOf, test } from 'vitest'
import { ApiError, defineOperation, type OperationRow } from '../src/index.js'

// defineOperation throws a TypeError at once for each of these (test/operation.test.ts): the
// compiler should refuse them first, as it refuses a status outside the table without a code.

test('a row with a field that is not code, meaning or retryable is a compile error', () => {
  // A typo: the row would silently keep the table's retry advice (429 stays retryable).
  // @ts-expect-error: `retry` is no field of a row
  defineOperation('typo', { 429: { code: 'ACCOUNT_LOCKED', retry: false } })
  // @ts-expect-error: `message` is no field of a row (`meaning` is)
  defineOperation('typo', { 404: { message: 'No such user' } })
  const fine = defineOperation('fine', { 429: { code: 'ACCOUNT_LOCKED', meaning: 'Locked', retryable: false } })
  expectTypeOf(new ApiError(429, { operation: fine }).code).toEqualTypeOf<'ACCOUNT_LOCKED'>()
})

test('two rows with one code are a compile error', () => {
  // @ts-expect-error: IP_ADDRESS_INVALID is the code of 465 and of 466
  defineOperation('twice', { 465: { code: 'IP_ADDRESS_INVALID' }, 466: { code: 'IP_ADDRESS_INVALID' } })
  // @ts-expect-error: two table statuses renamed to one code
  defineOperation('twice', { 401: { code: 'LOGIN_FAILED' }, 403: { code: 'LOGIN_FAILED' } })
  defineOperation('apart', { 465: { code: 'IP_ADDRESS_INVALID' }, 466: { code: 'IP_ADDRESS_BLOCKED' } })
  // A code the compiler does not know as a literal is not compared.
  const code: string = 'X'
  defineOperation('wide', { 465: { code }, 466: { code: 'Y' } })
})

test('an empty code or an empty name is a compile error', () => {
  // @ts-expect-error: a code is a non-empty string
  defineOperation('empty', { 465: { code: '' } })
  // @ts-expect-error: nor for a status of the table
  defineOperation('empty', { 404: { code: '' } })
  // @ts-expect-error: the name is a non-empty string
  defineOperation('', { 465: { code: 'IP_ADDRESS_INVALID' } })
  const named = defineOperation('authorize', { 465: { code: 'IP_ADDRESS_INVALID' } })
  expectTypeOf(named.name).toEqualTypeOf<'authorize'>()
  const row: OperationRow = { meaning: 'x' }
  defineOperation('typed', { 404: row })
})

test('a code that is no word (letters, digits, _ and -) is a compile error, as it is a TypeError', () => {
  // @ts-expect-error: a separator: the code could read as a secret and be scrubbed, unlike its type
  defineOperation('sep', { 465: { code: 'TOKEN=ABCDEF' } })
  // @ts-expect-error: a blank
  defineOperation('blank', { 465: { code: 'IP ADDRESS' } })
  // @ts-expect-error: nor for a status of the table
  defineOperation('dot', { 429: { code: 'account.locked' } })
  const fine = defineOperation('word', { 465: { code: 'ip-address_Invalid2' }, 466: { code: `X_${'Y' as string}` } })
  expectTypeOf(new ApiError(465, { operation: fine }).code).toEqualTypeOf<'ip-address_Invalid2'>()
})
