// A polluted Object.prototype (another package assigned `Object.prototype[418]` or
// `Object.prototype.code`) changes no answer the table gives: what is no row of the table, of an
// operation or of a body stays none, whether the pollution came before the package loaded or after.
// (Operations are defined before any pollution: their rows are what the SDK wrote.)
import { afterEach, expect, describe as group, it, vi } from 'vitest'

const KEYS = ['418', 'code', 'meaning', 'retryable', 'injected'] as const

/** Pollutes Object.prototype with enumerable keys, as `obj[key] = value` on a prototype does. */
function pollute(): void {
  for (const key of KEYS)
    (Object.prototype as Record<string, unknown>)[key] = `POLLUTED ${key}`
    // An object too: a reader that took it for one of its own records would walk into it.
  ;(Object.prototype as Record<string, unknown>).record = {}
}

afterEach(() => {
  for (const key of [...KEYS, 'record']) delete (Object.prototype as Record<string, unknown>)[key]
})

type Index = typeof import('../src/index.js')

/** Operations made by a clean copy, before any pollution (another copy's operations are taken too). */
function operations({ defineOperation }: Index) {
  return {
    locked: defineOperation('authorize', { 429: { code: 'ACCOUNT_LOCKED', retryable: false } }),
    slow: defineOperation('op', { 429: { code: 'SLOW' } }),
  }
}

/** Every answer about 418 (no status of the table) and about a body, from a copy of the package. */
async function answers(index: Index, { locked, slow }: ReturnType<typeof operations>) {
  const { ApiError, describe, isKnownStatus, isRetryable } = index
  const teapot = new ApiError(418)
  const withOperation = new ApiError(418, { operation: locked })
  const rowWithoutFields = new ApiError(429, { operation: slow })
  const read = await ApiError.fromResponse(
    new Response('{"message":"no","data":{"id":"cam-1"}}', {
      status: 404,
      headers: { 'content-type': 'application/json' },
    }),
  )
  // What a client threw, and a misuse of fromResponse (which still never rejects).
  const thrown = ApiError.from({ status: 404, data: { message: 'no' } })
  const misuse = await ApiError.fromResponse('nope' as never)
  return {
    thrown: [thrown?.status, thrown?.code, thrown?.serverMessage],
    misuse: [misuse.status, misuse.message],
    // describe's text, and the meaning of an error, which is describe's text.
    texts: [describe(418), teapot.meaning],
    known: isKnownStatus(418),
    retryable: isRetryable(418),
    teapot: [teapot.code, teapot.known],
    withOperation: [withOperation.code, withOperation.known],
    rowWithoutFields: [rowWithoutFields.meaning, rowWithoutFields.retryable],
    body: read.body,
  }
}

group('a polluted Object.prototype', () => {
  it('after the package loaded: 418 stays no status of the table nor of an operation, and a body keeps only what the server sent', async () => {
    const index = await import('../src/index.js')
    const ops = operations(index)
    const clean = await answers(index, ops)
    expect(clean.teapot).toEqual(['UNKNOWN', false])
    expect(clean.texts).toEqual(Array(2).fill('Unexpected client error (HTTP 418)'))
    expect(clean.body).toEqual({ message: 'no', data: { id: 'cam-1' } })
    expect(clean.thrown).toEqual([404, 'NOT_FOUND', 'no'])
    expect(clean.misuse[1]).toContain('fromResponse expects a fetch Response, got the string')
    pollute()
    expect(await answers(index, ops)).toEqual(clean)
  })

  it('before the package loaded: the same answers as a clean load', async () => {
    vi.resetModules()
    const first = await import('../src/index.js')
    const ops = operations(first)
    const clean = await answers(first, ops)
    vi.resetModules()
    pollute()
    expect(await answers(await import('../src/index.js'), ops)).toEqual(clean)
  })
})

