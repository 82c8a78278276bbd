// Edge cases of ApiError: exact messages for misuse, which own properties an error has, the
// descriptors of cause, and how a fetch Request given as the request is read.
import { expect, describe as group, it, vi } from 'vitest'
import { ApiError, type ApiErrorInit, defineOperation, isApiError, isRetryable, userMessage } from '../../src/index.js'
import { startServer } from '../fixtures/server.js'

/** `fn` throws an instance of `type` whose message is exactly `message`. */
function expectThrow(fn: () => unknown, type: new (...args: any[]) => Error, message: string): void {
  let thrown: unknown
  try {
    fn()
  } catch (e) {
    thrown = e
  }
  expect(thrown).toBeInstanceOf(type)
  expect((thrown as Error).message).toBe(message)
}

const valid = () => new ApiError(404).toJSON()

group('construction', () => {
  it('rejects an init that is not an object with its own TypeError', () => {
    const cases: [unknown, string][] = [
      [5, '5'],
      ['x', "the string 'x'"],
      [null, 'null'],
      [true, 'a boolean'],
    ]
    for (const [init, named] of cases) {
      expectThrow(() => new ApiError(402, init as never), TypeError, `ApiError: init must be an object, got ${named}`)
    }
  })

  it('names a bad status in its RangeError without echoing it', () => {
    expectThrow(() => new ApiError(700 as number), RangeError, 'ApiError: status must be an integer 300–599, got 700')
    expectThrow(() => new ApiError(4.5 as number), RangeError, 'ApiError: status must be an integer 300–599, got 4.5')
    const named: [unknown, string][] = [
      ['404', "the string '404'"],
      [null, 'null'],
      [undefined, 'undefined'],
      [{}, 'an object'],
      [[404], 'an object'],
      [404n, 'a bigint'],
      [() => 404, 'a function'],
      ['x'.repeat(40), `the string '${'x'.repeat(20)}…'`],
      // A secret in the bad value is scrubbed before the cut: no prefix of it is shown.
      ['Bearer S3cr3tTok99abcdef', "the string 'Bearer [REDACTED]'"],
      ['password=hunter2-and-more-text', "the string 'password=[REDACTED]'"],
      [200, '200'],
      [Number.NaN, 'NaN'],
    ]
    for (const [status, name] of named) {
      expectThrow(
        () => new ApiError(status as never),
        RangeError,
        `ApiError: status must be an integer 300–599, got ${name}`,
      )
    }
  })

  it('takes a reason alone, and drops a request id that is not a string', () => {
    expect(new ApiError(402, { reason: 'AccountSuspended' }).reason).toBe('AccountSuspended')
    expect(Object.hasOwn(new ApiError(402, { requestId: 5 as never }), 'requestId')).toBe(false)
  })

  it('has an own cause only when one was given, writable and configurable but not enumerable', () => {
    const plain = new ApiError(402, { serverMessage: 'x' })
    expect(Object.hasOwn(plain, 'cause')).toBe(false)
    expect(plain.unredactedCause).toBeUndefined()
    const cause = new Error('boom')
    const error = new ApiError(402, { cause })
    expect(Object.getOwnPropertyDescriptor(error, 'cause')).toEqual({
      value: error.cause,
      writable: true,
      enumerable: false,
      configurable: true,
    })
    expect(Object.getOwnPropertyDescriptor(error, 'unredactedCause')).toBeUndefined()
    expect(error.unredactedCause).toBe(cause)
  })

  it('scrubs the request id even when nothing else is given', async () => {
    expect(new ApiError(401, { requestId: 'Bearer abcdef123456' }).requestId).toBe('Bearer [REDACTED]')
    // An empty body, and a server that echoes the request's key in its request id.
    const response = new Response(null, { status: 401, headers: { 'x-request-id': 'req-c0ffee42c0ffee42' } })
    const error = await ApiError.fromResponse(response, { request: { url: 'https://x.test/?A=c0ffee42c0ffee42' } })
    expect(JSON.stringify(error)).not.toContain('c0ffee42c0ffee42')
  })

  it('keeps a body whose JSON runs past the cap as its JSON text, cut to the cap', () => {
    const body = { message: 'big', pad: 'x'.repeat(70_000) }
    const kept = new ApiError(400, { body }).body as string
    expect(typeof kept).toBe('string')
    expect(kept.length).toBe(65_536)
    expect(JSON.stringify(body).startsWith(kept)).toBe(true)
  })
})

