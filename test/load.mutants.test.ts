// Loads the package inside a test. Stryker's vitest runner reports a mutant that makes a module
// fail to load (the tables built at load) as surviving with no test run, since every test file
// that imports it fails before it has tests; an import inside a test turns that into a failure.
// Also the brand: only objects carry it.
import { expect, it } from 'vitest'

it('loads every module of the package, and the table and helpers work', async () => {
  const lib = await import('../src/index.js')
  expect(lib.STATUS_CODES[463].code).toBe('DEVICE_UNREACHABLE')
  expect(new lib.ApiError(402).code).toBe('ACCOUNT_SUSPENDED')
  expect(lib.defineOperation('op', { 465: { code: 'X' } }).rows[465]).toEqual({ code: 'X' })
  const cli = await import('../src/cli.js')
  expect(typeof cli.run).toBe('function')
})

it('finds the brand only on objects: a function that carries it is no ApiError', async () => {
  const { isApiError, isRetryable } = await import('../src/index.js')
  const branded = Object.assign(() => {}, { [Symbol.for('een-api-errors.ApiError')]: true, retryable: true })
  expect(isApiError(branded)).toBe(false)
  expect(isRetryable(branded)).toBe(false)
})
