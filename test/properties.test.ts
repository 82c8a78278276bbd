// Properties (fast-check) over every export of the package: arbitrary JavaScript values, arbitrary
// Response-likes, generated errors and generated secrets in generated places. The library sits in
// every error path of the apps that use it, so it must never be what throws, hangs or leaks.
import { inspect, isDeepStrictEqual } from 'node:util'
import fc from 'fast-check'
import { afterAll, beforeAll, expect, describe as group, it } from 'vitest'
import * as lib from '../src/index.js'
import {
  ApiError,
  type ApiErrorInit,
  defineMessages,
  defineOperation,
  describe,
  englishMessages,
  isApiError,
  isClientError,
  isInformational,
  isKnownStatus,
  isRedirect,
  isRetryable,
  isServerError,
  isSuccess,
  STATUS_CODES,
  Status,
  userMessage,
} from '../src/index.js'
import { createRedactor } from '../src/redact/index.js'
import { hostile as throwingProxy } from './fixtures/secrets.js'

// Every unhandled rejection during this file is a failure: the library must settle what it starts.
const unhandled: unknown[] = []
const onUnhandled = (reason: unknown) => unhandled.push(reason)
beforeAll(() => {
  process.on('unhandledRejection', onUnhandled)
})
afterAll(() => {
  process.off('unhandledRejection', onUnhandled)
  expect(unhandled).toEqual([])
})

// ---- Arbitraries ----

/** Any JavaScript value fast-check can make: primitives, objects, arrays, maps, sets, boxed values, dates, typed arrays. */
const anyValue = fc.anything({
  maxDepth: 3,
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withObjectString: true,
  withSparseArray: true,
  withTypedArray: true,
  withUnicodeString: true,
})

/** Values that are also odd numbers: what a status field might hold. */
const statusLike = fc.oneof(
  fc.integer({ min: -1000, max: 1000 }),
  fc.double(),
  fc.constantFrom(0, 99, 100, 199, 200, 299, 300, 599, 600, 1e9, -0, 4.5, Number.NaN, Number.POSITIVE_INFINITY),
  fc.constantFrom('404', '', null, undefined, true, 402n),
  anyValue,
)

const table = Object.values(STATUS_CODES)
const errorRows = table.filter((row) => row.status >= 300)
const tableCodes = table.map((row) => row.code)

/** Generated operations: rows for table statuses (overriding) and for statuses outside it (with a code). */
const operationArb = fc
  .tuple(
    fc.string({ minLength: 1, maxLength: 12 }),
    fc.uniqueArray(fc.integer({ min: 100, max: 599 }), { maxLength: 5 }),
    fc.array(fc.tuple(fc.string({ maxLength: 20 }), fc.option(fc.boolean(), { nil: undefined })), {
      minLength: 5,
      maxLength: 5,
    }),
  )
  .map(([name, statuses, details]) => {
    const rows: Record<number, { code?: string; meaning?: string; retryable?: boolean }> = {}
    statuses.forEach((status, i) => {
      const [meaning, retryable] = details[i]!
      const known = isKnownStatus(status)
      rows[status] = {
        // A table status keeps its code half of the time; a status outside the table needs one.
        ...(known && i % 2 === 0 ? {} : { code: `OP_${status}_${i}` }),
        ...(meaning === '' ? {} : { meaning }),
        ...(retryable === undefined ? {} : { retryable }),
      }
    })
    return defineOperation(name, rows as never) as lib.Operation
  })

/** JSON data as it can travel: JSON text has no -0 (`JSON.stringify(-0)` is `'0'`), so none is generated. */
const jsonData = (maxDepth: number) =>
  fc.jsonValue({ maxDepth }).map((value) => JSON.parse(JSON.stringify(value)) as unknown)

/** An error made by hand with any mix of the optional fields. */
const initArb = fc.record(
  {
    operation: operationArb,
    serverMessage: fc.string({ maxLength: 40 }),
    reason: fc.string({ maxLength: 20 }),
    body: jsonData(3),
    requestId: fc.string({ maxLength: 20 }),
    retryAfterMs: fc.nat({ max: 1e9 }),
    cause: fc.oneof(
      fc
        .tuple(fc.string({ maxLength: 20 }), fc.constantFrom('Error', 'TypeError', 'AbortError', 'HTTPError'))
        .map(([message, name]) => Object.assign(new Error(message), { name })),
      jsonData(2).filter((v) => !isRecordWithMessage(v)),
    ),
  },
  { requiredKeys: [] },
)

function isRecordWithMessage(value: unknown): boolean {
  return typeof value === 'object' && value !== null && typeof (value as { message?: unknown }).message === 'string'
}

/** A status the constructor takes for `init`: 300–599, or any status its operation names. */
function statusFor(init: ApiErrorInit, pick: number): number {
  const opStatuses = init.operation ? Object.keys(init.operation.rows).map(Number) : []
  const all = [...errorRows.map((row) => row.status), 300, 418, 499, 501, 599, ...opStatuses]
  return all[pick % all.length]!
}

class SdkError extends ApiError {
  override readonly name: string = 'SdkError'
}

// ---- Hostile values ----

function revokedProxy(): object {
  const { proxy, revoke } = Proxy.revocable({}, {})
  revoke()
  return proxy
}

function throwingGetters(keys: readonly string[]): object {
  const o = {}
  for (const key of keys) {
    Object.defineProperty(o, key, {
      enumerable: true,
      get() {
        throw new Error(`getter ${key}`)
      },
    })
  }
  return o
}

/**
 * A value made only when the property runs. fast-check probes and prints the values it generates,
 * and a hostile one would throw at fast-check itself; this also gives every run (and every
 * shrink) a fresh stream or iterator.
 */
class Lazy {
  constructor(
    readonly label: string,
    readonly make: () => unknown,
  ) {}
  toString(): string {
    return this.label
  }
}

/** The value itself, or what a {@link Lazy} makes. */
function real(value: unknown): unknown {
  return value instanceof Lazy ? value.make() : value
}

