// ApiError.fromResponse and ApiError.from against a real server: every documented error with the
// API's body, other body shapes, body faults, Retry-After, and what real clients throw.
import { getEventListeners } from 'node:events'
import { gzipSync } from 'node:zlib'
import axios from 'axios'
import got from 'got'
import ky from 'ky'
import { ofetch } from 'ofetch'
import { afterAll, beforeAll, expect, describe as group, it } from 'vitest'
import { ApiError } from '../../src/index.js'
import { documentedRows } from '../fixtures/api-doc.js'
import { rejectionOf } from '../fixtures/rejection.js'
import { startServer, type TestServer } from '../fixtures/server.js'

type Route = (res: import('node:http').ServerResponse, url: URL) => void
/** The key of the last request to /moved-key, which /echo-key echoes. */
let movedKey = ''
const routes: Record<string, Route> = {
  '/api': (res, url) => {
    const status = Number(url.searchParams.get('status'))
    res.writeHead(status, { 'content-type': 'application/json', 'x-request-id': `req-${status}` })
    // The API's own doc examples carry a trailing comma.
    res.end(`{"status_code": ${status}, "message": "server ${status}", "reason": "Reason${status}", "data": {},}`)
  },
  '/problem': (res) => {
    res.writeHead(403, { 'content-type': 'application/problem+json; charset=utf-8', 'request-id': 'p-1' })
    res.end(
      JSON.stringify({
        type: 'https://x.test/forbidden',
        title: 'Forbidden',
        detail: 'No access to camera 7',
        instance: '/c/7',
      }),
    )
  },
  '/problem-title': (res) => {
    res.writeHead(404, { 'content-type': 'application/problem+json' })
    res.end(JSON.stringify({ type: 'about:blank', title: 'Not here' }))
  },
  '/error-string': (res) => {
    res.writeHead(400, { 'content-type': 'application/json', 'x-correlation-id': 'c-1' })
    res.end(JSON.stringify({ error: 'bad input' }))
  },
  '/error-object': (res) => {
    res.writeHead(400, { 'content-type': 'application/json' })
    res.end(JSON.stringify({ error: { message: 'nested bad input' } }))
  },
  '/html': (res) => {
    res.writeHead(502, { 'content-type': 'text/html' })
    res.end('<html><body><h1>502 Bad Gateway</h1></body></html>')
  },
  '/empty': (res) => {
    res.writeHead(404)
    res.end()
  },
  '/malformed': (res) => {
    res.writeHead(500, { 'content-type': 'application/json' })
    res.end('{"status_code": 500, "message": ')
  },
  '/huge': (res) => {
    res.writeHead(500, { 'content-type': 'text/plain' })
    const chunk = 'x'.repeat(64 * 1024)
    for (let i = 0; i < 80; i++) res.write(chunk)
    res.end()
  },
  '/gzip-bomb': (res) => {
    res.writeHead(500, { 'content-type': 'text/plain', 'content-encoding': 'gzip' })
    res.end(gzipSync(Buffer.alloc(20 * 1024 * 1024, 0x61)))
  },
  '/endless': (res) => {
    res.writeHead(504, { 'content-type': 'application/json' })
    res.write('{"status_code": 504,')
    // Never ends: the read must stop on its time limit.
  },
  '/cut': (res) => {
    res.writeHead(502, { 'content-type': 'application/json', 'content-length': '1000' })
    res.write('{"status_code": 502, "message": "partial')
    setTimeout(() => res.socket?.destroy(), 20)
  },
  '/retry': (res, url) => {
    res.writeHead(429, { 'retry-after': url.searchParams.get('v') ?? '' })
    res.end()
  },
  '/weak-password': (res) => {
    // Echoes the password sent in the JSON body, without its name.
    let sent = ''
    res.req.on('data', (chunk) => {
      sent += chunk
    })
    res.req.on('end', () => {
      res.writeHead(400, { 'content-type': 'application/json' })
      res.end(JSON.stringify({ message: `${JSON.parse(sent).password} is too weak` }))
    })
  },
  '/echo-bearer': (res) => {
    // The bearer token sent, echoed bare: only the request's own secrets can tell it.
    res.writeHead(401, { 'content-type': 'application/json' })
    res.end(JSON.stringify({ message: `${res.req.headers.authorization?.slice(7)} was rejected` }))
  },
  '/moved-key': (res, url) => {
    // The key is not carried on: the URL the answer comes from no longer holds it, its body echoes it.
    movedKey = url.searchParams.get('A') ?? ''
    res.writeHead(302, { location: '/echo-key' })
    res.end()
  },
  '/echo-key': (res) => {
    res.writeHead(401, { 'content-type': 'application/json' })
    res.end(JSON.stringify({ message: `media key ${movedKey} is not valid` }))
  },
  '/id-many': (res, url) => {
    // The request id header sent once per value, each as given (a blank one too).
    res.setHeader('x-request-id', url.searchParams.getAll('v'))
    res.writeHead(500)
    res.end()
  },
  '/retry-twice': (res, url) => {
    // The header sent twice, each value as given.
    res.setHeader('retry-after', url.searchParams.getAll('v'))
    res.writeHead(429)
    res.end()
  },
}

