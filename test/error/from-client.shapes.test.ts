// clientFailureOf on hand-made values: any object with a status, the fields real clients may leave
// out, which shape wins when a value looks like two, and hostile values (throwing getters, Proxies
// whose traps throw, revoked Proxies, cycles), on which it must never throw.
import { Readable } from 'node:stream'
import fc from 'fast-check'
import { describe, expect, it, vi } from 'vitest'
import { clientFailureOf } from '../../src/error/from-client.js'

describe('any object with an HTTP status', () => {
  it('{status} alone is no error, so no cause; with a message it is the error thrown, and the cause', () => {
    expect(clientFailureOf({ status: 404 })).toEqual({ status: 404 })
    const thrown = { status: 404, message: 'Not Found' }
    expect(clientFailureOf(thrown)).toEqual({ status: 404, thrown })
    // A message that is no text makes no error.
    expect(clientFailureOf({ status: 404, message: { text: 'Not Found' } })).toEqual({ status: 404 })
  })

  it("a client's response object, read without an error (axios' or got's), is no cause", () => {
    const axiosResponse = {
      status: 402,
      statusText: 'Payment Required',
      headers: {},
      data: { m: 1 },
      config: {},
      request: {},
    }
    expect(clientFailureOf(axiosResponse)).not.toHaveProperty('thrown')
    const gotResponse = { statusCode: 402, statusMessage: 'Payment Required', body: '{}', headers: {}, request: {} }
    expect(clientFailureOf(gotResponse)).not.toHaveProperty('thrown')
  })

  it('{statusCode, body, headers}', () => {
    const value = { statusCode: 503, body: 'Internal Camera Tag Maps Error', headers: { 'X-Request-Id': 'g-1' } }
    expect(clientFailureOf(value)).toEqual({
      status: 503,
      body: 'Internal Camera Tag Maps Error',
      headers: value.headers,
    })
  })

  it('{response: {status, headers, data}} and {response: {statusCode, body}}', () => {
    const value = { response: { status: 429, headers: { 'retry-after': '3' }, data: { message: 'slow down' } } }
    expect(clientFailureOf(value)).toEqual({
      status: 429,
      headers: value.response.headers,
      body: { message: 'slow down' },
    })
    expect(clientFailureOf({ response: { statusCode: 502, body: 'bad' } })).toMatchObject({ status: 502, body: 'bad' })
  })

  it('an Error or a function carrying a status', () => {
    const error = Object.assign(new Error('boom'), { status: 423 })
    expect(clientFailureOf(error)).toEqual({ status: 423, thrown: error })
    expect(clientFailureOf(Object.assign(() => {}, { status: 418 }))?.status).toBe(418)
  })

  it('prefers data to body, and the outer fields to those of the response', () => {
    const value = {
      status: 400,
      data: { a: 1 },
      body: 'b',
      response: { status: 500, data: 'inner', headers: { x: 'i' } },
    }
    expect(clientFailureOf(value)).toEqual({ status: 400, body: { a: 1 }, headers: { x: 'i' } })
  })

  it('takes the first numeric status: status, statusCode, then those of the response', () => {
    expect(clientFailureOf({ status: '404', statusCode: 404 })?.status).toBe(404)
    expect(clientFailureOf({ status: 'x', response: { status: 'y', statusCode: 503 } })?.status).toBe(503)
    // A number that is no status is not passed over for a later one.
    expect(clientFailureOf({ status: 4.5, statusCode: 404 })).toBeUndefined()
  })

  it('a 1xx or 2xx status of an object that is no client error is kept', () => {
    expect(clientFailureOf({ status: 100 })?.status).toBe(100)
    expect(clientFailureOf({ name: 'Error', response: new Response(null, { status: 200 }) })?.status).toBe(200)
  })

  it('an object holding a fetch Response offers it while unread', async () => {
    const response = new Response('{"message":"x"}', { status: 409, headers: { 'x-request-id': 'w-1' } })
    const value = { response }
    const failure = clientFailureOf(value)
    expect(failure).toEqual({ status: 409, headers: response.headers, response, url: '' })
    await response.text()
    expect(clientFailureOf(value)).not.toHaveProperty('response')
  })

  it.each([
    ['a non-integer', { status: 404.5 }],
    ['NaN', { status: Number.NaN }],
    ['Infinity', { statusCode: Number.POSITIVE_INFINITY }],
    ['99', { status: 99 }],
    ['zero', { status: 0 }],
    ['a negative', { status: -404 }],
    ['600', { status: 600 }],
    ['a huge one', { response: { status: 1e9 } }],
    ['a numeric string', { status: '404' }],
    ['a bigint', { status: 404n }],
    ['none', {}],
    ['a plain Error', new Error('fetch failed')],
  ])('%s as status → undefined', (_label, value) => {
    expect(clientFailureOf(value)).toBeUndefined()
  })

  it('takes the bounds 100 and 599', () => {
    expect(clientFailureOf({ status: 599 })?.status).toBe(599)
    expect(clientFailureOf(new Response(null, { status: 599 }))?.status).toBe(599)
  })

  it.each([undefined, null, 404, '404', true, Symbol('s'), 404n])('the primitive %s → undefined', (value) => {
    expect(clientFailureOf(value)).toBeUndefined()
  })

  it('reads nothing off a primitive, even what String.prototype carries', () => {
    Object.defineProperty(String.prototype, 'statusCode', { value: 502, configurable: true })
    try {
      expect(clientFailureOf({ response: 'Bad Gateway' })).toBeUndefined()
      const value = { status: 500, response: 'Bad Gateway' }
      expect(clientFailureOf(value)).toEqual({ status: 500 })
      expect(clientFailureOf(value)).not.toHaveProperty('response')
    } finally {
      delete (String.prototype as unknown as Record<string, unknown>).statusCode
    }
  })
})

