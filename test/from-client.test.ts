import type { IncomingMessage, ServerResponse } from 'node:http'
import { Readable } from 'node:stream'
import axios from 'axios'
import fc from 'fast-check'
import got from 'got'
import ky from 'ky'
import { ofetch } from 'ofetch'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { type HttpFailure, httpFailureOf } from '../src/from-client.js'
import { headerValue } from '../src/headers.js'
import { startServer, type TestServer } from './fixtures/server.js'

const SUSPENDED = { status_code: 402, message: 'Account is suspended', reason: 'AccountSuspended', data: {} }
const HTML = '<!doctype html><html><body><h1>500 Internal Server Error</h1></body></html>'
const TOKEN = 'sekret-bearer-token-1234'
const MEDIA_KEY = 'media-auth-key-5678'
const PASSWORD = 'hunter2-password'
const SENT_BODY = { password: PASSWORD }
const SENT_HEADERS = { Authorization: `Bearer ${TOKEN}` }

function route(req: IncomingMessage, res: ServerResponse): void {
  const path = new URL(req.url ?? '/', 'http://x').pathname
  req.resume()
  if (path === '/402') {
    res.writeHead(402, { 'content-type': 'application/json', 'x-request-id': 'req-402', 'retry-after': '7' })
    res.end(JSON.stringify(SUSPENDED))
  } else if (path === '/500') {
    res.writeHead(500, { 'content-type': 'text/html; charset=utf-8', 'x-request-id': 'req-500' })
    res.end(HTML)
  } else if (path === '/404') {
    res.writeHead(404, { 'x-request-id': 'req-404', 'content-length': '0' })
    res.end()
  } else if (path === '/reset') {
    req.socket.resetAndDestroy()
  } else if (path === '/stall-body') {
    // Headers and part of the body, then nothing: a failure after a 200 status arrived.
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' })
    res.write('{"partial":')
  }
  // '/stall': never answers (timeouts and aborts); close() destroys the socket.
}

let server: TestServer
let refusedUrl: string

beforeAll(async () => {
  server = await startServer(route)
  const closed = await startServer(() => {})
  refusedUrl = closed.url
  await closed.close()
})

afterAll(async () => {
  await server.close()
})

afterEach(() => {
  vi.unstubAllGlobals()
})

/** The rejection of `promise` (fails the test when it resolves). */
async function rejectionOf(promise: PromiseLike<unknown>): Promise<unknown> {
  try {
    await promise
  } catch (error) {
    return error
  }
  throw new Error('expected a rejection')
}

/** A URL on the test server with the media key in the `A` query parameter. */
function urlWithKey(path: string): string {
  return `${server.url}${path}?A=${MEDIA_KEY}`
}

function parsed(body: unknown): unknown {
  return typeof body === 'string' ? JSON.parse(body) : body
}

/** Asserts the request the client kept: URL with the `A` key, the bearer header and the JSON body. */
function expectSentRequest(failure: HttpFailure, path: string): void {
  const url = new URL(failure.request?.url ?? '')
  expect(url.pathname).toBe(path)
  expect(url.searchParams.get('A')).toBe(MEDIA_KEY)
  expect(headerValue(failure.request?.headers, 'authorization')).toBe(`Bearer ${TOKEN}`)
  expect(parsed(failure.request?.body)).toEqual(SENT_BODY)
}

interface Expected {
  readonly path: string
  readonly status: number
  readonly requestId: string
  readonly text: string
  readonly json?: unknown
}

const CASES: readonly Expected[] = [
  { path: '/402', status: 402, requestId: 'req-402', text: JSON.stringify(SUSPENDED), json: SUSPENDED },
  { path: '/500', status: 500, requestId: 'req-500', text: HTML },
  { path: '/404', status: 404, requestId: 'req-404', text: '' },
]

/** The body a client that parses JSON hands out: the object for JSON, the text otherwise. */
function parsedBody(expected: Expected): unknown {
  return expected.json ?? expected.text
}