/** Values whose every read can throw: Proxies, revoked Proxies, throwing getters and conversions. */
const hostileValue: fc.Arbitrary<Lazy> = fc.oneof(
  fc.constant(new Lazy('throwing Proxy', () => throwingProxy())),
  fc.constant(new Lazy('revoked Proxy', revokedProxy)),
  fc.constant(new Lazy('throwing function Proxy', () => throwingProxy(() => {}))),
  fc
    .subarray(['status', 'statusCode', 'response', 'headers', 'then', 'toJSON', 'message', 'name', 'code', 'body'])
    .map((keys) => new Lazy(`getters ${keys.join(',')} throw`, () => throwingGetters(keys))),
  fc.constant(
    new Lazy('throwing toPrimitive', () => ({
      [Symbol.toPrimitive]() {
        throw new Error('no primitive')
      },
    })),
  ),
)

// ---- Every export over arbitrary values ----

group('every export, over arbitrary values', () => {
  const guards = { isKnownStatus, isInformational, isSuccess, isRedirect, isClientError, isServerError, isRetryable }
  const covered = new Set([
    ...Object.keys(guards),
    'describe',
    'isApiError',
    'userMessage',
    'defineMessages',
    'englishMessages',
    'defineOperation',
    'ApiError',
    'ApiError',
    'STATUS_CODES',
    'Status',
  ])

  it('covers every runtime export of the package', () => {
    expect(Object.keys(lib).sort()).toEqual([...covered].sort())
  })

  it('guards, describe, isApiError and userMessage never throw and answer in their type', () => {
    fc.assert(
      fc.property(fc.oneof(statusLike, anyValue), (x) => {
        for (const [name, guard] of Object.entries(guards)) expect(typeof guard(x), name).toBe('boolean')
        const text = describe(x as number)
        expect(typeof text === 'string' && text.length > 0).toBe(true)
        expect(isApiError(x)).toBe(false)
        expect(userMessage(x)).toBe('Something went wrong. Please try again.')
        // A guard is true only for integers of its range.
        if (isSuccess(x)) expect(Number.isInteger(x) && x >= 200 && x <= 299).toBe(true)
        if (isKnownStatus(x)) expect(STATUS_CODES[x].status).toBe(x)
      }),
      { numRuns: 300 },
    )
  })

  it('new ApiError throws a RangeError unless the status is an integer 300–599, whatever the init', () => {
    fc.assert(
      fc.property(statusLike, fc.option(initArb, { nil: undefined }), (status, init) => {
        const valid =
          typeof status === 'number' &&
          Number.isInteger(status) &&
          ((status >= 300 && status <= 599) ||
            (status >= 100 && status <= 599 && init?.operation?.rows[status] !== undefined))
        if (!valid) {
          expect(() => new ApiError(status as number, init)).toThrow(RangeError)
          return
        }
        const error = new ApiError(status as number, init)
        expect(error).toBeInstanceOf(ApiError)
        expect(isApiError(error)).toBe(true)
        expect(error.status).toBe(Object.is(status, -0) ? 0 : status)
        expect(typeof error.message).toBe('string')
        expect(userMessage(error).length).toBeGreaterThan(0)
        expect(isRetryable(error)).toBe(error.retryable)
      }),
      { numRuns: 200 },
    )
  })

  it('an operation decides the fields of the statuses it names; other statuses behave as without it', () => {
    fc.assert(
      fc.property(operationArb, fc.integer({ min: 100, max: 599 }), (operation, status) => {
        const row = operation.rows[status]
        if (row === undefined) {
          if (status < 300) return void expect(() => new ApiError(status, { operation })).toThrow(RangeError)
          const plain = new ApiError(status)
          const withOp = new ApiError(status, { operation })
          expect(withOp).toMatchObject({
            code: plain.code,
            meaning: plain.meaning,
            retryable: plain.retryable,
            known: plain.known,
            operation: operation.name,
          })
          expect(withOp.message).toBe(`${operation.name}: ${plain.message}`)
          return
        }
        const error = new ApiError(status, { operation })
        expect(error.known).toBe(true)
        expect(error.code).toBe(row.code ?? STATUS_CODES[status as lib.KnownStatus].code)
        expect(error.meaning).toBe(row.meaning ?? describe(status))
        expect(error.retryable).toBe(row.retryable ?? isRetryable(status))
        expect(isApiError(error, operation)).toBe(true)
      }),
      { numRuns: 200 },
    )
  })

  it('ApiError.from never throws: undefined or an ApiError with an HTTP status, for any value and options', () => {
    // Shapes that look like what clients throw, with any field values.
    const clientLike = fc.record(
      {
        status: statusLike,
        statusCode: statusLike,
        isAxiosError: fc.boolean(),
        name: fc.constantFrom('HTTPError', 'FetchError', 'AxiosError', 'Error'),
        message: fc.string(),
        headers: fc.oneof(anyValue, fc.dictionary(fc.string(), fc.string())),
        data: anyValue,
        body: anyValue,
        options: anyValue,
        config: anyValue,
        request: anyValue,
        response: fc.record(
          { status: statusLike, statusCode: statusLike, headers: anyValue, data: anyValue, body: anyValue },
          { requiredKeys: [] },
        ),
      },
      { requiredKeys: [] },
    )
    const options = fc.option(
      fc.record(
        {
          operation: operationArb,
          request: fc.oneof(anyValue, fc.record({ url: fc.webUrl(), headers: anyValue, body: anyValue })),
          redact: fc.oneof(fc.array(fc.string()), anyValue),
          maxRetryAfterMs: statusLike,
          requestIdHeaders: fc.oneof(fc.array(fc.string()), anyValue),
        },
        { requiredKeys: [] },
      ),
      { nil: undefined },
    )
    fc.assert(
      fc.property(fc.oneof(anyValue, clientLike), options, (value, opts) => {
        const result = ApiError.from(value, opts as never)
        if (result === undefined) return
        expect(result).toBeInstanceOf(ApiError)
        expect(result.status === 0 || (Number.isInteger(result.status) && result.status >= 100)).toBe(true)
        expect(result.status).toBeLessThanOrEqual(599)
        expect(() => JSON.stringify(result.toJSON(), (_k, v) => (typeof v === 'bigint' ? String(v) : v))).not.toThrow()
      }),
      { numRuns: 300 },
    )
  })

  it('ApiError.fromJSON throws only a TypeError, and revives only what has the fields of toJSON', () => {
    const near = fc.record(
      {
        status: statusLike,
        code: fc.oneof(fc.constantFrom(...tableCodes), anyValue),
        meaning: fc.oneof(fc.string(), anyValue),
        known: fc.oneof(fc.boolean(), anyValue),
        retryable: fc.oneof(fc.boolean(), anyValue),
        message: anyValue,
        name: anyValue,
        cause: anyValue,
        body: anyValue,
        retryAfterMs: anyValue,
        requestId: anyValue,
      },
      { requiredKeys: [] },
    )
    fc.assert(
      fc.property(
        fc.oneof(
          anyValue,
          near,
          near.map((o) => JSON.stringify(o, (_k, v) => (typeof v === 'bigint' ? String(v) : v))),
        ),
        (json) => {
          let error: ApiError
          try {
            error = ApiError.fromJSON(json)
          } catch (e) {
            expect(e).toBeInstanceOf(TypeError)
            return
          }
          expect(error).toBeInstanceOf(ApiError)
          expect(typeof error.code).toBe('string')
          expect(typeof error.message).toBe('string')
        },
      ),
      { numRuns: 300 },
    )
  })

  it('defineOperation and defineMessages throw only a TypeError, and what they accept works', () => {
    const rowArb = fc.oneof(
      anyValue,
      fc.record(
        {
          code: fc.oneof(fc.constantFrom(...tableCodes, 'UNKNOWN', ''), fc.string({ maxLength: 10 }), anyValue),
          meaning: fc.oneof(fc.string({ maxLength: 10 }), anyValue),
          retryable: fc.oneof(fc.boolean(), anyValue),
        },
        { requiredKeys: [] },
      ),
    )
    const key = fc.oneof(fc.integer({ min: 0, max: 700 }).map(String), fc.constantFrom('4.5e2', '0x1f4', ' 404'))
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ maxLength: 8 }), anyValue),
        fc.oneof(fc.dictionary(key, rowArb), anyValue),
        (name, rows) => {
          let operation: lib.Operation
          try {
            operation = defineOperation(name as string, rows as never) as lib.Operation
          } catch (e) {
            expect(e).toBeInstanceOf(TypeError)
            return
          }
          expect(Object.isFrozen(operation) && Object.isFrozen(operation.rows)).toBe(true)
          for (const status of Object.keys(operation.rows).map(Number)) {
            const error = new ApiError(status, { operation })
            expect(error.known).toBe(true)
            expect(error.operation).toBe(name)
            // The code the row declares, as its type says (a code is a word, which nothing scrubs).
            const declared = operation.rows[status]?.code
            if (declared !== undefined) expect(error.code).toBe(declared)
          }
          // A catalog must name every code the operation adds.
          try {
            defineMessages(englishMessages as never, operation as never)
          } catch (e) {
            expect(e).toBeInstanceOf(TypeError)
          }
        },
      ),
      { numRuns: 300 },
    )
    fc.assert(
      fc.property(
        fc.oneof(anyValue, fc.dictionary(fc.constantFrom(...tableCodes, 'UNKNOWN'), fc.oneof(fc.string(), anyValue))),
        fc.option(fc.oneof(operationArb, anyValue), { nil: undefined }),
        (catalog, operation) => {
          try {
            const checked = defineMessages(catalog as never, operation as never)
            expect(Object.isFrozen(checked)).toBe(true)
          } catch (e) {
            expect(e).toBeInstanceOf(TypeError)
          }
        },
      ),
      { numRuns: 200 },
    )
  })

  it('userMessage never throws, whatever the catalog, and never returns an empty text', () => {
    const entry = fc.oneof(
      fc.string(),
      anyValue,
      fc.constant(() => {
        throw new Error('catalog bug')
      }),
      fc.constant(() => ''),
      fc.constant(() => 42),
      fc.constant((e: ApiError) => `code ${e.code}`),
    )
    fc.assert(
      fc.property(
        fc.constantFrom(...errorRows.map((row) => row.status), 418, 503, 599, 300),
        fc.oneof(anyValue, fc.dictionary(fc.constantFrom(...tableCodes, 'UNKNOWN'), entry)),
        (status, catalog) => {
          const text = userMessage(new ApiError(status as number), catalog as never)
          expect(typeof text === 'string' && text.length > 0).toBe(true)
        },
      ),
      { numRuns: 200 },
    )
  })

  it('the data exports are frozen, and reading any key gives a row, a status, a message or nothing', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.integer(), fc.constantFrom('__proto__', 'constructor', 'toString')), (k) => {
        if (Object.hasOwn(STATUS_CODES, k)) expect(STATUS_CODES[k as lib.KnownStatus].status).toBe(Number(k))
        if (Object.hasOwn(Status, k)) expect(STATUS_CODES[Status[k as lib.ErrorCode]].code).toBe(k)
        if (Object.hasOwn(englishMessages, k)) expect(typeof englishMessages[k as never]).toBe('string')
      }),
      { numRuns: 100 },
    )
    for (const data of [STATUS_CODES, Status, englishMessages, ...table]) expect(Object.isFrozen(data)).toBe(true)
  })
})