describe('a bare Response', () => {
  it('gives its status, headers and URL, and itself while unread; it is no cause', async () => {
    const response = new Response('gone', { status: 410 })
    Object.defineProperty(response, 'url', { value: 'https://x.test/a?A=k' })
    expect(clientFailureOf(response)).toEqual({
      status: 410,
      headers: response.headers,
      response,
      // The URL it came from, as the request's and as the URL after any redirect.
      url: 'https://x.test/a?A=k',
      request: { url: 'https://x.test/a?A=k' },
    })
    await response.text()
    expect(clientFailureOf(response)).not.toHaveProperty('response')
  })

  it('with status 0 (a network error) → undefined', () => {
    expect(clientFailureOf(Response.error())).toBeUndefined()
  })

  it('is recognised by shape: a status, a boolean bodyUsed and headers', () => {
    const like = { status: 404, bodyUsed: false, headers: {}, text() {} }
    expect(clientFailureOf(like)).toEqual({ status: 404, headers: {}, response: like })
    // Without a boolean bodyUsed it is any object with a status: no Response, and no error either.
    expect(clientFailureOf({ ...like, bodyUsed: 'no' })).toEqual({ status: 404, headers: {} })
  })
})

describe('client errors with the fields real clients may leave out', () => {
  const axiosError = (extra: Record<string, unknown>) => ({
    isAxiosError: true,
    response: { status: 400, headers: {}, data: 'x' },
    ...extra,
  })
  const axiosUrl = (config: Record<string, unknown>) => clientFailureOf(axiosError({ config }))?.request?.url

  it('axios without a config keeps no request', () => {
    expect(clientFailureOf(axiosError({}))).not.toHaveProperty('request')
  })

  it("axios' URL: resolved against baseURL, an absolute URL winning; unresolvable ones kept as given", () => {
    expect(axiosUrl({ baseURL: 'http://u:p4ss@h/api/', url: 'v1/x?A=k' })).toBe('http://u:p4ss@h/api/v1/x?A=k')
    expect(axiosUrl({ baseURL: 'http://h/api', url: 'https://other/y?A=k' })).toBe('https://other/y?A=k')
    expect(axiosUrl({ baseURL: 'http://h/api?A=k' })).toBe('http://h/api?A=k')
    expect(axiosUrl({ url: '/relative?A=k' })).toBe('/relative?A=k')
    expect(axiosUrl({ baseURL: 'not a url', url: '/relative?A=k' })).toBe('/relative?A=k')
    expect(axiosUrl({ baseURL: 7, url: 'http://h/z' })).toBe('http://h/z')
  })

  it('a URL is text: an object where a client may keep one (axios keeps its ClientRequest) is none', () => {
    const request = { path: '/x?A=k', method: 'GET' }
    expect(clientFailureOf(axiosError({ request, config: {} }))).not.toHaveProperty('request')
    const response = { status: 404, bodyUsed: true, headers: {}, url: new URL('http://h/x') }
    expect(clientFailureOf(response)).not.toHaveProperty('request')
  })

  it('axios: the URL after redirects, as follow-redirects keeps it in Node and XMLHttpRequest in a browser', () => {
    const error = (request: unknown) => ({ isAxiosError: true, response: { status: 403 }, request })
    expect(clientFailureOf(error({ res: { responseUrl: 'http://h/m?A=k1' } }))?.url).toBe('http://h/m?A=k1')
    expect(clientFailureOf(error({ responseURL: 'http://h/m?A=k2' }))?.url).toBe('http://h/m?A=k2')
    expect(clientFailureOf(error({ responseURL: 42 }))).not.toHaveProperty('url')
  })

  it("axios in Node: the headers its request went out with, as Node's request gives them (getHeaders)", () => {
    const sent = { 'proxy-authorization': 'Basic eDpwNHNz' }
    const error = (request: unknown) => ({ isAxiosError: true, response: { status: 407 }, request })
    expect(
      clientFailureOf(
        error({
          h: sent,
          getHeaders: function (this: { h: unknown }) {
            return this.h
          },
        }),
      )?.sent,
    ).toBe(sent)
    // No method, or one that throws: nothing sent to read.
    expect(clientFailureOf(error({ getHeaders: sent }))).not.toHaveProperty('sent')
    const throwing = () => {
      throw new Error('socket gone')
    }
    expect(clientFailureOf(error({ getHeaders: throwing }))).not.toHaveProperty('sent')
  })

  it('axios: params are kept apart as the query, in their own shape', () => {
    const params = new URLSearchParams({ A: 'k' })
    expect(clientFailureOf(axiosError({ config: { url: 'http://h/z', params } }))?.request?.query).toBe(params)
  })

  it('a stream, a Blob, a function or null is no body the client read; text, 0 and data are', () => {
    const body = (data: unknown) => clientFailureOf(axiosError({ response: { status: 500, data } }))?.body
    expect(body(Readable.from(['x']))).toBeUndefined()
    expect(body(new ReadableStream())).toBeUndefined()
    expect(body(new Blob(['x']))).toBeUndefined()
    expect(body(null)).toBeUndefined()
    expect(body('')).toBe('')
    expect(body(0)).toBe(0)
    expect(body({ plain: true })).toEqual({ plain: true })
  })

  it('bytes (a Uint8Array, an ArrayBuffer) are decoded as UTF-8', () => {
    const bytes = new TextEncoder().encode('{"message":"é"}')
    expect(clientFailureOf({ status: 500, body: bytes })?.body).toBe('{"message":"é"}')
    expect(clientFailureOf({ status: 500, body: bytes.buffer })?.body).toBe('{"message":"é"}')
  })

  it('ky: a used Response is not offered, and the headers come from the Request, else the options', async () => {
    const response = new Response('x', { status: 429 })
    await response.text()
    const error = {
      name: 'HTTPError',
      message: 'Request failed with status code 429 Too Many Requests: GET http://h/x?A=k',
      response,
      request: { url: 'http://h/x?A=k' },
      options: { headers: { authorization: 'Bearer abcdefgh' }, body: 'raw' },
    }
    expect(clientFailureOf(error)).toEqual({
      status: 429,
      headers: response.headers,
      request: { url: 'http://h/x?A=k', headers: error.options.headers, body: 'raw' },
      url: '',
      thrown: error,
    })
  })

  it('ky: the body sent is json before body; an HTTPError with a 2xx Response failed otherwise', () => {
    const error = {
      name: 'HTTPError',
      response: new Response(null, { status: 404 }),
      options: { json: { j: 1 }, body: 't' },
    }
    expect(clientFailureOf(error)?.request).toEqual({ body: { j: 1 } })
    expect(clientFailureOf({ name: 'HTTPError', response: new Response('ok', { status: 200 }) })).toBeUndefined()
  })

  it('ofetch: statusCode, else the response status; data before _data; query before params', () => {
    const error = {
      name: 'FetchError',
      message: '[GET] "http://h/x": 502 Bad Gateway',
      statusCode: 502,
      request: 'http://h/x',
      options: { params: { A: 'k' } },
      response: { headers: { 'x-request-id': 'o-1' } },
    }
    expect(clientFailureOf(error)).toEqual({
      status: 502,
      headers: error.response.headers,
      request: { url: 'http://h/x', query: { A: 'k' } },
      thrown: error,
    })
    expect(clientFailureOf({ name: 'FetchError', response: { status: 503 } })?.status).toBe(503)
    // The body it read: its data, else its Response's _data (ofetch.raw keeps it there).
    const read = { name: 'FetchError', status: 502, data: { m: 'data' }, _data: { m: '_data' } }
    expect(clientFailureOf(read)?.body).toEqual({ m: 'data' })
    expect(clientFailureOf({ ...read, data: undefined })?.body).toEqual({ m: '_data' })
    expect(clientFailureOf({ name: 'FetchError', status: 502, response: { _data: 'kept' } })?.body).toBe('kept')
    const both = { name: 'FetchError', status: 400, options: { query: { a: 1 }, params: { b: 2 } } }
    expect(clientFailureOf(both)?.request?.query).toEqual({ a: 1 })
    expect(clientFailureOf({ name: 'FetchError', request: 'http://h/x', options: {} })).toBeUndefined()
  })

  it('got: a string URL, the search params apart, a json, else form body; a 3xx kept, a 2xx not', () => {
    const base = { name: 'HTTPError', options: {}, response: { statusCode: 401, headers: {}, body: '' } }
    const json = { ...base, options: { url: 'http://h/x', searchParams: { A: 'k' }, json: { password: 'p' } } }
    expect(clientFailureOf(json)?.request).toEqual({ url: 'http://h/x', query: { A: 'k' }, body: { password: 'p' } })
    const form = { ...base, options: { url: new URL('http://h/y?A=k'), form: { password: 'p' } } }
    expect(clientFailureOf(form)?.request).toEqual({ url: 'http://h/y?A=k', body: { password: 'p' } })
    const redirects = { name: 'MaxRedirectsError', options: {} }
    expect(clientFailureOf({ ...redirects, response: { statusCode: 302, headers: {} } })?.status).toBe(302)
    expect(clientFailureOf({ ...redirects, response: { statusCode: 204, headers: {} } })).toBeUndefined()
  })

  it("a client's error from 300 up: 300 is one, 299 is not", () => {
    expect(clientFailureOf({ isAxiosError: true, response: { status: 300 } })?.status).toBe(300)
    expect(clientFailureOf({ isAxiosError: true, response: { status: 299 } })).toBeUndefined()
  })

  it('got only with options that are an object: otherwise any object with a status', () => {
    expect(clientFailureOf({ options: 'x', data: 'D', response: { statusCode: 404 } })?.body).toBe('D')
    expect(clientFailureOf({ options: null, response: { statusCode: 204 } })?.status).toBe(204)
  })
})

