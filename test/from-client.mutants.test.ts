// Tests that kill the mutants Stryker found surviving in src/from-client.ts (MUTATION.md lists the
// equivalent ones): which shape wins when an object looks like more than one client's error, which
// field each client's request and body come from, and the edges of axios' URL joining.
import { describe, expect, it } from 'vitest'
import { httpFailureOf } from '../src/from-client.js'

/** A Response-like object with the fields `isResponse` asks for, and `overrides`. */
function responseLike(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { status: 404, bodyUsed: false, text() {}, clone() {}, headers: {}, ...overrides }
}

describe('recognising a Response', () => {
  it('needs every field of the shape: without one, it is a generic object whose thrower is kept', () => {
    expect(httpFailureOf(responseLike())?.thrown).toBeUndefined()
    for (const missing of ['bodyUsed', 'text', 'clone']) {
      const failure = httpFailureOf(responseLike({ [missing]: undefined }))
      expect(failure?.status, missing).toBe(404)
      expect(failure?.thrown, missing).toBeDefined()
    }
    // A status that is not a number is no Response, and no status at all.
    expect(httpFailureOf(responseLike({ status: '404' }))).toBeUndefined()
    // Not a Response, then: a generic object, whose statusCode counts.
    expect(httpFailureOf(responseLike({ status: '404', statusCode: 404 }))?.status).toBe(404)
  })

  it('keeps the URL a Response answered only when it is a string', () => {
    expect(httpFailureOf(responseLike({ url: 'https://x.test/a' }))?.request).toEqual({ url: 'https://x.test/a' })
    expect(httpFailureOf(responseLike({ url: 42 }))?.request).toBeUndefined()
  })

  it('takes the last valid status, 599', () => {
    expect(httpFailureOf({ status: 599 })?.status).toBe(599)
    expect(httpFailureOf({ status: 600 })).toBeUndefined()
  })
})

describe('which client', () => {
  it('is ky only for an HTTPError: another error with a Response is generic (a 2xx included)', () => {
    const failure = httpFailureOf({ name: 'Error', response: new Response(null, { status: 200 }) })
    expect(failure?.status).toBe(200)
  })

  it('is got only with options and a numeric statusCode; otherwise generic', () => {
    expect(httpFailureOf({ options: {}, status: 404 })?.status).toBe(404)
    // Options that are not an object: the generic reading, which also looks at `data`.
    expect(httpFailureOf({ options: 'x', data: 'D', response: { statusCode: 404 } })?.body).toBe('D')
    expect(httpFailureOf({ options: null, data: 'D', response: { statusCode: 404 } })?.body).toBe('D')
  })

  it("takes a client's error from 300 up: a 300 is one", () => {
    expect(httpFailureOf({ isAxiosError: true, response: { status: 300 } })?.status).toBe(300)
    expect(httpFailureOf({ isAxiosError: true, response: { status: 299 } })).toBeUndefined()
  })
})

describe('ky', () => {
  const response = () => new Response(null, { status: 404 })

  it('takes the request headers from the Request, else from the options; the body from json, else body', () => {
    const failure = httpFailureOf({
      name: 'HTTPError',
      response: response(),
      request: { url: 'https://x.test/', headers: { a: '1' } },
      options: { headers: { b: '2' }, json: { j: 1 }, body: 'text' },
    })
    expect(failure?.request).toEqual({ url: 'https://x.test/', headers: { a: '1' }, body: { j: 1 } })
  })

  it('keeps a request URL only when it is a string', () => {
    const failure = httpFailureOf({ name: 'HTTPError', response: response(), request: { url: 5 } })
    expect(failure?.request).toBeUndefined()
  })
})

describe('ofetch', () => {
  it('takes the status of the error first, then of its response', () => {
    expect(httpFailureOf({ name: 'FetchError', status: 404, response: { status: 500 } })?.status).toBe(404)
    expect(httpFailureOf({ name: 'FetchError', response: { status: 502 } })?.status).toBe(502)
  })

  it('takes the data of the error before the response’s _data, and query before params', () => {
    const failure = httpFailureOf({
      name: 'FetchError',
      status: 400,
      data: 'd1',
      response: { _data: 'd2' },
      request: 'https://x.test/p',
      options: { query: { a: 1 }, params: { b: 2 } },
    })
    expect(failure?.body).toBe('d1')
    expect(failure?.request?.url).toBe('https://x.test/p?a=1')
  })
})

