// isApiError and instanceof: an ApiError of any copy of the package, and nothing else (src/error/is-api-error.ts, src/brand.ts).
import { expect, describe as group, it } from 'vitest'
import { ApiError, defineOperation, isApiError, isRetryable } from '../../src/index.js'

group('isApiError and instanceof', () => {
  it('recognise ApiErrors only', () => {
    expect(isApiError(new ApiError(402))).toBe(true)
    for (const value of [
      new Error('x'),
      { status: 402, code: 'ACCOUNT_SUSPENDED' },
      null,
      undefined,
      402,
      'ApiError',
    ]) {
      expect(isApiError(value)).toBe(false)
      expect(value instanceof ApiError).toBe(false)
    }
  })

  it('recognise an error from another copy of the package through the registered brand', () => {
    const foreign = Object.assign(Object.create(Error.prototype), {
      [Symbol.for('een-api-errors.ApiError')]: true,
      status: 402,
    })
    expect(isApiError(foreign)).toBe(true)
    expect(foreign instanceof ApiError).toBe(true)
  })

  it('do not take the prototype for an error: it carries the brand but is no instance', () => {
    for (const value of [ApiError.prototype, Object.create(ApiError.prototype)]) {
      expect(isApiError(value)).toBe(false)
      expect(value instanceof ApiError).toBe(false)
      expect(isRetryable(value)).toBe(false)
    }
    class SdkError extends ApiError {}
    expect(isApiError(SdkError.prototype)).toBe(false)
  })

  it('check the operation when one is given', () => {
    const authorize = defineOperation('authorize', { 429: { code: 'ACCOUNT_LOCKED', retryable: false } })
    const other = defineOperation('other', {})
    const error = new ApiError(429, { operation: authorize })
    expect(isApiError(error, authorize)).toBe(true)
    expect(isApiError(error, other)).toBe(false)
    expect(isApiError(new ApiError(429), authorize)).toBe(false)
    // No operation (findEndpoint found none): any error passes, as without the argument.
    expect(isApiError(error, undefined)).toBe(true)
    expect(isApiError(new ApiError(429), undefined)).toBe(true)
    expect(isApiError(new Error('x'), undefined)).toBe(false)
  })

  it('isRetryable answers with the error’s own advice', () => {
    const authorize = defineOperation('authorize', { 429: { code: 'ACCOUNT_LOCKED', retryable: false } })
    expect(isRetryable(new ApiError(429))).toBe(true)
    expect(isRetryable(new ApiError(429, { operation: authorize }))).toBe(false)
    expect(isRetryable(new ApiError(503))).toBe(false)
  })
})