describe('real clients against a real server', () => {
  describe.each(CASES)('$status', (expected) => {
    it('fetch: a bare Response keeps its status, headers, unread body and URL, and is no cause', async () => {
      const response = await fetch(urlWithKey(expected.path), {
        method: 'POST',
        headers: SENT_HEADERS,
        body: JSON.stringify(SENT_BODY),
      })
      const failure = httpFailureOf(response)
      expect(failure?.status).toBe(expected.status)
      expect(headerValue(failure?.headers, 'x-request-id')).toBe(expected.requestId)
      expect(failure?.response).toBe(response)
      expect(failure).not.toHaveProperty('thrown')
      expect(failure).not.toHaveProperty('body')
      expect(new URL(failure?.request?.url ?? '').searchParams.get('A')).toBe(MEDIA_KEY)
      expect(await response.text()).toBe(expected.text)
      // Once read, the Response no longer offers its body.
      expect(httpFailureOf(response)).not.toHaveProperty('response')
    })

    it('axios: status, headers, parsed data, the request from config, the error itself', async () => {
      const error = await rejectionOf(
        axios.post(`${server.url}${expected.path}`, SENT_BODY, { params: { A: MEDIA_KEY }, headers: SENT_HEADERS }),
      )
      const failure = httpFailureOf(error)
      expect(failure?.status).toBe(expected.status)
      expect(headerValue(failure?.headers, 'x-request-id')).toBe(expected.requestId)
      if (expected.status === 402) expect(headerValue(failure?.headers, 'retry-after')).toBe('7')
      expect(failure?.body).toEqual(parsedBody(expected))
      expect(failure).not.toHaveProperty('response')
      expect(failure?.thrown).toBe(error)
      expectSentRequest(failure as HttpFailure, expected.path)
    })

    it('ky: status, headers, the unread Response, the request and its options', async () => {
      const error = await rejectionOf(
        ky.post(`${server.url}${expected.path}`, {
          json: SENT_BODY,
          searchParams: { A: MEDIA_KEY },
          headers: SENT_HEADERS,
          retry: 0,
        }),
      )
      const failure = httpFailureOf(error)
      expect(failure?.status).toBe(expected.status)
      expect(headerValue(failure?.headers, 'x-request-id')).toBe(expected.requestId)
      expect(failure).not.toHaveProperty('body')
      expect(failure?.thrown).toBe(error)
      expectSentRequest(failure as HttpFailure, expected.path)
      expect(failure?.response).toBe((error as { response: Response }).response)
      expect(await failure?.response?.text()).toBe(expected.text)
    })

    it('ofetch: status, headers, data, the request and its options', async () => {
      const error = await rejectionOf(
        ofetch(`${server.url}${expected.path}`, {
          method: 'POST',
          body: SENT_BODY,
          query: { A: MEDIA_KEY },
          headers: SENT_HEADERS,
          retry: 0,
        }),
      )
      const failure = httpFailureOf(error)
      expect(failure?.status).toBe(expected.status)
      expect(headerValue(failure?.headers, 'x-request-id')).toBe(expected.requestId)
      expect(failure?.body).toEqual(parsedBody(expected))
      // ofetch has read the body, so there is no unread Response to offer.
      expect(failure).not.toHaveProperty('response')
      expect(failure?.thrown).toBe(error)
      expectSentRequest(failure as HttpFailure, expected.path)
    })

    it('got (responseType json): status, headers, parsed body, the request from options', async () => {
      const error = await rejectionOf(
        got.post(`${server.url}${expected.path}`, {
          json: SENT_BODY,
          searchParams: { A: MEDIA_KEY },
          headers: SENT_HEADERS,
          responseType: 'json',
          retry: { limit: 0 },
        }),
      )
      const failure = httpFailureOf(error)
      expect(failure?.status).toBe(expected.status)
      expect(headerValue(failure?.headers, 'x-request-id')).toBe(expected.requestId)
      expect(failure?.body).toEqual(parsedBody(expected))
      expect(failure).not.toHaveProperty('response')
      expect(failure?.thrown).toBe(error)
      expectSentRequest(failure as HttpFailure, expected.path)
    })

    it('got (default text): the body is the text', async () => {
      const error = await rejectionOf(got(urlWithKey(expected.path), { retry: { limit: 0 } }))
      expect(httpFailureOf(error)?.body).toBe(expected.text)
    })

    it('got (responseType buffer) and axios (arraybuffer): bytes are decoded as UTF-8', async () => {
      const gotError = await rejectionOf(
        got(urlWithKey(expected.path), { responseType: 'buffer', retry: { limit: 0 } }),
      )
      expect(Buffer.isBuffer((gotError as { response: { body: unknown } }).response.body)).toBe(true)
      expect(httpFailureOf(gotError)?.body).toBe(expected.text)
      const axiosError = await rejectionOf(axios.get(urlWithKey(expected.path), { responseType: 'arraybuffer' }))
      expect(httpFailureOf(axiosError)?.body).toBe(expected.text)
    })
  })

  it('axios: the URL joins baseURL and url and appends params after an existing query', async () => {
    const api = axios.create({ baseURL: `${server.url}/`, headers: SENT_HEADERS })
    const error = await rejectionOf(api.post('/402?v=1#frag', SENT_BODY, { params: { A: MEDIA_KEY } }))
    const failure = httpFailureOf(error) as HttpFailure
    expect(failure.request?.url).toBe(`${server.url}/402?v=1&A=${MEDIA_KEY}`)
    expectSentRequest(failure, '/402')
  })

  it('ofetch: a Request input keeps the query in the options, and the URL still carries it', async () => {
    const request = new Request(`${server.url}/402`, { headers: SENT_HEADERS })
    const error = await rejectionOf(ofetch(request, { query: { A: MEDIA_KEY }, retry: 0 }))
    const failure = httpFailureOf(error)
    expect(failure?.status).toBe(402)
    expect(new URL(failure?.request?.url ?? '').searchParams.get('A')).toBe(MEDIA_KEY)
    expect(headerValue(failure?.request?.headers, 'authorization')).toBe(`Bearer ${TOKEN}`)
  })
})