let server: TestServer
beforeAll(async () => {
  server = await startServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    const route = routes[url.pathname]
    if (route) route(res, url)
    else res.destroy()
  })
})
afterAll(() => server.close())

const get = (path: string) => fetch(`${server.url}${path}`)

group('fromResponse', () => {
  it("reads every documented error status with the API's JSON body", async () => {
    for (const row of documentedRows.filter((r) => r.status >= 300)) {
      const error = await ApiError.fromResponse(await get(`/api?status=${row.status}`))
      expect(error).toMatchObject({
        status: row.status,
        code: row.code,
        meaning: row.meaning,
        retryable: row.retryable,
        known: true,
        serverMessage: `server ${row.status}`,
        reason: `Reason${row.status}`,
        requestId: `req-${row.status}`,
        body: { status_code: row.status, message: `server ${row.status}`, reason: `Reason${row.status}`, data: {} },
      })
    }
  })

  it('reads problem+json and {error} bodies', async () => {
    expect(await ApiError.fromResponse(await get('/problem'))).toMatchObject({
      code: 'FORBIDDEN',
      serverMessage: 'No access to camera 7',
      requestId: 'p-1',
    })
    expect((await ApiError.fromResponse(await get('/problem-title'))).serverMessage).toBe('Not here')
    expect(await ApiError.fromResponse(await get('/error-string'))).toMatchObject({
      serverMessage: 'bad input',
      requestId: 'c-1',
    })
    expect((await ApiError.fromResponse(await get('/error-object'))).serverMessage).toBe('nested bad input')
  })

  it('keeps an HTML page, an empty body and malformed JSON without throwing', async () => {
    const html = await ApiError.fromResponse(await get('/html'))
    expect(html).toMatchObject({ status: 502, code: 'BAD_GATEWAY', retryable: true })
    expect(html.body).toContain('<h1>502 Bad Gateway</h1>')
    expect(html.serverMessage).toBeUndefined()
    const empty = await ApiError.fromResponse(await get('/empty'))
    expect(empty.body).toBeUndefined()
    expect(Object.hasOwn(empty, 'body')).toBe(false)
    const malformed = await ApiError.fromResponse(await get('/malformed'))
    expect(malformed.body).toBe('{"status_code": 500, "message": ')
  })

  it('bounds a 5 MiB body and a gzip bomb to maxBodyBytes of decoded text', async () => {
    const huge = await ApiError.fromResponse(await get('/huge'))
    expect((huge.body as string).length).toBe(65_536)
    const small = await ApiError.fromResponse(await get('/huge'), { maxBodyBytes: 1000 })
    expect((small.body as string).length).toBe(1000)
    const bomb = await ApiError.fromResponse(await get('/gzip-bomb'), { maxBodyBytes: 4096 })
    expect(bomb.body).toBe('a'.repeat(4096))
  })

  it('counts the cap on the bytes that came: JSON under it is parsed though invalid UTF-8 decodes longer', async () => {
    // A legacy gateway's ISO-8859-1: each é is one byte on the wire, three once decoded as U+FFFD.
    const names = Array.from({ length: 4000 }, (_, i) => `Cáméra ${i}`)
    const bytes = Buffer.from(JSON.stringify({ message: 'Invalid camera names', data: names }), 'latin1')
    expect(bytes.length).toBeLessThan(65_536)
    const headers = { 'content-type': 'application/json; charset=iso-8859-1' }
    const error = await ApiError.fromResponse(new Response(bytes, { status: 400, headers }))
    expect(error.serverMessage).toBe('Invalid camera names')
    expect((error.body as { data: string[] }).data).toHaveLength(4000)
  })

  it('returns within its time limit from a body that never ends, and on abort', async () => {
    const started = Date.now()
    const error = await ApiError.fromResponse(await get('/endless'), { timeoutMs: 300 })
    expect(Date.now() - started).toBeLessThan(3000)
    expect(error).toMatchObject({ status: 504, code: 'GATEWAY_TIMEOUT', body: '{"status_code": 504,' })
    const controller = new AbortController()
    setTimeout(() => controller.abort(), 100)
    const aborted = await ApiError.fromResponse(await get('/endless'), { signal: controller.signal })
    expect(aborted.status).toBe(504)
  })

  it('reads a thousand responses at once on one app-wide signal, given to fetch too, adding one listener and no MaxListenersExceededWarning; its abort stops them all', async () => {
    const warnings: string[] = []
    const listen = (warning: Error): void => void warnings.push(warning.name)
    process.on('warning', listen)
    try {
      const controller = new AbortController()
      const { signal } = controller
      const responses = await Promise.all(
        Array.from({ length: 1000 }, () => fetch(`${server.url}/endless`, { signal })),
      )
      const before = getEventListeners(signal, 'abort').length
      const reads = responses.map((response) => ApiError.fromResponse(response, { signal }))
      await new Promise((resolve) => setTimeout(resolve, 50))
      expect(getEventListeners(signal, 'abort').length).toBeLessThanOrEqual(before + 1)
      controller.abort()
      // Each body never ends: only the abort ends its read.
      for (const error of await Promise.all(reads)) expect(error.status).toBe(504)
      // Warnings are emitted on the next tick.
      await new Promise((resolve) => setImmediate(resolve))
      expect(warnings).not.toContain('MaxListenersExceededWarning')
    } finally {
      process.off('warning', listen)
    }
  })

  it('keeps what arrived from a body cut by a connection reset', async () => {
    const error = await ApiError.fromResponse(await get('/cut'))
    // Less the last run of token characters, which could be the start of a secret.
    expect(error).toMatchObject({ status: 502, body: '{"status_code": 502, "message": "' })
  })

  it('leaves no prefix of an echoed secret when the time limit or the signal cuts the body', async () => {
    const key = 'S3cr3tApiKey12345'
    const stalled = () => {
      const stream = new ReadableStream({
        start(c) {
          c.enqueue(new TextEncoder().encode(`error for key ${key.slice(0, 10)}`))
        },
      })
      return new Response(stream, { status: 401 })
    }
    const request = { headers: { 'X-Api-Key': key } }
    const timedOut = await ApiError.fromResponse(stalled(), { request, timeoutMs: 50 })
    const controller = new AbortController()
    setTimeout(() => controller.abort(), 50)
    const aborted = await ApiError.fromResponse(stalled(), { request, signal: controller.signal })
    for (const error of [timedOut, aborted]) {
      expect(error.body).toBe('error for key ')
      expect(JSON.stringify(error)).not.toContain(key.slice(0, 6))
    }
  })

  it("leaves no start of an echoed secret with punctuation in it when the time limit cuts the body, in any echo's form", async () => {
    const stalled = (text: string) =>
      new Response(
        new ReadableStream({
          start(c) {
            c.enqueue(new TextEncoder().encode(text))
          },
        }),
        { status: 400 },
      )
    const cases: Array<[string, string, string]> = [
      // [password, what the server wrote before it stalled, the body kept]
      ['CorrectHorse,Battery42', 'Login failed, you typed CorrectHorse,Batt', 'Login failed, you typed '],
      ['Pa55[word]Zq9x', 'you typed Pa55[wo', 'you typed '],
      ['S3cretPart"Zq9x', '{"message":"you typed S3cretPart\\"Zq', '{"message":"you typed '],
      ["S3cretPart'Zq9x", "you typed S3cretPart'Z", 'you typed '],
      ['Secret1234{Zq9x', 'you typed Secret1234{Z', 'you typed '],
      ['Secret1234<Zq9x', 'you typed Secret1234&lt;Z', 'you typed '],
    ]
    for (const [password, written, kept] of cases) {
      const request = { url: 'https://x.test/login', body: JSON.stringify({ user: 'ann', password }) }
      const error = await ApiError.fromResponse(stalled(written), { request, timeoutMs: 50 })
      expect(error.body, written).toBe(kept)
    }
    // What is no start of a secret stays: the words before the cut, and a whole body.
    const request = { body: JSON.stringify({ password: 'CorrectHorse,Battery42' }) }
    expect((await ApiError.fromResponse(stalled('you typed Battery, '), { request, timeoutMs: 50 })).body).toBe(
      'you typed Battery, ',
    )
    const whole = new Response('you typed Correct', { status: 400 })
    expect((await ApiError.fromResponse(whole, { request })).body).toBe('you typed Correct')
  })

  it('turns every Retry-After form into milliseconds, capped, and ignores garbage', async () => {
    const at = (v: string) => get(`/retry?v=${encodeURIComponent(v)}`).then((r) => ApiError.fromResponse(r))
    expect((await at('5')).retryAfterMs).toBe(5000)
    expect((await at('0')).retryAfterMs).toBe(0)
    expect((await at('3600')).retryAfterMs).toBe(60_000)
    expect((await at(new Date(Date.now() - 60_000).toUTCString())).retryAfterMs).toBe(0)
    const future = (await at(new Date(Date.now() + 30_000).toUTCString())).retryAfterMs!
    expect(future).toBeGreaterThan(25_000)
    expect(future).toBeLessThanOrEqual(30_000)
    for (const garbage of ['soon', '-5', '', '1e3', 'NaN'])
      expect((await at(garbage)).retryAfterMs, garbage).toBeUndefined()
    const capped = await get('/retry?v=3600').then((r) => ApiError.fromResponse(r, { maxRetryAfterMs: 120_000 }))
    expect(capped.retryAfterMs).toBe(120_000)
    // No cap asked for: still no longer than a timer can wait.
    for (const wait of ['99999999', '9'.repeat(400)]) {
      const uncapped = await get(`/retry?v=${wait}`).then((r) =>
        ApiError.fromResponse(r, { maxRetryAfterMs: Number.POSITIVE_INFINITY }),
      )
      expect(uncapped.retryAfterMs).toBe(2 ** 31 - 1)
    }
  })

  it('reads the first of two Retry-After headers, as fetch joins them and as axios keeps them', async () => {
    const later = new Date(Date.now() + 30_000).toUTCString()
    for (const [first, second, ms] of [
      ['5', '10', 5000],
      [later, '10', 30_000],
      ['7', later, 7000],
    ] as const) {
      const path = `/retry-twice?v=${encodeURIComponent(first)}&v=${encodeURIComponent(second)}`
      const viaFetch = (await ApiError.fromResponse(await get(path))).retryAfterMs!
      const viaAxios = ApiError.from(await axios.get(`${server.url}${path}`).catch((e: unknown) => e))!.retryAfterMs!
      for (const wait of [viaFetch, viaAxios]) {
        expect(wait, `${first}, ${second}`).toBeGreaterThan(ms - 5000)
        expect(wait, `${first}, ${second}`).toBeLessThanOrEqual(ms)
      }
    }
  })

  it('reads the first non-blank value of a repeated request id header, as fetch, axios and got join it', async () => {
    const many = Array.from({ length: 50 }, (_, i) => `id-${i}`)
    for (const [values, id] of [
      [['api-1', 'gateway-2'], 'api-1'],
      [['', ' ', 'gateway-2'], 'gateway-2'],
      [many, 'id-0'],
    ] as const) {
      const path = `/id-many?${values.map((v) => `v=${encodeURIComponent(v)}`).join('&')}`
      const viaFetch = await ApiError.fromResponse(await get(path))
      const viaAxios = ApiError.from(await rejectionOf(axios.get(`${server.url}${path}`)))
      const viaGot = ApiError.from(await rejectionOf(got(`${server.url}${path}`, { retry: { limit: 0 } })))
      for (const error of [viaFetch, viaAxios, viaGot]) expect(error?.requestId, values.join()).toBe(id)
    }
  })

  it('consumes the body of the Response it reads', async () => {
    const response = await get('/api?status=404')
    await ApiError.fromResponse(response)
    expect(response.bodyUsed).toBe(true)
  })
})

