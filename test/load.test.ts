// Loading the package: every module builds its tables at load without failing (an import inside a
// test, so that a module that fails to load fails a test rather than the whole file), and the brand
// is found only on objects.
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
