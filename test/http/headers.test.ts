import { AxiosHeaders } from 'axios'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { headerValue as HeaderValueFn, requestIdFrom as RequestIdFromFn } from '../../src/http/headers.js'

// Each test loads the module afresh, so that what it builds at load (the request id header names) is tested too.
let headerValue: typeof HeaderValueFn
let requestIdFrom: typeof RequestIdFromFn
beforeEach(async () => {
  vi.resetModules()
  ;({ headerValue, requestIdFrom } = await import('../../src/http/headers.js'))
})

describe('headerValue', () => {
  it('reads a fetch Headers in any case', () => {
    const headers = new Headers({ 'X-Request-Id': 'abc', 'Retry-After': '5' })
    expect(headerValue(headers, 'x-request-id')).toBe('abc')
    expect(headerValue(headers, 'RETRY-AFTER')).toBe('5')
    expect(headerValue(headers, 'missing')).toBeUndefined()
    const cookies = new Headers([
      ['set-cookie', 'a=1'],
      ['set-cookie', 'b=2'],
    ])
    expect(headerValue(cookies, 'Set-Cookie')).toBe('a=1, b=2')
  })

  it("reads axios' AxiosHeaders and Node's plain objects in any case, joining repeated values", () => {
    expect(headerValue(new AxiosHeaders({ 'X-Request-Id': 'abc' }), 'x-request-id')).toBe('abc')
    expect(headerValue({ 'Set-Cookie': ['a=1', 'b=2'], 'content-length': 12 }, 'set-cookie')).toBe('a=1, b=2')
    expect(headerValue({ 'content-length': 12 }, 'Content-Length')).toBe('12')
    expect(headerValue({ 'x-a': '1' }, 'x-b')).toBeUndefined()
  })

  it('reads an array of raw pairs in any case', () => {
    const pairs = [
      ['X-A', '1'],
      ['Retry-After', '7'],
    ]
    expect(headerValue(pairs, 'retry-after')).toBe('7')
    expect(headerValue(pairs, 'x-b')).toBeUndefined()
  })

  it('gives undefined for what is not headers, and never throws', () => {
    const hostile = new Proxy(
      {},
      {
        ownKeys() {
          throw new Error('no')
        },
      },
    )
    const getThrows = {
      get() {
        throw new Error('no get')
      },
    }
    for (const input of [undefined, null, 42, hostile, getThrows]) expect(headerValue(input, 'x-a')).toBeUndefined()
  })

  it('reads no headers out of a string, however long (not one entry a character)', () => {
    expect(headerValue('x-a: 1', 'x-a')).toBeUndefined()
    expect(headerValue('0123', '0')).toBeUndefined()
    const long = 'x'.repeat(1_000_000)
    const started = performance.now()
    for (let i = 0; i < 20; i++) expect(requestIdFrom(long)).toBeUndefined()
    // Read as entries, each lookup made a million of them: seconds for these 60.
    expect(performance.now() - started).toBeLessThan(1_000)
  })
})

describe('requestIdFrom', () => {
  it('reads each default header name, in any shape of headers', () => {
    expect(requestIdFrom(new Headers({ 'X-Request-Id': 'a1' }))).toBe('a1')
    expect(requestIdFrom({ 'Request-Id': 'b2' })).toBe('b2')
    expect(requestIdFrom([['x-correlation-id', 'c3']])).toBe('c3')
    expect(requestIdFrom({})).toBeUndefined()
    expect(requestIdFrom(undefined)).toBeUndefined()
  })

  it('takes the first present, non-blank one, in order, trimmed', () => {
    const all = { 'x-correlation-id': 'c', 'request-id': 'b', 'x-request-id': 'a' }
    expect(requestIdFrom(all)).toBe('a')
    expect(requestIdFrom({ ...all, 'x-request-id': '   ' })).toBe('b')
    expect(requestIdFrom({ 'x-correlation-id': '  c  ', 'request-id': '' })).toBe('c')
  })

  it('takes the first non-blank value of a header sent more than once, as fetch and Node join it', () => {
    const twice = new Headers([
      ['x-request-id', 'api-1'],
      ['x-request-id', 'gateway-2'],
    ])
    expect(requestIdFrom(twice)).toBe('api-1')
    expect(requestIdFrom({ 'x-request-id': ', gateway-2' })).toBe('gateway-2')
    expect(requestIdFrom({ 'x-request-id': ['', ' ', 'gateway-2'] })).toBe('gateway-2')
    expect(requestIdFrom({ 'x-request-id': ' , ', 'request-id': 'b' })).toBe('b')
  })

  it('keeps a long id whole: the caller cuts it once it is scrubbed of secrets', () => {
    expect(requestIdFrom({ 'x-request-id': `${'i'.repeat(500)}😀` })).toBe(`${'i'.repeat(500)}😀`)
  })
})
