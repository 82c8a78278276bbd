import { createRequire } from 'node:module'
import { inspect } from 'node:util'
import fc from 'fast-check'
import { afterAll, beforeAll, expect, describe as group, it, vi } from 'vitest'
import { ApiError, defineOperation, isApiError } from '../../src/index.js'
import { documentedRows } from '../fixtures/api-doc.js'
import { startServer, type TestServer } from '../fixtures/server.js'

const errorRows = documentedRows.filter((row) => row.status >= 300)
/** The API's documented row of `status`. */
const documented = (status: number) => documentedRows.find((row) => row.status === status)!

group('new ApiError(status)', () => {
  it('takes every error row of the table: code, meaning, retry advice, known', () => {
    for (const row of errorRows) {
      const error = new ApiError(row.status)
      expect(error).toBeInstanceOf(Error)
      expect(error).toBeInstanceOf(ApiError)
      expect(error).toMatchObject({
        name: 'ApiError',
        status: row.status,
        code: row.code,
        meaning: row.meaning,
        retryable: row.retryable,
        known: true,
      })
      expect(error.message).toBe(`${row.status} ${row.code}: ${row.meaning}`)
    }
  })

  it('gives a status outside the table the UNKNOWN code, a generic meaning and the retry policy', () => {
    const teapot = new ApiError(418)
    expect(teapot).toMatchObject({ code: 'UNKNOWN', known: false, retryable: false })
    expect(teapot.message).toBe('418 UNKNOWN: Unexpected client error (HTTP 418)')
    expect(new ApiError(408).retryable).toBe(true)
    expect(new ApiError(599).retryable).toBe(true)
    expect(new ApiError(501).retryable).toBe(false)
    expect(new ApiError(505).retryable).toBe(false)
    expect(new ApiError(302)).toMatchObject({ code: 'UNKNOWN', meaning: 'Unexpected redirect (HTTP 302)' })
  })

  it('throws a RangeError for anything but an integer 300–599', () => {
    for (const bad of [200, 204, 299, 600, 100, 0, -1, 402.5, Number.NaN, Number.POSITIVE_INFINITY, '402', null]) {
      expect(() => new ApiError(bad as number), String(bad)).toThrow(RangeError)
    }
  })

  it("adds the server's message, and the operation's name, to the message", () => {
    const error = new ApiError(402, { serverMessage: 'Your account was suspended on 2026-11-01' })
    expect(error.message).toBe(
      '402 ACCOUNT_SUSPENDED: Account is suspended (server: Your account was suspended on 2026-11-01)',
    )
    expect(new ApiError(402, { serverMessage: 'Account is suspended' }).message).toBe(
      '402 ACCOUNT_SUSPENDED: Account is suspended',
    )
    const op = defineOperation('getCamera', {})
    expect(new ApiError(404, { operation: op }).message).toBe(
      'getCamera: 404 NOT_FOUND: Element not found (section specific)',
    )
  })

  it('keeps the fields it is given and leaves the others absent', () => {
    const error = new ApiError(429, {
      retryAfterMs: 5000,
      requestId: 'req-1',
      body: { status_code: 429 },
      serverMessage: 'slow down',
      reason: 'RateLimited',
    })
    expect(error).toMatchObject({
      retryAfterMs: 5000,
      requestId: 'req-1',
      body: { status_code: 429 },
      serverMessage: 'slow down',
      reason: 'RateLimited',
    })
    const bare = new ApiError(429)
    for (const key of ['retryAfterMs', 'requestId', 'body', 'serverMessage', 'reason', 'operation', 'cause']) {
      expect(Object.hasOwn(bare, key), key).toBe(false)
    }
    expect(new ApiError(429, { retryAfterMs: -5 }).retryAfterMs).toBeUndefined()
  })

  it('takes a cause of undefined or null as no cause', () => {
    for (const cause of [undefined, null]) {
      const error = new ApiError(404, { cause })
      expect(Object.hasOwn(error, 'cause')).toBe(false)
      expect(error.unredactedCause).toBeUndefined()
      expect(error.toJSON()).not.toHaveProperty('cause')
    }
  })

  it('keeps a new plain Error as the cause, and the untouched original only behind unredactedCause', () => {
    const original = Object.assign(new TypeError('boom'), { code: 'ECONNRESET', config: { secret: 'x' } })
    const error = new ApiError(500, { cause: original })
    const cause = error.cause as Error & { code?: string }
    expect(cause).not.toBe(original)
    expect(Object.getPrototypeOf(cause)).toBe(Error.prototype)
    expect(cause).toMatchObject({ name: 'TypeError', message: 'boom', code: 'ECONNRESET' })
    expect(cause.stack).toBe(original.stack)
    expect(Object.keys(cause).sort()).toEqual(['code', 'name'])
    expect(error.unredactedCause).toBe(original)
    expect(Object.getOwnPropertyNames(error)).not.toContain('unredactedCause')
    expect(Object.keys(error)).not.toContain('cause')
  })

  it('keeps the original out of util.inspect even when it calls getters, for subclasses too', () => {
    class SdkError extends ApiError {}
    const original = Object.assign(new Error('boom'), {
      config: { headers: { authorization: 'Bearer sk_live_abcdef123456' } },
    })
    for (const error of [new ApiError(500, { cause: original }), new SdkError(500, { cause: original })]) {
      expect(error.unredactedCause).toBe(original)
      expect(inspect(error, { showHidden: true, getters: true, depth: 8 })).not.toContain('sk_live_abcdef123456')
      expect(error).toBeInstanceOf(Error)
      expect(inspect(error)).toMatch(/^(SdkError \[ApiError\]|ApiError): 500 INTERNAL_ERROR/)
    }
  })

  it('shows its fields in util.inspect and String()', () => {
    const error = new ApiError(463, { requestId: 'r-9' })
    expect(String(error)).toBe(
      'ApiError: 463 DEVICE_UNREACHABLE: Unable to communicate with the camera or bridge, contact support',
    )
    expect(inspect(error)).toContain("code: 'DEVICE_UNREACHABLE'")
    expect(inspect(error)).toContain("requestId: 'r-9'")
    expect(error.stack?.split('\n')[0]).toBe(String(error))
  })
})