// ---- Hostile values: Proxies whose traps throw, revoked Proxies, throwing getters ----

group('every export, over hostile values', () => {
  it('the guards, describe, isApiError, userMessage and ApiError.from never throw', () => {
    fc.assert(
      fc.property(hostileValue, (lazy) => {
        const x = lazy.make()
        for (const guard of [isKnownStatus, isInformational, isSuccess, isRedirect, isClientError, isServerError]) {
          expect(guard(x)).toBe(false)
        }
        expect(describe(x as never)).toBe('Not a valid HTTP status')
        expect(isRetryable(x)).toBe(false)
        expect(isApiError(x)).toBe(false)
        expect(userMessage(x)).toBe('Something went wrong. Please try again.')
        expect(() => ApiError.from(x)).not.toThrow()
      }),
      { numRuns: 50 },
    )
  })

  it('new ApiError throws a RangeError, and fromJSON a TypeError', () => {
    fc.assert(
      fc.property(hostileValue, (lazy) => {
        const x = lazy.make()
        expect(() => new ApiError(x as never)).toThrow(RangeError)
        expect(() => ApiError.fromJSON(x)).toThrow(TypeError)
      }),
      { numRuns: 50 },
    )
  })
})

// ---- fromResponse over arbitrary Response-likes ----

/** A header value fetch accepts. */
const headerText = fc.stringMatching(/^[\x21-\x7e]([\x20-\x7e]{0,30}[\x21-\x7e])?$/)
const headerName = fc.constantFrom(
  'content-type',
  'retry-after',
  'x-request-id',
  'request-id',
  'x-correlation-id',
  'Content-Type',
  'RETRY-AFTER',
  'x-other',
)
const contentType = fc.constantFrom(
  'application/json',
  'application/problem+json; charset=utf-8',
  'text/plain',
  'text/html',
  'application/octet-stream',
  'APPLICATION/JSON',
  'application/vnd.een+json',
)
/** Text a server may send: JSON of any shape (also with the docs' trailing commas), broken JSON, text, HTML, deep nesting. */
const bodyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)),
  fc
    .record(
      { status_code: fc.integer(), message: fc.string(), reason: fc.string(), data: fc.jsonValue({ maxDepth: 2 }) },
      { requiredKeys: [] },
    )
    .map((v) => JSON.stringify(v).replace(/}$/, ',}')),
  fc.record({ type: fc.string(), title: fc.string(), detail: fc.string() }).map((v) => JSON.stringify(v)),
  fc.jsonValue().map((v) => JSON.stringify(v).slice(0, -1)),
  fc.nat({ max: 3000 }).map((n) => `${'['.repeat(n)}${']'.repeat(n)}`),
  fc.constant('<html><body>502 Bad Gateway</body></html>'),
)
const bodyBytes = fc.oneof(
  bodyText.map((t) => new TextEncoder().encode(t)),
  fc.uint8Array({ maxLength: 300 }),
)