describe('network failures have no HTTP status', () => {
  type Client = (url: string, options: { timeoutMs?: number; signal?: AbortSignal }) => Promise<unknown>
  const clients: Record<string, Client> = {
    fetch: (url, o) =>
      fetch(url, { signal: o.signal ?? (o.timeoutMs ? AbortSignal.timeout(o.timeoutMs) : null) }).then((r) => r.text()),
    axios: (url, o) =>
      axios.get(url, { ...(o.timeoutMs ? { timeout: o.timeoutMs } : {}), ...(o.signal ? { signal: o.signal } : {}) }),
    ky: (url, o) =>
      ky.get(url, { retry: 0, timeout: o.timeoutMs ?? false, ...(o.signal ? { signal: o.signal } : {}) }).text(),
    ofetch: (url, o) =>
      ofetch(url, {
        retry: 0,
        ...(o.timeoutMs ? { timeout: o.timeoutMs } : {}),
        ...(o.signal ? { signal: o.signal } : {}),
      }),
    got: (url, o) =>
      got(url, {
        retry: { limit: 0 },
        ...(o.timeoutMs ? { timeout: { request: o.timeoutMs } } : {}),
        ...(o.signal ? { signal: o.signal } : {}),
      }),
  }

  describe.each(Object.entries(clients))('%s', (_name, client) => {
    it('connection refused', async () => {
      const error = await rejectionOf(client(`${refusedUrl}/402`, {}))
      expect(error).toBeDefined()
      expect(httpFailureOf(error)).toBeUndefined()
    })

    it('connection reset by the server', async () => {
      const error = await rejectionOf(client(`${server.url}/reset`, {}))
      expect(httpFailureOf(error)).toBeUndefined()
    })

    it('client timeout before any response', async () => {
      const error = await rejectionOf(client(`${server.url}/stall`, { timeoutMs: 200 }))
      expect(httpFailureOf(error)).toBeUndefined()
    })

    it('abort through an AbortController', async () => {
      const controller = new AbortController()
      const timer = setTimeout(() => controller.abort(), 50)
      const error = await rejectionOf(client(`${server.url}/stall`, { signal: controller.signal }))
      clearTimeout(timer)
      expect(httpFailureOf(error)).toBeUndefined()
    })

    it('a failure after a 200 status arrived (the body stalls)', async () => {
      const error = await rejectionOf(
        client(`${server.url}/stall-body`, { signal: AbortSignal.timeout(200), timeoutMs: 200 }),
      )
      expect(httpFailureOf(error)).toBeUndefined()
    })
  })

  it('got and axios errors that carry a 200 response are no HTTP failure', async () => {
    const gotError = await rejectionOf(
      got(`${server.url}/stall-body`, { timeout: { request: 200 }, retry: { limit: 0 } }),
    )
    expect((gotError as { response?: { statusCode?: number } }).response?.statusCode).toBe(200)
    expect(httpFailureOf(gotError)).toBeUndefined()
    const axiosError = await rejectionOf(axios.get(`${server.url}/stall-body`, { timeout: 200 }))
    expect((axiosError as { response?: { status?: number } }).response?.status).toBe(200)
    expect(httpFailureOf(axiosError)).toBeUndefined()
  })
})

