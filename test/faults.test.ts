// Body faults against a real local server, read through ApiError.fromResponse: each ends in a
// bounded, clear ApiError, with no unhandled rejection and no socket or timer left behind. The
// faults that test/http/ and test/error/from-response.test.ts already cover (a huge
// body, a body that never ends, a reset or a destroyed socket mid-body, a gzip bomb) are not
// repeated here; the last test runs faults in a child process against the built package and
// proves that its event loop drains.
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Socket } from 'node:net'
import { fileURLToPath } from 'node:url'
import { inspect } from 'node:util'
import { afterAll, beforeAll, expect, describe as group, it } from 'vitest'
import { readBody } from '../src/http/read-body.js'
import { ApiError, userMessage } from '../src/index.js'
import { socketClosed, startServer, type TestServer } from './fixtures/server.js'

const unhandled: unknown[] = []
const onUnhandled = (reason: unknown) => unhandled.push(reason)

/** The server side of the connection that served the latest request of each path. */
const socketOf = new Map<string, Socket>()
const intervals = new Set<ReturnType<typeof setInterval>>()

/** Writes `chunks` one every `ms`, then ends (or, with `end: false`, keeps going with `tick` forever). */
function trickle(res: ServerResponse, chunks: string[], ms: number, end = true, tick = ' '): void {
  let i = 0
  const interval = setInterval(() => {
    if (i < chunks.length) res.write(chunks[i++])
    else if (end) {
      clearInterval(interval)
      res.end()
    } else res.write(tick)
  }, ms)
  intervals.add(interval)
  res.on('close', () => {
    clearInterval(interval)
    intervals.delete(interval)
  })
}

/** Takes the connection over and writes `head` and `body` as they are, Content-Length lies included. */
function raw(req: IncomingMessage, head: string[], body: Buffer | string, then: 'stall' | 'close' | 'keep'): void {
  const socket = req.socket
  socket.write(`${head.join('\r\n')}\r\n\r\n`)
  socket.write(body)
  if (then === 'close') socket.end()
}

const API_JSON = JSON.stringify({
  status_code: 463,
  message: 'Unable to communicate with the camera or bridge, contact support',
  reason: 'DeviceUnreachable',
  data: { esn: '1000abcd' },
})