group('subclasses', () => {
  class SdkError extends ApiError {}
  class OtherError extends ApiError {}

  it('are ApiErrors, and instanceof a subclass holds only for its instances', () => {
    const sdk = new SdkError(404)
    expect(sdk).toBeInstanceOf(SdkError)
    expect(sdk).toBeInstanceOf(ApiError)
    expect(isApiError(sdk)).toBe(true)
    expect(new ApiError(404) instanceof SdkError).toBe(false)
    expect(new OtherError(404) instanceof SdkError).toBe(false)
    expect(sdk.name).toBe('ApiError')
  })

  it('may set their own name', () => {
    class NamedError extends ApiError {
      override name = 'NamedError'
    }
    const named = new NamedError(402)
    expect(named.name).toBe('NamedError')
    expect(String(named)).toMatch(/^NamedError: 402 ACCOUNT_SUSPENDED/)
  })

  it('from and fromJSON return instances of the subclass', () => {
    expect(SdkError.from({ status: 404 })).toBeInstanceOf(SdkError)
    expect(SdkError.fromJSON(new ApiError(404).toJSON())).toBeInstanceOf(SdkError)
    const sdk = new SdkError(404)
    expect(SdkError.from(sdk)).toBe(sdk)
    const plain = new ApiError(404)
    const converted = SdkError.from(plain)
    expect(converted).toBeInstanceOf(SdkError)
    expect(converted).not.toBe(plain)
    expect(converted).toMatchObject({ status: 404, code: 'NOT_FOUND', message: plain.message })
    expect(ApiError.from(plain)).toBe(plain)
  })

  it('from, asked for a subclass, keeps the body whole: the error bounded it already, by the cap it was made with', async () => {
    const body = {
      message: 'validation failed',
      data: Array.from({ length: 3000 }, (_, i) => ({ field: `cameras[${i}].name` })),
    }
    expect(JSON.stringify(body).length).toBeGreaterThan(65_536)
    const response = new Response(JSON.stringify(body), { status: 400 })
    const plain = await ApiError.fromResponse(response, { maxBodyBytes: 2 ** 20 })
    expect(plain.body).toEqual(body)
    expect(SdkError.from(plain)?.body).toEqual(body)
  })

  it('from gives a plain ApiError with the same fields when the subclass constructor throws', () => {
    class Throwing extends ApiError {
      constructor(status: number) {
        super(status)
        throw new Error('no')
      }
    }
    const plain = new ApiError(502, { serverMessage: 'upstream down' })
    const copy = Throwing.from(plain)
    expect(copy).toBeInstanceOf(ApiError)
    expect(copy).not.toBeInstanceOf(Throwing)
    expect(copy).toMatchObject({ status: 502, serverMessage: 'upstream down', message: plain.message })
  })
})