describe("axios' URL", () => {
  const url = (config: Record<string, unknown>) =>
    httpFailureOf({ isAxiosError: true, response: { status: 404 }, config })?.request?.url

  it('is the base URL when the URL is not a string, and nothing when both are empty', () => {
    expect(url({ baseURL: 'https://a.test/api', url: 5 })).toBe('https://a.test/api')
    expect(url({ baseURL: '' })).toBeUndefined()
  })

  it('joins a relative URL, even one with // inside, and keeps an absolute one (any scheme)', () => {
    expect(url({ baseURL: 'https://a.test/api', url: 'v1//x' })).toBe('https://a.test/api/v1//x')
    expect(url({ baseURL: 'https://a.test/api', url: 's3://bucket/x' })).toBe('s3://bucket/x')
  })

  it('joins even an absolute URL when absolute URLs are not allowed, without doubling slashes', () => {
    expect(url({ baseURL: 'https://a.test/api/', url: '//x', allowAbsoluteUrls: false })).toBe('https://a.test/api/x')
  })

  it('appends string params as they are, a ? inside them included', () => {
    expect(url({ url: 'https://a.test/p', params: '?q=a?b' })).toBe('https://a.test/p?q=a?b')
    expect(url({ url: 'https://a.test/p', params: 'q=a?b' })).toBe('https://a.test/p?q=a?b')
  })

  it('serialises params as URLSearchParams only when they have both getAll and append', () => {
    const noop = () => {}
    expect(url({ url: 'https://a.test/p', params: { a: '1', append: noop } })).toContain('?a=1&')
    expect(url({ url: 'https://a.test/p', params: { a: '1', getAll: noop } })).toContain('?a=1&')
    expect(url({ url: 'https://a.test/p', params: new URLSearchParams({ a: '1' }) })).toBe('https://a.test/p?a=1')
  })
})

describe('bodies the client already read', () => {
  it('leaves out anything with a reader or a pipeTo (a stream), however partial its shape', () => {
    expect(httpFailureOf({ status: 500, data: { getReader() {} } })?.body).toBeUndefined()
    expect(httpFailureOf({ status: 500, data: { pipeTo() {} } })?.body).toBeUndefined()
    expect(httpFailureOf({ status: 500, data: { plain: true } })?.body).toEqual({ plain: true })
  })
})

describe('primitives where an object is expected', () => {
  /** Runs `fn` while `String.prototype` carries `key` (an extended or polluted prototype), then removes it. */
  function withStringProperty(key: PropertyKey, value: unknown, fn: () => void): void {
    Object.defineProperty(String.prototype, key, { value, configurable: true })
    try {
      fn()
    } finally {
      delete (String.prototype as unknown as Record<PropertyKey, unknown>)[key]
    }
  }

  it('reads no properties off a string, even ones String.prototype carries', () => {
    withStringProperty('statusCode', 502, () => {
      expect(httpFailureOf({ response: 'Bad Gateway' })).toBeUndefined()
      expect(httpFailureOf({ status: 500, response: 'Bad Gateway' })?.status).toBe(500)
    })
  })

  it('hands a text body on as it is, even when String.prototype claims to be an ArrayBuffer', () => {
    withStringProperty(Symbol.toStringTag, 'ArrayBuffer', () => {
      expect(httpFailureOf({ status: 500, data: 'oops' })?.body).toBe('oops')
    })
  })
})

describe('the bounds of a status', () => {
  it('takes every integer status from 100 to 599 and nothing outside', () => {
    for (const status of [100, 101, 599]) expect(httpFailureOf({ status })?.status).toBe(status)
    for (const status of [99, 600, 100.5]) expect(httpFailureOf({ status })).toBeUndefined()
    const response = new Response(null, { status: 599 })
    expect(httpFailureOf(response)?.status).toBe(599)
  })
})
