// Tests that kill the mutants Stryker found surviving in src/response.ts (MUTATION.md lists the
// equivalent ones): what counts as JSON by its first character, request id names that are not
// strings, arrays are not bodies with fields, and the exact forms of HTTP-dates.
import { expect, it } from 'vitest'
import { parseBody, parseRetryAfter, requestIdFrom, serverFields } from '../src/response.js'

it('keeps text that is not JSON by type and does not start with { or [ as text, even when it parses', () => {
  expect(parseBody('"a[b"', 'text/plain')).toBe('"a[b"')
})

it('skips request id names that are not strings and reads the next', () => {
  expect(requestIdFrom({ 'x-b': 'B' }, [5 as never, 'x-b'])).toBe('B')
})

it('reads no server fields from an array, whatever properties it carries', () => {
  expect(serverFields(Object.assign(['a'], { message: 'hi', reason: 'R' }))).toEqual({})
})

it('takes an HTTP-date only whole: nothing before it or after it', () => {
  const now = Date.UTC(2026, 0, 1)
  const date = 'Sun, 06 Nov 2094 08:49:37 GMT'
  expect(parseRetryAfter(date, 1e15, now)).toBeGreaterThan(0)
  expect(parseRetryAfter(`x ${date}`, 1e15, now)).toBeUndefined()
  expect(parseRetryAfter(`${date} x`, 1e15, now)).toBeUndefined()
})

it('takes asctime with any spaces between its parts', () => {
  const now = Date.UTC(2026, 0, 1)
  expect(parseRetryAfter('Sun  Nov  6 08:49:37 2094', 1e15, now)).toBe(Date.UTC(2094, 10, 6, 8, 49, 37) - now)
})

it('rejects an IMF-fixdate that ends in a year and an asctime that ends in GMT', () => {
  const now = Date.UTC(2026, 0, 1)
  expect(parseRetryAfter('Sun, 06 Nov 2094 08:49:37 2094', 1e15, now)).toBeUndefined()
  expect(parseRetryAfter('Sun Nov  6 08:49:37 GMT', 1e15, now)).toBeUndefined()
})

it('takes only the twelve month names, not parts of their run', () => {
  const now = Date.UTC(2026, 0, 1)
  for (const month of ['Anf', 'Ebm', 'Xyz']) {
    expect(parseRetryAfter(`Sun, 06 ${month} 2094 08:49:37 GMT`, 1e15, now), month).toBeUndefined()
  }
})