group('the statics, called unbound', () => {
  it('work as ApiError, as they are passed around: .map(ApiError.from), .catch(ApiError.from)', async () => {
    // The types ask for a class as `this` (so a subclass's statics return its instances); plain
    // JavaScript, and a callback passed around, call them without one.
    const { from, fromResponse, fromJSON } = ApiError as unknown as {
      from(value: unknown): ApiError | undefined
      fromResponse(response: unknown): Promise<ApiError>
      fromJSON(json: unknown): ApiError
    }
    const [mapped] = [{ status: 502 }].map(from)
    expect(mapped).toBeInstanceOf(ApiError)
    expect(mapped?.status).toBe(502)
    const caught = await Promise.reject({ status: 429 }).catch(from)
    expect(caught?.code).toBe('TOO_MANY_REQUESTS')
    const read = await fromResponse(new Response('{"message":"gone"}', { status: 410 }))
    expect(read).toBeInstanceOf(ApiError)
    expect(read.message).toBe(
      '410 CAMERA_ATTACH_FAILED: Communication cannot be made to attach the camera to the bridge (server: gone)',
    )
    expect(fromJSON(new ApiError(404).toJSON())).toBeInstanceOf(ApiError)
  })
})

group('ApiError.from on plain objects', () => {
  it('gives undefined when there is no HTTP status, and never throws', () => {
    for (const value of [undefined, null, new Error('ECONNREFUSED'), { status: 'x' }, { status: 1000 }, 'x', 5]) {
      expect(ApiError.from(value)).toBeUndefined()
    }
    fc.assert(
      fc.property(fc.anything(), (value) => {
        const result = ApiError.from(value)
        return result === undefined || result instanceof ApiError
      }),
    )
  })

  it('accepts any object with an HTTP status; a 2xx, a success of the table too, is UNKNOWN', () => {
    expect(ApiError.from({ status: 404 })).toMatchObject({ status: 404, code: 'NOT_FOUND', known: true })
    expect(ApiError.from({ statusCode: 503 })).toMatchObject({ status: 503, code: 'TAG_MAPS_ERROR', retryable: false })
    expect(ApiError.from({ status: 204 })).toMatchObject({ status: 204, code: 'UNKNOWN', known: false })
    expect(ApiError.from({ status: 204 })?.meaning).toBe('User has been logged out')
    expect(ApiError.from({ status: 299 })).toMatchObject({ status: 299, code: 'UNKNOWN', known: false })
  })
})