const routes: Record<string, (req: IncomingMessage, res: ServerResponse) => void> = {
  '/trickle': (_req, res) => {
    res.writeHead(463, { 'content-type': 'application/json' })
    // The API's own body, a few bytes every 5 ms: slow, but done well within the time limit.
    trickle(res, API_JSON.match(/.{1,6}/gs)!, 5)
  },
  '/trickle-forever': (_req, res) => {
    res.writeHead(504, { 'content-type': 'application/json' })
    trickle(res, ['{"status_code": 504, "message": "Gateway'], 20, false)
  },
  '/stall': (_req, res) => {
    res.writeHead(502, { 'content-type': 'application/json', 'retry-after': '3' })
    res.flushHeaders()
  },
  '/headers-then-close': (req) => {
    raw(req, ['HTTP/1.1 503 Service Unavailable', 'Content-Type: application/json', 'Content-Length: 200'], '', 'close')
  },
  '/invalid-utf8-json': (_req, res) => {
    res.writeHead(400, { 'content-type': 'application/json; charset=utf-8' })
    // A message and a reason with bytes that are no UTF-8: 0xFF, an overlong "/" (C0 AF), a lone continuation byte.
    res.end(
      Buffer.concat([
        Buffer.from('{"message": "bad '),
        Buffer.from([0xff, 0x20, 0xc0, 0xaf, 0x20, 0x80]),
        Buffer.from('", "reason": "R'),
        // A lead byte of a 3-byte character, followed by the closing quote.
        Buffer.from([0xe9]),
        Buffer.from('"}'),
      ]),
    )
  },
  '/deep-arrays': (_req, res) => {
    res.writeHead(400, { 'content-type': 'application/json' })
    res.end(`${'['.repeat(100_000)}${']'.repeat(100_000)}`)
  },
  '/deep-objects': (_req, res) => {
    res.writeHead(400, { 'content-type': 'application/json' })
    res.end(`${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`)
  },
  '/deep-900': (_req, res) => {
    // Under parseBody's 1,000-level limit: parsed, then bounded by the redactor's 64 levels.
    res.writeHead(400, { 'content-type': 'application/json' })
    res.end(`{"message": "deep", "data": ${'{"a":'.repeat(900)}"leaf"${'}'.repeat(900)}}`)
  },
  '/huge-numbers': (_req, res) => {
    res.writeHead(422, { 'content-type': 'application/json' })
    res.end(
      `{"message": "numbers", "id": 123456789012345678901234567890, "big": 1e400, "neg": -1e400, "tiny": 1e-400, "long": ${'9'.repeat(20_000)}}`,
    )
  },
  '/huge-string': (_req, res) => {
    res.writeHead(400, { 'content-type': 'application/json' })
    // 50 000 characters: within the 64 KiB cap, far beyond the 1,000 a server message is cut to.
    res.end(JSON.stringify({ message: `${'m'.repeat(50_000)}`, reason: 'r'.repeat(5_000) }))
  },
  '/huge-string-over-cap': (_req, res) => {
    res.writeHead(400, { 'content-type': 'application/json' })
    res.end(JSON.stringify({ message: 'x'.repeat(200_000) }))
  },
  '/length-too-short': (req) => {
    // Declares 10 bytes and sends the whole API body: the client must read 10 and no more.
    raw(req, ['HTTP/1.1 463 Unknown', 'Content-Type: application/json', 'Content-Length: 10'], API_JSON, 'keep')
  },
  '/length-too-long': (req) => {
    // Declares 10 000 bytes, sends the API body, then says nothing more and keeps the connection open.
    raw(req, ['HTTP/1.1 463 Unknown', 'Content-Type: application/json', 'Content-Length: 10000'], API_JSON, 'stall')
  },
  '/broken-chunked': (req) => {
    raw(
      req,
      ['HTTP/1.1 500 Internal Server Error', 'Content-Type: text/plain', 'Transfer-Encoding: chunked'],
      '5\r\nhello\r\nZZ-not-a-size\r\nmore\r\n',
      'keep',
    )
  },
  '/says-gzip-is-not': (_req, res) => {
    res.writeHead(502, { 'content-type': 'text/plain', 'content-encoding': 'gzip' })
    res.end('plain text, not gzip at all')
  },
  '/says-json-sends-html': (_req, res) => {
    res.writeHead(502, { 'content-type': 'application/json' })
    res.end('<html><body><h1>502 Bad Gateway</h1></body></html>')
  },
  '/says-text-sends-json': (_req, res) => {
    res.writeHead(463, { 'content-type': 'text/plain' })
    res.end(API_JSON)
  },
  '/says-image-sends-json': (_req, res) => {
    res.writeHead(463, { 'content-type': 'image/png' })
    res.end(API_JSON)
  },
  '/says-json-sends-binary': (_req, res) => {
    res.writeHead(500, { 'content-type': 'application/json' })
    res.end(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0xff, 0xfe]))
  },
}

let server: TestServer
beforeAll(async () => {
  process.on('unhandledRejection', onUnhandled)
  server = await startServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname
    socketOf.set(path, req.socket)
    const route = routes[path]
    if (route) route(req, res)
    else res.destroy()
  })
})
afterAll(async () => {
  for (const interval of intervals) clearInterval(interval)
  await server.close()
  // Give late socket errors of the lying responses a turn to surface as unhandled rejections.
  await new Promise((resolve) => setTimeout(resolve, 50))
  process.off('unhandledRejection', onUnhandled)
  expect(unhandled).toEqual([])
})

/** Resolves `true` once the server side of `path`'s connection has closed, `false` after 2 s. */
function closed(path: string): Promise<boolean> {
  return socketClosed(socketOf.get(path)!)
}

/** Reads `path` through fromResponse, timed. */
async function read(path: string, options?: Parameters<typeof ApiError.fromResponse>[1]) {
  // fetch may pick a kept-alive socket that an earlier fault's server end has just destroyed
  // (ECONNRESET before any response): that is the client's pool, not the fault, so ask once more.
  const get = () => fetch(`${server.url}${path}`)
  const response = await get().catch(get)
  const started = performance.now()
  const error = (await ApiError.fromResponse(response, options)) as ApiError
  return { error, ms: performance.now() - started, response }
}

