import { getEventListeners } from 'node:events'
import type { ServerResponse } from 'node:http'
import type { Socket } from 'node:net'
import { Readable } from 'node:stream'
import { gzipSync } from 'node:zlib'
import fc from 'fast-check'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { parseBody, parseRetryAfter, readBodyText, requestIdFrom, serverFields } from '../src/response.js'
import { startServer, type TestServer } from './fixtures/server.js'

// A real server on 127.0.0.1; each route is one way a response can look or misbehave.

const MiB = 1024 * 1024
let server: TestServer
let gzipBomb: Buffer
/** The server side of the connection that served the latest request of each path. */
const socketOf = new Map<string, Socket>()
/** Intervals a route started; stopped when its connection closes, and in afterAll at the latest. */
const intervals = new Set<ReturnType<typeof setInterval>>()

function drip(res: ServerResponse, chunk: string): void {
  res.writeHead(200, { 'content-type': 'text/plain' })
  res.write(chunk)
  const interval = setInterval(() => res.write(chunk), 20)
  intervals.add(interval)
  res.on('close', () => {
    clearInterval(interval)
    intervals.delete(interval)
  })
}

/** Sends `part`, then kills the connection once it has been flushed. */
function breakAfter(res: ServerResponse, part: string, kill: (socket: Socket) => void): void {
  res.writeHead(200, { 'content-type': 'text/plain' })
  res.write(part, () => setTimeout(() => kill(res.socket!), 50))
}

const routes: Record<string, (res: ServerResponse, query: URLSearchParams) => void> = {
  '/api': (res, query) => {
    const status = Number(query.get('status'))
    const headers: Record<string, string> = { 'content-type': 'application/json', 'x-request-id': `req-${status}` }
    if (status === 429) headers['retry-after'] = '5'
    res.writeHead(status, headers)
    res.end(
      JSON.stringify({ status_code: status, message: query.get('message'), reason: query.get('reason'), data: {} }),
    )
  },
  '/problem': (res) => {
    res.writeHead(403, { 'content-type': 'application/problem+json; charset=utf-8', 'request-id': 'prob-1' })
    res.end(
      JSON.stringify({
        type: 'https://example.com/probs/forbidden',
        title: 'Forbidden',
        status: 403,
        detail: 'You may not view camera 1000abcd',
        instance: '/g/device/1000abcd',
      }),
    )
  },
  '/html': (res) => {
    res.writeHead(502, { 'content-type': 'text/html' })
    res.end('<html><body><h1>502 Bad Gateway</h1><hr>nginx</body></html>\n')
  },
  '/empty': (res) => {
    res.writeHead(500, { 'content-type': 'application/json' })
    res.end()
  },
  '/no-content': (res) => {
    res.writeHead(204)
    res.end()
  },
  '/malformed': (res) => {
    res.writeHead(500, { 'content-type': 'application/json' })
    res.end('{"status_code": 500, "message": "Internal Error')
  },
  '/trailing-commas': (res) => {
    res.writeHead(402, { 'content-type': 'application/json' })
    res.end('{\n  "status_code": 402,\n  "message": "Account is suspended",\n  "data": [1, 2,],\n}\n')
  },
  '/big': (res) => {
    res.writeHead(500, { 'content-type': 'text/plain' })
    res.end('x'.repeat(5 * MiB))
  },
  '/forever': (res) => drip(res, 'tick\n'),
  '/stall': (res) => {
    res.writeHead(504, { 'content-type': 'application/json' })
    res.flushHeaders()
  },
  '/destroyed': (res) => breakAfter(res, 'first part', (socket) => socket.destroy()),
  '/reset': (res) => breakAfter(res, 'before reset', (socket) => socket.resetAndDestroy()),
  '/gzip-bomb': (res) => {
    res.writeHead(500, { 'content-type': 'text/plain', 'content-encoding': 'gzip' })
    res.end(gzipBomb)
  },
  '/invalid-utf8': (res) => {
    res.writeHead(500, { 'content-type': 'text/plain' })
    res.end(Buffer.from([0x61, 0xff, 0x62, 0xc0, 0xaf, 0x63, 0xe2, 0x82]))
  },
  '/straddle': (res) => {
    res.writeHead(500, { 'content-type': 'text/plain' })
    res.end('aa€b😀') // 2 + 3 + 1 + 4 bytes
  },
  '/says-json-sends-html': (res) => {
    res.writeHead(502, { 'content-type': 'application/json' })
    res.end('<html>Bad Gateway</html>')
  },
  '/says-text-sends-json': (res) => {
    res.writeHead(400, { 'content-type': 'text/plain' })
    res.end('  {"message": "Bad request", "reason": "MissingField"}')
  },
  '/deep': (res) => {
    res.writeHead(400, { 'content-type': 'application/json' })
    res.end(`${'['.repeat(100_000)}${']'.repeat(100_000)}`)
  },
  '/huge-numbers': (res) => {
    res.writeHead(400, { 'content-type': 'application/json' })
    res.end(`{"id": 123456789012345678901234567890, "big": 1e400, "long": ${'9'.repeat(5000)}, "tiny": 1e-400}`)
  },
}

beforeAll(async () => {
  gzipBomb = gzipSync(Buffer.alloc(50 * MiB))
  server = await startServer((req, res) => {
    const url = new URL(req.url!, 'http://x')
    socketOf.set(url.pathname, req.socket)
    const route = routes[url.pathname]
    if (!route) throw new Error(`no route ${url.pathname}`)
    route(res, url.searchParams)
  })
})

afterAll(async () => {
  for (const interval of intervals) clearInterval(interval)
  await server.close()
})