// ---- Never throws ----

/** Every property name clientFailureOf reads, on any object. */
const FIELDS = [
  'status',
  'statusCode',
  'response',
  'headers',
  'data',
  'body',
  'isAxiosError',
  'name',
  'config',
  'baseURL',
  'url',
  'params',
  'query',
  'request',
  'options',
  'json',
  'form',
  'searchParams',
  'href',
  'auth',
  'bodyUsed',
  'getReader',
  'pipe',
  'arrayBuffer',
] as const

const serverError = () => new Response('{}', { status: 500, headers: { 'x-request-id': 'r' } })

/** One value of every shape clientFailureOf recognises, deep enough to reach every read. */
function shapes(): Record<string, object> {
  return {
    response: serverError(),
    axios: {
      isAxiosError: true,
      response: { status: 402, headers: { a: 'b' }, data: new Uint8Array([123, 125]) },
      config: { baseURL: 'http://h', url: 'x', params: { A: ['k'] }, headers: {}, data: '{}', auth: { password: 'p' } },
    },
    ky: {
      name: 'HTTPError',
      response: serverError(),
      request: new Request('http://h/x'),
      options: { json: {}, body: '{}' },
    },
    ofetch: {
      name: 'FetchError',
      status: 402,
      data: { a: 1 },
      request: new Request('http://h/x'),
      options: { query: { A: 'k' }, params: {}, headers: {}, body: new Uint8Array([1]) },
      response: { headers: {} },
    },
    got: {
      name: 'HTTPError',
      options: { url: new URL('http://h/x?A=k'), headers: {}, body: 'b', json: {}, form: {}, searchParams: 'A=k' },
      response: { statusCode: 500, headers: {}, body: Buffer.from('x') },
    },
    generic: { status: 'x', statusCode: 404, headers: {}, body: new Blob(['x']) },
    genericResponse: { response: serverError() },
    genericNested: { response: { status: 'x', statusCode: 503, headers: {}, body: 'b' } },
  }
}