group('ESM and CJS copies in one process', () => {
  it('recognise each other through isApiError and instanceof', async () => {
    // The built copies, as a user's process would load both; a variable keeps tsc from resolving them before the build.
    const built = '../../dist/index'
    const esm = (await import(`${built}.js`)) as typeof import('../../src/index.js')
    const cjs = createRequire(import.meta.url)(`${built}.cjs`) as typeof esm
    expect(esm.ApiError).not.toBe(cjs.ApiError)
    const fromCjs = new cjs.ApiError(402)
    const fromEsm = new esm.ApiError(402)
    expect(esm.isApiError(fromCjs)).toBe(true)
    expect(cjs.isApiError(fromEsm)).toBe(true)
    expect(fromCjs instanceof esm.ApiError).toBe(true)
    expect(fromEsm instanceof cjs.ApiError).toBe(true)
    expect(isApiError(fromCjs)).toBe(true)
    const converted = ApiError.from(fromCjs)
    expect(converted).toBeInstanceOf(ApiError)
    expect(converted).toMatchObject({ status: 402, code: 'ACCOUNT_SUSPENDED', message: fromCjs.message })
  })

  it("take each other's operations, and each other's endpoints", async () => {
    const built = '../../dist/index'
    const esm = (await import(`${built}.js`)) as typeof import('../../src/index.js')
    const cjs = createRequire(import.meta.url)(`${built}.cjs`) as typeof esm
    const cjsEndpoints = createRequire(import.meta.url)(
      '../../dist/endpoints.cjs',
    ) as typeof import('../../src/endpoints/index.js')
    const locked = cjs.defineOperation('authorize', { 429: { code: 'ACCOUNT_LOCKED', retryable: false } })
    expect(new esm.ApiError(429, { operation: locked })).toMatchObject({ code: 'ACCOUNT_LOCKED', retryable: false })
    const forgot = cjsEndpoints.endpoints.forgotPassword
    expect(new esm.ApiError(406, { operation: forgot })).toMatchObject({ code: forgot.rows[406].code })
  })
})

let server: TestServer
beforeAll(async () => {
  server = await startServer((_req, res) => {
    res.writeHead(402, { 'content-type': 'application/json', 'x-request-id': 'rid-1', 'retry-after': '7' })
    res.end(JSON.stringify({ status_code: 402, message: 'Account is suspended', reason: 'AccountSuspended', data: {} }))
  })
})
afterAll(() => server.close())

group('ApiError.fromResponse, end to end', () => {
  it("reads the API's JSON error body, the request id and Retry-After", async () => {
    const error = await ApiError.fromResponse(await fetch(server.url))
    expect(error).toMatchObject({
      status: 402,
      code: 'ACCOUNT_SUSPENDED',
      serverMessage: 'Account is suspended',
      reason: 'AccountSuspended',
      requestId: 'rid-1',
      retryAfterMs: 7000,
      body: { status_code: 402, message: 'Account is suspended', reason: 'AccountSuspended', data: {} },
    })
    expect(error.message).toBe('402 ACCOUNT_SUSPENDED: Account is suspended')
  })

  it("keeps the server's message on one line in the message and the stack: its line breaks and control characters forge no log line or stack frame", async () => {
    const words =
      'bad id\r\n    at login (/app/auth.js:1:1)\n[INFO] \u001b[32mlogin ok\u001b[0m\u2028done\u007f\u0085\u009f\u2029end'
    const forging = await startServer((_req, res) => {
      res.writeHead(400, { 'content-type': 'application/json' })
      res.end(JSON.stringify({ status_code: 400, message: words, reason: 'BadId', data: null }))
    })
    try {
      const error = await ApiError.fromResponse(await fetch(forging.url))
      expect(error.serverMessage).toBe(words)
      expect(error.message).not.toMatch(/[\p{Cc}\p{Zl}\p{Zp}]/u)
      expect(error.message).toContain('(server: bad id')
      expect(error.stack?.split('\n').filter((line) => line.trimStart().startsWith('at login'))).toEqual([])
    } finally {
      await forging.close()
    }
  })

  it('from(Response) is synchronous and leaves the body unread', async () => {
    const response = await fetch(server.url)
    const error = ApiError.from(response)
    expect(error).toMatchObject({ status: 402, requestId: 'rid-1', retryAfterMs: 7000 })
    expect(error?.body).toBeUndefined()
    expect(error?.cause).toBeUndefined()
    expect(response.bodyUsed).toBe(false)
    await response.body?.cancel()
  })
})