group('toJSON', () => {
  it('has exactly the fields that are set: no key for an absent field or cause', () => {
    expect(Object.keys(new ApiError(404).toJSON())).toEqual([
      'name',
      'message',
      'status',
      'code',
      'known',
      'meaning',
      'retryable',
    ])
    expect(Object.keys(new ApiError(429, { retryAfterMs: 5, cause: 'x' }).toJSON())).toEqual([
      'name',
      'message',
      'status',
      'code',
      'known',
      'meaning',
      'retryable',
      'retryAfterMs',
      'cause',
    ])
  })
})

group('fromResponse and from', () => {
  it('parse a JSON body by its content type even when it does not start with { or [', async () => {
    const headers = { 'content-type': 'application/json' }
    const read = await ApiError.fromResponse(new Response('"quoted"', { status: 400, headers }))
    expect(read.body).toBe('quoted')
    expect(ApiError.from({ status: 400, headers, data: '42' })?.body).toBe(42)
  })

  it('read an operation once, as a plain copy: a Proxy of one whose traps throw later is the documented TypeError', () => {
    const authorize = defineOperation('authorize', { 429: { code: 'ACCOUNT_LOCKED', retryable: false } })
    for (const after of [0, 1, 2, 3, 5]) {
      let reads = 0
      const proxy = new Proxy(authorize, {
        get(target, key, receiver) {
          if ((key === 'rows' || key === 'name') && reads++ >= after) throw new Error('trap')
          return Reflect.get(target, key, receiver)
        },
      })
      let error: unknown
      try {
        error = new ApiError(429, { operation: proxy })
      } catch (thrown) {
        error = thrown
      }
      // Either read whole before the trap fires, or refused as no operation: never the trap's Error.
      if (error instanceof ApiError) expect(error.code).toBe('ACCOUNT_LOCKED')
      else expect(error).toEqual(new TypeError('ApiError: operation must come from defineOperation'))
    }
    const rowTrap = new Proxy(
      {},
      {
        get() {
          throw new Error('row trap')
        },
        ownKeys() {
          throw new Error('row trap')
        },
      },
    )
    const forged = { name: 'x', rows: { 429: rowTrap }, [Symbol.for('een-api-errors.operation')]: true }
    expect(() => new ApiError(429, { operation: forged as never })).toThrow(
      new TypeError('ApiError: operation must come from defineOperation'),
    )
  })

  it('make no cause for a Response (a Response is not a cause)', async () => {
    const error = await ApiError.fromResponse(new Response('{}', { status: 500 }))
    expect(Object.hasOwn(error, 'cause')).toBe(false)
    expect('cause' in error).toBe(false)
  })

  it('read the body of a fetch Request given as the request, so that its echoed secrets are scrubbed', async () => {
    const secret = 'c0ffee42-hunter2-c0ffee42'
    const request = new Request('https://x.test/login', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `username=ann&password=${secret}`,
    })
    const response = new Response(`Invalid credential ${secret} for ann`, { status: 401 })
    const error = await ApiError.fromResponse(response, { request })
    expect(error.body).toBe('Invalid credential [REDACTED] for ann')
    // The request is read from a clone: it can still be sent.
    expect(request.bodyUsed).toBe(false)
  })

  it('scrub the URL and headers of a Request without a body, and of one whose body is used', async () => {
    const get = new Request('https://x.test/media?A=c0ffee42c0ffee42')
    const echo = () => new Response('key c0ffee42c0ffee42', { status: 401 })
    expect((await ApiError.fromResponse(echo(), { request: get })).body).toBe('key [REDACTED]')
    const used = new Request('https://x.test/media?A=c0ffee42c0ffee42', { method: 'POST', body: 'x' })
    await used.text()
    const error = await ApiError.fromResponse(echo(), { request: used })
    expect(error.body).toBe('key [REDACTED]')
    // Its body is gone: the message says so, and what to do instead.
    expect(error.message).toContain(
      "(the request's body was sent, so its secrets are unknown: fetch a clone of the Request, or pass { url, headers, body })",
    )
    expect((await ApiError.fromResponse(echo(), { request: get })).message).not.toContain('was sent')
  })

  it('say so when the Request given was the one fetch sent, and not when a clone was sent', async () => {
    const server = await startServer((req, res) => {
      res.writeHead(401)
      req.pipe(res)
    })
    try {
      const secret = 'c0ffee42-hunter2-c0ffee42'
      const request = () => new Request(server.url, { method: 'POST', body: `password=${secret}` })
      const sent = request()
      const told = await ApiError.fromResponse(await fetch(sent), { request: sent })
      expect(told.message).toContain("the request's body was sent")
      const kept = request()
      const scrubbed = await ApiError.fromResponse(await fetch(kept.clone()), { request: kept })
      expect(scrubbed.message).not.toContain('was sent')
      expect(scrubbed.body).toBe('password=[REDACTED]')
    } finally {
      await server.close()
    }
  })

  it("read a Request's body beside the response's, so that a response that stalls to the time limit still has the echo scrubbed", async () => {
    const secret = 'Zq7hunter2Xk9Lw'
    // Echoes the request's password, then never ends: the read of the response takes all of timeoutMs.
    const server = await startServer((_req, res) => {
      res.writeHead(400, { 'content-type': 'text/plain' })
      res.write(`the value ${secret} is not allowed; `)
    })
    try {
      const request = () =>
        new Request(server.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ user: 'ann', password: secret }),
        })
      const started = performance.now()
      const error = await ApiError.fromResponse(await fetch(request()), { request: request(), timeoutMs: 200 })
      expect(error.body).toBe('the value [REDACTED] is not allowed; ')
      expect(JSON.stringify(error)).not.toContain(secret)
      // Both reads within the one time limit.
      expect(performance.now() - started).toBeLessThan(1_000)
    } finally {
      await server.close()
    }
  })

  it('never reject for an object that only looks like a Request (its getters throw)', async () => {
    const fake = Object.create(Request.prototype) as Request
    expect(() => fake.url).toThrow(TypeError)
    const error = await ApiError.fromResponse(new Response('key c0ffee42c0ffee42', { status: 400 }), { request: fake })
    expect(error.status).toBe(400)
    expect(error.body).toBe('key c0ffee42c0ffee42')
  })

  it('give up reading a Request body after a second', async () => {
    const stalled = new Request('https://x.test/', {
      method: 'POST',
      body: new ReadableStream({ start() {} }),
      duplex: 'half',
    } as RequestInit)
    const started = performance.now()
    const error = await ApiError.fromResponse(new Response('x', { status: 500 }), { request: stalled })
    expect(error.status).toBe(500)
    expect(performance.now() - started).toBeLessThan(5_000)
    expect(performance.now() - started).toBeGreaterThanOrEqual(900)
  })
})