/** `target` wrapped so that reading `key` (at any depth) throws; other reads go through. */
function throwingAt(target: object, key: PropertyKey): object {
  return new Proxy(target, {
    get(t, property) {
      if (property === key) throw new Error(`poisoned ${String(key)}`)
      const value: unknown = Reflect.get(t, property, t)
      return typeof value === 'object' && value !== null ? throwingAt(value, key) : value
    },
  })
}

/** A copy of `target` whose own property `key` (at any depth) is a getter that throws. */
function getterThrowingAt(target: object, key: string, depth = 0): object {
  if (depth > 3 || target instanceof Response || target instanceof Request || ArrayBuffer.isView(target)) return target
  const copy: Record<string, unknown> = {}
  for (const [name, value] of Object.entries(target)) {
    copy[name] = typeof value === 'object' && value !== null ? getterThrowingAt(value, key, depth + 1) : value
  }
  Object.defineProperty(copy, key, {
    enumerable: true,
    get() {
      throw new Error(`getter ${key}`)
    },
  })
  return copy
}

const TRAPS = ['apply', 'construct', 'defineProperty', 'deleteProperty', 'get', 'getOwnPropertyDescriptor']
const everyTrapThrows: ProxyHandler<object> = Object.fromEntries(
  [...TRAPS, 'getPrototypeOf', 'has', 'isExtensible', 'ownKeys', 'preventExtensions', 'set', 'setPrototypeOf'].map(
    (trap) => [
      trap,
      () => {
        throw new Error(`trap ${trap}`)
      },
    ],
  ),
)