afterEach(() => {
  vi.unstubAllGlobals()
})

function get(path: string, init?: RequestInit): Promise<Response> {
  return fetch(`${server.url}${path}`, init)
}

/** Resolves `true` once the server side of `path`'s connection has closed, `false` after `ms`. */
function closed(path: string, ms = 2_000): Promise<boolean> {
  const socket = socketOf.get(path)!
  if (socket.destroyed) return Promise.resolve(true)
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms)
    socket.once('close', () => {
      clearTimeout(timer)
      resolve(true)
    })
  })
}

function timers(): number {
  return process.getActiveResourcesInfo().filter((name) => name === 'Timeout').length
}

async function timed<T>(promise: Promise<T>): Promise<[T, number]> {
  const start = performance.now()
  const value = await promise
  return [value, performance.now() - start]
}

/** A web stream that yields `chunks`, then stays open forever (or closes when `close`). */
function streamOf(chunks: unknown[], close = true): ReadableStream<unknown> {
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk)
      if (close) controller.close()
    },
  })
}

const bytes = (...values: number[]) => new Uint8Array(values)

describe('readBodyText and parseBody against a real server', () => {
  it.each([
    [402, 'Account is suspended', 'AccountSuspended'],
    [401, 'Supplied credentials are not valid', 'InvalidCredentials'],
    [429, 'Too many requests', 'RateLimited'],
    [463, 'Unable to communicate with the camera or bridge', 'DeviceOffline'],
  ])("reads the API's {status_code, message, reason, data} body of a %i", async (status, message, reason) => {
    const res = await get(`/api?${new URLSearchParams({ status: String(status), message, reason })}`)
    expect(res.status).toBe(status)
    const read = await readBodyText(res)
    expect(read).toStrictEqual({ text: expect.any(String), truncated: false })
    const body = parseBody(read.text, res.headers.get('content-type'))
    expect(body).toStrictEqual({ status_code: status, message, reason, data: {} })
    expect(serverFields(body)).toStrictEqual({ serverMessage: message, reason })
    expect(requestIdFrom(res.headers)).toBe(`req-${status}`)
    expect(parseRetryAfter(res.headers.get('retry-after'))).toBe(status === 429 ? 5_000 : undefined)
    expect(res.bodyUsed).toBe(true)
  })

  it('reads RFC 9457 problem+json: detail is the message, type and instance are not', async () => {
    const res = await get('/problem')
    const body = parseBody((await readBodyText(res)).text, res.headers.get('content-type'))
    expect(body).toMatchObject({ title: 'Forbidden', status: 403 })
    expect(serverFields(body)).toStrictEqual({ serverMessage: 'You may not view camera 1000abcd' })
    expect(requestIdFrom(res.headers)).toBe('prob-1')
  })

  it("keeps a proxy's HTML page as text, with no server message", async () => {
    const res = await get('/html')
    const { text } = await readBodyText(res)
    expect(parseBody(text, res.headers.get('content-type'))).toBe(
      '<html><body><h1>502 Bad Gateway</h1><hr>nginx</body></html>\n',
    )
    expect(serverFields(parseBody(text, 'text/html'))).toStrictEqual({})
  })

  it('gives empty text for an empty body and for no body at all, and undefined as data', async () => {
    const empty = await get('/empty')
    expect(await readBodyText(empty)).toStrictEqual({ text: '', truncated: false })
    expect(parseBody('', 'application/json')).toBeUndefined()
    const noContent = await get('/no-content')
    expect(noContent.body).toBeNull()
    expect(await readBodyText(noContent)).toStrictEqual({ text: '', truncated: false })
  })

  it('gives empty text for a body already read', async () => {
    const res = await get('/api?status=402&message=m&reason=r')
    await res.text()
    expect(await readBodyText(res)).toStrictEqual({ text: '', truncated: false })
  })

  it('keeps malformed JSON as text', async () => {
    const res = await get('/malformed')
    const { text } = await readBodyText(res)
    expect(parseBody(text, res.headers.get('content-type'))).toBe('{"status_code": 500, "message": "Internal Error')
  })

  it("parses JSON with the API docs' trailing commas", async () => {
    const res = await get('/trailing-commas')
    const body = parseBody((await readBodyText(res)).text, res.headers.get('content-type'))
    expect(body).toStrictEqual({ status_code: 402, message: 'Account is suspended', data: [1, 2] })
  })

  it('bounds a 5 MiB body to the cap, quickly, and releases the connection', async () => {
    const res = await get('/big')
    const [read, ms] = await timed(readBodyText(res))
    expect(read).toStrictEqual({ text: 'x'.repeat(65_536), truncated: true })
    expect(ms).toBeLessThan(1_000)
    expect(await closed('/big')).toBe(true)
  })

  it('honours a custom cap', async () => {
    const res = await get('/big')
    expect(await readBodyText(res, { maxBodyBytes: 10 })).toStrictEqual({ text: 'x'.repeat(10), truncated: true })
  })

  it('stops a body that never ends at timeoutMs, keeps what came, and releases the connection', async () => {
    const res = await get('/forever')
    const [read, ms] = await timed(readBodyText(res, { timeoutMs: 300 }))
    expect(read.incomplete).toBe('timeout')
    expect(read.truncated).toBe(false)
    expect(read.text).toMatch(/^(tick\n)+$/)
    expect(ms).toBeGreaterThanOrEqual(250)
    expect(ms).toBeLessThan(2_000)
    expect(await closed('/forever')).toBe(true)
  })

  it('stops a body that stalls right after the headers', async () => {
    const res = await get('/stall')
    const [read, ms] = await timed(readBodyText(res, { timeoutMs: 300 }))
    expect(read).toStrictEqual({ text: '', truncated: false, incomplete: 'timeout' })
    expect(ms).toBeLessThan(2_000)
    expect(await closed('/stall')).toBe(true)
  })

  it('keeps what arrived when the server destroys the socket mid-body', async () => {
    const res = await get('/destroyed')
    expect(await readBodyText(res)).toStrictEqual({ text: 'first part', truncated: false, incomplete: 'error' })
  })

  it('keeps what arrived when the connection is reset', async () => {
    const res = await get('/reset')
    expect(await readBodyText(res)).toStrictEqual({ text: 'before reset', truncated: false, incomplete: 'error' })
  })

  it('holds the cap on decoded bytes against a gzip bomb (50 MB of zeros)', async () => {
    expect(gzipBomb.length).toBeLessThan(100_000)
    const res = await get('/gzip-bomb')
    const [read, ms] = await timed(readBodyText(res))
    expect(read).toStrictEqual({ text: '\0'.repeat(65_536), truncated: true })
    // The whole compressed body (under 100 kB) has usually arrived by now, so the connection may stay
    // open for reuse: what matters is that decompression stopped at the cap.
    expect(ms).toBeLessThan(1_000)
  })

  it('decodes invalid UTF-8 to U+FFFD without throwing, including a cut-off last character', async () => {
    const { text } = await readBodyText(await get('/invalid-utf8'))
    // a, FF, b, C0 AF (two invalid bytes), c, E2 82 (a character that never completes).
    expect(text).toBe('a\uFFFDb\uFFFD\uFFFDc\uFFFD')
  })

  it.each([
    [0, '', true],
    [2, 'aa', true],
    [3, 'aa', true], // 1 of the 3 bytes of €
    [4, 'aa', true], // 2 of the 3 bytes of €
    [5, 'aa€', true],
    [6, 'aa€b', true],
    [9, 'aa€b', true], // 3 of the 4 bytes of 😀
    [10, 'aa€b😀', false], // exactly the body
    [11, 'aa€b😀', false],
  ])('cuts at %i bytes without splitting a character', async (maxBodyBytes, text, truncated) => {
    expect(await readBodyText(await get('/straddle'), { maxBodyBytes })).toStrictEqual({ text, truncated })
  })

  it('parses by the first character when the content type lies', async () => {
    const html = await get('/says-json-sends-html')
    expect(parseBody((await readBodyText(html)).text, html.headers.get('content-type'))).toBe(
      '<html>Bad Gateway</html>',
    )
    const json = await get('/says-text-sends-json')
    const body = parseBody((await readBodyText(json)).text, json.headers.get('content-type'))
    expect(serverFields(body)).toStrictEqual({ serverMessage: 'Bad request', reason: 'MissingField' })
  })

  it('keeps 100,000-level nested JSON as text without throwing', async () => {
    const res = await get('/deep')
    const read = await readBodyText(res, { maxBodyBytes: 1 * MiB })
    expect(read.truncated).toBe(false)
    expect(parseBody(read.text, res.headers.get('content-type'))).toBe(read.text)
  })

  it('parses huge numbers as JSON does, without throwing', async () => {
    const res = await get('/huge-numbers')
    const body = parseBody((await readBodyText(res)).text, res.headers.get('content-type')) as Record<string, number>
    expect(body.id).toBe(1.2345678901234568e29)
    expect(body.big).toBe(Number.POSITIVE_INFINITY)
    expect(body.long).toBe(Number.POSITIVE_INFINITY)
    expect(body.tiny).toBe(0)
  })
})