group('from, with what real clients throw', () => {
  const clients: Record<string, (url: string) => Promise<unknown>> = {
    axios: (url) => axios.get(url),
    ky: (url) => ky.get(url, { retry: 0 }),
    ofetch: (url) => ofetch(url, { retry: 0 }),
    got: (url) => got(url, { retry: { limit: 0 } }),
  }

  for (const [name, call] of Object.entries(clients)) {
    it(`${name}: a 402 and a 429 become typed errors with the body the client read`, async () => {
      const thrown = await call(`${server.url}/api?status=402`).catch((e: unknown) => e)
      const error = ApiError.from(thrown)
      expect(error).toMatchObject({ status: 402, code: 'ACCOUNT_SUSPENDED', requestId: 'req-402' })
      if (name !== 'ky') expect(error?.serverMessage).toBe('server 402')
      // The cause stands for the client's error, a copy with its name and message (no secret in them here).
      const cause = error?.cause as Error | undefined
      expect(cause).toBeInstanceOf(Error)
      expect(cause).not.toBe(thrown)
      expect([cause?.name, cause?.message]).toEqual([(thrown as Error).name, (thrown as Error).message])
      expect(error?.unredactedCause).toBe(thrown)
      const limited = ApiError.from(await call(`${server.url}/retry?v=2`).catch((e: unknown) => e))
      expect(limited).toMatchObject({ status: 429, code: 'TOO_MANY_REQUESTS', retryable: true, retryAfterMs: 2000 })
    })

    it(`${name}: fromResponse given the client's error reads what from reads (the body the client read, or its unread Response)`, async () => {
      const thrown = await call(`${server.url}/api?status=402`).catch((e: unknown) => e)
      const error = await ApiError.fromResponse(thrown)
      expect(error).toMatchObject({
        status: 402,
        code: 'ACCOUNT_SUSPENDED',
        requestId: 'req-402',
        serverMessage: 'server 402',
      })
      expect(error.message).not.toContain('fromResponse expects')
      expect(error.unredactedCause).toBe(thrown)
    })

    it(`${name}: a network failure is not an API error`, async () => {
      const thrown = await call(`${server.url}/reset`).catch((e: unknown) => e)
      expect(thrown).toBeInstanceOf(Error)
      expect(ApiError.from(thrown)).toBeUndefined()
    })
  }
})