group('fromJSON', () => {
  it('says why it rejects: text that is not JSON, and objects that are not of toJSON', () => {
    expectThrow(() => ApiError.fromJSON('not json'), TypeError, 'ApiError.fromJSON: the text is not JSON')
    const notOfToJson = 'ApiError.fromJSON: expected the object of ApiError#toJSON()'
    const hostile = new Proxy(
      {},
      {
        ownKeys() {
          throw new Error('trap')
        },
      },
    )
    expectThrow(() => ApiError.fromJSON(hostile), TypeError, notOfToJson)
    for (const missing of ['code', 'meaning', 'known', 'retryable']) {
      expectThrow(() => ApiError.fromJSON({ ...valid(), [missing]: 5 }), TypeError, notOfToJson)
    }
  })

  it('revives an Error cause with an empty message when the message is not a string', () => {
    const error = ApiError.fromJSON({ ...valid(), cause: { $type: 'Error', name: 'TypeError', message: 5 } })
    expect(error.cause).toBeInstanceOf(Error)
    expect((error.cause as Error).message).toBe('')
    expect((error.cause as Error).name).toBe('TypeError')
  })

  it('takes the name of the JSON, whatever the class says', () => {
    expect(ApiError.fromJSON({ ...valid(), name: 'CustomName' }).name).toBe('CustomName')
  })

  it('revives for a class whose instances have no stack (engines without one)', () => {
    class NoStack extends ApiError {
      constructor(...args: ConstructorParameters<typeof ApiError>) {
        super(...args)
        Object.defineProperty(this, 'stack', { value: undefined, writable: true, configurable: true })
      }
    }
    const error = NoStack.fromJSON(valid())
    expect(error).toBeInstanceOf(NoStack)
    expect(error.stack).toBeUndefined()
  })
})

group('from, between classes', () => {
  class SdkError extends ApiError {}

  it('copies an error of another class without inventing a cause', () => {
    const copy = SdkError.from(new ApiError(402)) as ApiError
    expect(copy).toBeInstanceOf(SdkError)
    expect(Object.hasOwn(copy, 'cause')).toBe(false)
  })
})

group('the ApiError export', () => {
  it('keeps name writable on the prototype and Symbol.hasInstance configurable', async () => {
    // Loaded afresh: the export is set up once, when the module loads, and this test checks that set-up.
    vi.resetModules()
    const { ApiError } = await import('../../src/error/api-error.js')
    const error = new ApiError(404)
    ;(error as { name: string }).name = 'Renamed'
    expect(error.name).toBe('Renamed')
    expect(Object.getOwnPropertyDescriptor(ApiError, Symbol.hasInstance)?.configurable).toBe(true)
    expect(Object.getOwnPropertyDescriptor(ApiError.prototype, 'name')).toEqual({
      value: 'ApiError',
      writable: true,
      enumerable: false,
      configurable: true,
    })
  })
})

