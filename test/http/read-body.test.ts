import { getEventListeners } from 'node:events'
import type { ServerResponse } from 'node:http'
import type { Socket } from 'node:net'
import { Readable } from 'node:stream'
import { gzipSync } from 'node:zlib'
import fc from 'fast-check'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { cutBytes, OVERREAD, readBody, readLimits } from '../../src/http/read-body.js'
import { socketClosed, startServer, type TestServer } from '../fixtures/server.js'

// A real server on 127.0.0.1; each route is one way a response body can look or misbehave.

const MiB = 1024 * 1024
let server: TestServer
let gzipBomb: Buffer
/** The server side of the connection that served the latest request of each path. */
const socketOf = new Map<string, Socket>()
/** Intervals a route started; stopped when its connection closes, and in afterAll at the latest. */
const intervals = new Set<ReturnType<typeof setInterval>>()

/** Writes `chunk` every 20 ms, forever. */
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

const routes: Record<string, (res: ServerResponse) => void> = {
  '/api': (res) => {
    res.writeHead(402, { 'content-type': 'application/json' })
    res.end('{"status_code": 402, "message": "Account is suspended", "reason": "AccountSuspended", "data": {}}')
  },
  '/no-content': (res) => {
    res.writeHead(204)
    res.end()
  },
  '/big': (res) => {
    res.writeHead(500, { 'content-type': 'text/plain' })
    res.end('x'.repeat(5 * MiB))
  },
  '/forever': (res) => drip(res, 'tick\n'),
  '/part-then-stall': (res) => {
    res.writeHead(504, { 'content-type': 'application/json' })
    res.write('{"message": "Gateway')
  },
  '/stall': (res) => {
    res.writeHead(504, { 'content-type': 'application/json' })
    res.flushHeaders()
  },
  '/destroyed': (res) => breakAfter(res, 'first part\n', (socket) => socket.destroy()),
  '/reset': (res) => breakAfter(res, 'before reset\n', (socket) => socket.resetAndDestroy()),
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
  '/euro-at-the-limit': (res) => {
    // With a cap of 10 the read stops at 10 + OVERREAD bytes, inside the last €.
    res.writeHead(500, { 'content-type': 'text/plain' })
    res.end(`${'a'.repeat(10 + OVERREAD - 1)}€€`)
  },
}

beforeAll(async () => {
  gzipBomb = gzipSync(Buffer.alloc(50 * MiB))
  server = await startServer((req, res) => {
    const url = new URL(req.url!, 'http://x')
    socketOf.set(url.pathname, req.socket)
    const route = routes[url.pathname]
    if (!route) throw new Error(`no route ${url.pathname}`)
    route(res)
  })
})

afterAll(async () => {
  for (const interval of intervals) clearInterval(interval)
  await server.close()
})

afterEach(() => {
  vi.unstubAllGlobals()
})

function get(path: string): Promise<Response> {
  return fetch(`${server.url}${path}`)
}

/** Resolves `true` once the server side of `path`'s connection has closed, `false` after 2 s. */
function closed(path: string): Promise<boolean> {
  return socketClosed(socketOf.get(path)!)
}

function timers(): number {
  return process.getActiveResourcesInfo().filter((name) => name === 'Timeout').length
}

async function timed<T>(promise: Promise<T>): Promise<[T, number]> {
  const start = performance.now()
  const value = await promise
  return [value, performance.now() - start]
}

/** A web stream that yields `chunks`, then closes (or stays open forever when `close` is false). */
function streamOf(chunks: unknown[], close = true): ReadableStream<unknown> {
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk)
      if (close) controller.close()
    },
  })
}

const bytes = (...values: number[]) => new Uint8Array(values)
const utf8 = (text: string) => new TextEncoder().encode(text).length