describe('generic objects', () => {
  it('{status}', () => {
    const value = { status: 404 }
    expect(httpFailureOf(value)).toEqual({ status: 404, thrown: value })
  })

  it('{statusCode, body}', () => {
    const value = { statusCode: 503, body: 'Internal Camera Tag Maps Error', headers: { 'X-Request-Id': 'g-1' } }
    const failure = httpFailureOf(value)
    expect(failure).toEqual({
      status: 503,
      body: 'Internal Camera Tag Maps Error',
      headers: value.headers,
      thrown: value,
    })
    expect(headerValue(failure?.headers, 'x-request-id')).toBe('g-1')
  })

  it('{response: {status, headers, data}}', () => {
    const value = { response: { status: 429, headers: { 'retry-after': '3' }, data: { message: 'slow down' } } }
    expect(httpFailureOf(value)).toEqual({
      status: 429,
      headers: value.response.headers,
      body: { message: 'slow down' },
      thrown: value,
    })
  })

  it('{response: {statusCode, body}} and an Error subclass with a status', () => {
    expect(httpFailureOf({ response: { statusCode: 502, body: 'bad' } })).toMatchObject({ status: 502, body: 'bad' })
    const error = Object.assign(new Error('boom'), { status: 423 })
    expect(httpFailureOf(error)).toEqual({ status: 423, thrown: error })
  })

  it('prefers data over body, and the outer fields over the response', () => {
    const value = {
      status: 400,
      data: { a: 1 },
      body: 'b',
      response: { status: 500, data: 'inner', headers: { x: 'i' } },
    }
    expect(httpFailureOf(value)).toEqual({ status: 400, body: { a: 1 }, headers: { x: 'i' }, thrown: value })
  })

  it('an object holding a fetch Response on .response offers it while unread', async () => {
    const response = new Response('{"message":"x"}', { status: 409, headers: { 'x-request-id': 'w-1' } })
    const value = { response }
    const failure = httpFailureOf(value)
    expect(failure?.status).toBe(409)
    expect(failure?.response).toBe(response)
    expect(failure).not.toHaveProperty('body')
    expect(headerValue(failure?.headers, 'x-request-id')).toBe('w-1')
    await response.text()
    expect(httpFailureOf(value)).not.toHaveProperty('response')
  })

  it('a function with a status is an object too', () => {
    const fn = Object.assign(() => {}, { status: 418 })
    expect(httpFailureOf(fn)?.status).toBe(418)
  })

  it.each([
    ['non-integer', { status: 404.5 }],
    ['NaN', { status: Number.NaN }],
    ['Infinity', { statusCode: Number.POSITIVE_INFINITY }],
    ['below 100', { status: 99 }],
    ['zero', { status: 0 }],
    ['negative', { status: -404 }],
    ['above 599', { status: 600 }],
    ['huge', { response: { status: 1e9 } }],
    ['a numeric string', { status: '404' }],
    ['a string', { status: 'error' }],
    ['a bigint', { status: 404n }],
    ['an invalid status before a valid one', { status: 4.5, statusCode: 404 }],
    ['nothing', {}],
    ['a plain Error', new Error('fetch failed')],
  ])('%s → undefined', (_label, value) => {
    expect(httpFailureOf(value)).toBeUndefined()
  })

  it.each([undefined, null, 404, '404', true, Symbol('s'), 404n])('the primitive %s → undefined', (value) => {
    expect(httpFailureOf(value)).toBeUndefined()
  })

  it('a bare Response: invalid status, no URL, used body', async () => {
    expect(httpFailureOf(Response.error())).toBeUndefined()
    const response = new Response('gone', { status: 410 })
    expect(httpFailureOf(response)).toEqual({ status: 410, headers: response.headers, response })
    await response.text()
    expect(httpFailureOf(response)).toEqual({ status: 410, headers: response.headers })
  })
})