function revoked(): object {
  const { proxy, revoke } = Proxy.revocable({}, {})
  revoke()
  return proxy
}

function cyclic(): object {
  const value: Record<string, unknown> = { status: 500, isAxiosError: true }
  value.response = value
  value.data = value
  value.config = { params: value, url: 'http://h' }
  return value
}

/** `value` with the markers of a generated tree replaced by hostile objects (fast-check cannot hold them). */
function hostile(value: unknown): unknown {
  if (value === '<revoked>') return revoked()
  if (value === '<trapped>') return new Proxy({}, everyTrapThrows)
  if (typeof value !== 'object' || value === null) return value
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, hostile(item)]))
}

describe('never throws', () => {
  it('on a Proxy whose every trap throws, a revoked Proxy, cyclic, frozen and null-prototype objects', () => {
    expect(clientFailureOf(new Proxy({}, everyTrapThrows))).toBeUndefined()
    expect(clientFailureOf(new Proxy(() => {}, everyTrapThrows))).toBeUndefined()
    expect(clientFailureOf(revoked())).toBeUndefined()
    expect(clientFailureOf(cyclic())?.status).toBe(500)
    expect(clientFailureOf(Object.freeze({ status: 404, data: Object.freeze({ a: 1 }) }))).toMatchObject({
      status: 404,
    })
    const bare = Object.assign(Object.create(null) as object, { statusCode: 500, body: 'x' })
    expect(clientFailureOf(bare)).toMatchObject({ status: 500, body: 'x' })
    // Response's getters on what is no Response throw "Illegal invocation".
    expect(clientFailureOf(Object.create(Response.prototype))).toBeUndefined()
    expect(clientFailureOf({ status: 500, response: Object.create(Response.prototype) })).toMatchObject({ status: 500 })
  })

  it('on hostile bodies: revoked, trapped, detached or shared bytes are no body', () => {
    expect(clientFailureOf({ status: 500, body: revoked() })).not.toHaveProperty('body')
    expect(clientFailureOf({ status: 500, body: new Proxy({}, everyTrapThrows) })).not.toHaveProperty('body')
    const detached = new ArrayBuffer(4)
    structuredClone(detached, { transfer: [detached] })
    expect(() => clientFailureOf({ status: 500, body: detached })).not.toThrow()
    expect(() => clientFailureOf({ status: 500, body: new Uint8Array(new SharedArrayBuffer(2)) })).not.toThrow()
  })

  it.each(Object.entries(shapes()))(
    '%s: recognised as is, and never throws when any field read throws',
    (_n, value) => {
      expect(clientFailureOf(value)?.status).toBeGreaterThanOrEqual(100)
      for (const key of [...FIELDS, Symbol.toStringTag]) {
        expect(() => clientFailureOf(throwingAt(value, key))).not.toThrow()
        if (typeof key === 'string') expect(() => clientFailureOf(getterThrowingAt(value, key))).not.toThrow()
      }
    },
  )

  it('on anything fast-check makes (property)', () => {
    fc.assert(
      fc.property(
        fc.anything({
          withBigInt: true,
          withBoxedValues: true,
          withDate: true,
          withMap: true,
          withNullPrototype: true,
          withObjectString: true,
          withSet: true,
          withSparseArray: true,
          withTypedArray: true,
          withUnicodeString: true,
        }),
        (value) => {
          const failure = clientFailureOf(value)
          if (failure !== undefined) expect(Number.isInteger(failure.status)).toBe(true)
        },
      ),
      { numRuns: 1000 },
    )
  })

  it('on objects built from the fields it reads (property)', () => {
    const leaf = fc.oneof(
      fc.integer({ min: -10, max: 1000 }),
      fc.double(),
      fc.string(),
      fc.boolean(),
      fc.constant(null),
      fc.constant(undefined),
      fc.constantFrom('HTTPError', 'FetchError', 'http://h/x', '?A=k', 'not a url'),
      fc.constantFrom('<revoked>', '<trapped>'),
    )
    const tree = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: 'small' },
        leaf,
        fc.dictionary(fc.constantFrom(...FIELDS), tie('node'), { maxKeys: 6 }),
      ),
    })).node
    fc.assert(
      fc.property(tree, (value) => {
        const failure = clientFailureOf(hostile(value))
        if (failure !== undefined) {
          expect(failure.status).toBeGreaterThanOrEqual(100)
          expect(failure.status).toBeLessThanOrEqual(599)
        }
      }),
      { numRuns: 3000 },
    )
  })
})