group('the request given beside the one a client kept, answered from a URL with a query', () => {
  const TOKEN = 'sekret-bearer-token-1234'
  const headers = { Authorization: `Bearer ${TOKEN}` }
  const request = { url: 'https://api.test/other' }
  const readers: Record<string, (url: string) => Promise<ApiError | undefined>> = {
    'axios, from': (url) =>
      axios.get(url, { headers }).then(
        () => undefined,
        (e) => ApiError.from(e, { request }),
      ),
    'got, from': (url) =>
      got(url, { headers, retry: { limit: 0 } }).then(
        () => undefined,
        (e) => ApiError.from(e, { request }),
      ),
    'ky, fromResponse': (url) =>
      ky(url, { headers, retry: 0 }).then(
        () => undefined,
        (e) => ApiError.fromResponse(e, { request }),
      ),
  }
  for (const [name, read] of Object.entries(readers)) {
    it(`${name}: the token the client sent is scrubbed where the server echoes it`, async () => {
      for (const query of ['', '?camera=100d4c41']) {
        const error = await read(`${server.url}/echo-bearer${query}`)
        expect(error?.serverMessage, query).toBe('[REDACTED] was rejected')
        expect(JSON.stringify(error)).not.toContain(TOKEN)
      }
    })
  }
})

group('misuse, named', () => {
  it('a value that is no Response resolves to an error that says so, naming what it got', async () => {
    const cases: [unknown, string][] = [
      [undefined, 'undefined'],
      [null, 'null'],
      ['https://x.test', "the string 'https://x.test'"],
      [{ status: 404 }, 'an object'],
      // Shaped like what a client read, but no client's error.
      [{ status: 404, data: { message: 'x' } }, 'an object'],
      // A client's own error with a success status failed for another reason: no API error in it.
      [{ name: 'HTTPError', status: 200 }, 'an object'],
      [404, '404'],
    ]
    for (const [value, named] of cases) {
      const error = await ApiError.fromResponse(value)
      expect(error).toBeInstanceOf(ApiError)
      expect(error).toMatchObject({ status: 0, code: 'UNKNOWN', known: false })
      expect(error.message).toContain(`fromResponse expects a fetch Response, got ${named}`)
    }
  })

  it("a client's error holding a Response (ky's HTTPError) reads that Response, with the request the client kept, and one given beside it; one that holds no Response is named", async () => {
    // The key is only in the URL ky sent: the answer came from the URL it was redirected to.
    const thrown = () => rejectionOf(ky.get(`${server.url}/moved-key?A=QWERTY123`, { retry: 0 }))
    const echoed = { status: 401, code: 'UNAUTHORIZED', serverMessage: 'media key [REDACTED] is not valid' }
    expect(await ApiError.fromResponse(await thrown())).toMatchObject(echoed)
    expect(await ApiError.fromResponse(await thrown(), { request: { url: `${server.url}/` } })).toMatchObject(echoed)
    // What it holds looks like a Response but is none (its headers a function): named, read once, no loop.
    const odd = { name: 'HTTPError', response: { status: 401, bodyUsed: false, headers: () => {} } }
    expect((await ApiError.fromResponse(odd)).message).toContain('fromResponse expects a fetch Response')
  })

  it("a status outside 100-599 (600, 999) is 0, named in the message, with the server's words: from fetch's Response and from ky's error holding one", async () => {
    for (const status of [600, 999]) {
      const fetched = await ApiError.fromResponse(await get(`/api?status=${status}`))
      const thrown = await rejectionOf(ky.get(`${server.url}/api?status=${status}`, { retry: 0 }))
      for (const error of [fetched, await ApiError.fromResponse(thrown)]) {
        expect(error).toMatchObject({ status: 0, code: 'UNKNOWN', serverMessage: `server ${status}` })
        expect(error.requestId).toBe(`req-${status}`)
        expect(error.message).toBe(
          `0 UNKNOWN: Not a valid HTTP status (server: server ${status}) (the status ${status} is outside 100-599)`,
        )
      }
      // from has no status to give: the status is none an ApiError holds.
      expect(ApiError.from(thrown)).toBeUndefined()
    }
  })

  it("ky's error whose Response the app already read: fromResponse reads the error as from does, not as no Response", async () => {
    const thrown = (await ky.get(`${server.url}/api?status=402`, { retry: 0 }).catch((e: unknown) => e)) as {
      response: Response
    }
    await thrown.response.text()
    const error = await ApiError.fromResponse(thrown)
    expect(error).toMatchObject({ status: 402, code: 'ACCOUNT_SUSPENDED', requestId: 'req-402' })
    expect(error.message).not.toContain('fromResponse expects')
    expect(error.unredactedCause).toBe(thrown)
  })

  it('an operation not from defineOperation, or a subclass whose constructor throws: fromResponse and from still give a plain ApiError that says so', async () => {
    const respond = () =>
      new Response('{"message":"Account is suspended"}', { status: 402, headers: { 'x-request-id': 'r-1' } })
    class Throwing extends ApiError {
      constructor(status: number) {
        super(status)
        throw new Error('subclass bug')
      }
    }
    const trap = new Proxy(
      {},
      {
        get: () => {
          throw new Error('trap')
        },
      },
    )
    for (const made of [
      ApiError.fromResponse(respond(), { operation: { name: 'x' } as never }),
      ApiError.fromResponse(respond(), { operation: trap as never }),
      Throwing.fromResponse(respond()),
      ApiError.from({ status: 402, headers: { 'x-request-id': 'r-1' } }, { operation: { name: 'x' } as never }),
      Throwing.from({ status: 402, headers: { 'x-request-id': 'r-1' } }),
    ]) {
      const error = await made
      expect(Object.getPrototypeOf(error)).toBe(ApiError.prototype)
      expect(error).toMatchObject({ status: 402, code: 'ACCOUNT_SUSPENDED', requestId: 'r-1' })
      expect(error?.operation).toBeUndefined()
      expect(error?.message).toContain('so it is a plain ApiError; an operation must come from defineOperation')
    }
  })

  it('reads the URL and headers of a request whose body is locked, and still resolves', async () => {
    const request = new Request('https://x.test/?token=url-token-123', {
      method: 'POST',
      body: 'password=body-pass-123',
    })
    request.body?.getReader()
    const echo = new Response('{"message":"bad url-token-123"}', { status: 401 })
    const error = await ApiError.fromResponse(echo, { request })
    expect(error.serverMessage).toBe('bad [REDACTED]')
  })

  it("reads a request's body that never ends within the caller's timeoutMs and signal, not a second more", async () => {
    const never = () =>
      new Request('https://x.test/?api_key=Zq9xLm2Pw7', {
        method: 'POST',
        body: new ReadableStream({ pull: () => new Promise(() => {}) }),
        duplex: 'half',
      } as RequestInit)
    const echo = () => new Response('{"message":"bad Zq9xLm2Pw7"}', { status: 401 })
    for (const options of [() => ({ timeoutMs: 50 }), () => ({ signal: AbortSignal.timeout(50) })]) {
      const started = performance.now()
      const error = await ApiError.fromResponse(echo(), { ...options(), request: never() })
      expect(performance.now() - started).toBeLessThan(500)
      expect(error.serverMessage).toBe('bad [REDACTED]')
    }
  })

  it("reads a request's body while the response's is read, so a response that stalls to timeoutMs leaves it no less time", async () => {
    const encode = (text: string) => new TextEncoder().encode(text)
    let pulled = () => {}
    const requestRead = new Promise<void>((resolve) => {
      pulled = resolve
    })
    const request = new Request('https://x.test/', {
      method: 'POST',
      // Pulled only when read (a stream pulls at once to fill a queue of one chunk).
      body: new ReadableStream(
        {
          pull(c) {
            pulled()
            c.enqueue(encode('{"password":"Pq7mZx92Lk"}'))
            c.close()
          },
        },
        { highWaterMark: 0 },
      ),
      duplex: 'half',
    } as RequestInit)
    // The response's body ends only once the request's is being read: read one after the other, the
    // response would stall to the time limit, its text cut before the echo, and the request get no time.
    const response = new Response(
      new ReadableStream({
        start: (c) => c.enqueue(encode('{"message": "bad ')),
        async pull(c) {
          await requestRead
          c.enqueue(encode('Pq7mZx92Lk"}'))
          c.close()
        },
      }),
      { status: 401 },
    )
    const error = await ApiError.fromResponse(response, { timeoutMs: 5_000, request })
    expect(error.body).toEqual({ message: 'bad [REDACTED]' })
    expect(error.serverMessage).toBe('bad [REDACTED]')
  })

  it('names each misuse it finds, one after the other', async () => {
    const response = new Response('{"message":"Account is suspended"}', { status: 402 })
    await response.text()
    const request = new Request('https://x.test/', { method: 'POST', body: 'password=Pq7mZx92Lk' })
    await request.text()
    expect((await ApiError.fromResponse(response, { request })).message).toBe(
      '402 ACCOUNT_SUSPENDED: Account is suspended (its body was already read: call fromResponse before reading it; ' +
        "the request's body was sent, so its secrets are unknown: fetch a clone of the Request, or pass { url, headers, body })",
    )
  })

  it("a 2xx Response gives an UNKNOWN error, as the types say, with the table's words and a note that the status is no error status", async () => {
    for (const status of [200, 201, 202, 204] as const) {
      const ok = await ApiError.fromResponse(new Response(null, { status }))
      expect(ok).toMatchObject({ status, code: 'UNKNOWN', known: false, retryable: false })
      expect(ok.meaning).toBe(documentedRows.find((row) => row.status === status)?.meaning)
      expect(ok.message).toContain(`${status} is not an error status`)
    }
    const unlisted = await ApiError.fromResponse(new Response(null, { status: 299 }))
    expect(unlisted).toMatchObject({ status: 299, code: 'UNKNOWN', known: false })
    expect(unlisted.message).toContain('299 is not an error status')
    const error = await ApiError.fromResponse(new Response(null, { status: 404 }))
    expect(error.message).not.toContain('not an error status')
  })
})