describe('client shapes (fields real clients leave out)', () => {
  const axiosError = (extra: Record<string, unknown>) => ({
    isAxiosError: true,
    response: { status: 400, headers: {}, data: 'x' },
    ...extra,
  })

  it('axios without config keeps no request', () => {
    expect(httpFailureOf(axiosError({}))).not.toHaveProperty('request')
  })

  it.each([
    [{ baseURL: 'http://h/api/', url: 'v1/x' }, 'http://h/api/v1/x'],
    [{ baseURL: 'http://h/api//', url: '//v1/x' }, '//v1/x'],
    [{ baseURL: 'http://h/api//', url: '/v1/x' }, 'http://h/api/v1/x'],
    [{ baseURL: 'http://h/api', url: 'https://other/y' }, 'https://other/y'],
    [{ baseURL: 'http://h/api', url: 'https://other/y', allowAbsoluteUrls: false }, 'http://h/api/https://other/y'],
    [{ baseURL: 'http://h/api' }, 'http://h/api'],
    [{ baseURL: '', url: 'http://h/z' }, 'http://h/z'],
    [{ baseURL: 7, url: 'http://h/z' }, 'http://h/z'],
    [{ url: 'http://h/z', params: new URLSearchParams({ A: 'k', b: '1 2' }) }, 'http://h/z?A=k&b=1+2'],
    [{ url: 'http://h/z', params: '?A=k' }, 'http://h/z?A=k'],
    [{ url: 'http://h/z', params: 42 }, 'http://h/z'],
    [{ url: 'http://h/z', params: {} }, 'http://h/z'],
    [
      { url: 'http://h/z', params: { A: 'k', list: ['a', 'b'], skip: null, gone: undefined, obj: { x: 1 }, n: 3 } },
      'http://h/z?A=k&list=a&list=b&obj=%7B%22x%22%3A1%7D&n=3',
    ],
    [{ params: { A: 'k' } }, '?A=k'],
  ])('axios config %o → %s', (config, url) => {
    expect(httpFailureOf(axiosError({ config }))?.request?.url).toBe(url)
  })

  it('axios params that cannot be serialised are left out', () => {
    const hostile = new Proxy(
      {},
      {
        ownKeys: () => {
          throw new Error('no keys')
        },
      },
    )
    expect(httpFailureOf(axiosError({ config: { url: 'http://h/z', params: hostile } }))?.request?.url).toBe(
      'http://h/z',
    )
    const loneSurrogate = { A: '\uD800' }
    expect(httpFailureOf(axiosError({ config: { url: 'http://h/z', params: loneSurrogate } }))?.request?.url).toBe(
      'http://h/z',
    )
  })

  it('axios data that is a stream or a Blob is not read', () => {
    const stream = Readable.from(['x'])
    expect(httpFailureOf(axiosError({ response: { status: 500, data: stream } }))).not.toHaveProperty('body')
    expect(httpFailureOf(axiosError({ response: { status: 500, data: new ReadableStream() } }))).not.toHaveProperty(
      'body',
    )
    expect(httpFailureOf(axiosError({ response: { status: 500, data: new Blob(['x']) } }))).not.toHaveProperty('body')
    expect(httpFailureOf(axiosError({ response: { status: 500, data: () => 'x' } }))).not.toHaveProperty('body')
    expect(httpFailureOf(axiosError({ response: { status: 500, data: Symbol('x') } }))).not.toHaveProperty('body')
    expect(httpFailureOf(axiosError({ response: { status: 500, data: null } }))?.body).toBeNull()
    expect(httpFailureOf(axiosError({ response: { status: 500, data: 0 } }))?.body).toBe(0)
  })

  it('bytes: an ArrayBuffer and a Uint8Array are decoded; without TextDecoder they are left out', () => {
    const bytes = new TextEncoder().encode('{"message":"é"}')
    expect(httpFailureOf({ status: 500, body: bytes })?.body).toBe('{"message":"é"}')
    expect(httpFailureOf({ status: 500, body: bytes.buffer })?.body).toBe('{"message":"é"}')
    vi.stubGlobal('TextDecoder', undefined)
    expect(httpFailureOf({ status: 500, body: bytes })).toEqual({ status: 500, thrown: expect.anything() })
  })

  it('ky: data when a version offers it, a used Response not offered, headers from the options', async () => {
    const response = new Response('x', { status: 429 })
    await response.text()
    const error = {
      name: 'HTTPError',
      response,
      request: { url: 'http://h/x?A=k' },
      options: { headers: { authorization: 'Bearer abcdefgh' }, body: 'raw' },
      data: { message: 'slow' },
    }
    expect(httpFailureOf(error)).toEqual({
      status: 429,
      headers: response.headers,
      body: { message: 'slow' },
      request: { url: 'http://h/x?A=k', headers: error.options.headers, body: 'raw' },
      thrown: error,
    })
  })

  it('ky: an HTTPError holding a 2xx Response failed for another reason → undefined', () => {
    expect(httpFailureOf({ name: 'HTTPError', response: new Response('ok', { status: 200 }) })).toBeUndefined()
  })

  it('ky: an HTTPError without a Response is not read as ky', () => {
    expect(httpFailureOf({ name: 'HTTPError', response: { status: 500 } })?.status).toBe(500)
  })

  it('ofetch: statusCode alone, _data when data is absent, headers from the Request', () => {
    const request = new Request('http://h/x', { headers: { authorization: 'Bearer abcdefgh' } })
    const error = {
      name: 'FetchError',
      statusCode: 502,
      request,
      options: { params: { A: 'k' } },
      response: { headers: { 'x-request-id': 'o-1' }, _data: 'gateway' },
    }
    const failure = httpFailureOf(error)
    expect(failure).toMatchObject({ status: 502, body: 'gateway', request: { url: 'http://h/x?A=k' } })
    expect(headerValue(failure?.request?.headers, 'authorization')).toBe('Bearer abcdefgh')
    expect(headerValue(failure?.headers, 'x-request-id')).toBe('o-1')
  })

  it('ofetch: no status (a network failure) → undefined', () => {
    expect(httpFailureOf({ name: 'FetchError', request: 'http://h/x', options: {} })).toBeUndefined()
  })

  it('got: a string url gets its searchParams; json and form bodies', () => {
    const got1 = {
      code: 'ERR_NON_2XX_3XX_RESPONSE',
      name: 'HTTPError',
      options: { url: 'http://h/x', searchParams: { A: 'k' }, json: { password: 'p' } },
      response: { statusCode: 401, headers: {}, body: '' },
    }
    expect(httpFailureOf(got1)?.request).toEqual({ url: 'http://h/x?A=k', body: { password: 'p' } })
    const got2 = { ...got1, options: { url: new URL('http://h/y?A=k'), form: { password: 'p' } } }
    expect(httpFailureOf(got2)?.request).toEqual({ url: 'http://h/y?A=k', body: { password: 'p' } })
    const got3 = { ...got1, options: { url: 42 } }
    expect(httpFailureOf(got3)).not.toHaveProperty('request')
  })

  it('got: a 3xx response (too many redirects) keeps its status; a 2xx one does not', () => {
    const base = { code: 'ERR_TOO_MANY_REDIRECTS', name: 'MaxRedirectsError', options: {} }
    expect(httpFailureOf({ ...base, response: { statusCode: 302, headers: {} } })?.status).toBe(302)
    expect(httpFailureOf({ ...base, response: { statusCode: 204, headers: {} } })).toBeUndefined()
  })
})

