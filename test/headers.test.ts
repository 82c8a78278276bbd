import { AxiosHeaders } from 'axios'
import { expect, it } from 'vitest'
import { headerEntries, headerValue } from '../src/headers.js'

it('reads a fetch Headers in any case', () => {
  const headers = new Headers({ 'X-Request-Id': 'abc', 'Retry-After': '5' })
  expect(headerValue(headers, 'x-request-id')).toBe('abc')
  expect(headerValue(headers, 'RETRY-AFTER')).toBe('5')
  expect(headerValue(headers, 'missing')).toBeUndefined()
})

it("reads axios' AxiosHeaders and Node's plain objects, joining repeated values", () => {
  const axios = new AxiosHeaders({ 'X-Request-Id': 'abc', 'Set-Cookie': ['a=1', 'b=2'] })
  expect(headerValue(axios, 'x-request-id')).toBe('abc')
  expect(headerValue({ 'set-cookie': ['a=1', 'b=2'], 'content-length': 12 }, 'Set-Cookie')).toBe('a=1, b=2')
  expect(headerValue({ 'content-length': 12 }, 'content-length')).toBe('12')
})

it('reads an array of pairs and skips what is not a pair', () => {
  expect(headerEntries([['X-A', '1'], 'junk', [2, 'x'], ['X-B', { no: 1 }]])).toEqual([['x-a', '1']])
})

it('gives nothing for what is not headers, and never throws', () => {
  const hostile = new Proxy(
    {},
    {
      ownKeys() {
        throw new Error('no')
      },
    },
  )
  for (const input of [undefined, null, 'x-a: 1', 42, hostile]) expect(headerEntries(input)).toEqual([])
  expect(headerValue(hostile, 'x')).toBeUndefined()
})

it('lists a fetch Headers, and reads a Headers-like whose get throws entry by entry', () => {
  expect(headerEntries(new Headers({ 'X-A': '1', 'Set-Cookie': 'a=1' }))).toEqual([
    ['set-cookie', 'a=1'],
    ['x-a', '1'],
  ])
  const odd = {
    get() {
      throw new Error('no get')
    },
    forEach(callback: (value: string, name: string) => void) {
      callback('abc', 'X-Request-Id')
    },
  }
  expect(headerValue(odd, 'x-request-id')).toBe('abc')
  expect(headerValue(null, 'x-request-id')).toBeUndefined()
  expect(headerValue({ 'x-a': '1' }, 'x-b')).toBeUndefined()
})