describe('reading a real response', () => {
  it("reads the API's JSON error body whole, and consumes it", async () => {
    const res = await get('/api')
    expect(await readBody(res)).toStrictEqual({
      text: '{"status_code": 402, "message": "Account is suspended", "reason": "AccountSuspended", "data": {}}',
      complete: true,
    })
    expect(res.bodyUsed).toBe(true)
  })

  it('gives empty text for no body at all and for a body already read', async () => {
    expect(await readBody(await get('/no-content'))).toStrictEqual({ text: '', complete: true })
    const used = await get('/api')
    await used.text()
    expect((await readBody(used)).text).toBe('')
  })

  it('stops a 5 MiB body just past the cap, quickly, and releases the connection', async () => {
    const [read, ms] = await timed(readBody(await get('/big')))
    expect(read).toStrictEqual({ text: 'x'.repeat(65_536 + OVERREAD), complete: false })
    expect(cutBytes(read.text, 65_536)).toBe('x'.repeat(65_536))
    expect(ms).toBeLessThan(1_000)
    expect(await closed('/big')).toBe(true)
  })

  it('honours a custom cap, reading 16 KiB past it (the most request headers Node takes)', async () => {
    expect(OVERREAD).toBe(16 * 1024)
    expect(await readBody(await get('/big'), { maxBodyBytes: 10 })).toStrictEqual({
      text: 'x'.repeat(10 + OVERREAD),
      complete: false,
    })
  })

  it('stops a body that never ends at timeoutMs, keeps what came, and releases the connection', async () => {
    const [read, ms] = await timed(readBody(await get('/forever'), { timeoutMs: 300 }))
    expect(read.complete).toBe(true)
    expect(read.text).toMatch(/^(tick\n)+$/)
    expect(ms).toBeGreaterThanOrEqual(250)
    expect(ms).toBeLessThan(2_000)
    expect(await closed('/forever')).toBe(true)
  })

  it('keeps the part a server wrote before it stalled, at timeoutMs, less its last run of token characters', async () => {
    // `Gateway` could be the first characters of an echoed secret whose rest never came: scrubbing
    // knows a secret only whole, so the cut-off run is left out.
    const [read, ms] = await timed(readBody(await get('/part-then-stall'), { timeoutMs: 300 }))
    expect(read).toStrictEqual({ text: '{"message": "', complete: true, early: true })
    expect(ms).toBeLessThan(2_000)
    expect(await closed('/part-then-stall')).toBe(true)
  })

  it('ends at the time limit a body whose reads resolve at once without end', async () => {
    const endless = () =>
      new Response(
        new ReadableStream({
          pull(c) {
            c.enqueue(new Uint8Array(0))
          },
        }),
      )
    const [read, ms] = await timed(readBody(endless(), { timeoutMs: 200 }))
    expect(read).toStrictEqual({ text: '', complete: true, early: true })
    expect(ms).toBeLessThan(5_000)
    // Bytes without end and no byte cap: the time limit still ends the read.
    const bytes = new ReadableStream({
      pull(c) {
        c.enqueue(new Uint8Array([0x61]))
      },
    })
    const [uncapped] = await timed(
      readBody(new Response(bytes), { maxBodyBytes: Number.POSITIVE_INFINITY, timeoutMs: 200 }),
    )
    expect(uncapped.early).toBe(true)
  })

  it('stops a body that stalls right after the headers', async () => {
    const [read, ms] = await timed(readBody(await get('/stall'), { timeoutMs: 300 }))
    expect(read).toStrictEqual({ text: '', complete: true, early: true })
    expect(ms).toBeLessThan(2_000)
    expect(await closed('/stall')).toBe(true)
  })

  it('keeps what arrived when the server destroys the socket mid-body, or resets it', async () => {
    expect(await readBody(await get('/destroyed'))).toStrictEqual({ text: 'first part\n', complete: true, early: true })
    expect(await readBody(await get('/reset'))).toStrictEqual({ text: 'before reset\n', complete: true, early: true })
  })

  it('counts the cap on decoded bytes: a gzip bomb (50 MB of zeros) stops at it', async () => {
    expect(gzipBomb.length).toBeLessThan(100_000)
    const [read, ms] = await timed(readBody(await get('/gzip-bomb')))
    expect(read).toStrictEqual({ text: '\0'.repeat(65_536 + OVERREAD), complete: false })
    expect(ms).toBeLessThan(1_000)
  })

  it('decodes invalid UTF-8 to U+FFFD, including a last character that never completes', async () => {
    // a, FF, b, C0 AF (two invalid bytes), c, E2 82 (a character cut short by the end of the body).
    expect(await readBody(await get('/invalid-utf8'))).toStrictEqual({
      text: 'a\uFFFDb\uFFFD\uFFFDc\uFFFD',
      complete: true,
    })
  })

  it.each([
    [0, '', false],
    [2, 'aa', false],
    [3, 'aa', false], // 1 of the 3 bytes of €
    [4, 'aa', false], // 2 of the 3 bytes of €
    [5, 'aa€', false],
    [6, 'aa€b', false],
    [9, 'aa€b', false], // 3 of the 4 bytes of 😀
    [10, 'aa€b😀', true], // exactly the body
    [11, 'aa€b😀', true],
  ])('with a cap of %i bytes, the body cut to the cap is %j (complete: %s)', async (maxBodyBytes, cut, complete) => {
    const read = await readBody(await get('/straddle'), { maxBodyBytes })
    // The whole 10-byte body is within the cap plus OVERREAD: the caller cuts, after scrubbing.
    expect(read).toStrictEqual({ text: 'aa€b😀', complete })
    expect(cutBytes(read.text, maxBodyBytes)).toBe(cut)
  })

  it('leaves out a character split by the end of what it reads past the cap', async () => {
    const read = await readBody(await get('/euro-at-the-limit'), { maxBodyBytes: 10 })
    expect(read).toStrictEqual({ text: 'a'.repeat(10 + OVERREAD - 1), complete: false })
  })

  it('stops at the cap plus OVERREAD bytes even when the body ends right there, a split character left out', async () => {
    // 10 + OVERREAD - 1 bytes of a, then the first byte of €: exactly 10 + OVERREAD bytes.
    const a = 'a'.repeat(10 + OVERREAD - 1)
    const body = streamOf([new Uint8Array([...new TextEncoder().encode(a), 0xe2])])
    expect(await readBody({ body }, { maxBodyBytes: 10 })).toStrictEqual({ text: a, complete: false })
  })

  it('leaves out the last run of token characters of a long body cut early, in linear time', async () => {
    // 300,000 characters with no separator, then one: a pattern anchored at the end retried from
    // every character and took minutes here.
    const run = 'x'.repeat(300_000)
    const options = { timeoutMs: 50, maxBodyBytes: Number.POSITIVE_INFINITY }
    expect(await readBody({ body: streamOf([`${run} `], false) }, options)).toStrictEqual({
      text: `${run} `,
      complete: true,
      early: true,
    })
    expect(await readBody({ body: streamOf([`kept ${run}`], false) }, options)).toStrictEqual({
      text: 'kept ',
      complete: true,
      early: true,
    })
  })

  it('leaves out a character whose bytes had not all arrived at the timeout or the abort', async () => {
    // "a ", then 2 of the 3 bytes of €; the stream stays open.
    expect(await readBody({ body: streamOf([bytes(0x61, 0x20, 0xe2, 0x82)], false) }, { timeoutMs: 20 })).toStrictEqual(
      {
        text: 'a ',
        complete: true,
        early: true,
      },
    )
    const controller = new AbortController()
    const read = readBody({ body: streamOf([bytes(0x61, 0x20, 0xe2, 0x82)], false) }, { signal: controller.signal })
    setTimeout(() => controller.abort(), 20)
    expect(await read).toStrictEqual({ text: 'a ', complete: true, early: true })
  })
})