const realResponse = fc
  .record({
    status: fc.integer({ min: 200, max: 599 }),
    body: fc.option(fc.oneof(bodyText, bodyBytes), { nil: null }),
    headers: fc.array(fc.tuple(headerName, headerText), { maxLength: 4 }),
    contentType: fc.option(contentType, { nil: undefined }),
  })
  .map(({ status, body, headers, contentType }) => {
    const init = new Headers(headers)
    if (contentType !== undefined) init.set('content-type', contentType)
    const nullBody = status === 204 || status === 205 || status === 304
    return new Response(nullBody ? null : (body as BodyInit | null), { status, headers: init })
  })

const never = () => new Promise<never>(() => {})

/** A body that is a stream, an iterable or a method: well-behaved, stalled, failing or absurd. */
const weirdBody = fc.oneof(
  anyValue,
  hostileValue,
  bodyText,
  bodyBytes.map((b) => b.buffer),
  fc
    .array(fc.oneof(bodyBytes, bodyText, anyValue), { maxLength: 4 })
    .chain((chunks) =>
      fc.constantFrom(
        // A stream that ends, one that never ends, one that errors after its chunks.
        () =>
          new ReadableStream({
            start(c) {
              for (const chunk of chunks) c.enqueue(chunk)
              c.close()
            },
          }),
        () =>
          new ReadableStream({
            start(c) {
              for (const chunk of chunks) c.enqueue(chunk)
            },
          }),
        () => {
          const queue = [...chunks]
          return new ReadableStream({
            pull(c) {
              const next = queue.shift()
              if (next === undefined) c.error(new Error('reset'))
              else c.enqueue(next)
            },
          })
        },
        // Async iterables: a generator, one that throws, one that never yields.
        () =>
          (async function* () {
            yield* chunks
          })(),
        () =>
          (async function* () {
            yield* chunks
            throw new Error('socket hang up')
          })(),
        () => ({ [Symbol.asyncIterator]: () => ({ next: never, return: never }) }),
        // Readers that misbehave.
        () => ({ getReader: () => ({ read: never, cancel: never }) }),
        () => ({
          getReader: () => ({
            read: () => Promise.reject(new Error('read failed')),
            cancel: () => {
              throw new Error('cancel failed')
            },
          }),
        }),
        () => {
          const queue = [...chunks]
          return { getReader: () => ({ read: () => queue.shift() ?? null, cancel: () => Promise.reject(1) }) }
        },
        () => ({
          getReader() {
            throw new TypeError('locked')
          },
        }),
        () => ({ getReader: () => 42 }),
        () => ({ [Symbol.asyncIterator]: () => null }),
      ),
    )
    .map((make) => new Lazy(make.toString().slice(0, 60), make)),
)
const weirdMethod = fc.constantFrom<unknown>(
  undefined,
  42,
  () => 'text',
  () => Promise.resolve('{"message": "from text()"}'),
  () => Promise.resolve(new Uint8Array([0xff, 0xfe, 0x41])),
  () => Promise.resolve(42),
  () => Promise.reject(new Error('body used')),
  () => {
    throw new TypeError('Illegal invocation')
  },
  never,
)
const weirdHeaders = fc.oneof(
  anyValue,
  hostileValue,
  fc.array(fc.tuple(headerName, fc.oneof(headerText, anyValue)), { maxLength: 4 }),
  fc.dictionary(headerName, fc.oneof(headerText, fc.array(headerText), anyValue)),
  fc.constant({
    get() {
      throw new Error('get')
    },
    forEach() {
      throw new Error('forEach')
    },
  }),
)
const weirdResponse = fc
  .record(
    {
      status: statusLike,
      headers: weirdHeaders,
      body: weirdBody,
      text: weirdMethod,
      arrayBuffer: weirdMethod,
      bodyUsed: fc.oneof(fc.boolean(), anyValue),
      throwing: fc.subarray(['status', 'headers', 'body', 'text', 'arrayBuffer', 'bodyUsed']),
    },
    { requiredKeys: ['throwing'] },
  )
  .map(
    ({ throwing, ...fields }) =>
      new Lazy(`Response-like, throwing ${throwing.join(',')}`, () => {
        const o: Record<string, unknown> = {}
        for (const [key, value] of Object.entries(fields)) o[key] = real(value)
        for (const key of throwing) {
          Object.defineProperty(o, key, {
            get() {
              throw new Error(`getter ${key}`)
            },
          })
        }
        return o
      }),
  )

const readOptions = fc.record(
  {
    timeoutMs: fc.integer({ min: 0, max: 60 }),
    maxBodyBytes: fc.oneof(fc.nat({ max: 400 }), fc.constantFrom(-1, Number.NaN, Number.POSITIVE_INFINITY)),
    signal: fc.constantFrom('aborted', 'later', 'none'),
    redact: fc.array(fc.string({ maxLength: 8 }), { maxLength: 2 }),
    operation: operationArb,
  },
  { requiredKeys: ['timeoutMs'] },
)

