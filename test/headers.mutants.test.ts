// Tests that kill the mutants Stryker found surviving in src/headers.ts (MUTATION.md lists the
// equivalent ones).
import { expect, it } from 'vitest'
import { headerEntries, headerValue } from '../src/headers.js'

it('joins only the scalar values of a repeated header, booleans included', () => {
  expect(headerEntries({ 'x-a': ['1', { no: 1 }, null, true, 2] })).toEqual([['x-a', '1, true, 2']])
  expect(headerEntries({ 'x-b': false })).toEqual([['x-b', 'false']])
})

it('skips a pair whose name is not a string or whose value is not text, and reads on', () => {
  expect(
    headerEntries([
      [5, 'v'],
      ['x-a', { no: 1 }],
      ['x-b', '1'],
    ]),
  ).toEqual([['x-b', '1']])
})

it('asks a fetch Headers (or a Headers-like object) directly', () => {
  const cookies = new Headers([
    ['set-cookie', 'a=1'],
    ['set-cookie', 'b=2'],
  ])
  expect(headerValue(cookies, 'Set-Cookie')).toBe('a=1, b=2')
  const headersLike = {
    get: () => 'from get',
    forEach: (callback: (v: string, k: string) => void) => callback('from forEach', 'x'),
  }
  expect(headerValue(headersLike, 'x')).toBe('from get')
})

it('does not take a function for headers, whatever it carries', () => {
  const fn = Object.assign(() => {}, { get: () => 'v', forEach() {} })
  expect(headerValue(fn, 'x')).toBeUndefined()
})