describe('readBodyText: abort, and nothing left behind', () => {
  it('resolves at once with an already aborted signal, and cancels the body', async () => {
    const res = await get('/forever')
    const [read, ms] = await timed(readBodyText(res, { signal: AbortSignal.abort() }))
    expect(read).toStrictEqual({ text: '', truncated: false, incomplete: 'aborted' })
    expect(ms).toBeLessThan(100)
    expect(await closed('/forever')).toBe(true)
  })

  it('stops when the signal aborts during the read, keeping what came, and removes its listener', async () => {
    const controller = new AbortController()
    const res = await get('/forever')
    setTimeout(() => controller.abort(), 200)
    const [read, ms] = await timed(readBodyText(res, { signal: controller.signal }))
    expect(read.incomplete).toBe('aborted')
    expect(read.text).toMatch(/^(tick\n)+$/)
    expect(ms).toBeLessThan(2_000)
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0)
    expect(await closed('/forever')).toBe(true)
  })

  it('removes its abort listener when the read ends normally', async () => {
    const controller = new AbortController()
    const read = await readBodyText(await get('/html'), { signal: controller.signal })
    expect(read.truncated).toBe(false)
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0)
  })

  it('clears its timer in every path', async () => {
    const before = timers()
    await readBodyText({ body: streamOf([bytes(0x61)]) }) // ends
    await readBodyText({ body: streamOf(['xx']) }, { maxBodyBytes: 1 }) // cap
    await readBodyText({ body: streamOf([], false) }, { timeoutMs: 20 }) // timeout
    await readBodyText({ body: streamOf([null]) }) // error
    const controller = new AbortController()
    const aborted = readBodyText({ body: streamOf([], false) }, { signal: controller.signal })
    expect(timers()).toBe(before + 1) // the read's own timer, so the count can see it
    controller.abort()
    await aborted
    expect(timers()).toBe(before)
  })

  it('leaves no timer behind after real reads (default 10 s timeout) that end early', async () => {
    const res = await get('/stall')
    const before = timers()
    const controller = new AbortController()
    const read = readBodyText(res, { signal: controller.signal })
    await new Promise((resolve) => setTimeout(resolve, 50))
    controller.abort()
    expect((await read).incomplete).toBe('aborted')
    expect(timers()).toBeLessThanOrEqual(before)
  })

  it('stops at an abort even while data keeps coming without a pause', async () => {
    const controller = new AbortController()
    let reads = 0
    const reader = {
      read() {
        if (++reads === 3) controller.abort()
        return Promise.resolve({ done: false, value: 'x' })
      },
      cancel() {},
    }
    const read = await readBodyText({ body: { getReader: () => reader } }, { signal: controller.signal })
    expect(read).toStrictEqual({ text: 'xx', truncated: false, incomplete: 'aborted' })
  })

  it('reports an abort that comes before a due timer fires', async () => {
    const controller = new AbortController()
    const read = readBodyText({ body: streamOf([], false) }, { signal: controller.signal, timeoutMs: 0 })
    controller.abort()
    expect((await read).incomplete).toBe('aborted')
  })
})