function timers(): number {
  return process.getActiveResourcesInfo().filter((name) => name === 'Timeout').length
}

group('ApiError.fromResponse over arbitrary Response-likes', () => {
  it('always resolves to an ApiError within its time limit, bounded, and leaves no timer behind', async () => {
    const before = timers()
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(realResponse, weirdResponse, anyValue, hostileValue),
        readOptions,
        async (response, { signal, ...options }) => {
          const controller = new AbortController()
          const abortTimer = signal === 'later' ? setTimeout(() => controller.abort(), 5) : undefined
          if (signal === 'aborted') controller.abort()
          const started = performance.now()
          try {
            const error = await ApiError.fromResponse(real(response) as Response, {
              ...options,
              ...(signal === 'none' ? {} : { signal: controller.signal }),
            })
            const elapsed = performance.now() - started
            expect(elapsed).toBeLessThan(options.timeoutMs + 1_500)
            expect(error).toBeInstanceOf(ApiError)
            expect(isApiError(error)).toBe(true)
            expect(error.status === 0 || (Number.isInteger(error.status) && error.status >= 100)).toBe(true)
            expect(error.status).toBeLessThanOrEqual(599)
            const max = options.maxBodyBytes
            const cap = max !== undefined && max >= 0 ? max : 65_536
            // Redaction may lengthen a text a little ([REDACTED] for a short secret); parsing may too (1e5 → 100000).
            const size = typeof error.body === 'string' ? error.body.length : JSON.stringify(error.body ?? '').length
            expect(size).toBeLessThanOrEqual(cap * 10 + 64)
            expect(() => JSON.stringify(error)).not.toThrow()
          } finally {
            clearTimeout(abortTimer)
          }
        },
      ),
      { numRuns: 150 },
    )
    expect(timers()).toBeLessThanOrEqual(before)
  })

  it('reads real Responses: a JSON body becomes data with the server fields, any other text stays text', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 300, max: 599 }).filter((status) => status !== 304),
        // Data the secret rules leave alone (a generated `#A=*` is the API key's query shape).
        fc.jsonValue({ maxDepth: 3 }).filter((data) => isDeepStrictEqual(createRedactor().value(data), data)),
        fc
          .string({ maxLength: 30 })
          .filter((s) => s.trim() !== '' && !/[^\x20-\x7e]/.test(s) && createRedactor().text(s) === s),
        async (status, data, message) => {
          const payload = { status_code: status, message, reason: 'R', data }
          const response = new Response(JSON.stringify(payload), {
            status,
            headers: { 'content-type': 'application/json' },
          })
          const error = await ApiError.fromResponse(response)
          expect(error.status).toBe(status)
          expect(error.serverMessage).toBe(message.trim())
          expect(error.reason).toBe('R')
          expect(error.body).toEqual(JSON.parse(JSON.stringify(payload)))
        },
      ),
      { numRuns: 100 },
    )
  })

  /** Settles within a second: 'error' for an ApiError, else what happened. */
  async function outcome(options: unknown): Promise<string> {
    const response = new Response('{"message":"no"}', { status: 429, headers: { 'retry-after': '1' } })
    let timer: ReturnType<typeof setTimeout> | undefined
    const result = await Promise.race([
      ApiError.fromResponse(response, options as never).then(
        (error) => (error instanceof ApiError ? 'error' : 'other'),
        (e: unknown) => `rejected: ${String(e)}`,
      ),
      new Promise<string>((resolve) => {
        timer = setTimeout(() => resolve('hung'), 500)
      }),
    ])
    clearTimeout(timer)
    return result
  }

  it('never rejects or hangs for any values of its options, a thenable or hostile request included', async () => {
    const options = fc
      .record(
        {
          request: fc.oneof(
            anyValue,
            hostileValue,
            // A thenable request: it must not be awaited.
            // biome-ignore lint/suspicious/noThenProperty: a thenable request is what this case tests
            fc.constant(new Lazy('thenable request', () => ({ url: 'https://x.test/?A=c0ffee42c0ffee', then() {} }))),
            fc.constant(
              new Lazy('Request', () => new Request('https://x.test/', { method: 'POST', body: 'password=hunter22' })),
            ),
          ),
          redact: fc.oneof(anyValue, hostileValue),
          requestIdHeaders: fc.oneof(anyValue, hostileValue),
          maxRetryAfterMs: anyValue,
          signal: fc.oneof(anyValue, hostileValue),
          timeoutMs: anyValue,
          maxBodyBytes: anyValue,
        },
        { requiredKeys: [] },
      )
      .map(
        (fields) =>
          new Lazy(`options ${Object.keys(fields)}`, () =>
            Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, real(v)])),
          ),
      )
    await fc.assert(
      fc.asyncProperty(options, async (opts) => {
        expect(await outcome(opts.make())).toBe('error')
      }),
      { numRuns: 60 },
    )
  })

  it('never rejects when the options object itself is hostile or not an object', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(anyValue, hostileValue), async (opts) => {
        expect(await outcome(real(opts))).toBe('error')
      }),
      { numRuns: 60 },
    )
  })
})

// ---- The JSON round trip ----