group('edge cases', () => {
  it('from never throws, even when a subclass constructor does: it gives a plain ApiError that says so', () => {
    class Broken extends ApiError {
      constructor(status: number) {
        super(status)
        throw new Error('broken subclass')
      }
    }
    const error = Broken.from({ status: 404 })
    expect(Object.getPrototypeOf(error)).toBe(ApiError.prototype)
    expect(error).toMatchObject({ status: 404, code: 'NOT_FOUND' })
    expect(error?.message).toContain('the class or the operation given threw, so it is a plain ApiError')
  })

  it('fromResponse resolves for a Response-like whose status is no HTTP status (status 0)', async () => {
    const error = await ApiError.fromResponse({ status: 'x', headers: new Headers(), body: null } as never)
    expect(error).toMatchObject({ status: 0, code: 'UNKNOWN', known: false, meaning: 'Not a valid HTTP status' })
    expect(ApiError.fromJSON(error.toJSON())).toMatchObject({ status: 0, code: 'UNKNOWN' })
    const hostile = new Proxy(
      {},
      {
        get() {
          throw new Error('hostile')
        },
      },
    )
    expect((await ApiError.fromResponse(hostile as never)).status).toBe(0)
  })

  it('fromResponse tolerates a request option that cannot be inspected', async () => {
    const request = new Proxy(
      {},
      {
        getPrototypeOf() {
          throw new Error('hostile')
        },
      },
    )
    const response = new Response('{"message":"nope"}', {
      status: 404,
      headers: { 'content-type': 'application/json' },
    })
    expect(await ApiError.fromResponse(response, { request: request as never })).toMatchObject({
      serverMessage: 'nope',
    })
  })

  it('makes every cause a plain Error, which survives the JSON round trip', () => {
    const withText = ApiError.fromJSON(new ApiError(500, { cause: 'socket hang up' }).toJSON()).cause
    expect(withText).toBeInstanceOf(Error)
    expect(withText).toMatchObject({ name: 'Error', message: 'socket hang up' })
    const plain = { code: 'E1', message: 'plain object, not an Error' }
    expect(ApiError.fromJSON(JSON.stringify(new ApiError(500, { cause: plain }))).cause).toMatchObject(plain)
    const revived = ApiError.fromJSON(JSON.stringify(new ApiError(500, { cause: new RangeError('inner') }))).cause
    expect(revived).toBeInstanceOf(Error)
    expect(revived).toMatchObject({ name: 'RangeError', message: 'inner' })
    // Its own cause chain too, as far as it was kept.
    const inner = Object.assign(new Error('inner'), { code: 'ECONNRESET' })
    const chained = new ApiError(502, { cause: new TypeError('outer', { cause: inner }) })
    const again = ApiError.fromJSON(JSON.stringify(chained)).cause as Error & { cause: Error }
    expect(again).toMatchObject({
      name: 'TypeError',
      message: 'outer',
      cause: { message: 'inner', code: 'ECONNRESET' },
    })
    expect(again.cause).toBeInstanceOf(Error)
    expect(JSON.parse(JSON.stringify(chained)).cause).toEqual({
      name: 'TypeError',
      message: 'outer',
      cause: { name: 'Error', message: 'inner', code: 'ECONNRESET' },
    })
    const bare = ApiError.fromJSON({ ...new ApiError(500).toJSON(), cause: {} }).cause as Error
    expect(bare).toBeInstanceOf(Error)
    expect(bare.message).toBe('')
  })

  it('reject an init or operation that is not one, with a TypeError', () => {
    expect(() => new ApiError(402, 5 as never)).toThrow(TypeError)
    expect(() => new ApiError(402, null as never)).toThrow(TypeError)
    expect(() => new ApiError(402, { operation: {} as never })).toThrow(/defineOperation/)
    // A look-alike with the shape of an operation is none: its rows were never checked.
    const lookAlike = { name: 'x', rows: { 402: { code: 5, meaning: {}, retryable: 'yes' } } }
    expect(() => new ApiError(402, { operation: lookAlike as never })).toThrow(/defineOperation/)
    expect(() => new ApiError(402, { operation: { ...defineOperation('y', {}) } as never })).toThrow(/defineOperation/)
    // Made from one, with rows of its own that were never checked: the mark is not its own.
    const derived = Object.create(defineOperation('z', {}), { rows: { value: { 402: { code: 5 } } } })
    expect(() => new ApiError(402, { operation: derived })).toThrow(/defineOperation/)
    const trap = new Proxy(
      {},
      {
        get: () => {
          throw new Error('trap')
        },
      },
    )
    expect(() => new ApiError(402, { operation: trap as never })).toThrow(TypeError)
    expect(isApiError(new ApiError(402), null as never)).toBe(true)
  })

  it('makes the error from an init whose getters or Proxy traps throw, leaving those fields out', () => {
    const throwing = {
      serverMessage: 'kept',
      get body(): unknown {
        throw new Error('getter')
      },
      get cause(): unknown {
        throw new Error('getter')
      },
    }
    const error = new ApiError(500, throwing)
    expect(error).toMatchObject({ status: 500, serverMessage: 'kept' })
    expect(error).not.toHaveProperty('body')
    expect(error).not.toHaveProperty('cause')
    const { proxy, revoke } = Proxy.revocable({ body: 'x' }, {})
    revoke()
    const trap = new Proxy(
      { body: 'x' },
      {
        get: () => {
          throw new Error('trap')
        },
      },
    )
    for (const init of [proxy, trap]) {
      const made = new ApiError(404, init)
      expect(made).toMatchObject({ status: 404, code: 'NOT_FOUND' })
      expect(made).not.toHaveProperty('body')
    }
  })

  it('fromJSON gives a status without an operation its row of this table (or UNKNOWN) whatever the JSON claims, and keeps the row of an operation', () => {
    const claims = { code: 'NOT_FOUND', meaning: 'Element not found', known: false, retryable: true }
    const revived = ApiError.fromJSON({ ...new ApiError(402).toJSON(), ...claims })
    expect([revived.code, revived.meaning, revived.known, revived.retryable]).toEqual([
      'ACCOUNT_SUSPENDED',
      'Account is suspended',
      true,
      false,
    ])
    // A row this table lacks (a newer table's, or forged) is UNKNOWN here, as new ApiError(418) is:
    // the types of this copy know no other code for it.
    const newer = {
      ...new ApiError(418).toJSON(),
      code: 'TEAPOT',
      meaning: 'Short and stout',
      known: true,
      retryable: true,
    }
    const unknown = new ApiError(418)
    expect(ApiError.fromJSON(newer)).toMatchObject({
      status: 418,
      code: 'UNKNOWN',
      meaning: unknown.meaning,
      known: false,
      retryable: unknown.retryable,
    })
    // A success of the table is no error's row either.
    expect(ApiError.fromJSON({ ...newer, status: 200, code: 'OK' })).toMatchObject({ code: 'UNKNOWN', known: false })
    const locked = { ...new ApiError(429).toJSON(), operation: 'authorize', code: 'ACCOUNT_LOCKED', retryable: false }
    expect(ApiError.fromJSON(locked)).toMatchObject({ status: 429, code: 'ACCOUNT_LOCKED', retryable: false })
    // An operation's row is known exactly when it has a code: the two claims must agree.
    expect(ApiError.fromJSON({ ...locked, code: 'UNKNOWN', known: true })).toMatchObject({
      code: 'UNKNOWN',
      known: false,
    })
    expect(ApiError.fromJSON({ ...locked, known: false })).toMatchObject({ code: 'UNKNOWN', known: false })
  })

  it("fromJSON knows no operation's row for status 0 or an empty code: no operation has such a row, so the JSON is forged", () => {
    const locked = { ...new ApiError(429).toJSON(), operation: 'authorize', code: 'ACCOUNT_LOCKED', known: true }
    for (const forged of [
      { ...locked, status: 0 },
      { ...locked, code: '' },
    ]) {
      expect(ApiError.fromJSON(forged)).toMatchObject({ status: forged.status, code: 'UNKNOWN', known: false })
    }
    // A status 100–599 with a code is an operation's row, as defineOperation allows (101, 302, 465).
    expect(ApiError.fromJSON({ ...locked, status: 101, code: 'SWITCHING' })).toMatchObject({ known: true })
  })

  it('fromJSON drops optional fields of the wrong type and keeps the rest', () => {
    const json = { ...new ApiError(429).toJSON(), retryAfterMs: '5', requestId: 7, reason: 'R', name: undefined }
    const { message: _dropped, ...withoutMessage } = json
    const error = ApiError.fromJSON(withoutMessage)
    expect(error.retryAfterMs).toBeUndefined()
    expect(error.requestId).toBeUndefined()
    expect(error.reason).toBe('R')
    expect(error.name).toBe('ApiError')
    expect(error.message).toBe(`429 TOO_MANY_REQUESTS: ${documented(429).meaning}`)
    expect(() => ApiError.fromJSON({ ...json, status: 42 })).toThrow(TypeError)
  })

  it('from never throws: a value whose prototype cannot be read is no error, for ApiError and a subclass', () => {
    class SdkError extends ApiError {}
    const hostile = new Proxy(
      {},
      {
        getPrototypeOf() {
          throw new Error('trap')
        },
      },
    )
    expect(ApiError.from(hostile)).toBeUndefined()
    expect(SdkError.from(hostile)).toBeUndefined()
  })

  it('a subclass’s from copies an error of another copy, with its safe cause and its original', () => {
    class SdkError extends ApiError {}
    const cause = new Error('inner')
    const foreign = new ApiError(503, { cause })
    const copy = SdkError.from(
      Object.assign(Object.create(Error.prototype), foreign, {
        toJSON: () => foreign.toJSON(),
        cause,
        unredactedCause: cause,
        [Symbol.for('een-api-errors.ApiError')]: true,
      }),
    )
    expect(copy).toBeInstanceOf(SdkError)
    expect(copy).toMatchObject({ status: 503, code: 'TAG_MAPS_ERROR', cause: { name: 'Error', message: 'inner' } })
    expect(copy?.cause).not.toBe(cause)
    expect(copy?.unredactedCause).toBe(cause)
  })

  it("a subclass's from reads an error whose brand comes without the fields of toJSON (forged, another version's) as any error with a status", () => {
    class SdkError extends ApiError {}
    const brand = Symbol.for('een-api-errors.ApiError')
    const older = Object.assign(new Error('old copy'), {
      [brand]: true,
      status: 402,
      body: { message: 'suspended', password: 'hunter22x' },
      toJSON: () => ({ status: 402 }),
    })
    const throwing = {
      [brand]: true,
      status: 503,
      toJSON() {
        throw new Error('no')
      },
    }
    for (const value of [{ [brand]: true, status: 429 }, older, throwing]) {
      const copy = SdkError.from(value)
      expect(copy).toBeInstanceOf(SdkError)
      expect(copy?.status).toBe(value.status)
      expect(copy?.code).toBe(documented(value.status).code)
    }
    const copy = SdkError.from(older)
    expect(copy?.serverMessage).toBe('suspended')
    expect(JSON.stringify(copy)).not.toContain('hunter22x')
    // Without a status, as any object: no error.
    expect(SdkError.from({ [brand]: true, status: 'x' })).toBeUndefined()
  })

  it('restates the stack only where the engine begins it with "name: message"', () => {
    const prepare = Error.prepareStackTrace
    Error.prepareStackTrace = () => 'no header here'
    try {
      const error = ApiError.fromJSON({ ...new ApiError(404).toJSON(), message: 'revived' })
      expect(error.stack).toBe('no header here')
    } finally {
      Error.prepareStackTrace = prepare
    }
  })
})