describe('readBodyText with Response-likes and hostile input', () => {
  it('reads a text() or arrayBuffer() method, raced against the limits and cut to the cap', async () => {
    expect(await readBodyText({ text: async () => 'hello' })).toStrictEqual({ text: 'hello', truncated: false })
    expect(await readBodyText({ text: async () => 'x'.repeat(1_000_000) }, { maxBodyBytes: 10 })).toStrictEqual({
      text: 'x'.repeat(10),
      truncated: true,
    })
    expect(await readBodyText({ text: async () => '€€' }, { maxBodyBytes: 4 })).toStrictEqual({
      text: '€',
      truncated: true,
    })
    const buffer = new TextEncoder().encode('from bytes').buffer
    expect(await readBodyText({ arrayBuffer: async () => buffer, text: async () => 'not this' })).toStrictEqual({
      text: 'from bytes',
      truncated: false,
    })
    expect(await readBodyText({ arrayBuffer: async () => 42 })).toStrictEqual({ text: '', truncated: false })
  })

  it('stops a text() that never resolves at the timeout or the abort, and keeps its failures', async () => {
    const never = { text: () => new Promise(() => {}) }
    const [read, ms] = await timed(readBodyText(never, { timeoutMs: 50 }))
    expect(read).toStrictEqual({ text: '', truncated: false, incomplete: 'timeout' })
    expect(ms).toBeLessThan(1_000)
    const controller = new AbortController()
    setTimeout(() => controller.abort(), 20)
    expect(await readBodyText(never, { signal: controller.signal })).toMatchObject({ incomplete: 'aborted' })
    const rejects = { text: () => Promise.reject(new Error('boom')) }
    expect(await readBodyText(rejects)).toStrictEqual({ text: '', truncated: false, incomplete: 'error' })
    const throws = {
      text() {
        throw new Error('boom')
      },
    }
    expect(await readBodyText(throws)).toStrictEqual({ text: '', truncated: false, incomplete: 'error' })
  })

  it("reads a body that is already a string or bytes (got's response)", async () => {
    expect(await readBodyText({ body: 'plain' })).toStrictEqual({ text: 'plain', truncated: false })
    expect(await readBodyText({ body: bytes(0x68, 0x69) })).toStrictEqual({ text: 'hi', truncated: false })
    expect(await readBodyText({ body: bytes(0x68, 0x69).buffer })).toStrictEqual({ text: 'hi', truncated: false })
    expect(await readBodyText({ body: 'abcdef' }, { maxBodyBytes: 3 })).toStrictEqual({ text: 'abc', truncated: true })
  })

  it('reads an async-iterable body (a Node stream, as node-fetch v2 gives) and destroys it when stopping early', async () => {
    expect(await readBodyText({ body: Readable.from([Buffer.from('node '), Buffer.from('stream')]) })).toStrictEqual({
      text: 'node stream',
      truncated: false,
    })
    const stalled = new Readable({ read() {} })
    stalled.push('partial ')
    const read = await readBodyText({ body: stalled }, { timeoutMs: 50 })
    expect(read).toStrictEqual({ text: 'partial ', truncated: false, incomplete: 'timeout' })
    expect(stalled.destroyed).toBe(true)
  })

  it('closes an async generator body at the cap, and copes with iterators without return()', async () => {
    let finished = false
    async function* generate() {
      try {
        for (;;) yield 'chunk'
      } finally {
        finished = true
      }
    }
    expect(await readBodyText({ body: generate() }, { maxBodyBytes: 7 })).toStrictEqual({
      text: 'chunkch',
      truncated: true,
    })
    expect(finished).toBe(true)
    const bare = { [Symbol.asyncIterator]: () => ({ next: async () => ({ done: false, value: 'aaaa' }) }) }
    expect(await readBodyText({ body: bare }, { maxBodyBytes: 2 })).toStrictEqual({ text: 'aa', truncated: true })
    const broken = {
      [Symbol.asyncIterator]() {
        throw new Error('no')
      },
    }
    expect(await readBodyText({ body: broken })).toStrictEqual({ text: '', truncated: false, incomplete: 'error' })
  })

  it('drops a character whose bytes stopped coming, rather than guessing it', async () => {
    const read = await readBodyText({ body: streamOf([bytes(0x61, 0xe2, 0x82)], false) }, { timeoutMs: 20 })
    expect(read).toStrictEqual({ text: 'a', truncated: false, incomplete: 'timeout' })
  })

  it('does not cancel a stream that ended by itself', async () => {
    let cancels = 0
    const chunks = [{ done: false, value: 'one' }, { done: true }]
    const reader = { read: async () => chunks.shift(), cancel: () => cancels++ }
    expect(await readBodyText({ body: { getReader: () => reader } })).toStrictEqual({ text: 'one', truncated: false })
    expect(cancels).toBe(0)
  })

  it('reads chunks of any byte shape and skips what is not text or bytes', async () => {
    const chunks = [
      'str ',
      new TextEncoder().encode('u8 '),
      new TextEncoder().encode('ab ').buffer,
      new DataView(new TextEncoder().encode('xdvx').buffer, 1, 2),
      new Uint8Array(0),
      42,
      { not: 'bytes' },
      new Uint16Array([0x6968]), // "hi" in little-endian memory
    ]
    expect(await readBodyText({ body: streamOf(chunks) })).toStrictEqual({ text: 'str u8 ab dvhi', truncated: false })
  })

  it('gives an error, not a throw, for a locked stream and for readers that misbehave', async () => {
    const locked = streamOf(['x'])
    locked.getReader()
    expect(await readBodyText({ body: locked })).toStrictEqual({ text: '', truncated: false, incomplete: 'error' })
    const readers: unknown[] = [
      undefined,
      {
        read() {
          throw new Error('sync')
        },
        cancel: () => Promise.reject(new Error('also')),
      },
      { read: async () => null, cancel: () => undefined },
    ]
    for (const reader of readers) {
      expect(await readBodyText({ body: { getReader: () => reader } })).toStrictEqual({
        text: '',
        truncated: false,
        incomplete: 'error',
      })
    }
    const cancelThrows = {
      getReader: () => ({
        read: async () => ({ done: false, value: 'abc' }),
        cancel() {
          throw new Error('sync')
        },
      }),
    }
    expect(await readBodyText({ body: cancelThrows }, { maxBodyBytes: 1 })).toStrictEqual({
      text: 'a',
      truncated: true,
    })
  })

  it('never throws on hostile or meaningless objects', async () => {
    const throwing = new Proxy(
      {},
      {
        get() {
          throw new Error('getter')
        },
      },
    )
    for (const response of [undefined, null, 42, 'text', {}, throwing, { body: { no: 'stream' } }]) {
      expect(await readBodyText(response)).toStrictEqual({ text: '', truncated: false })
    }
    const bodyThrows = {
      get body(): unknown {
        throw new Error('getter')
      },
      text: async () => 'via text()',
    }
    expect(await readBodyText(bodyThrows)).toStrictEqual({ text: 'via text()', truncated: false })
    const bodyUsedThrows = {
      get bodyUsed(): boolean {
        throw new Error('getter')
      },
      text: async () => 'still read',
    }
    expect(await readBodyText(bodyUsedThrows)).toStrictEqual({ text: 'still read', truncated: false })
    expect(await readBodyText({ bodyUsed: true, text: async () => 'not read' })).toStrictEqual({
      text: '',
      truncated: false,
    })
    expect(await readBodyText({ body: null, text: async () => 'not read' })).toStrictEqual({
      text: '',
      truncated: false,
    })
  })

  it('uses the defaults for options it cannot use, and clamps a huge timeout', async () => {
    const long = { body: 'y'.repeat(70_000) }
    const defaults = { text: 'y'.repeat(65_536), truncated: true }
    const hostile = {
      get maxBodyBytes(): number {
        throw new Error('getter')
      },
    }
    for (const options of [
      hostile,
      5,
      null,
      { maxBodyBytes: -1 },
      { maxBodyBytes: Number.NaN },
      { maxBodyBytes: '9' },
    ]) {
      expect(await readBodyText(long, options as never)).toStrictEqual(defaults)
    }
    expect(await readBodyText(long, { maxBodyBytes: Number.POSITIVE_INFINITY })).toStrictEqual({
      text: long.body,
      truncated: false,
    })
    expect(await readBodyText(long, { maxBodyBytes: 2.9 })).toStrictEqual({ text: 'yy', truncated: true })
    // Above 2^31 - 1 a timer would fire at once: the read must still see its whole body.
    const slow = { text: () => new Promise((resolve) => setTimeout(resolve, 30, 'slow')) }
    expect(await readBodyText(slow, { timeoutMs: 1e12 })).toStrictEqual({ text: 'slow', truncated: false })
    expect(await readBodyText(slow, { timeoutMs: Number.POSITIVE_INFINITY })).toStrictEqual({
      text: 'slow',
      truncated: false,
    })
    expect(await readBodyText(slow, { timeoutMs: -5 })).toStrictEqual({ text: 'slow', truncated: false })
  })

  it('ignores a signal that is not one, or whose methods throw', async () => {
    const hostileAborted = {
      addEventListener() {},
      get aborted(): boolean {
        throw new Error('getter')
      },
    }
    const throwingMethods = {
      aborted: false,
      addEventListener() {
        throw new Error('add')
      },
      removeEventListener() {
        throw new Error('remove')
      },
    }
    for (const signal of [{}, 'aborted', { aborted: true }, hostileAborted, throwingMethods]) {
      expect(await readBodyText({ body: 'ok' }, { signal: signal as never })).toStrictEqual({
        text: 'ok',
        truncated: false,
      })
    }
  })

  it('resolves at once when aborted before the read, whatever the body', async () => {
    const signal = AbortSignal.abort()
    const aborted = { text: '', truncated: false, incomplete: 'aborted' }
    for (const response of [
      { body: 'string' },
      { body: {} },
      { body: streamOf([], false) },
      { text: async () => 'x' },
    ]) {
      expect(await readBodyText(response, { signal })).toStrictEqual(aborted)
    }
  })

  it('still resolves without a TextDecoder (an engine that lacks it)', async () => {
    vi.stubGlobal('TextDecoder', undefined)
    expect(await readBodyText({ body: 'x' })).toStrictEqual({ text: '', truncated: false, incomplete: 'error' })
  })

  it('keeps a prefix of the text within the cap, for any text, chunking and cap', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ unit: 'binary', maxLength: 40 }),
        fc.array(fc.nat(20), { maxLength: 6 }),
        fc.nat(120),
        async (text, cuts, maxBodyBytes) => {
          const encoded = new TextEncoder().encode(text)
          const points = [...new Set(cuts.map((n) => Math.min(n * 3, encoded.length)))].sort((a, b) => a - b)
          const chunks = [0, ...points, encoded.length]
            .slice(1)
            .map((end, i, all) => encoded.slice(all[i - 1] ?? 0, end))
          const read = await readBodyText({ body: streamOf(chunks) }, { maxBodyBytes })
          const kept = new TextEncoder().encode(read.text).length
          expect(read.truncated).toBe(encoded.length > maxBodyBytes)
          expect(text.startsWith(read.text)).toBe(true)
          expect(kept).toBeLessThanOrEqual(maxBodyBytes)
          if (read.truncated) expect(kept).toBeGreaterThan(maxBodyBytes - 4)
          else expect(read.text).toBe(text)
        },
      ),
    )
  })
})

