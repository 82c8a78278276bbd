// What clientFailureOf collects from real clients (fetch, axios, ky, ofetch, got) against a real
// server: the status, the response headers, the body the client read, an unread Response, and the
// request it sent (URL, query, headers, body, credentials), and that network failures give nothing.
import type { IncomingMessage, ServerResponse } from 'node:http'
import axios from 'axios'
import got from 'got'
import ky from 'ky'
import { ofetch } from 'ofetch'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type ClientFailure, clientFailureOf } from '../../src/error/from-client.js'
import { rejectionOf } from '../fixtures/rejection.js'
import { startServer, type TestServer } from '../fixtures/server.js'

const SUSPENDED = { status_code: 402, message: 'Account is suspended', reason: 'AccountSuspended', data: {} }
const HTML = '<!doctype html><html><body><h1>500 Internal Server Error</h1></body></html>'
const TOKEN = 'sekret-bearer-token-1234'
const MEDIA_KEY = 'media-auth-key-5678'
const PASSWORD = 'hunter2-password'
const SENT_BODY = { password: PASSWORD, camera_id: '100d4c41' }
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
  } else if (path === '/moved') {
    // The key is not carried on: the URL the answer came from no longer holds it, the body echoes it.
    res.writeHead(302, { location: '/bad-key' })
    res.end()
  } else if (path === '/bad-key') {
    res.writeHead(401, { 'content-type': 'application/json' })
    res.end(JSON.stringify({ message: `media key ${MEDIA_KEY} is not valid` }))
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

/** A header from headers in a client's own shape: fetch `Headers`, `AxiosHeaders`, or a plain object. */
function header(headers: unknown, name: string): unknown {
  if (typeof (headers as Headers | undefined)?.get === 'function') return (headers as Headers).get(name)
  const entry = Object.entries(headers as object).find(([key]) => key.toLowerCase() === name)
  return entry?.[1]
}

/** A body a client holds as text or as data, as data. */
function parsed(body: unknown): unknown {
  return typeof body === 'string' ? JSON.parse(body) : body
}

/** The query parameter `name` of the kept request, from its URL or from the query it kept apart. */
function queryParam(failure: ClientFailure | undefined, name: string): unknown {
  const fromUrl = new URL(String(failure?.request?.url)).searchParams.get(name)
  const query = failure?.request?.query
  if (query === undefined) return fromUrl
  return query instanceof URLSearchParams ? query.get(name) : (query as Record<string, unknown>)[name]
}

/** Asserts the request the client kept: the path, the `A` key, the bearer header and the JSON body. */
function expectSentRequest(failure: ClientFailure | undefined, path: string): void {
  expect(new URL(String(failure?.request?.url)).pathname).toBe(path)
  expect(queryParam(failure, 'A')).toBe(MEDIA_KEY)
  expect(header(failure?.request?.headers, 'authorization')).toBe(`Bearer ${TOKEN}`)
  expect(parsed(failure?.request?.body)).toEqual(SENT_BODY)
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

/** Asserts what every client's error gives: the status, the request id, the error itself and the request sent. */
function expectThrown(error: unknown, expected: Expected): ClientFailure | undefined {
  const failure = clientFailureOf(error)
  expect(failure?.status).toBe(expected.status)
  expect(header(failure?.headers, 'x-request-id')).toBe(expected.requestId)
  expect(failure?.thrown).toBe(error)
  expectSentRequest(failure, expected.path)
  return failure
}

describe('real clients against a real server', () => {
  describe.each(CASES)('$status', (expected) => {
    const url = () => `${server.url}${expected.path}`

    it('fetch: a bare Response gives its status, headers, unread body and URL, and is no cause', async () => {
      const response = await fetch(`${url()}?A=${MEDIA_KEY}`, { method: 'POST', headers: SENT_HEADERS })
      const failure = clientFailureOf(response)
      expect(failure?.status).toBe(expected.status)
      expect(header(failure?.headers, 'x-request-id')).toBe(expected.requestId)
      expect(failure?.response).toBe(response)
      expect(failure).not.toHaveProperty('thrown')
      expect(failure).not.toHaveProperty('body')
      expect(queryParam(failure, 'A')).toBe(MEDIA_KEY)
      expect(await response.text()).toBe(expected.text)
      // Once read, the Response no longer offers its body.
      expect(clientFailureOf(response)).not.toHaveProperty('response')
    })

    it('axios: status, headers, parsed data, the request from its config, the error itself', async () => {
      const error = await rejectionOf(axios.post(url(), SENT_BODY, { params: { A: MEDIA_KEY }, headers: SENT_HEADERS }))
      const failure = expectThrown(error, expected)
      expect(failure?.body).toEqual(expected.json ?? expected.text)
      expect(failure).not.toHaveProperty('response')
    })

    it('ky: status, headers, the unread Response, the request and its options', async () => {
      const error = await rejectionOf(
        ky.post(url(), { json: SENT_BODY, searchParams: { A: MEDIA_KEY }, headers: SENT_HEADERS, retry: 0 }),
      )
      const failure = expectThrown(error, expected)
      expect(failure).not.toHaveProperty('body')
      expect(new URL(String(failure?.request?.url)).searchParams.get('A')).toBe(MEDIA_KEY)
      expect(failure?.response).toBe((error as { response: Response }).response)
      expect(await ((failure as ClientFailure).response as Response).text()).toBe(expected.text)
    })

    it('ofetch: status, headers, data, the request with the query in its URL', async () => {
      const error = await rejectionOf(
        ofetch(url(), { method: 'POST', body: SENT_BODY, query: { A: MEDIA_KEY }, headers: SENT_HEADERS, retry: 0 }),
      )
      const failure = expectThrown(error, expected)
      expect(failure?.body ?? '').toEqual(expected.json ?? expected.text)
      // ofetch has read the body: there is no unread Response to offer.
      expect(failure).not.toHaveProperty('response')
      expect(new URL(String(failure?.request?.url)).searchParams.get('A')).toBe(MEDIA_KEY)
    })

    it('got (responseType json): status, headers, parsed body, the request from its options', async () => {
      const error = await rejectionOf(
        got.post(url(), {
          json: SENT_BODY,
          searchParams: { A: MEDIA_KEY },
          headers: SENT_HEADERS,
          responseType: 'json',
          retry: { limit: 0 },
        }),
      )
      const failure = expectThrown(error, expected)
      expect(failure?.body).toEqual(expected.json ?? expected.text)
      expect(failure).not.toHaveProperty('response')
    })

    it("got's response, when told not to throw for a status: the request from its options", async () => {
      const response = await got.post(url(), {
        json: SENT_BODY,
        searchParams: { A: MEDIA_KEY },
        headers: SENT_HEADERS,
        throwHttpErrors: false,
        retry: { limit: 0 },
      })
      const failure = clientFailureOf(response)
      expect(failure?.status).toBe(expected.status)
      expect(failure?.body).toBe(expected.text)
      expectSentRequest(failure, expected.path)
    })

    it('got (default text): the body is the text', async () => {
      const error = await rejectionOf(got(url(), { retry: { limit: 0 } }))
      expect(clientFailureOf(error)?.body).toBe(expected.text)
    })

    it('got (responseType buffer) and axios (arraybuffer): bytes are decoded as UTF-8', async () => {
      const gotError = await rejectionOf(got(url(), { responseType: 'buffer', retry: { limit: 0 } }))
      expect(Buffer.isBuffer((gotError as { response: { body: unknown } }).response.body)).toBe(true)
      expect(clientFailureOf(gotError)?.body).toBe(expected.text)
      const axiosError = await rejectionOf(axios.get(url(), { responseType: 'arraybuffer' }))
      expect(clientFailureOf(axiosError)?.body).toBe(expected.text)
    })
  })

  it('axios keeps its auth option, got its username and password in the URL', async () => {
    const auth = { username: 'camera-admin', password: PASSWORD }
    const axiosError = await rejectionOf(axios.get(`${server.url}/402`, { auth }))
    expect(clientFailureOf(axiosError)?.request?.auth).toEqual(auth)
    const gotError = await rejectionOf(got(`${server.url}/402`, { ...auth, retry: { limit: 0 } }))
    const url = new URL(String(clientFailureOf(gotError)?.request?.url))
    expect([url.username, url.password]).toEqual([auth.username, auth.password])
  })

  it("a client's response read without an error (axios' validateStatus, got's throwHttpErrors: false) is no cause; its error is", async () => {
    const { ApiError } = await import('../../src/index.js')
    const responses = [
      await axios.get(`${server.url}/402`, { validateStatus: () => true }),
      await got(`${server.url}/402`, { throwHttpErrors: false, retry: { limit: 0 } }),
    ]
    for (const response of responses) {
      const error = ApiError.from(response)
      expect([error?.status, error?.code, error?.requestId]).toEqual([402, 'ACCOUNT_SUSPENDED', 'req-402'])
      expect([error?.cause, error?.unredactedCause]).toEqual([undefined, undefined])
    }
    const thrown = await rejectionOf(axios.get(`${server.url}/402`))
    const error = ApiError.from(thrown)
    expect([error?.cause instanceof Error, error?.unredactedCause === thrown]).toEqual([true, true])
  })

  it('ofetch.raw, told not to throw for a status: the body it read, kept on its Response as _data', async () => {
    const { ApiError } = await import('../../src/index.js')
    const response = await ofetch.raw(`${server.url}/402`, { ignoreResponseError: true, retry: 0 })
    const error = ApiError.from(response)
    expect([error?.status, error?.serverMessage, error?.body]).toEqual([402, SUSPENDED.message, SUSPENDED])
  })

  it('axios: the URL is resolved against baseURL, keeping its userinfo, query and fragment', async () => {
    const base = `http://camera-admin:${PASSWORD}@127.0.0.1:${server.port}/`
    const api = axios.create({ baseURL: base, headers: SENT_HEADERS })
    const error = await rejectionOf(api.post('/402?A=inline-key-1#frag-9', SENT_BODY, { params: { A: MEDIA_KEY } }))
    const url = new URL(String(clientFailureOf(error)?.request?.url))
    expect([url.username, url.password, url.pathname]).toEqual(['camera-admin', PASSWORD, '/402'])
    expect([url.searchParams.get('A'), url.hash]).toEqual(['inline-key-1', '#frag-9'])
    expect(clientFailureOf(error)?.request?.query).toEqual({ A: MEDIA_KEY })
  })

  it('axios and ofetch given a URL object keep its URL: the key in its query is scrubbed where a redirected answer echoes it', async () => {
    const { ApiError } = await import('../../src/index.js')
    const url = () => new URL(`${server.url}/moved?A=${MEDIA_KEY}`)
    const errors = [
      await rejectionOf(axios.get(url() as never)),
      await rejectionOf(ofetch(url() as never, { retry: 0 })),
    ]
    for (const error of errors) {
      expect(queryParam(clientFailureOf(error), 'A')).toBe(MEDIA_KEY)
      const apiError = ApiError.from(error)
      expect([apiError?.status, apiError?.serverMessage]).toEqual([401, 'media key [REDACTED] is not valid'])
    }
  })

  it('ofetch: a Request input keeps the query apart, and its headers are the request headers', async () => {
    const request = new Request(`${server.url}/402`, { headers: SENT_HEADERS })
    const error = await rejectionOf(ofetch(request, { query: { A: MEDIA_KEY }, retry: 0 }))
    const failure = clientFailureOf(error)
    expect(failure?.status).toBe(402)
    expect(queryParam(failure, 'A')).toBe(MEDIA_KEY)
    expect(header(failure?.request?.headers, 'authorization')).toBe(`Bearer ${TOKEN}`)
  })
})

describe("a fetch Response of node-fetch (ofetch's in Node)", () => {
  it('is read without touching its `data`, which node-fetch warns about on every process', async () => {
    const nodeFetch = await import('node-fetch-native/node')
    const { ApiError } = await import('../../src/index.js')
    const warnings: string[] = []
    const listen = (warning: Error): void => void warnings.push(warning.message)
    process.on('warning', listen)
    try {
      const response = new nodeFetch.Response('{"message":"no such camera"}', { status: 404 })
      const error = ApiError.from(response)
      // Warnings are emitted on the next tick.
      await new Promise((resolve) => setImmediate(resolve))
      expect(error?.status).toBe(404)
      expect(warnings.filter((message) => message.includes('data'))).toEqual([])
    } finally {
      process.off('warning', listen)
    }
  })

  it('a Response-shaped value keeps its `data` unread; an error holding one reads its own', () => {
    let read = 0
    const response = { status: 404, bodyUsed: false, headers: {}, url: '' }
    Object.defineProperty(response, 'data', { get: () => ++read })
    expect(clientFailureOf(response)?.status).toBe(404)
    expect(clientFailureOf({ status: 404, response, data: { message: 'kept' } })?.body).toEqual({ message: 'kept' })
    expect(read).toBe(0)
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
      expect(clientFailureOf(error)).toBeUndefined()
    })

    it('connection reset by the server', async () => {
      expect(clientFailureOf(await rejectionOf(client(`${server.url}/reset`, {})))).toBeUndefined()
    })

    it('client timeout before any response', async () => {
      expect(clientFailureOf(await rejectionOf(client(`${server.url}/stall`, { timeoutMs: 200 })))).toBeUndefined()
    })

    it('abort through an AbortController', async () => {
      const controller = new AbortController()
      const timer = setTimeout(() => controller.abort(), 50)
      const error = await rejectionOf(client(`${server.url}/stall`, { signal: controller.signal }))
      clearTimeout(timer)
      expect(clientFailureOf(error)).toBeUndefined()
    })

    it('a failure after a 200 status arrived (the body stalls)', async () => {
      const error = await rejectionOf(
        client(`${server.url}/stall-body`, { signal: AbortSignal.timeout(200), timeoutMs: 200 }),
      )
      expect(clientFailureOf(error)).toBeUndefined()
    })
  })

  it('got and axios errors that carry a 200 response are no HTTP failure', async () => {
    const gotError = await rejectionOf(
      got(`${server.url}/stall-body`, { timeout: { request: 200 }, retry: { limit: 0 } }),
    )
    expect((gotError as { response?: { statusCode?: number } }).response?.statusCode).toBe(200)
    expect(clientFailureOf(gotError)).toBeUndefined()
    const axiosError = await rejectionOf(axios.get(`${server.url}/stall-body`, { timeout: 200 }))
    expect((axiosError as { response?: { status?: number } }).response?.status).toBe(200)
    expect(clientFailureOf(axiosError)).toBeUndefined()
  })
})