describe('the abort signal, and nothing left behind', () => {
  it('reads nothing with an already aborted signal, at once, and releases the connection', async () => {
    const [read, ms] = await timed(readBody(await get('/forever'), { signal: AbortSignal.abort() }))
    expect(read).toStrictEqual({ text: '', complete: true, early: true })
    expect(ms).toBeLessThan(100)
    expect(await closed('/forever')).toBe(true)
  })

  it('stops when the signal aborts during the read, keeping what came, and removes its listener', async () => {
    const controller = new AbortController()
    const res = await get('/forever')
    setTimeout(() => controller.abort(), 200)
    const [read, ms] = await timed(readBody(res, { signal: controller.signal }))
    expect(read.complete).toBe(true)
    expect(read.text).toMatch(/^(tick\n)+$/)
    expect(ms).toBeLessThan(2_000)
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0)
    expect(await closed('/forever')).toBe(true)
  })

  it('removes its abort listener when the read ends normally', async () => {
    const controller = new AbortController()
    expect((await readBody(await get('/api'), { signal: controller.signal })).complete).toBe(true)
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0)
  })

  it('uses one timer for the whole read and clears it in every path', async () => {
    const before = timers()
    await readBody({ body: streamOf([bytes(0x61)]) }) // ends
    await readBody({ body: streamOf(['x'.repeat(2000)]) }, { maxBodyBytes: 1 }) // the limit
    await readBody({ body: streamOf([], false) }, { timeoutMs: 20 }) // timeout
    await readBody({ body: streamOf([null]) }) // error
    const controller = new AbortController()
    const aborted = readBody({ body: streamOf(['a', 'b', 'c '], false) }, { signal: controller.signal })
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(timers()).toBe(before + 1)
    controller.abort()
    expect(await aborted).toStrictEqual({ text: 'abc ', complete: true, early: true })
    expect(timers()).toBe(before)
  })

  it('stops at an abort even while data keeps coming without a pause', async () => {
    const controller = new AbortController()
    let reads = 0
    let cancelled = false
    const reader = {
      read() {
        if (++reads === 3) controller.abort()
        return Promise.resolve({ done: false, value: 'x ' })
      },
      cancel() {
        cancelled = true
      },
    }
    const read = await readBody({ body: { getReader: () => reader } }, { signal: controller.signal })
    expect(read).toStrictEqual({ text: 'x x ', complete: true, early: true })
    expect(cancelled).toBe(true)
  })

  it('adds one abort listener for many reads that share a signal, warns of no leak, and stops them all on abort', async () => {
    const warnings: string[] = []
    const listen = (warning: Error): void => void warnings.push(warning.name)
    process.on('warning', listen)
    try {
      const controller = new AbortController()
      const responses = await Promise.all(Array.from({ length: 100 }, () => get('/part-then-stall')))
      const reads = responses.map((res) => readBody(res, { signal: controller.signal }))
      expect(getEventListeners(controller.signal, 'abort')).toHaveLength(1)
      controller.abort()
      // Each body stalls: only the abort ends its read.
      for (const read of await Promise.all(reads)) expect(read.early).toBe(true)
      expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0)
      // Warnings are emitted on the next tick.
      await new Promise((resolve) => setImmediate(resolve))
      expect(warnings).not.toContain('MaxListenersExceededWarning')
    } finally {
      process.off('warning', listen)
    }
  })

  it("lets timers and I/O run while a body's reads resolve at once (empty chunks, no end), so an abort from a timer stops it", async () => {
    const bodies = [
      new ReadableStream({ pull: (controller) => controller.enqueue(new Uint8Array(0)) }),
      (async function* () {
        for (;;) yield new Uint8Array(0)
      })(),
      // With no byte cap, chunks that are there at once never reach one.
      new ReadableStream({ pull: (controller) => controller.enqueue(bytes(0x20)) }),
    ]
    for (const body of bodies) {
      const controller = new AbortController()
      let ran = false
      setTimeout(() => {
        ran = true
        controller.abort()
      }, 10)
      // The time limit ends the read only if the timer never gets a turn: it never does while reads spin.
      const read = await readBody({ body }, { timeoutMs: 5_000, signal: controller.signal, maxBodyBytes: Infinity })
      expect(ran).toBe(true)
      expect(read.early).toBe(true)
    }
  })
})