describe('parseBody', () => {
  it('parses JSON content types, with parameters and in any case', () => {
    for (const type of [
      'application/json',
      'Application/JSON; charset=utf-8',
      'application/problem+json',
      'application/vnd.een.v1+json ; q=1',
      'text/json',
    ]) {
      expect(parseBody('"text"', type)).toBe('text')
      expect(parseBody('12', type)).toBe(12)
      expect(parseBody('null', type)).toBeNull()
    }
    for (const type of [
      'text/plain',
      'text/html, application/json',
      'application/jsonp',
      'application/json-seq',
      'json',
      '',
      null,
      undefined,
    ]) {
      expect(parseBody('12', type)).toBe('12')
    }
  })

  it('parses by the first non-space character: { or [', () => {
    expect(parseBody(' \n\t{"a": 1}', 'text/html')).toStrictEqual({ a: 1 })
    expect(parseBody('[1]')).toStrictEqual([1])
    expect(parseBody('\uFEFF{"bom": true}')).toStrictEqual({ bom: true })
    expect(parseBody('true')).toBe('true')
  })

  it('drops commas before } or ] only outside strings', () => {
    expect(parseBody('{"a": [1, 2 , ] ,\r\n\t}')).toStrictEqual({ a: [1, 2] })
    expect(parseBody('{"s": "x,]", "t": "q\\",}", "u": 1,}')).toStrictEqual({ s: 'x,]', t: 'q",}', u: 1 })
    expect(parseBody('{"s": "x,]"')).toBe('{"s": "x,]"')
    expect(parseBody('{"a": [1], "b": 2,}')).toStrictEqual({ a: [1], b: 2 })
    expect(parseBody('[1,,]')).toBe('[1,,]')
    expect(parseBody('{"a": 1,')).toBe('{"a": 1,')
  })

  it('keeps malformed JSON as text and gives undefined for empty text', () => {
    for (const text of ['{', '[1, 2', '{"a": }', '{a: 1}', "{'a': 1}"])
      expect(parseBody(text, 'application/json')).toBe(text)
    expect(parseBody('<html>', 'application/json')).toBe('<html>')
    for (const text of ['', '   ', '\n', '\uFEFF']) expect(parseBody(text, 'application/json')).toBeUndefined()
    expect(parseBody(42 as never)).toBeUndefined()
  })

  it('parses up to 1,000 levels of nesting and keeps deeper JSON as text', () => {
    const nested = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`
    expect(typeof parseBody(nested(1_000))).toBe('object')
    expect(parseBody(nested(1_001))).toBe(nested(1_001))
    // Depth, not length: a thousand siblings are shallow.
    const wide = `{"a": [${'{"b": []},'.repeat(2_000)}1]}`
    expect(parseBody(wide)).toStrictEqual(JSON.parse(wide))
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`
    expect(parseBody(deep)).toBe(deep)
  })

  it('never throws, for any text and content type', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.option(fc.string()), (text, type) => {
        parseBody(text, type)
      }),
    )
    fc.assert(
      fc.property(fc.json(), (json) => {
        expect(parseBody(json, 'application/json')).toStrictEqual(JSON.parse(json))
      }),
    )
  })
})