group('fromResponse: what is a Response, and the request it knows of', () => {
  routes['/echo'] = (res, url) => {
    res.writeHead(401, { 'content-type': 'application/json' })
    res.end(JSON.stringify({ message: `bad key ${url.searchParams.get('api_key')}` }))
  }

  it('scrubs a secret of the response’s own URL that the server echoes, with no request given', async () => {
    const error = await ApiError.fromResponse(await get('/echo?api_key=Zq9xLm2Pw7'))
    expect(error.serverMessage).toBe('bad key [REDACTED]')
    expect(JSON.stringify(error)).not.toContain('Zq9xLm2Pw7')
  })

  routes['/echo-at-cap'] = (res, url) => {
    res.writeHead(401, { 'content-type': 'text/plain' })
    // The echo starts 10 bytes before a 2,000-byte cap and runs far past it.
    res.end(`${'x'.repeat(1990)}${url.searchParams.get('api_key')}${'y'.repeat(20_000)}`)
  }

  it('scrubs an echoed request secret of 8,000 characters that straddles the body cap: no prefix is left', async () => {
    const key = `K3y${'Qw7'.repeat(2999)}`.slice(0, 8000)
    const error = await ApiError.fromResponse(await get(`/echo-at-cap?api_key=${key}`), { maxBodyBytes: 2000 })
    expect(error.body).toBe(`${'x'.repeat(1990)}[REDACTED]`.slice(0, 2000))
    expect(JSON.stringify(error)).not.toContain('K3yQw7')
  })

  it('reads a request given as { url, headers, body } whole, also one whose prototype cannot be asked for (a Proxy)', async () => {
    const fields = { url: 'https://x.test/login', headers: {}, body: 'user=ann&password=Pq7mZx92Lk' }
    const opaque = new Proxy(fields, {
      getPrototypeOf() {
        throw new Error('hostile')
      },
    })
    for (const request of [fields, opaque]) {
      const echo = new Response('{"message":"bad password Pq7mZx92Lk"}', { status: 401 })
      expect((await ApiError.fromResponse(echo, { request })).serverMessage).toBe('bad password [REDACTED]')
    }
  })

  it("reads a request that lacks one of a Request's members (clone, method, bodyUsed) as { url, headers, body }: its body's secrets count", async () => {
    // Cloned, each would lose its body: the clone throws.
    const clone = () => {
      throw new TypeError('not a Request')
    }
    const fields = { url: 'https://x.test/login', headers: {}, body: 'user=ann&password=Pq7mZx92Lk' }
    const throwsOnClone = new Proxy(
      { ...fields, method: 'POST', bodyUsed: false },
      { get: (target, key) => (key === 'clone' ? clone() : Reflect.get(target, key)) },
    )
    for (const request of [
      { ...fields, method: 'POST', bodyUsed: false },
      { ...fields, clone, bodyUsed: false },
      { ...fields, clone, method: 'POST' },
      throwsOnClone,
    ]) {
      const echo = new Response('{"message":"bad Pq7mZx92Lk"}', { status: 401 })
      expect((await ApiError.fromResponse(echo, { request })).serverMessage).toBe('bad [REDACTED]')
    }
  })

  it('says nothing of a sent body for a Request whose URL cannot be read', async () => {
    const request = new Proxy(new Request('https://x.test/', { method: 'POST', body: 'x' }), {
      get: (target, key) => {
        if (key === 'url') throw new Error('hostile')
        const value = Reflect.get(target, key, target)
        return typeof value === 'function' ? value.bind(target) : value
      },
    })
    const error = await ApiError.fromResponse(new Response('{"message":"nope"}', { status: 401 }), { request })
    expect(error.serverMessage).toBe('nope')
    expect(error.message).not.toContain('was sent')
  })

  it("reads the body of node-fetch's Request (ofetch brings it) as a Request's: the password the server echoes is scrubbed", async () => {
    const nodeFetch = await import('node-fetch-native/node')
    const request = new nodeFetch.Request(`${server.url}/weak-password`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ password: 'Kw3vTq8Rn2' }),
    })
    expect(request).not.toBeInstanceOf(Request)
    const response = await nodeFetch.fetch(request.clone())
    const error = await ApiError.fromResponse(response, { request })
    expect([error.status, error.serverMessage]).toEqual([400, '[REDACTED] is too weak'])
  })

  it('says nothing of a sent body for an object that only looks like a Request (its getters throw)', async () => {
    const request = Object.create(Request.prototype) as Request
    const error = await ApiError.fromResponse(new Response('{"message":"nope"}', { status: 401 }), { request })
    expect(error.serverMessage).toBe('nope')
    expect(error.message).not.toContain('was sent')
  })

  it('an object whose status is no number, or whose headers are null, is no Response: the message says so', async () => {
    // Each with a boolean bodyUsed, as a Response has: the status or the headers alone say no.
    for (const value of [
      { status: '404', headers: {}, bodyUsed: false },
      { status: 404, headers: null, bodyUsed: false },
      { status: 404, headers: 'content-type: text/plain', bodyUsed: false },
    ]) {
      const error = await ApiError.fromResponse(value)
      expect(error.status).toBe(0)
      expect(error.message).toContain('(fromResponse expects a fetch Response, got an object)')
    }
  })

  it('says a 2xx is no error status only for a 2xx: not for 199, 300 or an error status', async () => {
    const note = (status: number) => `${status} is not an error status: check res.ok first`
    expect((await ApiError.fromResponse(new Response(null, { status: 200 }))).message).toContain(note(200))
    expect((await ApiError.fromResponse(new Response(null, { status: 299 }))).message).toContain(note(299))
    for (const status of [300, 404]) {
      expect((await ApiError.fromResponse(new Response(null, { status }))).message).not.toContain('not an error status')
    }
    // A Response cannot be made with 199; a Response-like object can.
    const informational = await ApiError.fromResponse({
      status: 199,
      headers: new Headers(),
      body: null,
      bodyUsed: false,
    })
    expect(informational.status).toBe(199)
    expect(informational.message).not.toContain('not an error status')
  })

  it("names a value with a status and headers but no bodyUsed as no Response: axios' response object, a plain object", async () => {
    const axiosResponse = await axios.get(`${server.url}/api?status=402`, { validateStatus: () => true })
    for (const value of [
      axiosResponse,
      { status: 404, headers: {} },
      { status: 404, headers: new Headers(), data: {} },
      // A bodyUsed, but headers that are none.
      { status: 404, bodyUsed: false, headers: null, body: null },
      { status: 404, bodyUsed: false, headers: 'content-type: text/plain', body: null },
    ]) {
      const error = await ApiError.fromResponse(value)
      expect([error.status, error.message]).toEqual([
        0,
        expect.stringContaining('fromResponse expects a fetch Response'),
      ])
    }
    // What from reads it as, instead.
    const read = ApiError.from(axiosResponse)
    expect(read?.status).toBe(402)
    expect(read?.body).toMatchObject({ status_code: 402 })
  })

  it('says so when the body is locked by a reader, and when the Response has no status', async () => {
    const locked = new Response('{"message":"Account is suspended"}', { status: 402 })
    locked.body?.getReader()
    const error = await ApiError.fromResponse(locked)
    expect(error.message).toBe(
      '402 ACCOUNT_SUSPENDED: Account is suspended (its body is locked by a reader: call fromResponse before reading it)',
    )
    const failed = await ApiError.fromResponse(Response.error())
    expect(failed.status).toBe(0)
    expect(failed.message).toContain(
      '(the Response has no status: a network error (Response.error()) or a no-cors answer)',
    )
    expect((await ApiError.fromResponse(new Response('{}', { status: 402 }))).message).not.toMatch(/locked|no status/)
  })

  it("names a redirect not followed, whose status a browser hides (an opaqueredirect Response of redirect: 'manual')", async () => {
    // Node gives the 301 itself; a browser's Response of type opaqueredirect has status 0 (test/matrix runs the real one).
    const hidden = Object.defineProperty(Response.error(), 'type', { value: 'opaqueredirect' })
    const error = await ApiError.fromResponse(hidden)
    expect(error.status).toBe(0)
    expect(error.message).toBe(
      "0 UNKNOWN: Not a valid HTTP status (the Response has no status: a redirect not followed (redirect: 'manual'))",
    )
  })

  it('from says a 2xx is no error status, for a Response and for any object with a status', () => {
    for (const value of [new Response('ok', { status: 200 }), { status: 204 }, { statusCode: 201 }]) {
      expect(ApiError.from(value)?.message).toMatch(/ \((200|204|201) is not an error status: check res.ok first\)$/)
    }
    expect(ApiError.from({ status: 404 })?.message).not.toContain('not an error status')
    expect(ApiError.from({ status: 302 })?.message).not.toContain('not an error status')
  })

  it('reads what ofetch.raw kept of the body it read (`_data`), as from does, not as a body already read', async () => {
    const url = `${server.url}/api?status=402`
    const res = await ofetch.raw(url, { retry: 0, ignoreResponseError: true })
    expect(res.bodyUsed).toBe(true)
    const error = await ApiError.fromResponse(res)
    expect(error).toMatchObject({ status: 402, serverMessage: 'server 402', requestId: 'req-402', reason: 'Reason402' })
    expect(error.message).not.toContain('already read')
    expect(error.toJSON()).toEqual(ApiError.from(res)?.toJSON())
    expect(error.cause).toBeUndefined()
  })

  it('says so when the body was already read, and only then', async () => {
    const note = 'its body was already read: call fromResponse before reading it'
    const read = new Response('{"message":"Account is suspended"}', { status: 402 })
    await read.text()
    const error = await ApiError.fromResponse(read)
    expect(error).toMatchObject({ status: 402, code: 'ACCOUNT_SUSPENDED' })
    expect(error.body).toBeUndefined()
    expect(error.message).toBe(`402 ACCOUNT_SUSPENDED: Account is suspended (${note})`)
    const both = new Response('{}', { status: 200 })
    await both.json()
    expect((await ApiError.fromResponse(both)).message).toContain(
      `200 is not an error status: check res.ok first; ${note}`,
    )
    const unread = await ApiError.fromResponse(new Response('{"message":"x"}', { status: 402 }))
    expect(unread.message).not.toContain('already read')
    expect((await ApiError.fromResponse(new Response(null, { status: 402 }))).message).not.toContain('already read')
  })

  it('parses a JSON string body under a JSON content type, brackets and all', async () => {
    const res = new Response('"over {quota} [today]"', { status: 429, headers: { 'content-type': 'application/json' } })
    expect((await ApiError.fromResponse(res)).body).toBe('over {quota} [today]')
    const tight = new Response('"{quota}"', { status: 429, headers: { 'content-type': 'application/json' } })
    expect((await ApiError.fromResponse(tight)).body).toBe('{quota}')
    // The same text as text/plain stays the text it is.
    const plain = new Response('"over {quota}"', { status: 429, headers: { 'content-type': 'text/plain' } })
    expect((await ApiError.fromResponse(plain)).body).toBe('"over {quota}"')
  })

  it("gives the status, code and meaning as the message, and the server's words only when they differ", async () => {
    const same = new Response(JSON.stringify({ status_code: 402, message: 'Account is suspended' }), { status: 402 })
    expect((await ApiError.fromResponse(same)).message).toBe('402 ACCOUNT_SUSPENDED: Account is suspended')
    const other = new Response(JSON.stringify({ message: 'Billing overdue' }), { status: 402 })
    expect((await ApiError.fromResponse(other)).message).toBe(
      '402 ACCOUNT_SUSPENDED: Account is suspended (server: Billing overdue)',
    )
  })
})