// ---- Its table of where clients keep each field, built at load ----

describe('loaded afresh, the table of where each client keeps each field', () => {
  const load = async () => {
    vi.resetModules()
    return (await import('../../src/error/from-client.js')).clientFailureOf
  }

  it('reads every field of an axios error: status, headers, data and the whole request', async () => {
    const clientFailureOf = await load()
    const config = {
      baseURL: 'http://h/api/',
      url: 'v1/x',
      params: { A: 'k' },
      headers: { authorization: 'Bearer abcdefgh' },
      data: '{"password":"p"}',
      auth: { username: 'u', password: 'p' },
    }
    const error = {
      isAxiosError: true,
      message: 'Request failed with status code 404',
      response: { status: 404, headers: { 'x-a': '1' }, data: { m: 1 } },
      config,
    }
    expect(clientFailureOf(error)).toEqual({
      status: 404,
      headers: { 'x-a': '1' },
      body: { m: 1 },
      request: {
        url: 'http://h/api/v1/x',
        query: { A: 'k' },
        headers: config.headers,
        body: '{"password":"p"}',
        auth: config.auth,
      },
      thrown: error,
    })
  })

  it('takes a status only when it is a number, a URL only when it is text', async () => {
    const clientFailureOf = await load()
    expect(clientFailureOf({ status: '404', statusCode: 404 })?.status).toBe(404)
    expect(clientFailureOf({ status: 404, config: { url: { path: '/x' } } })).toEqual({ status: 404 })
  })

  it('reads the URL a response came from, after any redirect, where each client keeps it', async () => {
    const clientFailureOf = await load()
    const at = 'https://h/g/after?A=k'
    // A Response (ofetch's, ky's), got's response, axios in Node (follow-redirects) and in a browser.
    expect(clientFailureOf({ status: 404, response: { status: 404, url: at } })?.url).toBe(at)
    expect(clientFailureOf({ statusCode: 404, url: at })?.url).toBe(at)
    expect(clientFailureOf({ status: 404, request: { res: { responseUrl: at } } })?.url).toBe(at)
    expect(clientFailureOf({ status: 404, request: { responseURL: at } })?.url).toBe(at)
  })

  it('offers an unread Response, bare or held by a ky error, and nothing that is no Response', async () => {
    const clientFailureOf = await load()
    const bare = new Response('x', { status: 503 })
    expect(clientFailureOf(bare)?.response).toBe(bare)
    const held = new Response('x', { status: 429 })
    expect(clientFailureOf({ name: 'HTTPError', response: held })?.response).toBe(held)
    expect(clientFailureOf({ status: 404 })).toEqual({ status: 404 })
  })
})

