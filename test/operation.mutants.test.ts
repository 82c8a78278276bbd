// Tests that kill the mutants Stryker found surviving in src/operation.ts (MUTATION.md lists the
// equivalent ones): exact messages of defineOperation's TypeErrors, the keys it takes, and what
// counts as an operation.
import { expect, it } from 'vitest'
import { ApiError, defineOperation } from '../src/index.js'
import { typeErrorMessage as message } from './fixtures/type-error.js'

it('rejects rows that are not an object, a number and a string included', () => {
  for (const rows of [5, 'abc', null, []]) {
    expect(message(() => defineOperation('op', rows as never))).toBe(
      'defineOperation(op): the rows must be an object keyed by status',
    )
  }
})

it('takes only keys of exactly three digits 100–599, and says which key is wrong', () => {
  for (const key of ['0404', '404.0', '404 ', '99']) {
    expect(message(() => defineOperation('op', { [key]: { code: 'X' } } as never))).toBe(
      `defineOperation(op), status ${key}: a row needs an integer status 100–599`,
    )
  }
})

it('rejects a row that is not an object', () => {
  expect(message(() => defineOperation('op', { 404: 'gone' } as never))).toBe(
    'defineOperation(op), status 404: the row must be an object',
  )
})

it("takes a row that restates the table's own code for its status", () => {
  const op = defineOperation('op', { 429: { code: 'TOO_MANY_REQUESTS', retryable: false } })
  expect(new ApiError(429, { operation: op })).toMatchObject({ code: 'TOO_MANY_REQUESTS', retryable: false })
})

it('takes as an operation only an object with a string name and an object of rows', () => {
  const notOperations = [
    Object.assign(() => {}, { rows: {} }),
    null,
    { name: 5, rows: {} },
    { name: 'op', rows: 5 },
    { name: 'op', rows: null },
  ]
  for (const operation of notOperations) {
    expect(message(() => new ApiError(402, { operation: operation as never }))).toBe(
      'ApiError: operation must come from defineOperation',
    )
  }
})