describe('serverFields', () => {
  it("reads the API's message and reason", () => {
    expect(
      serverFields({ status_code: 402, message: 'Account is suspended', reason: 'AccountSuspended', data: {} }),
    ).toStrictEqual({ serverMessage: 'Account is suspended', reason: 'AccountSuspended' })
  })

  it('reads problem+json: detail, else title; never type or instance', () => {
    expect(
      serverFields({ type: 'about:blank', title: 'Not Found', detail: 'No camera 1', instance: '/x' }),
    ).toStrictEqual({
      serverMessage: 'No camera 1',
    })
    expect(serverFields({ type: 'about:blank', title: 'Not Found', instance: '/x' })).toStrictEqual({
      serverMessage: 'Not Found',
    })
    expect(serverFields({ type: 'https://example.com/t', instance: '/x' })).toStrictEqual({})
  })

  it('reads {error: "…"}, {error: {message, reason}}, OAuth errors and {errors: […]}', () => {
    expect(serverFields({ error: 'Session expired' })).toStrictEqual({ serverMessage: 'Session expired' })
    expect(serverFields({ error: { message: 'Locked', reason: 'ResourceLocked' } })).toStrictEqual({
      serverMessage: 'Locked',
      reason: 'ResourceLocked',
    })
    expect(serverFields({ error: 'invalid_grant', error_description: 'Bad credentials' })).toStrictEqual({
      serverMessage: 'Bad credentials',
      reason: 'invalid_grant',
    })
    expect(serverFields({ errors: [null, 7, { message: ' ' }, { detail: 'Second' }] })).toStrictEqual({
      serverMessage: 'Second',
    })
    expect(serverFields({ errors: ['  First  ', { message: 'Second' }] })).toStrictEqual({ serverMessage: 'First' })
    expect(serverFields({ errors: [{ code: 1 }] })).toStrictEqual({})
    expect(serverFields({ errors: 'not a list' })).toStrictEqual({})
  })

  it('prefers the API message over the other shapes', () => {
    expect(serverFields({ message: 'API', detail: 'problem', error: 'error', reason: 'R' })).toStrictEqual({
      serverMessage: 'API',
      reason: 'R',
    })
  })

  it('ignores non-string and whitespace-only fields, and trims', () => {
    expect(serverFields({ message: 42, reason: { a: 1 }, detail: '   ', title: '  Title  ' })).toStrictEqual({
      serverMessage: 'Title',
    })
    expect(serverFields({ message: ['a'], reason: '\n' })).toStrictEqual({})
  })

  it('cuts a field longer than 1,000 characters to 999 plus an ellipsis, never splitting a character', () => {
    const long = serverFields({ message: 'm'.repeat(5_000), reason: 'r'.repeat(1_000) })
    expect(long.serverMessage).toBe(`${'m'.repeat(999)}…`)
    expect(long.reason).toBe('r'.repeat(1_000))
    const emoji = serverFields({ message: `${'m'.repeat(998)}😀tail` }).serverMessage!
    expect(emoji).toBe(`${'m'.repeat(998)}…`)
  })

  it('gives nothing for bodies that are not objects, and never throws', () => {
    const hostile = new Proxy(
      {},
      {
        get() {
          throw new Error('getter')
        },
      },
    )
    for (const body of [undefined, null, 'text', 42, ['message'], hostile]) expect(serverFields(body)).toStrictEqual({})
    fc.assert(
      fc.property(fc.jsonValue(), (body) => {
        const fields = serverFields(body)
        for (const value of Object.values(fields)) expect(value.length).toBeLessThanOrEqual(1_000)
      }),
    )
  })
})

