// toJSON and ApiError.fromJSON: an error carried as JSON and revived, every field but the stack kept, scrubbed like any input (src/error/revive.ts).
import fc from 'fast-check'
import { afterAll, beforeAll, expect, describe as group, it } from 'vitest'
import { authorize, findEndpoint } from '../../src/endpoints/index.js'
import {
  type AnyOperation,
  ApiError,
  type ApiErrorFields,
  type ApiErrorInit,
  defineOperation,
  isApiError,
} from '../../src/index.js'
import { startServer, type TestServer } from '../fixtures/server.js'

group('toJSON and fromJSON', () => {
  const authorize = defineOperation('authorize', {
    429: { code: 'ACCOUNT_LOCKED', meaning: 'Account is locked', retryable: false },
    465: { code: 'IP_ADDRESS_INVALID', meaning: 'IP address is not allowed' },
  })
  const unwise = defineOperation('login?password=hunter22x', {
    465: { code: 'TOKEN_abcdef123456', meaning: 'Bearer Zq9xWv7Ks3Lm was refused' },
  })
  const samples = () => [
    new ApiError(402),
    new ApiError(418),
    new ApiError(429, {
      retryAfterMs: 3000,
      requestId: 'abc',
      body: { status_code: 429, message: 'slow', data: [1, 'x', null] },
      serverMessage: 'slow',
      reason: 'Rate',
      cause: new TypeError('inner'),
    }),
    new ApiError(429, { operation: authorize }),
    new ApiError(465, { operation: authorize, body: 'text body' }),
    // An operation whose words hold secret shapes: scrubbed when made, as fromJSON scrubs them.
    new ApiError(465, { operation: unwise }),
    new ApiError(301, { operation: defineOperation('#A= ', {}) }),
  ]

  const fields = (e: ApiError) => {
    const { stack: _stack, ...rest } = Object.getOwnPropertyDescriptors(e)
    return {
      ...Object.fromEntries(Object.entries(rest).map(([key, d]) => [key, d.value])),
      name: e.name,
      message: e.message,
      cause: e.cause instanceof Error ? { name: e.cause.name, message: e.cause.message } : e.cause,
      unredactedCause: undefined,
    }
  }

  it('round-trips every field but the stack, directly, through JSON text and through structuredClone', () => {
    for (const error of samples()) {
      const json = error.toJSON()
      expect(Object.getPrototypeOf(json)).toBe(Object.prototype)
      for (const copy of [
        ApiError.fromJSON(json),
        ApiError.fromJSON(JSON.stringify(error)),
        ApiError.fromJSON(structuredClone(json)),
      ]) {
        expect(copy).toBeInstanceOf(ApiError)
        expect(fields(copy)).toEqual(fields(error))
        expect(copy.stack?.split('\n')[0]).toBe(`ApiError: ${error.message}`)
      }
    }
  })

  it('keeps the message of a server text that ends in a header (Authorization, Cookie) through every round trip: the header is scrubbed to the end of its line, which once took the closing parenthesis', () => {
    for (const serverMessage of [
      'Authorization: Bearer abcd1234efgh',
      'rejected: Cookie: auth_key=abcdef123456; a=1',
    ]) {
      const error = new ApiError(401, { serverMessage })
      expect(error.message).toMatch(/\(server: .*: \[REDACTED\]\)$/)
      const once = ApiError.fromJSON(JSON.stringify(error))
      expect(once.message).toBe(error.message)
      expect(ApiError.fromJSON(once.toJSON()).message).toBe(error.message)
    }
  })

  it("scrubs an operation's own words of secret shapes, in the message and in each field", () => {
    const error = new ApiError(465, { operation: unwise })
    const shown = JSON.stringify(error) + error.message + String(error.stack)
    for (const secret of ['hunter22x', 'Zq9xWv7Ks3Lm']) expect(shown).not.toContain(secret)
    expect(error.operation).toBe('login?password=[REDACTED]')
    expect(error.meaning).toBe('Bearer [REDACTED] was refused')
    // The table's own words and an ordinary operation's are kept as written.
    expect(new ApiError(429, { operation: authorize }).message).toBe('authorize: 429 ACCOUNT_LOCKED: Account is locked')
  })

  it("keeps what follows an operation's name or code named like a secret (resetPassword: 406, EXPIRED_TOKEN: The token…), made and revived", () => {
    const reset = defineOperation('resetPassword', {
      401: { code: 'EXPIRED_TOKEN', meaning: 'The token expired' },
      470: { code: 'BAD_PASSWORD', meaning: 'Too short' },
    })
    for (const [status, expected] of [
      [401, 'resetPassword: 401 EXPIRED_TOKEN: The token expired (server: try again)'],
      [470, 'resetPassword: 470 BAD_PASSWORD: Too short (server: try again)'],
    ] as const) {
      const error = new ApiError(status, { operation: reset, serverMessage: 'try again' })
      expect(error.message).toBe(expected)
      expect(ApiError.fromJSON(error.toJSON()).message).toBe(expected)
    }
  })

  it('scrubs a revived message whole unless it opens as the constructor writes it, and the meaning with what follows it', () => {
    const json = { ...new ApiError(465, { operation: authorize }).toJSON(), message: 'password: hunter22x was sent' }
    expect(ApiError.fromJSON(json).message).toBe('password: [REDACTED] was sent')
    // An operation that is no string names none: the message is read whole, as written.
    const numbered = {
      ...new ApiError(402).toJSON(),
      operation: 7,
      message: '7: 402 ACCOUNT_SUSPENDED: Account is suspended',
    }
    expect(ApiError.fromJSON(numbered).message).toBe(numbered.message)
    // A secret whose name ends the meaning and whose value follows it is found across the two.
    const split = {
      ...json,
      meaning: 'rejected <password>',
      message: '465 IP_ADDRESS_INVALID: rejected <password> hunter22x</password>',
    }
    expect(
      ApiError.fromJSON({ ...split, operation: undefined, status: 418, code: 'IP_ADDRESS_INVALID' }).message,
    ).not.toContain('hunter22x')
    const withOperation = { ...split, message: `authorize: ${split.message}` }
    expect(ApiError.fromJSON(withOperation).message).toBe(
      'authorize: 465 IP_ADDRESS_INVALID: rejected <password> [REDACTED]</password>',
    )
  })

  it('revives a foreign message and name on one line: their line breaks and control characters forge no stack frame', () => {
    const forged = 'x\r\n    at login (/app/auth.js:1:1)\n\u001b[32mok\u2028end'
    const json = { status: 404, code: 'NOT_FOUND', meaning: 'm', known: true, retryable: false }
    const error = ApiError.fromJSON({ ...json, message: forged, name: 'Api\nError' })
    for (const text of [error.message, error.name]) expect(text).not.toMatch(/[\p{Cc}\p{Zl}\p{Zp}]/u)
    expect(error.message).toBe('x     at login (/app/auth.js:1:1) [32mok end')
    expect(error.stack?.split('\n').filter((line) => line.trimStart().startsWith('at login'))).toEqual([])
    // An operation's own words are written on one line when made, so that the round trip keeps them.
    const made = new ApiError(465, {
      operation: defineOperation('auth\nx', { 465: { code: 'A_B', meaning: 'm\n  at z' } }),
    })
    expect(made.message).toBe('auth x: 465 A_B: m   at z')
    expect(ApiError.fromJSON(made.toJSON()).message).toBe(made.message)
  })

  it("gives a status this copy's row, and then its own message: a message of the code the JSON claimed would contradict the fields", () => {
    const json = new ApiError(429, { serverMessage: 'slow down' }).toJSON()
    const moved = ApiError.fromJSON({ ...json, status: 402 })
    expect([moved.status, moved.code, moved.message]).toEqual([
      402,
      'ACCOUNT_SUSPENDED',
      '402 ACCOUNT_SUSPENDED: Account is suspended (server: slow down)',
    ])
    const success = ApiError.fromJSON({ ...json, status: 200 })
    expect([success.code, success.message.startsWith('200 UNKNOWN: ')]).toEqual(['UNKNOWN', true])
    // Where the code agrees, the message is the JSON's, as written.
    expect(ApiError.fromJSON({ ...json, message: '429 TOO_MANY_REQUESTS: as written' }).message).toBe(
      '429 TOO_MANY_REQUESTS: as written',
    )
  })

  it("revives into a subclass that names itself by a getter or a read-only prototype name, keeping the JSON's name", () => {
    // Two usual ways to name a subclass: assigning the revived name to either threw a TypeError.
    class GetterNamed extends ApiError {
      override get name(): string {
        return 'GetterNamed'
      }
    }
    class ProtoNamed extends ApiError {}
    Object.defineProperty(ProtoNamed.prototype, 'name', { value: 'ProtoNamed' })
    class Other extends ApiError {
      override name = 'Other'
    }
    const authorize = defineOperation('authorize', { 429: { code: 'ACCOUNT_LOCKED', retryable: false } })
    const locked = new Other(429, { operation: authorize })
    for (const Named of [GetterNamed, ProtoNamed]) {
      const revived = Named.fromJSON(locked.toJSON())
      expect(revived).toBeInstanceOf(Named)
      expect(revived).toMatchObject({ name: 'Other', code: 'ACCOUNT_LOCKED', retryable: false })
      // X.from(e) of another subclass's error: a new X with the same fields, not a plain ApiError.
      const copy = Named.from(locked)
      expect(copy).toBeInstanceOf(Named)
      expect(copy).toMatchObject({ name: 'Other', code: 'ACCOUNT_LOCKED', operation: 'authorize' })
      // Its own name stands where the JSON's is the same.
      expect(Named.fromJSON(new Named(404).toJSON()).name).toBe(Named.name)
    }
  })

  it('revives a name of its own as the error carried it: a field a logger lists and the app can set and delete', () => {
    class Other extends ApiError {
      override name = 'Other'
    }
    const original = new Other(404)
    const revived = ApiError.fromJSON(original.toJSON())
    expect(Object.getOwnPropertyDescriptor(revived, 'name')).toEqual(Object.getOwnPropertyDescriptor(original, 'name'))
    expect(Object.keys(revived)).toContain('name')
    ;(revived as { name: string }).name = 'Renamed'
    expect(revived.name).toBe('Renamed')
    expect(delete (revived as { name?: string }).name).toBe(true)
    expect(revived.name).toBe('ApiError')
  })

  it('revives into a subclass that fixes its name in its constructor, keeping that name: it cannot be redefined', () => {
    class Fixed extends ApiError {
      constructor(status: number, init?: ApiErrorInit) {
        super(status, init)
        // Neither writable nor configurable, as defineProperty makes it by default.
        Object.defineProperty(this, 'name', { value: 'Fixed' })
      }
    }
    const locked = new ApiError(429, { operation: defineOperation('authorize', { 429: { code: 'ACCOUNT_LOCKED' } }) })
    for (const copy of [Fixed.fromJSON(locked.toJSON()), Fixed.from(locked)]) {
      expect(copy).toBeInstanceOf(Fixed)
      expect(copy).toMatchObject({ name: 'Fixed', code: 'ACCOUNT_LOCKED', operation: 'authorize' })
    }
  })

  it('rejects what is not the object of toJSON with a TypeError', () => {
    for (const bad of [null, 42, 'not json', '{}', {}, { status: 402 }, { status: 'x', code: 'A' }, []]) {
      expect(() => ApiError.fromJSON(bad), String(bad)).toThrow(TypeError)
    }
  })

  it('keeps no optional field of another type than its own: a text, a wait of milliseconds, a cause that is something', () => {
    const base = { status: 429, code: 'TOO_MANY_REQUESTS', meaning: 'm', known: true, retryable: true }
    for (const bad of [5, true, { text: 'x' }, ['x'], null]) {
      const error = ApiError.fromJSON({ ...base, serverMessage: bad, reason: bad, requestId: bad, cause: null })
      for (const key of ['serverMessage', 'reason', 'requestId', 'retryAfterMs', 'cause']) {
        expect(Object.hasOwn(error, key), `${key}: ${JSON.stringify(bad)}`).toBe(false)
      }
      expect(error.message).toBe(new ApiError(429).message)
    }
    for (const wait of ['5', -1, null, { ms: 5 }]) {
      expect(ApiError.fromJSON({ ...base, retryAfterMs: wait }).retryAfterMs).toBeUndefined()
    }
    expect(ApiError.fromJSON({ ...base, retryAfterMs: 5, serverMessage: ' slow ' })).toMatchObject({
      retryAfterMs: 5,
      serverMessage: ' slow ',
    })
  })

  it("hands a subclass's constructor only optional fields of the types its init declares", () => {
    const seen: unknown[] = []
    class SdkError extends ApiError {
      constructor(status: number, init?: ApiErrorInit) {
        super(status, init)
        seen.push(init?.serverMessage, init?.reason, init?.requestId, init?.retryAfterMs)
      }
    }
    const base = { status: 429, code: 'TOO_MANY_REQUESTS', meaning: 'm', known: true, retryable: true }
    SdkError.fromJSON({ ...base, serverMessage: 5, reason: { x: 1 }, requestId: ['r'], retryAfterMs: '5' })
    expect(seen).toEqual([undefined, undefined, undefined, undefined])
    SdkError.fromJSON({ ...base, serverMessage: 'slow', reason: 'Busy', requestId: 'r-1', retryAfterMs: 5 })
    expect(seen.slice(4)).toEqual(['slow', 'Busy', 'r-1', 5])
  })

  it('passes a body given in an object through the JSON round trip: its toJSON runs once, scrubbed; what cannot be serialized goes', () => {
    const json = { status: 401, code: 'X', meaning: 'm', known: true, retryable: false }
    const withToJSON = ApiError.fromJSON({
      ...json,
      body: { toJSON: () => ({ password: 'hunter22secretXYZ', id: 7 }) },
    })
    expect(withToJSON.body).toEqual({ password: '[REDACTED]', id: 7 })
    expect(JSON.stringify(withToJSON)).not.toContain('hunter22secretXYZ')
    const withBigInt = ApiError.fromJSON({ ...json, body: { n: 1n } })
    expect(withBigInt.body).toBeUndefined()
    expect(() => JSON.stringify(withBigInt)).not.toThrow()
    const getter = {
      get boom() {
        throw new Error('getter')
      },
    }
    expect(ApiError.fromJSON({ ...json, body: getter }).body).toBeUndefined()
  })

  it('takes the body of JSON text as JSON.parse nests it, however deep: past 100 levels the rest goes whole', () => {
    const json = { status: 500, code: 'INTERNAL_ERROR', meaning: 'm', known: true, retryable: true, body: 0 }
    // Text within the body cap (64 KiB): 30,000 levels.
    const depth = 30_000
    const text = JSON.stringify(json).replace('"body":0', `"body":${'['.repeat(depth)}${']'.repeat(depth)}`)
    let expected: unknown = '[REDACTED]'
    for (let level = 0; level <= 100; level++) expected = [expected]
    expect(ApiError.fromJSON(text).body).toEqual(expected)
  })

  it('revives a body read with a larger cap whole when given that cap, as data or as JSON text', async () => {
    // 130 KB of data, read with maxBodyBytes 1e6: past the default cap of 64 KiB.
    const body = { items: Array.from({ length: 2_000 }, (_, i) => ({ id: `item-${i}`, note: 'x'.repeat(50) })) }
    const res = new Response(JSON.stringify(body), { status: 500, headers: { 'content-type': 'application/json' } })
    const error = await ApiError.fromResponse(res, { maxBodyBytes: 1e6 })
    expect(error.body).toEqual(body)
    for (const json of [error.toJSON(), JSON.stringify(error)]) {
      expect(ApiError.fromJSON(json, { maxBodyBytes: 1e6 }).body).toEqual(body)
      // Without it, the default cap: the body is cut to 64 KiB of text.
      const cut = ApiError.fromJSON(json).body
      expect(typeof cut === 'string' && new TextEncoder().encode(cut).length <= 65_536).toBe(true)
    }
    // A cap that is no non-negative number means the default, as in fromResponse.
    expect(typeof ApiError.fromJSON(error.toJSON(), { maxBodyBytes: -1 }).body).toBe('string')
  })

  it('round-trips any generated error (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 300, max: 599 }),
        fc.option(fc.string(), { nil: undefined }),
        // What JSON can carry: -0 becomes 0 in JSON text, so generate bodies as JSON gives them back.
        fc.option(
          fc.jsonValue().map((v) => JSON.parse(JSON.stringify(v)) as unknown),
          { nil: undefined },
        ),
        fc.option(fc.nat(), { nil: undefined }),
        (status, serverMessage, body, retryAfterMs) => {
          const error = new ApiError(status, { serverMessage, body, retryAfterMs })
          const copy = ApiError.fromJSON(JSON.parse(JSON.stringify(error)))
          expect(fields(copy)).toEqual(fields(ApiError.fromJSON(error.toJSON())))
          expect(copy.toJSON()).toEqual(JSON.parse(JSON.stringify(error)))
        },
      ),
    )
  })
})