describe('what else it reads', () => {
  it('reads a text() or arrayBuffer() method (arrayBuffer first), bounded like a stream', async () => {
    expect(await readBody({ text: async () => 'hello' })).toStrictEqual({ text: 'hello', complete: true })
    const long = await readBody({ text: async () => 'x'.repeat(1_000_000) }, { maxBodyBytes: 10 })
    expect(long).toStrictEqual({ text: 'x'.repeat(10 + OVERREAD), complete: false })
    const buffer = new TextEncoder().encode('from bytes').buffer
    expect(await readBody({ arrayBuffer: async () => buffer, text: async () => 'not this' })).toStrictEqual({
      text: 'from bytes',
      complete: true,
    })
  })

  it('stops a text() that never resolves at the timeout or the abort, and keeps its failures', async () => {
    const never = { text: () => new Promise(() => {}) }
    const [read, ms] = await timed(readBody(never, { timeoutMs: 50 }))
    expect(read).toStrictEqual({ text: '', complete: true, early: true })
    expect(ms).toBeLessThan(1_000)
    const controller = new AbortController()
    setTimeout(() => controller.abort(), 20)
    expect(await readBody(never, { signal: controller.signal })).toStrictEqual({
      text: '',
      complete: true,
      early: true,
    })
    expect(await readBody({ text: () => Promise.reject(new Error('boom')) })).toStrictEqual({
      text: '',
      complete: true,
      early: true,
    })
    const throws = {
      text() {
        throw new Error('boom')
      },
    }
    expect(await readBody(throws)).toStrictEqual({ text: '', complete: true, early: true })
  })

  it('reads a body that is already a string or bytes, of any realm', async () => {
    expect(await readBody({ body: 'plain' })).toStrictEqual({ text: 'plain', complete: true })
    expect(await readBody({ body: bytes(0x68, 0x69) })).toStrictEqual({ text: 'hi', complete: true })
    expect(await readBody({ body: bytes(0x68, 0x69).buffer })).toStrictEqual({ text: 'hi', complete: true })
    expect(await readBody({ body: 'abcdef' }, { maxBodyBytes: 3 })).toStrictEqual({ text: 'abcdef', complete: false })
  })

  it('reads a body of bytes, even an empty one, rather than a text() method beside it', async () => {
    const other = { text: async () => 'not the body' }
    expect(await readBody({ body: new Uint8Array(0), ...other })).toStrictEqual({ text: '', complete: true })
    expect(await readBody({ body: new ArrayBuffer(0), ...other })).toStrictEqual({ text: '', complete: true })
  })

  it('reads an async-iterable body (a Node stream) and destroys it when the time is up', async () => {
    const node = Readable.from([Buffer.from('node '), Buffer.from('stream')])
    expect(await readBody({ body: node })).toStrictEqual({ text: 'node stream', complete: true })
    const stalled = new Readable({ read() {} })
    stalled.push('partial ')
    expect(await readBody({ body: stalled }, { timeoutMs: 50 })).toStrictEqual({
      text: 'partial ',
      complete: true,
      early: true,
    })
    expect(stalled.destroyed).toBe(true)
  })

  it('closes an async generator body at the limit, and copes with iterators without return()', async () => {
    let finished = false
    async function* generate() {
      try {
        for (;;) yield 'chunk'
      } finally {
        finished = true
      }
    }
    const read = await readBody({ body: generate() }, { maxBodyBytes: 7 })
    expect(read).toStrictEqual({ text: 'chunk'.repeat(4000).slice(0, 7 + OVERREAD), complete: false })
    expect(finished).toBe(true)
    const bare = { [Symbol.asyncIterator]: () => ({ next: async () => ({ done: false, value: 'aaaa' }) }) }
    expect(await readBody({ body: bare }, { maxBodyBytes: 0 })).toStrictEqual({
      text: 'a'.repeat(OVERREAD),
      complete: false,
    })
  })

  it('does not cancel a stream that ended by itself', async () => {
    let cancels = 0
    const chunks = [{ done: false, value: 'one' }, { done: true }]
    const reader = { read: async () => chunks.shift(), cancel: () => cancels++ }
    expect(await readBody({ body: { getReader: () => reader } })).toStrictEqual({ text: 'one', complete: true })
    expect(cancels).toBe(0)
  })

  it('reads chunks of any byte shape', async () => {
    const chunks = [
      'str ',
      new TextEncoder().encode('u8 '),
      new TextEncoder().encode('ab ').buffer,
      new DataView(new TextEncoder().encode('xdvx').buffer, 1, 2),
      new Uint8Array(0),
      new Uint16Array([0x6968]), // "hi" in little-endian memory
    ]
    expect(await readBody({ body: streamOf(chunks) })).toStrictEqual({ text: 'str u8 ab dvhi', complete: true })
  })

  it('cuts a chunk of any byte shape at the limit', async () => {
    const view = new DataView(new TextEncoder().encode(`-${'y'.repeat(20_000)}-`).buffer, 1, 20_000)
    const buffer = new TextEncoder().encode('z'.repeat(20_000)).buffer
    for (const [chunk, text] of [
      [view, 'y'],
      [buffer, 'z'],
    ] as const) {
      const read = await readBody({ body: streamOf([chunk]) }, { maxBodyBytes: 0 })
      expect(read).toStrictEqual({ text: text.repeat(OVERREAD), complete: false })
    }
  })
})