group('fromJSON(toJSON(e))', () => {
  /** Every field of an error that the round trip must keep (all but the stack and the unredacted cause). */
  function fields(e: ApiError): Record<string, unknown> {
    const cause = e.cause instanceof Error ? { name: e.cause.name, message: e.cause.message } : e.cause
    return {
      name: e.name,
      message: e.message,
      status: e.status,
      code: e.code,
      known: e.known,
      meaning: e.meaning,
      retryable: e.retryable,
      retryAfterMs: e.retryAfterMs,
      requestId: e.requestId,
      body: e.body,
      serverMessage: e.serverMessage,
      reason: e.reason,
      operation: e.operation,
      cause,
      hasCause: 'cause' in e,
      keys: Object.keys(e).sort(),
      constructor: e.constructor,
    }
  }

  const errors = fc.oneof(
    // Made by hand, by a subclass, from a Response-like object, from a client's error.
    fc.tuple(initArb, fc.nat(), fc.boolean()).map(([init, pick, sub]) => {
      const Ctor = sub ? SdkError : ApiError
      return new Ctor(statusFor(init, pick), init)
    }),
    fc
      .record({
        status: fc.integer({ min: 100, max: 599 }),
        data: jsonData(2),
        headers: fc.record({ 'x-request-id': headerText, 'retry-after': fc.nat({ max: 100 }).map(String) }),
      })
      .map((thrown) => ApiError.from(Object.assign(new Error('Request failed'), thrown))!),
  )

  it('keeps every field: directly, through JSON text, through structuredClone, and again', () => {
    fc.assert(
      fc.property(errors, (error) => {
        const Ctor = error.constructor as typeof ApiError
        const json = error.toJSON()
        for (const copy of [
          Ctor.fromJSON(json),
          Ctor.fromJSON(JSON.stringify(error)),
          Ctor.fromJSON(structuredClone(json)),
        ]) {
          expect(fields(copy)).toEqual(fields(error))
          expect(copy.toJSON()).toEqual(json)
          expect(copy.stack?.split('\n')[0]).toBe(`${error.name}: ${error.message}`.split('\n')[0])
          expect(fields(Ctor.fromJSON(copy.toJSON()))).toEqual(fields(error))
        }
      }),
      { numRuns: 200 },
    )
  })
})

// ---- Redaction: generated secrets in generated places ----

/** Characters no rendering escapes (JSON, util.inspect), so a leaked secret shows verbatim. */
const secretArb = fc.stringMatching(/^[A-Za-z0-9._~-]{3,21}$/).map((s) => `Zq9${s}`)
/** Secrets with characters that URL encoding changes, for query parameters and form bodies. */
const urlSecretArb = fc.stringMatching(/^[A-Za-z0-9._~!*()$,;:@/+= -]{3,21}$/).map((s) => `Zq9${s}`)

/** A word list in a style: snake, kebab, camel, Pascal, UPPER, or Header-Case. */
const styled = (words: readonly string[]) =>
  fc
    .constantFrom(
      (w: readonly string[]) => w.join('_'),
      (w: readonly string[]) => w.join('-'),
      (w: readonly string[]) => w.join('_').toUpperCase(),
      (w: readonly string[]) => w.map((x, i) => (i === 0 ? x : x[0]!.toUpperCase() + x.slice(1))).join(''),
      (w: readonly string[]) => w.map((x) => x[0]!.toUpperCase() + x.slice(1)).join(''),
      (w: readonly string[]) => w.map((x) => x[0]!.toUpperCase() + x.slice(1)).join('-'),
    )
    .map((style) => style(words))

const secretFieldName = fc
  .constantFrom(
    ['password'],
    ['passwords'],
    ['secret'],
    ['token'],
    ['api', 'key'],
    ['auth', 'key'],
    ['tfa', 'key'],
    ['access', 'key'],
    ['private', 'key'],
    ['current', 'password'],
    ['admin', 'password'],
    ['refresh', 'token'],
    ['client', 'secret'],
    ['access', 'token'],
  )
  .chain(styled)

/** A header name in any case: HTTP header names are case-insensitive. */
const anyCase = (name: string) =>
  fc
    .array(fc.boolean(), { minLength: name.length, maxLength: name.length })
    .map((upper) => [...name].map((c, i) => (upper[i] ? c.toUpperCase() : c.toLowerCase())).join(''))

/** A header name as people write it in a plain object: lower-case, Header-Case or UPPER-CASE. */
const writtenCase = (name: string) =>
  fc.constantFrom(
    name,
    name.toUpperCase(),
    name
      .split('-')
      .map((w) => w[0]!.toUpperCase() + w.slice(1))
      .join('-'),
  )

const harmlessKey = fc.constantFrom('data', 'details', 'user', 'items', 'meta', 'context', 'errors', 'info')

/** `leaf` nested at a generated path of objects and arrays, among generated filler. */
function nestedAt(leaf: unknown) {
  return fc
    .array(fc.tuple(fc.oneof(harmlessKey, fc.nat({ max: 2 })), fc.jsonValue({ maxDepth: 1 })), { maxLength: 5 })
    .map((path) => {
      let value = leaf
      for (const [key, filler] of path) {
        value =
          typeof key === 'number'
            ? [...Array.from({ length: key }, () => filler), value]
            : { note: filler, [key]: value }
      }
      return value
    })
}

interface Case {
  /** What it plants, for the failure report. */
  readonly label: string
  readonly secret: string
  /** Parts of the error: what the server sent and what the client sent. */
  readonly body?: unknown
  readonly serverMessage?: string
  readonly request?: { url?: string; headers?: Record<string, string>; body?: unknown }
  readonly cause?: unknown
}

/** Secrets the built-in rules recognise by their place, with no request to compare against. */
const builtInCase: fc.Arbitrary<Case> = fc.oneof(
  fc
    .tuple(secretArb, secretFieldName)
    .chain(([secret, name]) =>
      nestedAt({ [name]: secret }).map((body) => ({ label: `body field ${name}`, secret, body })),
    ),
  fc
    .tuple(secretArb, fc.constantFrom('passwords', 'api_key', 'tokens_secret', 'PrivateKey'))
    .chain(([secret, name]) =>
      nestedAt({ [name]: ['filler', [secret]] }).map((body) => ({ label: `array under ${name}`, secret, body })),
    ),
  fc
    .tuple(
      urlSecretArb,
      fc.constantFrom('?A=', '?id=7&a=', '?access_token=', '?id=1&api_key=', '?X-Auth-Token=', '#access_token=', '#A='),
    )
    .chain(([secret, param]) =>
      nestedAt(`see https://media.test/img.jpg${param}${encodeURIComponent(secret)}&x=1 for details`).map((body) => ({
        label: `URL parameter ${param}`,
        secret,
        body,
      })),
    ),
  fc
    .tuple(secretArb, fc.constantFrom('Bearer ', 'Basic ', 'Authorization: ', 'X-Api-Key: ', 'Cookie: auth_key='))
    .chain(([secret, prefix]) =>
      fc.constantFrom<Case>(
        { label: `serverMessage ${prefix}`, secret, serverMessage: `Rejected: ${prefix}${secret}` },
        { label: `body line ${prefix}`, secret, body: { message: 'x', debug: `GET /g/device\n${prefix}${secret}\n` } },
      ),
    ),
  fc.tuple(secretArb, secretFieldName).map(([secret, name]) => ({
    label: `JSON text "${name}"`,
    secret,
    body: { message: `upstream said {"${name}": "${secret}", "ok": false}` },
  })),
  fc
    .tuple(urlSecretArb, secretArb, fc.constantFrom('authorization', 'x-api-key', 'authentication', 'cookie'))
    .chain(([urlSecret, headerSecret, header]) =>
      writtenCase(header).map((name) => ({
        label: `cause with URL and ${name} header`,
        secret: `${urlSecret}|${headerSecret}`,
        cause: Object.assign(new Error(`GET https://x.test/media?A=${encodeURIComponent(urlSecret)} failed`), {
          config: { headers: { [name]: headerSecret } },
        }),
      })),
    ),
)