/** What every fault must end in: an ApiError that renders, bounded, in every way a logger or a person sees it. */
function expectClear(error: ApiError, status: number, maxBody = 65_536): void {
  expect(error).toBeInstanceOf(ApiError)
  expect(error.status).toBe(status)
  expect(error.message.startsWith(`${status} `)).toBe(true)
  expect(userMessage(error).length).toBeGreaterThan(0)
  const rendered = [String(error), inspect(error, { depth: Number.POSITIVE_INFINITY }), JSON.stringify(error)]
  for (const text of rendered) expect(text.length).toBeLessThan(2 * maxBody + 10_000)
  if (error.serverMessage !== undefined) expect(error.serverMessage.length).toBeLessThanOrEqual(1_000)
  if (error.reason !== undefined) expect(error.reason.length).toBeLessThanOrEqual(1_000)
  if (typeof error.body === 'string') expect(error.body.length).toBeLessThanOrEqual(maxBody)
}

group('slow and stalled bodies', () => {
  it('reads a body that trickles in a few bytes at a time, whole, when it ends within the time limit', async () => {
    const { error, ms } = await read('/trickle')
    expectClear(error, 463)
    expect(ms).toBeGreaterThan(50)
    expect(error).toMatchObject({
      code: 'DEVICE_UNREACHABLE',
      serverMessage: 'Unable to communicate with the camera or bridge, contact support',
      reason: 'DeviceUnreachable',
      body: JSON.parse(API_JSON),
    })
  })

  it('stops a trickle that outlasts timeoutMs, keeps what came as text, and releases the connection', async () => {
    const { error, ms } = await read('/trickle-forever', { timeoutMs: 300 })
    expectClear(error, 504)
    expect(ms).toBeGreaterThanOrEqual(250)
    expect(ms).toBeLessThan(2_000)
    expect(error.code).toBe('GATEWAY_TIMEOUT')
    // Unfinished JSON stays text: what arrived before the limit.
    expect(error.body).toMatch(/^\{"status_code": 504, "message": "Gateway *$/)
    expect(await closed('/trickle-forever')).toBe(true)
  })

  it('stops a body that stalls right after the headers, with the headers read, and releases the connection', async () => {
    const { error, ms } = await read('/stall', { timeoutMs: 300 })
    expectClear(error, 502)
    expect(ms).toBeLessThan(2_000)
    expect(error).toMatchObject({ code: 'BAD_GATEWAY', retryable: true, retryAfterMs: 3_000 })
    expect(error.body).toBeUndefined()
    expect(await closed('/stall')).toBe(true)
  })

  it('gives an error without a body when the server closes right after the headers', async () => {
    const { error, ms } = await read('/headers-then-close')
    expectClear(error, 503)
    expect(ms).toBeLessThan(2_000)
    expect(error.body).toBeUndefined()
  })
})

group('bodies that are not what they claim', () => {
  it('decodes invalid UTF-8 inside JSON strings to U+FFFD and still parses the JSON', async () => {
    const { error } = await read('/invalid-utf8-json')
    expectClear(error, 400)
    expect(error.serverMessage).toBe('bad \uFFFD \uFFFD\uFFFD \uFFFD')
    expect(error.reason).toBe('R\uFFFD')
  })

  it('keeps 100,000-level nested arrays and objects as text, cut to the cap, without a stack overflow', async () => {
    for (const [path, length] of [
      ['/deep-arrays', 200_000],
      ['/deep-objects', 600_001],
    ] as const) {
      const { error } = await read(path)
      expectClear(error, 400)
      expect(typeof error.body).toBe('string')
      expect((error.body as string).length).toBe(65_536)
      const whole = await read(path, { maxBodyBytes: 1024 * 1024 })
      expectClear(whole.error, 400, 1024 * 1024)
      expect((whole.error.body as string).length).toBe(length)
      expect(whole.error.serverMessage).toBeUndefined()
    }
  })

  it('parses 900-level nesting, and the error keeps it bounded (deep containers become [REDACTED])', async () => {
    const { error } = await read('/deep-900')
    expectClear(error, 400)
    expect(error.serverMessage).toBe('deep')
    let depth = 0
    let node = (error.body as { data: unknown }).data
    while (typeof node === 'object' && node !== null) {
      node = (node as { a: unknown }).a
      depth++
    }
    expect(depth).toBeLessThanOrEqual(101)
    expect(node).toBe('[REDACTED]')
  })

  it('parses huge numbers as JSON does (Infinity, 0, rounded), and the error still serialises', async () => {
    const { error } = await read('/huge-numbers')
    expectClear(error, 422)
    expect(error.body).toMatchObject({
      message: 'numbers',
      id: 1.2345678901234568e29,
      big: Number.POSITIVE_INFINITY,
      neg: Number.NEGATIVE_INFINITY,
      tiny: 0,
      long: Number.POSITIVE_INFINITY,
    })
    expect(JSON.parse(JSON.stringify(error)).body).toMatchObject({ big: null, tiny: 0 })
  })

  it('cuts a huge server message and reason to 1,000 characters, and keeps a JSON body over the cap as text', async () => {
    const { error } = await read('/huge-string')
    expectClear(error, 400)
    // Cut after scrubbing, to at most 1,000 characters.
    expect('m'.repeat(50_000).startsWith(error.serverMessage!)).toBe(true)
    expect(error.serverMessage!.length).toBeGreaterThanOrEqual(999)
    expect(error.serverMessage!.length).toBeLessThanOrEqual(1_000)
    expect('r'.repeat(5_000).startsWith(error.reason!)).toBe(true)
    expect(error.reason!.length).toBeGreaterThanOrEqual(999)
    expect(error.reason!.length).toBeLessThanOrEqual(1_000)
    expect(error.message.length).toBeLessThan(1_200)
    const over = await read('/huge-string-over-cap')
    expectClear(over.error, 400)
    expect(over.error.body).toBe(`{"message":"${'x'.repeat(65_536 - 12)}`)
    expect(over.error.serverMessage).toBeUndefined()
  })

  it('reads no more than a too-short Content-Length, leaving a clear error with what it declared', async () => {
    const { error, ms } = await read('/length-too-short')
    expectClear(error, 463)
    expect(ms).toBeLessThan(2_000)
    expect(error.body).toBe(API_JSON.slice(0, 10))
    expect(error.code).toBe('DEVICE_UNREACHABLE')
  })

  it('stops at the time limit when Content-Length promises more than comes, keeping what came, parsed', async () => {
    const { error, ms } = await read('/length-too-long', { timeoutMs: 300 })
    expectClear(error, 463)
    expect(ms).toBeGreaterThanOrEqual(250)
    expect(ms).toBeLessThan(2_000)
    // The whole JSON arrived before the stall: it parses, and the server's words are there.
    expect(error.serverMessage).toBe('Unable to communicate with the camera or bridge, contact support')
    expect(await closed('/length-too-long')).toBe(true)
  })

  it('keeps what arrived before a broken chunked encoding', async () => {
    const { error, ms } = await read('/broken-chunked')
    expectClear(error, 500)
    expect(ms).toBeLessThan(2_000)
    expect(['hello', undefined]).toContain(error.body)
  })

  it('gives an empty body, not a rejection, when Content-Encoding: gzip lies', async () => {
    const { error } = await read('/says-gzip-is-not')
    expectClear(error, 502)
    expect(error.body).toBeUndefined()
    const direct = await readBody(await fetch(`${server.url}/says-gzip-is-not`))
    expect(direct).toEqual({ text: '', complete: true, early: true })
  })

  it('parses by what the body is when the content type lies', async () => {
    const html = await read('/says-json-sends-html')
    expectClear(html.error, 502)
    expect(html.error.body).toBe('<html><body><h1>502 Bad Gateway</h1></body></html>')
    expect(html.error.serverMessage).toBeUndefined()
    for (const path of ['/says-text-sends-json', '/says-image-sends-json']) {
      const { error } = await read(path)
      expectClear(error, 463)
      expect(error.body).toEqual(JSON.parse(API_JSON))
      expect(error.reason).toBe('DeviceUnreachable')
    }
    const binary = await read('/says-json-sends-binary')
    expectClear(binary.error, 500)
    expect(binary.error.body).toBe('\uFFFDPNG\r\n\u001a\n\0\0\uFFFD\uFFFD')
  })
})

group('nothing left behind', () => {
  const dist = fileURLToPath(new URL('../dist/index.js', import.meta.url))

  it('a process that reads every fault through the built package exits on its own, with no handle left', async () => {
    expect(existsSync(dist)).toBe(true)
    // The child serves the faults itself, reads each through fromResponse, closes its server without
    // forcing any connection closed, and reports the resources still active when its loop has drained.
    const script = `
      import { createServer } from 'node:http'
      import { gzipSync } from 'node:zlib'
      const { ApiError } = await import(${JSON.stringify(dist)})
      const problems = []
      process.on('unhandledRejection', (reason) => problems.push('unhandled: ' + String(reason)))
      const faults = {
        '/stall': (req, res) => { res.writeHead(504, { 'content-type': 'application/json' }); res.flushHeaders() },
        '/trickle': (req, res) => {
          res.writeHead(502, { 'content-type': 'text/plain' })
          const t = setInterval(() => res.write('.'), 10)
          res.on('close', () => clearInterval(t))
        },
        '/too-long': (req) => {
          req.socket.write('HTTP/1.1 463 X\\r\\nContent-Length: 1000\\r\\n\\r\\n{"message": "part')
        },
        '/too-short': (req) => {
          req.socket.write('HTTP/1.1 500 X\\r\\nContent-Length: 2\\r\\n\\r\\nabcdef')
        },
        '/reset': (req, res) => {
          res.writeHead(502, { 'content-type': 'text/plain' })
          res.write('before reset', () => setTimeout(() => res.socket.resetAndDestroy(), 20))
        },
        '/huge': (req, res) => { res.writeHead(500); res.end('x'.repeat(4 * 1024 * 1024)) },
        '/gzip-bomb': (req, res) => {
          res.writeHead(500, { 'content-encoding': 'gzip' })
          res.end(gzipSync(Buffer.alloc(20 * 1024 * 1024)))
        },
        '/bad-gzip': (req, res) => { res.writeHead(500, { 'content-encoding': 'gzip' }); res.end('not gzip') },
        '/deep': (req, res) => { res.writeHead(400, { 'content-type': 'application/json' }); res.end('['.repeat(100000)) },
      }
      const server = createServer((req, res) => faults[req.url](req, res))
      await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
      const base = 'http://127.0.0.1:' + server.address().port
      const results = []
      for (const path of Object.keys(faults)) {
        const res = await fetch(base + path)
        // Faults that end early keep the default 10 s limit: a timer left behind would hold the process that long.
        const slow = path === '/stall' || path === '/trickle' || path === '/too-long'
        const error = await ApiError.fromResponse(res, slow ? { timeoutMs: 200, maxBodyBytes: 4096 } : { maxBodyBytes: 4096 })
        if (!(error instanceof ApiError)) problems.push(path + ': not an ApiError')
        if (typeof error.body === 'string' && error.body.length > 4096) problems.push(path + ': body over the cap')
        results.push(path + ' ' + error.status)
      }
      server.close()
      process.on('beforeExit', () => {
        // Reached only when nothing keeps the loop alive. Unhandled rejections would be listed above.
        const left = process.getActiveResourcesInfo().filter((r) => r !== 'TTYWrap' && r !== 'PipeWrap')
        console.log(JSON.stringify({ results, problems, left }))
      })
    `
    const started = performance.now()
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk) => {
      stdout += chunk
    })
    child.stderr.on('data', (chunk) => {
      stderr += chunk
    })
    const killer = setTimeout(() => child.kill('SIGKILL'), 15_000)
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve))
    clearTimeout(killer)
    const seconds = (performance.now() - started) / 1000
    expect(stderr).toBe('')
    expect(code).toBe(0)
    // The faults take about 1 s (three wait out the 200 ms limit); a leaked socket or 10 s timer would hold the process.
    expect(seconds).toBeLessThan(8)
    const report = JSON.parse(stdout) as { results: string[]; problems: string[]; left: string[] }
    expect(report.problems).toEqual([])
    expect(report.left).toEqual([])
    expect(report.results).toEqual([
      '/stall 504',
      '/trickle 502',
      '/too-long 463',
      '/too-short 500',
      '/reset 502',
      '/huge 500',
      '/gzip-bomb 500',
      '/bad-gzip 500',
      '/deep 400',
    ])
  })
})