group('more edge cases', () => {
  it('reads nothing from a Request without a body or with its body used', async () => {
    const request = new Request('https://x.test/g/device?A=mediakey-123456', {
      headers: { authorization: 'Bearer abcdefgh1234' },
    })
    const response = new Response('{"message":"bad key mediakey-123456 abcdefgh1234"}', {
      status: 401,
      headers: { 'content-type': 'application/json' },
    })
    const error = await ApiError.fromResponse(response, { request })
    expect(error.serverMessage).not.toContain('mediakey-123456')
    expect(error.serverMessage).not.toContain('abcdefgh1234')
  })

  it("keeps a subclass's name through JSON; a foreign copy's cause comes only through its toJSON", () => {
    class NamedError extends ApiError {
      override name = 'NamedError'
    }
    expect(ApiError.fromJSON(new NamedError(404).toJSON()).name).toBe('NamedError')
    const cause = new Error('inner')
    const foreign = Object.assign(Object.create(Error.prototype), {
      ...new ApiError(503).toJSON(),
      toJSON: () => new ApiError(503).toJSON(),
      cause,
      [Symbol.for('een-api-errors.ApiError')]: true,
    })
    const copy = NamedError.from(foreign)
    expect(copy).toBeInstanceOf(NamedError)
    expect(copy?.cause).toBeUndefined()
    expect(copy?.unredactedCause).toBeUndefined()
  })
})