/** Secrets of the request that the server echoes, in any form, anywhere. */
const echoCase: fc.Arbitrary<Case> = fc
  .tuple(
    urlSecretArb,
    fc.constantFrom(
      'header-authorization',
      'header-bearer',
      'header-basic',
      'header-api-key',
      'header-cookie',
      'query-A',
      'query-a',
      'query-secret-name',
      'fragment',
      'userinfo',
      'json-body',
      'json-array',
      'form-body',
    ),
    fc.constantFrom('raw', 'uri', 'json', 'form'),
  )
  .chain(([raw, where, encoding]) => {
    // Header values must be header-safe: no spaces or separators for Bearer, a plain value elsewhere.
    const secret = where.startsWith('header') ? raw.replace(/[^A-Za-z0-9._~-]/g, 'x') : raw
    const enc = encodeURIComponent(secret)
    const echoed = {
      raw: secret,
      uri: enc,
      json: JSON.stringify(secret).slice(1, -1),
      form: new URLSearchParams([['v', secret]]).toString().slice(2),
    }[encoding]!
    return fc
      .tuple(
        anyCase({ 'header-api-key': 'x-api-key', 'header-cookie': 'cookie' }[where as string] ?? 'authorization'),
        secretFieldName,
        nestedAt(`Invalid credential: ${echoed}.`),
      )
      .map(([headerName, fieldName, body]): Case => {
        const request: NonNullable<Case['request']> = { url: 'https://login.eagleeyenetworks.com/g/aaa/authorize' }
        switch (where) {
          case 'header-authorization':
          case 'header-api-key':
            request.headers = { [headerName]: secret }
            break
          case 'header-bearer':
            request.headers = { [headerName]: `Bearer ${secret}` }
            break
          case 'header-basic':
            request.headers = { [headerName]: `Basic ${btoa(`user:${secret}`)}` }
            break
          case 'header-cookie':
            request.headers = { [headerName]: `lang=en; auth_key=${secret}; theme=dark` }
            break
          case 'query-A':
          case 'query-a':
            request.url += `?id=1&${where.slice(-1)}=${enc}`
            break
          case 'query-secret-name':
            request.url += `?${encodeURIComponent(fieldName)}=${enc}`
            break
          case 'fragment':
            request.url += `#${encodeURIComponent(fieldName)}=${enc}&state=1`
            break
          case 'userinfo':
            request.url = `https://user:${enc}@login.eagleeyenetworks.com/`
            break
          case 'json-body':
            request.body = JSON.stringify({ user: { name: 'x', [fieldName]: secret } })
            break
          case 'json-array':
            request.body = { passwords: ['old-one-xyz', secret] }
            break
          default:
            request.body = `username=x&${encodeURIComponent(fieldName)}=${enc}`
        }
        return {
          label: `${where} echoed ${encoding}`,
          secret,
          request,
          body: { message: `Invalid credential: ${echoed}.`, echo: body },
          serverMessage: `Invalid credential: ${echoed}`,
        }
      })
  })

/** Every string reachable from `value` through enumerable own properties (keys too), cycles cut. */
function enumerableStrings(value: unknown, out: string[] = [], seen = new WeakSet<object>()): string[] {
  if (typeof value === 'string') out.push(value)
  else if ((typeof value === 'object' && value !== null) || typeof value === 'function') {
    if (seen.has(value)) return out
    seen.add(value)
    for (const key of Reflect.ownKeys(value)) {
      const desc = Object.getOwnPropertyDescriptor(value, key)
      if (!desc?.enumerable) continue
      if (typeof key === 'string') out.push(key)
      enumerableStrings(desc.value, out, seen)
    }
  }
  return out
}

/** Everything a person or a logger can see of an error: each rendering by name. */
function renderings(error: ApiError): Record<string, string> {
  const cause = error.cause as { message?: unknown; stack?: unknown } | undefined
  return {
    message: error.message,
    String: String(error),
    stack: String(error.stack),
    inspect: inspect(error, { depth: Number.POSITIVE_INFINITY }),
    'JSON.stringify': JSON.stringify(error),
    toJSON: JSON.stringify(error.toJSON()),
    'enumerable walk': enumerableStrings(error).join('\n'),
    'cause.message': String(cause?.message),
    'cause.stack': String(cause?.stack),
    'inspect(cause)': inspect(cause, { depth: Number.POSITIVE_INFINITY }),
    'cause walk': enumerableStrings(cause).join('\n'),
  }
}

/** The forms of one secret that would count as a leak. */
function forms(secret: string): string[] {
  return [...new Set(secret.split('|').flatMap((s) => [s, encodeURIComponent(s)]))]
}

function expectNoLeak(error: ApiError, c: Case): void {
  for (const [where, text] of Object.entries(renderings(error))) {
    for (const form of forms(c.secret)) {
      if (text.includes(form)) throw new Error(`${c.label}: "${form}" leaked in ${where}:\n${text}`)
    }
  }
}