// ---- Never throws ----

/** Every property name httpFailureOf reads, on any object. */
const FIELDS = [
  'status',
  'statusCode',
  'response',
  'headers',
  'data',
  'body',
  '_data',
  'isAxiosError',
  'name',
  'config',
  'baseURL',
  'url',
  'allowAbsoluteUrls',
  'params',
  'query',
  'request',
  'options',
  'json',
  'form',
  'searchParams',
  'href',
  'code',
  'bodyUsed',
  'text',
  'clone',
  'getAll',
  'append',
  'getReader',
  'pipe',
  'pipeTo',
  'arrayBuffer',
] as const

const okResponse = () => new Response('{}', { status: 500, headers: { 'x-request-id': 'r' } })

/** One valid value of every shape httpFailureOf recognises, deep enough to reach every read. */
function shapes(): Record<string, object> {
  return {
    response: okResponse(),
    axios: {
      isAxiosError: true,
      response: { status: 402, headers: { a: 'b' }, data: new Uint8Array([123, 125]) },
      config: { baseURL: 'http://h', url: 'x', allowAbsoluteUrls: true, params: { A: ['k'] }, headers: {}, data: '{}' },
    },
    axiosSearchParams: {
      isAxiosError: true,
      response: { status: 402 },
      config: { params: new URLSearchParams('A=k') },
    },
    ky: {
      name: 'HTTPError',
      response: okResponse(),
      request: new Request('http://h/x'),
      options: { json: {}, body: '{}' },
      data: new ArrayBuffer(2),
    },
    ofetch: {
      name: 'FetchError',
      status: 402,
      statusCode: 402,
      data: { a: 1 },
      request: new Request('http://h/x'),
      options: { query: { A: 'k' }, params: {}, headers: {}, body: new Uint8Array([1]) },
      response: { _data: 'x', headers: {} },
    },
    got: {
      name: 'HTTPError',
      code: 'ERR_NON_2XX_3XX_RESPONSE',
      options: { url: new URL('http://h/x?A=k'), headers: {}, body: 'b', json: {}, form: {}, searchParams: 'A=k' },
      response: { statusCode: 500, headers: {}, body: Buffer.from('x') },
    },
    gotString: { code: 'E', options: { url: 'http://h/x', searchParams: { A: 'k' } }, response: { statusCode: 500 } },
    generic: { status: 'x', statusCode: 404, headers: {}, data: undefined, body: new Blob(['x']) },
    genericResponse: { response: okResponse() },
    genericNested: { response: { status: 'x', statusCode: 503, headers: {}, data: undefined, body: 'b' } },
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

const everyTrapThrows: ProxyHandler<object> = Object.fromEntries(
  [
    'apply',
    'construct',
    'defineProperty',
    'deleteProperty',
    'get',
    'getOwnPropertyDescriptor',
    'getPrototypeOf',
    'has',
    'isExtensible',
    'ownKeys',
    'preventExtensions',
    'set',
    'setPrototypeOf',
  ].map((trap) => [
    trap,
    () => {
      throw new Error(`trap ${trap}`)
    },
  ]),
)

function revoked(): object {
  const { proxy, revoke } = Proxy.revocable({}, {})
  revoke()
  return proxy
}

function cyclic(): object {
  const value: Record<string, unknown> = { status: 500 }
  value.response = value
  value.data = value
  value.config = { params: value, url: 'http://h' }
  value.isAxiosError = true
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
    expect(httpFailureOf(new Proxy({}, everyTrapThrows))).toBeUndefined()
    expect(httpFailureOf(new Proxy(() => {}, everyTrapThrows))).toBeUndefined()
    expect(httpFailureOf(revoked())).toBeUndefined()
    expect(httpFailureOf(cyclic())?.status).toBe(500)
    expect(httpFailureOf(Object.freeze({ status: 404, data: Object.freeze({ a: 1 }) }))).toMatchObject({ status: 404 })
    const bare = Object.assign(Object.create(null) as object, { statusCode: 500, body: 'x' })
    expect(httpFailureOf(bare)).toMatchObject({ status: 500, body: 'x' })
    // Response's getters on something that is not a Response throw "Illegal invocation".
    expect(httpFailureOf(Object.create(Response.prototype))).toBeUndefined()
    expect(httpFailureOf({ status: 500, response: Object.create(Response.prototype) })).toMatchObject({ status: 500 })
  })

  it('on hostile values inside a valid shape: params, bodies and URLs', () => {
    const base = { isAxiosError: true, response: { status: 500 } }
    const hostileParams = {
      getAll() {},
      append() {},
      toString: () => {
        throw new Error('no')
      },
    }
    expect(httpFailureOf({ ...base, config: { url: 'http://h', params: hostileParams } })?.request?.url).toBe(
      'http://h',
    )
    expect(httpFailureOf({ ...base, config: { url: 'http://h', params: revoked() } })?.request?.url).toBe('http://h')
    expect(httpFailureOf({ status: 500, body: revoked() })).not.toHaveProperty('body')
    expect(httpFailureOf({ status: 500, body: new Proxy({}, everyTrapThrows) })).not.toHaveProperty('body')
    const detached = new ArrayBuffer(4)
    structuredClone(detached, { transfer: [detached] })
    expect(() => httpFailureOf({ status: 500, body: detached })).not.toThrow()
    expect(() => httpFailureOf({ status: 500, body: new Uint8Array(new SharedArrayBuffer(2)) })).not.toThrow()
  })

  it.each(Object.entries(shapes()))(
    '%s: recognised as is, and never throws when any field read throws',
    (_name, value) => {
      expect(httpFailureOf(value)?.status).toBeGreaterThanOrEqual(100)
      for (const key of [...FIELDS, Symbol.toStringTag]) {
        expect(() => httpFailureOf(throwingAt(value, key))).not.toThrow()
        if (typeof key === 'string') expect(() => httpFailureOf(getterThrowingAt(value, key))).not.toThrow()
      }
    },
  )

  it('on real client errors whose fields throw', async () => {
    const errors = await Promise.all([
      rejectionOf(axios.post(`${server.url}/402`, SENT_BODY, { params: { A: MEDIA_KEY } })),
      rejectionOf(ky.post(`${server.url}/402`, { json: SENT_BODY, retry: 0 })),
      rejectionOf(ofetch(`${server.url}/402`, { method: 'POST', body: SENT_BODY, retry: 0 })),
      rejectionOf(got.post(`${server.url}/402`, { json: SENT_BODY, retry: { limit: 0 } })),
    ])
    for (const error of errors) {
      expect(httpFailureOf(error)?.status).toBe(402)
      for (const key of FIELDS) expect(() => httpFailureOf(throwingAt(error as object, key))).not.toThrow()
    }
  })

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
          const failure = httpFailureOf(value)
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
      fc.constant(true),
      fc.constantFrom('HTTPError', 'FetchError', 'ERR_NON_2XX_3XX_RESPONSE', 'http://h/x', '?A=k'),
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
        const failure = httpFailureOf(hostile(value))
        if (failure !== undefined) {
          expect(failure.status).toBeGreaterThanOrEqual(100)
          expect(failure.status).toBeLessThanOrEqual(599)
        }
      }),
      { numRuns: 3000 },
    )
  })
})