group('fromJSON with the operation the error was made with', () => {
  // 429 is ACCOUNT_LOCKED for authorize (not retryable), 465 is outside the table.
  const login = defineOperation('login', {
    429: { code: 'ACCOUNT_LOCKED', meaning: 'Account is locked', retryable: false },
    465: { code: 'IP_ADDRESS_INVALID', meaning: 'IP address is not allowed' },
  })
  let server: TestServer
  beforeAll(async () => {
    server = await startServer((req, res) => {
      const status = Number(new URL(req.url ?? '/', server.url).searchParams.get('status'))
      res.writeHead(status, { 'content-type': 'application/json', 'x-request-id': 'req-7' })
      res.end(JSON.stringify({ status_code: status, message: 'Too many attempts', reason: 'Locked', data: {} }))
    })
  })
  afterAll(() => server.close())
  const thrown = async (operation: AnyOperation, status: number) =>
    ApiError.fromResponse(await fetch(`${server.url}/g/aaa/authorize?status=${status}`, { method: 'POST' }), {
      operation,
    })
  const fields = (e: ApiErrorFields) => ({ ...e.toJSON(), name: e.name, proto: Object.getPrototypeOf(e) })

  it("revives an error thrown with an operation of the endpoint catalog or of defineOperation with that operation's rows, through JSON text", async () => {
    for (const [operation, status, code] of [
      [authorize, 429, 'ACCOUNT_LOCKED'],
      [authorize, 406, 'TFA_OR_TOKEN_INVALID'],
      [authorize, 402, 'ACCOUNT_SUSPENDED'],
      [login, 465, 'IP_ADDRESS_INVALID'],
      [login, 418, 'UNKNOWN'],
    ] as const) {
      const error = await thrown(operation, status)
      expect([error.code, error.operation, error.requestId]).toEqual([code, operation.name, 'req-7'])
      const text = JSON.stringify(error)
      const { fromJSON } = ApiError
      for (const copy of [ApiError.fromJSON(text, { operation }), fromJSON(JSON.parse(text), { operation })]) {
        expect(copy).toBeInstanceOf(ApiError)
        expect(fields(copy)).toEqual(fields(error))
      }
    }
    // An operation named like a secret: its errors carry the name scrubbed, as the JSON does.
    const unwise = defineOperation('login?password=hunter22x', { 465: { code: 'IP_ADDRESS_INVALID' } })
    const made = new ApiError(465, { operation: unwise })
    expect(fields(ApiError.fromJSON(JSON.stringify(made), { operation: unwise }))).toEqual(fields(made))
    // findEndpoint's operation for the request, as an SDK passes it to fromResponse.
    const found = findEndpoint('POST', '/g/aaa/authorize')
    const locked = await thrown(authorize, 429)
    expect(ApiError.fromJSON(JSON.stringify(locked), { operation: found })).toMatchObject({
      code: 'ACCOUNT_LOCKED',
      retryable: false,
    })
  })

  it('revives into a subclass with the rows of the operation given', async () => {
    class SdkError extends ApiError {}
    const error = await SdkError.fromResponse(await fetch(`${server.url}/?status=429`), { operation: login })
    const copy = SdkError.fromJSON(JSON.stringify(error), { operation: login })
    expect(copy).toBeInstanceOf(SdkError)
    expect(fields(copy)).toEqual(fields(error))
  })

  it("gives a status the operation's row, never what forged or stale JSON claims: its code, meaning, known and retry advice", async () => {
    const json = (await thrown(login, 429)).toJSON()
    for (const claim of [
      { code: 'TOO_MANY_REQUESTS', meaning: 'Too many requests', retryable: true },
      { code: 'FORGED', known: true, retryable: true },
      // The words of an older definition of the operation.
      { meaning: 'Account is locked for an hour' },
    ]) {
      const copy = ApiError.fromJSON({ ...json, ...claim }, { operation: login })
      expect([copy.code, copy.meaning, copy.known, copy.retryable]).toEqual([
        'ACCOUNT_LOCKED',
        'Account is locked',
        true,
        false,
      ])
      expect(copy.message).toBe('login: 429 ACCOUNT_LOCKED: Account is locked (server: Too many attempts)')
    }
    // A status neither the operation nor the table names is UNKNOWN, whatever code the JSON gives it;
    // one only the table names has the table's row.
    const base = { ...json, code: 'IP_ADDRESS_INVALID', meaning: 'm', known: true, retryable: true }
    expect(ApiError.fromJSON({ ...base, status: 466 }, { operation: login })).toMatchObject({
      code: 'UNKNOWN',
      known: false,
      retryable: false,
    })
    expect(ApiError.fromJSON({ ...base, status: 402 }, { operation: login })).toMatchObject({
      code: 'ACCOUNT_SUSPENDED',
      known: true,
      retryable: false,
    })
    // Without the operation, as before: an operation's row is taken as the JSON gives it.
    expect(ApiError.fromJSON({ ...json, code: 'FORGED' }).code).toBe('FORGED')
  })

  it('throws a TypeError for the JSON of an error made with another operation or none, as isApiError(e, operation) is false for it', async () => {
    const locked = await thrown(authorize, 429)
    const plain = new ApiError(429)
    for (const [error, operation] of [
      [locked, login],
      [plain, login],
      [await thrown(login, 429), authorize],
    ] as const) {
      expect(isApiError(error, operation)).toBe(false)
      expect(() => ApiError.fromJSON(JSON.stringify(error), { operation })).toThrow(
        new TypeError('ApiError.fromJSON: not an error of this operation'),
      )
    }
  })

  it('throws a TypeError for an operation that defineOperation did not make; undefined is no operation, as without one', async () => {
    const json = (await thrown(login, 429)).toJSON()
    for (const operation of [{ name: 'login', rows: login.rows }, 'login', null]) {
      expect(() => ApiError.fromJSON(json, { operation } as never), String(operation)).toThrow(TypeError)
    }
    const without = ApiError.fromJSON(json)
    expect(fields(ApiError.fromJSON(json, { operation: undefined }))).toEqual(fields(without))
    expect(fields(ApiError.fromJSON(json, { operation: findEndpoint('GET', '/nowhere') }))).toEqual(fields(without))
  })
})