/** The same case, built the three ways an error is made: by hand, from a Response, from a client's error. */
async function build(c: Case, route: 'new' | 'fromResponse' | 'from'): Promise<ApiError> {
  const request = c.request
  if (route === 'new') {
    return new ApiError(401, {
      ...(c.body === undefined ? {} : { body: c.body }),
      ...(c.serverMessage === undefined ? {} : { serverMessage: c.serverMessage, reason: c.serverMessage }),
      ...(c.cause === undefined ? {} : { cause: c.cause }),
      ...(request === undefined ? {} : { request }),
      requestId: c.serverMessage ?? 'rid-1',
    })
  }
  const payload = { message: c.serverMessage, reason: c.serverMessage, data: c.body }
  if (route === 'fromResponse') {
    const response = new Response(JSON.stringify(payload), {
      status: 401,
      headers: {
        'content-type': 'application/json',
        'x-request-id': c.serverMessage?.replace(/[^\x20-\x7e]/g, '') ?? 'r',
      },
    })
    return ApiError.fromResponse(response, request === undefined ? {} : { request })
  }
  // An axios-shaped error: the request in `config`, the body in `response.data`; the cause (if any) as its own cause.
  const thrown = Object.assign(new Error(`Request failed with status code 401 (${request?.url ?? ''})`), {
    isAxiosError: true,
    config: { url: request?.url, headers: request?.headers, data: request?.body },
    response: { status: 401, headers: { 'x-request-id': 'r' }, data: payload },
    ...(c.cause === undefined ? {} : { cause: c.cause }),
  })
  return ApiError.from(thrown)!
}

group('redaction: generated secrets in generated places, on every rendering', () => {
  const route = fc.constantFrom('new' as const, 'fromResponse' as const, 'from' as const)

  it('scrubs what the built-in rules name: secret fields at any depth, arrays, URL parameters, fragments, credentials, headers', async () => {
    await fc.assert(
      fc.asyncProperty(builtInCase, route, async (c, how) => {
        expectNoLeak(await build(c, how), c)
      }),
      { numRuns: 200 },
    )
  })

  it('scrubs every secret of the request wherever the server echoes it, raw or encoded', async () => {
    await fc.assert(
      fc.asyncProperty(echoCase, route, async (c, how) => {
        const error = await build(c, how)
        expectNoLeak(error, c)
        // The echo was there to scrub: the error kept the server's words around it.
        expect(error.serverMessage).toMatch(/^Invalid credential: /)
      }),
      { numRuns: 200 },
    )
  })

  it('keeps the secret reachable only through the non-enumerable unredactedCause', () => {
    fc.assert(
      fc.property(secretArb, (secret) => {
        const cause = new Error(`GET /media?A=${secret}`)
        const error = new ApiError(500, { cause })
        expectNoLeak(error, { label: 'cause', secret })
        expect(error.unredactedCause).toBe(cause)
        expect(Object.getOwnPropertyDescriptor(error, 'unredactedCause')).toBeUndefined()
      }),
      { numRuns: 50 },
    )
  })
})

// ---- Hostile values, one case each: thenables, revoked Proxies, getters that throw ----

group('hostile values, one case each', () => {
  it('fromResponse does not await a thenable request option: it resolves within its time limit', async () => {
    // biome-ignore lint/suspicious/noThenProperty: a thenable request is what this test is about
    const request = { url: 'https://x.test/?A=c0ffee42c0ffee', then: () => {} }
    const response = new Response('{"message":"no"}', { status: 500 })
    let timer: ReturnType<typeof setTimeout> | undefined
    const result = await Promise.race([
      ApiError.fromResponse(response, { request, timeoutMs: 100 }),
      new Promise((resolve) => {
        timer = setTimeout(() => resolve('hung'), 500)
      }),
    ])
    clearTimeout(timer)
    expect(result).toBeInstanceOf(ApiError)
  })

  it('fromResponse resolves when reading the request option throws (a revoked Proxy)', async () => {
    const response = new Response('{"message":"no"}', { status: 500 })
    await expect(ApiError.fromResponse(response, { request: revokedProxy() as never })).resolves.toBeInstanceOf(
      ApiError,
    )
  })

  it('the guards and userMessage never throw on a revoked Proxy', () => {
    const proxy = revokedProxy()
    expect(isRetryable(proxy)).toBe(false)
    expect(isApiError(proxy)).toBe(false)
    expect(userMessage(proxy)).toBe('Something went wrong. Please try again.')
  })

  it('fromResponse resolves when the options object itself throws on every read', async () => {
    const response = new Response('{"message":"no"}', { status: 500 })
    await expect(ApiError.fromResponse(response, throwingProxy() as never)).resolves.toBeInstanceOf(ApiError)
  })

  it('fromJSON throws a TypeError (not the getter’s own error) for an object whose fields cannot be read', () => {
    expect(() => ApiError.fromJSON(throwingGetters(['status']))).toThrow(TypeError)
  })

  it('a thrown plain object becomes a plain Error cause with its message, and survives the round trip', () => {
    const thrown = { status: 404, message: 'nope', extra: 1 }
    const error = ApiError.from(thrown)!
    expect(error.cause).toBeInstanceOf(Error)
    expect(error.cause).toMatchObject({ message: 'nope' })
    expect(error.cause).not.toHaveProperty('extra')
    expect(error.unredactedCause).toBe(thrown)
    const copy = ApiError.fromJSON(JSON.stringify(error))
    expect(copy.cause).toMatchObject({ name: 'Error', message: 'nope' })
  })

  it('secret names in any case: a header or field name in mIxEd case is secret too', () => {
    for (const name of ['AuthoriZation', 'cooKie', 'PASSword', 'AUTHorization']) {
      const error = new ApiError(500, { body: { [name]: 'Zq9secretvalue' } })
      expect(JSON.stringify(error), name).not.toContain('Zq9secretvalue')
    }
  })

  it('a redact option that cannot be read (a revoked Proxy) neither throws nor rejects', async () => {
    const redact = revokedProxy() as never
    expect(() => new ApiError(500, { body: { a: 1 }, redact })).not.toThrow()
    const response = new Response('{"message":"no"}', { status: 500 })
    await expect(ApiError.fromResponse(response, { redact })).resolves.toBeInstanceOf(ApiError)
  })

  it('retryAfterMs survives the JSON round trip, an infinite one kept as the longest wait', () => {
    const error = new ApiError(429, { retryAfterMs: Number.POSITIVE_INFINITY })
    // The longest wait setTimeout takes, as the type's documentation says.
    expect(error.retryAfterMs).toBe(2 ** 31 - 1)
    expect(ApiError.fromJSON(JSON.stringify(error)).retryAfterMs).toBe(error.retryAfterMs)
  })
})