describe('recognising a client error apart from any object with a status', () => {
  it('an ofetch FetchError with a 2xx status failed otherwise; a plain object with one is kept', () => {
    expect(clientFailureOf({ name: 'FetchError', status: 200 })).toBeUndefined()
    expect(clientFailureOf({ name: 'FetchError', statusCode: 204 })).toBeUndefined()
    expect(clientFailureOf({ name: 'Error', status: 200 })?.status).toBe(200)
  })

  it('options alone make no got error: a 2xx status without a response.statusCode is kept', () => {
    expect(clientFailureOf({ options: {}, status: 200 })?.status).toBe(200)
  })

  it('without a baseURL the axios URL is kept exactly as given', () => {
    const error = { isAxiosError: true, response: { status: 400 }, config: { url: 'HTTP://H/a b?A=k' } }
    expect(clientFailureOf(error)?.request?.url).toBe('HTTP://H/a b?A=k')
  })

  it('an object with a status and headers but no bodyUsed is no Response: with a message, it is a cause', () => {
    const value = { status: 404, headers: {}, message: 'Not Found' }
    expect(clientFailureOf(value)).toEqual({ status: 404, headers: {}, thrown: value })
  })

  it('an object with a statusCode, a bodyUsed and headers but no numeric status is no Response: with a message, it is a cause', () => {
    const value = { statusCode: 404, bodyUsed: false, headers: {}, message: 'Not Found' }
    expect(clientFailureOf(value)).toEqual({ status: 404, headers: {}, thrown: value })
  })
})