group('the class as the module builds it at load', () => {
  const load = async () => {
    vi.resetModules()
    return import('../../src/index.js')
  }

  it('names its errors ApiError, a name that can be set or redefined, as on the built-in errors', async () => {
    const { ApiError: Fresh } = await load()
    const error = new Fresh(404)
    expect(error.name).toBe('ApiError')
    expect(String(error)).toMatch(/^ApiError: 404 /)
    // Error.prototype.name is writable and configurable, not enumerable.
    expect(Object.getOwnPropertyDescriptor(Fresh.prototype, 'name')).toEqual({
      value: 'ApiError',
      writable: true,
      enumerable: false,
      configurable: true,
    })
    // Typed read-only; plain JavaScript (or a subclass's constructor) may still set it.
    ;(error as { name: string }).name = 'SdkError'
    expect(error.name).toBe('SdkError')
  })

  it('keeps unredactedCause one step up, a getter as a class declares one, where the constructor is Error as on Error.prototype', async () => {
    const { ApiError: Fresh } = await load()
    const original = new Error('inner')
    expect(new Fresh(500, { cause: original }).unredactedCause).toBe(original)
    const between = Object.getPrototypeOf(Fresh.prototype)
    expect(Object.getPrototypeOf(between)).toBe(Error.prototype)
    expect(Object.getOwnPropertyDescriptor(between, 'constructor')).toEqual(
      Object.getOwnPropertyDescriptor(Error.prototype, 'constructor'),
    )
    class Declared {
      get unredactedCause(): unknown {
        return undefined
      }
    }
    const { get, ...rest } = Object.getOwnPropertyDescriptor(between, 'unredactedCause')!
    const { get: declared, ...expected } = Object.getOwnPropertyDescriptor(Declared.prototype, 'unredactedCause')!
    expect(typeof get).toBe(typeof declared)
    expect(rest).toEqual(expected)
  })

  it('an error of one copy of the module is an ApiError of another, by isApiError and instanceof', async () => {
    const first = await load()
    const second = await load()
    expect(first.ApiError).not.toBe(second.ApiError)
    const error = new first.ApiError(463)
    expect(second.isApiError(error)).toBe(true)
    expect(error instanceof second.ApiError).toBe(true)
    expect(new Error('x') instanceof second.ApiError).toBe(false)
  })

  it('ApiError.from gives back an error of another copy of the module itself, as it is an ApiError there too', async () => {
    const first = await load()
    const second = await load()
    const error = new first.ApiError(503, { cause: new Error('inner') })
    expect(second.ApiError.from(error)).toBe(error)
    class SdkError extends second.ApiError {}
    const copy = SdkError.from(error)
    expect(copy).toBeInstanceOf(SdkError)
    expect(copy).not.toBe(error)
    expect(SdkError.from(copy)).toBe(copy)
  })
})