it("reads a name/value pair from a body's own keys: a polluted name or key makes no value secret", async () => {
  const { createRedactor } = await import('../src/redact/index.js')
  const names = ['name', 'key', 'undefined']
  for (const key of names) (Object.prototype as Record<string, unknown>)[key] = 'api_key'
  try {
    expect(createRedactor().value({ value: 'kept', id: 1 })).toEqual({ value: 'kept', id: 1 })
  } finally {
    for (const key of names) delete (Object.prototype as Record<string, unknown>)[key]
  }
})

it("defines operations from their rows' own fields: the endpoint catalog loads and an operation's row keeps what the SDK wrote", async () => {
  vi.resetModules()
  pollute()
  const { defineMessages, defineOperation, englishMessages } = await import('../src/index.js')
  const { findEndpoint, forgotPassword } = await import('../src/endpoints/index.js')
  expect(findEndpoint('POST', '/g/aaa/forgot_password')).toBe(forgotPassword)
  const login = defineOperation('login', { 401: { meaning: 'Bad password' }, 465: { code: 'IP_ADDRESS_INVALID' } })
  expect(Object.keys(login.rows)).toEqual(['401', '465'])
  expect(() =>
    defineMessages({ ...englishMessages, IP_ADDRESS_INVALID: 'Your network is not allowed.' }, login),
  ).not.toThrow()
})

it("reads an init, options, a body, the JSON of an error and a client's error by their own fields, a Response's too", async () => {
  const { ApiError } = await import('../src/index.js')
  const minimal = { code: 'NOT_FOUND', known: true, meaning: 'Element not found (section specific)', retryable: false }
  const json = () => new Response('{}', { status: 404, headers: { 'content-type': 'application/json' } })
  const injected = { status: 500, operation: 'op', message: 'Injected', serverMessage: 'Injected', code: 'INJECTED' }
  Object.assign(Object.prototype, injected)
  try {
    const made = new ApiError(404, {})
    expect([Object.hasOwn(made, 'serverMessage'), Object.hasOwn(made, 'operation')]).toEqual([false, false])
    expect(() => ApiError.fromJSON(minimal)).toThrow('expected the object of ApiError#toJSON()')
    // Not an object at all: the fields a polluted Object.prototype holds make no error of it.
    Object.assign(Object.prototype, minimal)
    try {
      expect(() => ApiError.fromJSON(42)).toThrow('expected the object of ApiError#toJSON()')
    } finally {
      for (const key of Object.keys(minimal)) delete (Object.prototype as Record<string, unknown>)[key]
      ;(Object.prototype as Record<string, unknown>).code = injected.code
    }
    expect(ApiError.fromJSON({ ...minimal, status: 404 }).message).toBe(made.message)
    const read = await ApiError.fromResponse(json())
    expect([read.message, Object.hasOwn(read, 'serverMessage')]).toEqual([made.message, false])
    expect(ApiError.from(new TypeError('fetch failed'))).toBeUndefined()
    expect(ApiError.from({ statusCode: 404 })?.status).toBe(404)
    expect(Object.hasOwn(new ApiError(502, { cause: new Error('socket hang up') }).cause as object, 'code')).toBe(false)
    expect([
      (await ApiError.fromResponse(new Response('', { status: 503 }))).status,
      ApiError.from(json())?.status,
    ]).toEqual([503, 404])
  } finally {
    for (const key of Object.keys(injected)) delete (Object.prototype as Record<string, unknown>)[key]
  }
})

it("writes an error's own fields to JSON, and never throws for a polluted Object.prototype.cause", async () => {
  const { ApiError } = await import('../src/index.js')
  const clean = JSON.stringify(new ApiError(502, { cause: new Error('socket hang up') }))
  const injected = { serverMessage: 'Injected', cause: 'x', code: 'INJECTED' }
  Object.assign(Object.prototype, injected)
  try {
    expect(JSON.stringify(new ApiError(502, { cause: new Error('socket hang up') }))).toBe(clean)
    expect(Object.keys(new ApiError(404).toJSON())).toEqual([
      'name',
      'message',
      'status',
      'code',
      'known',
      'meaning',
      'retryable',
    ])
  } finally {
    for (const key of Object.keys(injected)) delete (Object.prototype as Record<string, unknown>)[key]
  }
})