group('the internal any-status init', () => {
  class Shifted extends ApiError {
    constructor(status: number, init?: ApiErrorInit) {
      super((status + 1000) as never, init)
    }
  }

  it('still rejects a status outside 100–599 that a subclass hands to super', () => {
    const message = 'ApiError: status must be an integer 300–599, got 1404'
    expectThrow(() => Shifted.fromJSON(valid()), RangeError, message)
    // from never throws: the status the subclass was given stands, in a plain ApiError.
    expect(Object.getPrototypeOf(Shifted.from({ status: 404 }))).toBe(ApiError.prototype)
    expect(Shifted.from({ status: 404 })).toMatchObject({ status: 404, code: 'NOT_FOUND' })
  })
})

group('scrubbing in the constructor', () => {
  it('reads the request only when a field needs scrubbing', () => {
    let reads = 0
    const request = {
      get url() {
        reads++
        return 'https://x.test/?A=c0ffee42c0ffee42'
      },
    }
    const plain = new ApiError(503, { retryAfterMs: 1000, request })
    expect(plain.retryAfterMs).toBe(1000)
    expect(reads).toBe(0)
    const echoed = new ApiError(503, { serverMessage: 'key c0ffee42c0ffee42', request })
    expect(echoed.serverMessage).toBe('key [REDACTED]')
    expect(reads).toBe(1)
  })
})

group('from, with unusual values', () => {
  it('takes the headers of the Response when the error has null headers', () => {
    const response = new Response('', { status: 429, headers: { 'retry-after': '5', 'x-request-id': 'req-7' } })
    const error = ApiError.from({ status: 429, headers: null, response })
    expect(error?.retryAfterMs).toBe(5000)
    expect(error?.requestId).toBe('req-7')
  })

  it('returns itself only for an object: a function that inherits from the class is no error', () => {
    const impostor = Object.setPrototypeOf(() => {}, ApiError.prototype)
    expect(ApiError.from(impostor)).toBeUndefined()
  })
})

group('fromJSON, with unusual values', () => {
  it('rejects a function carrying the fields of toJSON', () => {
    const { name: _name, ...fields } = valid()
    const carrier = Object.assign(() => {}, fields)
    expectThrow(
      () => ApiError.fromJSON(carrier),
      TypeError,
      'ApiError.fromJSON: expected the object of ApiError#toJSON()',
    )
  })

  it('revives any cause as a new plain Error, never the value itself', () => {
    const cause = Object.assign(() => {}, { message: 'm' })
    const revived = ApiError.fromJSON({ ...valid(), cause }).cause
    expect(revived).not.toBe(cause)
    expect(revived).toBeInstanceOf(Error)
    expect(revived).toMatchObject({ message: 'm' })
  })
})

group('fromResponse without a global Request', () => {
  it('takes the request option as a plain request', async () => {
    const saved = Object.getOwnPropertyDescriptor(globalThis, 'Request')
    delete (globalThis as { Request?: unknown }).Request
    try {
      const response = new Response('key c0ffee42c0ffee42', { status: 401 })
      const error = await ApiError.fromResponse(response, { request: { url: 'https://x.test/?A=c0ffee42c0ffee42' } })
      expect(error.body).toBe('key [REDACTED]')
    } finally {
      Object.defineProperty(globalThis, 'Request', saved!)
    }
    expect(typeof Request).toBe('function')
  })
})

group('reading an error whose getters throw', () => {
  it('isRetryable, userMessage and isApiError with an operation never throw', () => {
    const hostile = new Proxy(new ApiError(429), {
      get(target, key) {
        if (key === 'retryable' || key === 'code' || key === 'operation') throw new Error('trap')
        return Reflect.get(target, key)
      },
    })
    expect(isRetryable(hostile)).toBe(false)
    expect(userMessage(hostile)).toBe('Something went wrong. Please try again.')
    expect(isApiError(hostile)).toBe(true)
    expect(isApiError(hostile, defineOperation('op', {}))).toBe(false)
    // Its status unreadable, it is no error of the API at all.
    const statusless = new Proxy(new ApiError(429), {
      get: (target, key) => (key === 'status' ? Reflect.get({}, 'x').y : Reflect.get(target, key)),
    })
    expect(isApiError(statusless)).toBe(false)
    expect(isRetryable(statusless)).toBe(false)
  })
})