describe('never rejecting', () => {
  it('keeps what came before a chunk that is not text or bytes, or a stream that errors', async () => {
    for (const junk of [42, { not: 'bytes' }, null]) {
      expect(await readBody({ body: streamOf(['ok\n', junk]) })).toStrictEqual({
        text: 'ok\n',
        complete: true,
        early: true,
      })
    }
    const failing = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('before '))
      },
      pull(controller) {
        controller.error(new Error('network'))
      },
    })
    expect(await readBody({ body: failing })).toStrictEqual({ text: 'before ', complete: true, early: true })
  })

  it('gives what was read, not a rejection, for a locked stream and readers that misbehave', async () => {
    const locked = streamOf(['x'])
    locked.getReader()
    expect(await readBody({ body: locked })).toStrictEqual({ text: '', complete: true, early: true })
    const readers: unknown[] = [
      undefined,
      {
        read() {
          throw new Error('sync')
        },
      },
      { read: async () => null },
    ]
    for (const reader of readers) {
      expect(await readBody({ body: { getReader: () => reader } })).toStrictEqual({
        text: '',
        complete: true,
        early: true,
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
    const read = await readBody({ body: cancelThrows }, { maxBodyBytes: 1 })
    expect(read.complete).toBe(false)
    expect(read.text).toBe('abc'.repeat(OVERREAD).slice(0, 1 + OVERREAD))
  })

  it('gives empty text for hostile or meaningless objects', async () => {
    const throwing = new Proxy(
      {},
      {
        get() {
          throw new Error('getter')
        },
      },
    )
    for (const response of [undefined, null, 42, 'text', {}, throwing, { body: { no: 'stream' } }]) {
      expect(await readBody(response)).toStrictEqual({ text: '', complete: true, early: true })
    }
  })

  it('reads nothing when aborted before the read, whatever the body', async () => {
    const signal = AbortSignal.abort()
    for (const response of [{ body: 'string' }, { body: streamOf([], false) }, { text: async () => 'x' }]) {
      expect(await readBody(response, { signal })).toStrictEqual({ text: '', complete: true, early: true })
    }
  })

  it('reads nothing with a time limit of 0, whatever the body, even one that is there at once', async () => {
    for (let round = 0; round < 10; round++) {
      for (const response of [{ body: 'string' }, { body: bytes(0x68, 0x69) }, { text: async () => 'x' }]) {
        expect(await readBody(response, { timeoutMs: 0 })).toStrictEqual({ text: '', complete: true, early: true })
      }
      expect(await readBody({ body: streamOf(['chunk']) }, { timeoutMs: 0 })).toStrictEqual({
        text: '',
        complete: true,
        early: true,
      })
    }
  })

  it('loads, and still resolves, without a TextDecoder (an engine that lacks it)', async () => {
    vi.stubGlobal('TextDecoder', undefined)
    vi.resetModules()
    const fresh = await import('../../src/http/read-body.js')
    expect(await fresh.readBody({ body: 'x' })).toStrictEqual({ text: '', complete: true, early: true })
  })

  it('ends the read, without rejecting, when a signal throws', async () => {
    const throwing = {
      aborted: false,
      addEventListener() {
        throw new Error('add')
      },
    }
    expect(await readBody({ body: 'ok' }, { signal: throwing as never })).toStrictEqual({
      text: '',
      complete: true,
      early: true,
    })
  })
})

describe('readLimits', () => {
  const defaults = { maxBodyBytes: 65_536, timeoutMs: 10_000 }

  it('gives the defaults for anything it cannot use', () => {
    const hostile = {
      get maxBodyBytes(): number {
        throw new Error('getter')
      },
    }
    for (const options of [undefined, null, 5, hostile]) expect(readLimits(options)).toMatchObject(defaults)
    for (const bad of [-1, Number.NaN, '9', null]) {
      expect(readLimits({ maxBodyBytes: bad, timeoutMs: bad })).toMatchObject(defaults)
    }
  })

  it('keeps valid limits, rounds the cap down and clamps the time to what a timer can wait', () => {
    expect(readLimits({ maxBodyBytes: 0, timeoutMs: 0 })).toMatchObject({ maxBodyBytes: 0, timeoutMs: 0 })
    expect(readLimits({ maxBodyBytes: 2.9, timeoutMs: 1e12 })).toMatchObject({
      maxBodyBytes: 2,
      timeoutMs: 2 ** 31 - 1,
    })
    expect(readLimits({ maxBodyBytes: Number.POSITIVE_INFINITY })).toMatchObject({
      maxBodyBytes: Number.POSITIVE_INFINITY,
    })
  })

  it('uses a signal only when it is one', () => {
    const signal = new AbortController().signal
    expect(readLimits({ signal }).signal).toBe(signal)
    for (const bad of [{}, 'aborted', { aborted: true }]) expect(readLimits({ signal: bad }).signal).toBeUndefined()
  })

  it('reads a whole body with no cap, and waits for a slow one under a huge timeout', async () => {
    const long = { body: 'y'.repeat(70_000) }
    expect(await readBody(long, { maxBodyBytes: Number.POSITIVE_INFINITY })).toStrictEqual({
      text: long.body,
      complete: true,
    })
    // Above 2^31 - 1 a timer would fire at once: the read must still see its whole body.
    const slow = { text: () => new Promise((resolve) => setTimeout(resolve, 30, 'slow')) }
    expect(await readBody(slow, { timeoutMs: 1e12 })).toStrictEqual({ text: 'slow', complete: true })
    expect(await readBody(slow, { timeoutMs: -5 })).toStrictEqual({ text: 'slow', complete: true })
  })
})

describe('cutBytes', () => {
  it('cuts to whole characters within the byte count', () => {
    expect(cutBytes('aa€b😀', 4)).toBe('aa')
    expect(cutBytes('aa€b😀', 5)).toBe('aa€')
    expect(cutBytes('aa€b😀', 9)).toBe('aa€b')
    expect(cutBytes('aa€b😀', 10)).toBe('aa€b😀')
    expect(cutBytes('€€€€', 0)).toBe('')
    expect(cutBytes('abc', Number.POSITIVE_INFINITY)).toBe('abc')
  })
})

describe('for any body, chunking and cap', () => {
  it('says whether the body fit, and keeps a prefix of it that reaches past the cap', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ unit: 'binary', maxLength: 700 }),
        fc.array(fc.nat(700), { maxLength: 6 }),
        fc.nat(1500),
        async (text, cuts, maxBodyBytes) => {
          const encoded = new TextEncoder().encode(text)
          const points = [...new Set(cuts.map((n) => Math.min(n * 3, encoded.length)))].sort((a, b) => a - b)
          const chunks = [0, ...points, encoded.length]
            .slice(1)
            .map((end, i, all) => encoded.slice(all[i - 1] ?? 0, end))
          const read = await readBody({ body: streamOf(chunks) }, { maxBodyBytes })
          expect(read.complete).toBe(encoded.length <= maxBodyBytes)
          expect(text.startsWith(read.text)).toBe(true)
          if (encoded.length <= maxBodyBytes + OVERREAD) expect(read.text).toBe(text)
          else expect(utf8(read.text)).toBeGreaterThan(maxBodyBytes + OVERREAD - 4)
          const cut = cutBytes(read.text, maxBodyBytes)
          expect(text.startsWith(cut)).toBe(true)
          expect(utf8(cut)).toBeLessThanOrEqual(maxBodyBytes)
          if (!read.complete) expect(utf8(cut)).toBeGreaterThan(maxBodyBytes - 4)
        },
      ),
      { seed: 13, numRuns: 40 },
    )
  })
})