describe('parseRetryAfter', () => {
  const now = Date.UTC(2026, 0, 15, 12, 0, 0)

  it('reads delta-seconds, with spaces, as milliseconds', () => {
    expect(parseRetryAfter('5')).toBe(5_000)
    expect(parseRetryAfter('0')).toBe(0)
    expect(parseRetryAfter(' 5 ')).toBe(5_000)
    expect(parseRetryAfter('\t30')).toBe(30_000)
    expect(parseRetryAfter('007')).toBe(7_000)
  })

  it('accepts decimal seconds, rounded to whole milliseconds', () => {
    expect(parseRetryAfter('1.5')).toBe(1_500)
    expect(parseRetryAfter('1.1')).toBe(1_100)
    expect(parseRetryAfter('0.0004')).toBe(0)
  })

  it('clamps to 60 s by default, or to a custom max', () => {
    expect(parseRetryAfter('3600')).toBe(60_000)
    expect(parseRetryAfter('9'.repeat(400))).toBe(60_000)
    expect(parseRetryAfter('3600', 10_000)).toBe(10_000)
    expect(parseRetryAfter('3600', Number.POSITIVE_INFINITY)).toBe(3_600_000)
    expect(parseRetryAfter('5', 0)).toBe(0)
    for (const bad of [-1, Number.NaN, '9' as never]) expect(parseRetryAfter('3600', bad)).toBe(60_000)
  })

  it('reads an IMF-fixdate in the future and gives 0 for one in the past', () => {
    expect(parseRetryAfter('Thu, 15 Jan 2026 12:00:30 GMT', undefined, now)).toBe(30_000)
    expect(parseRetryAfter(new Date(now + 45_000).toUTCString(), undefined, now)).toBe(45_000)
    expect(parseRetryAfter('Thu, 15 Jan 2026 13:00:00 GMT', undefined, now)).toBe(60_000)
    expect(parseRetryAfter('Thu, 15 Jan 2026 13:00:00 GMT', 1e9, now)).toBe(3_600_000)
    expect(parseRetryAfter('Sun, 06 Nov 1994 08:49:37 GMT', undefined, now)).toBe(0)
    expect(parseRetryAfter('Thu, 15 Jan 2026 12:00:00 GMT', undefined, now)).toBe(0)
  })

  it('reads every month', () => {
    const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
    const start = Date.UTC(2026, 0, 1)
    months.forEach((month, index) => {
      const expected = Date.UTC(2026, index, 15) - start
      expect(parseRetryAfter(`Mon, 15 ${month} 2026 00:00:00 GMT`, 1e12, start), month).toBe(expected)
    })
  })

  it('accepts the last second of a day, and a leap second', () => {
    expect(parseRetryAfter('Thu, 15 Jan 2026 23:59:59 GMT', 1e9, now)).toBe(Date.UTC(2026, 0, 15, 23, 59, 59) - now)
    expect(parseRetryAfter('Thu, 15 Jan 2026 23:59:60 GMT', 1e9, now)).toBe(Date.UTC(2026, 0, 16) - now)
  })

  it('is lenient about case, spacing, one-digit days and UTC', () => {
    expect(parseRetryAfter('thu,  15 jan 2026  12:00:10  gmt', undefined, now)).toBe(10_000)
    expect(parseRetryAfter('Thu, 5 Feb 2026 12:00:00 UTC', 1e12, now)).toBe(21 * 86_400_000)
  })

  it('reads the obsolete RFC 850 and asctime forms', () => {
    expect(parseRetryAfter('Thursday, 15-Jan-26 12:00:20 GMT', undefined, now)).toBe(20_000)
    expect(parseRetryAfter('Sunday, 06-Nov-94 08:49:37 GMT', undefined, now)).toBe(0)
    expect(parseRetryAfter('Thu Jan 15 12:00:40 2026', undefined, now)).toBe(40_000)
    expect(parseRetryAfter('Sun Nov  6 08:49:37 1994', undefined, now)).toBe(0)
  })

  it('reads two-digit RFC 850 years as RFC 9110 says', () => {
    // 94 in 2026 is 1994 (2094 is more than 50 years ahead); 76 is 2076; 00 in 2099 is 2100.
    expect(parseRetryAfter('Sunday, 06-Nov-94 08:49:37 GMT', 1e15, now)).toBe(0)
    expect(parseRetryAfter('Tuesday, 15-Jan-76 12:00:00 GMT', 1e15, now)).toBe(Date.UTC(2076, 0, 15, 12) - now)
    const late = Date.UTC(2099, 11, 31, 23, 59, 0)
    expect(parseRetryAfter('Friday, 01-Jan-00 00:00:00 GMT', 1e15, late)).toBe(60_000)
    // Exactly 50 years ahead is still ahead: 00 in 2050 is 2100.
    const mid = Date.UTC(2050, 0, 1)
    expect(parseRetryAfter('Friday, 01-Jan-00 00:00:00 GMT', 1e15, mid)).toBe(Date.UTC(2100, 0, 1) - mid)
  })

  it('rejects garbage, negative numbers, exponents and impossible dates', () => {
    for (const value of [
      '',
      '   ',
      'soon',
      '-1',
      '-0',
      '+5',
      '1e3',
      '0x10',
      '5s',
      '1.',
      '.5',
      'NaN',
      'Infinity',
      '1 2',
      '2026-01-15T12:00:30Z',
      'Thu, 15 Foo 2026 12:00:30 GMT',
      'Thu, 30 Feb 2026 12:00:30 GMT',
      'Thu, 15 Jan 2026 24:00:00 GMT',
      'Thu, 15 Jan 2026 12:60:00 GMT',
      'Thu, 15 Jan 2026 12:00:61 GMT',
      'Thu, 15 Jan 2026 12:00:30 PST',
      'Thu, 15-Jan 2026 12:00:30 GMT',
      'Foo, 15 Jan 2026 12:00:30 GMT',
      'Thu Jan 15 12:00:40 26',
    ]) {
      expect(parseRetryAfter(value, undefined, now), value).toBeUndefined()
    }
    expect(parseRetryAfter(null)).toBeUndefined()
    expect(parseRetryAfter(undefined)).toBeUndefined()
    expect(parseRetryAfter(5 as never)).toBeUndefined()
  })

  it('uses the clock when now is not a number', () => {
    const soon = new Date(Date.now() + 30_000).toUTCString()
    for (const bad of [Number.NaN, 'x' as never]) {
      const ms = parseRetryAfter(soon, undefined, bad)!
      expect(ms).toBeGreaterThan(25_000)
      expect(ms).toBeLessThanOrEqual(30_000)
    }
  })

  it('gives undefined or a value within [0, max] for any string', () => {
    fc.assert(
      fc.property(fc.string(), fc.nat(100_000), (value, max) => {
        const ms = parseRetryAfter(value, max, now)
        if (ms !== undefined) expect(ms >= 0 && ms <= max).toBe(true)
      }),
    )
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

  it('reads custom names, skipping names that are not strings', () => {
    const headers = new Headers({ 'X-EEN-Trace': 't9', 'x-request-id': 'a' })
    expect(requestIdFrom(headers, ['x-een-trace'])).toBe('t9')
    expect(requestIdFrom(headers, [42 as never, 'x-een-trace'])).toBe('t9')
    expect(requestIdFrom(headers, [])).toBeUndefined()
    expect(requestIdFrom(headers, 5 as never)).toBeUndefined()
  })

  it('cuts to 200 characters without splitting a character', () => {
    expect(requestIdFrom({ 'x-request-id': 'i'.repeat(500) })).toBe('i'.repeat(200))
    const id = (last: string) => requestIdFrom({ 'x-request-id': `${'i'.repeat(199)}${last}tail` })
    expect(id('😀')).toBe('i'.repeat(199)) // U+1F600 is \uD83D\uDE00
    expect(id('\u{10000}')).toBe('i'.repeat(199)) // \uD800\uDC00, the first pair
    expect(id('\u{10FFFF}')).toBe('i'.repeat(199)) // \uDBFF\uDFFF, the last pair
    expect(id('\uE000')).toBe(`${'i'.repeat(199)}\uE000`) // not a surrogate
    expect(id('\uD7FF')).toBe(`${'i'.repeat(199)}\uD7FF`) // just below the surrogates
    expect(requestIdFrom({ 'x-request-id': 'i'.repeat(200) })).toBe('i'.repeat(200))
  })
})
