// Secrets planted in headers, cookies, URLs and bodies never leave an ApiError, whichever client
// made the request: real server on 127.0.0.1, real fetch, axios, ky, ofetch and got.
import { inspect } from 'node:util'
import axios from 'axios'
import got from 'got'
import ky from 'ky'
import { ofetch } from 'ofetch'
import { afterAll, beforeAll, expect, describe as group, it } from 'vitest'
import { ApiError, isApiError } from '../../src/index.js'
import { startServer, type TestServer } from '../fixtures/server.js'

const SECRETS = {
  bearer: 'eyJhbGciOiJIUzI1NiJ9.c2VjcmV0LXRva2Vu',
  apiKey: 'apikey-7f3a9c1e5b',
  authKey: 'authkey-c0ffee42deadbeef',
  mediaKey: 'mediakey-0a1b2c3d4e',
  password: 'Tr0ub4dor&3-horse',
  adminPassword: 'admin-S3cret!pw',
}
const ALL = Object.values(SECRETS)

/** Every way an error is rendered or walked by people and loggers. */
function renderings(error: ApiError): Record<string, string> {
  const seen = new WeakSet()
  const walk = (value: unknown, depth: number): unknown => {
    if (typeof value !== 'object' || value === null || depth > 12) return value
    if (seen.has(value)) return '[cycle]'
    seen.add(value)
    const out: Record<string, unknown> = {}
    for (const key of Object.keys(value)) out[key] = walk((value as Record<string, unknown>)[key], depth + 1)
    if (value instanceof Error) {
      out.message = value.message
      out.stack = value.stack
      out.cause = walk(value.cause, depth + 1)
    }
    return out
  }
  return {
    message: error.message,
    string: String(error),
    stack: String(error.stack),
    inspect: inspect(error, { depth: 12 }),
    json: JSON.stringify(error),
    toJSON: JSON.stringify(error.toJSON()),
    enumerable: JSON.stringify(walk(error, 0)),
    cause: inspect(error.cause, { depth: 12 }),
    causeWalk: String(JSON.stringify(walk(error.cause, 0))),
  }
}

function expectNoSecret(error: ApiError | undefined): void {
  expect(error).toBeInstanceOf(ApiError)
  for (const [where, text] of Object.entries(renderings(error!))) {
    for (const secret of ALL) expect(text, `${where} leaks ${secret}`).not.toContain(secret)
  }
}

let server: TestServer
beforeAll(async () => {
  server = await startServer(async (req, res) => {
    let body = ''
    for await (const chunk of req) body += chunk
    // A careless server: it echoes everything the client sent, in the message and in the body.
    const echo = `auth=${req.headers.authorization} key=${req.headers['x-api-key']} cookie=${req.headers.cookie} url=${req.url} body=${body}`
    res.writeHead(401, { 'content-type': 'application/json', 'set-cookie': `auth_key=${SECRETS.authKey}; Path=/` })
    res.end(
      JSON.stringify({
        status_code: 401,
        message: `Invalid credentials: ${echo}`,
        reason: 'InvalidPassword',
        data: {
          echo,
          headers: req.headers,
          token_type: 'bearer',
          failed_requirements: { same_password: { description: 'may not repeat' } },
        },
      }),
    )
  })
})
afterAll(() => server.close())

const path = () => `${server.url}/g/aaa/authenticate?A=${SECRETS.mediaKey}&id=7`
const headers = () => ({
  Authorization: `Bearer ${SECRETS.bearer}`,
  'X-Api-Key': SECRETS.apiKey,
  Cookie: `auth_key=${SECRETS.authKey}; theme=dark`,
  'content-type': 'application/json',
})
const body = () =>
  JSON.stringify({ username: 'ann@example.com', password: SECRETS.password, admin_password: SECRETS.adminPassword })

group('secrets never leave an ApiError', () => {
  it('fetch + fromResponse with the request', async () => {
    const url = path()
    const init = { method: 'POST', headers: headers(), body: body() }
    const error = await ApiError.fromResponse(await fetch(url, init), { request: { url, ...init } })
    expect(error).toMatchObject({ status: 401, code: 'UNAUTHORIZED', reason: 'InvalidPassword' })
    expect(error.serverMessage).toContain('Invalid credentials')
    expectNoSecret(error)
    const data = (error.body as { data: { token_type: string; failed_requirements: { same_password: unknown } } }).data
    expect(data.token_type).toBe('bearer')
    expect(data.failed_requirements.same_password).toEqual({ description: 'may not repeat' })
  })

  it('fetch + fromResponse with a Request whose body is still unread', async () => {
    const request = new Request(path(), { method: 'POST', headers: headers(), body: body() })
    const error = await ApiError.fromResponse(await fetch(request.clone()), { request })
    expectNoSecret(error)
  })

  it('axios', async () => {
    const thrown = await axios.post(path(), body(), { headers: headers() }).catch((e: unknown) => e)
    const error = ApiError.from(thrown)
    expect(error).toMatchObject({ status: 401, code: 'UNAUTHORIZED' })
    expectNoSecret(error)
    expect(error!.unredactedCause).toBe(thrown)
    expect(inspect(error!.unredactedCause, { depth: 6 })).toContain(SECRETS.bearer)
  })

  it('ky', async () => {
    const thrown = await ky.post(path(), { body: body(), headers: headers(), retry: 0 }).catch((e: unknown) => e)
    const error = ApiError.from(thrown)
    expect(error).toMatchObject({ status: 401 })
    expectNoSecret(error)
  })

  it('ky, read fully with fromResponse', async () => {
    const thrown = (await ky.post(path(), { body: body(), headers: headers(), retry: 0 }).catch((e: unknown) => e)) as {
      response: Response
      request: Request
    }
    const error = await ApiError.fromResponse(thrown.response, {
      request: { url: path(), headers: headers(), body: body() },
    })
    expectNoSecret(error)
  })

  it('ofetch', async () => {
    const thrown = await ofetch(path(), { method: 'POST', body: body(), headers: headers(), retry: 0 }).catch(
      (e: unknown) => e,
    )
    const error = ApiError.from(thrown)
    expect(error).toMatchObject({ status: 401, code: 'UNAUTHORIZED' })
    expectNoSecret(error)
  })

  it('got', async () => {
    const thrown = await got
      .post(path(), { body: body(), headers: headers(), retry: { limit: 0 } })
      .catch((e: unknown) => e)
    const error = ApiError.from(thrown)
    expect(error).toMatchObject({ status: 401, code: 'UNAUTHORIZED' })
    expectNoSecret(error)
  })

  it('a cause that holds a secret is replaced by a new plain Error with its name', () => {
    class ClientError extends Error {
      override name = 'ClientError'
    }
    const original = new ClientError(`GET ${server.url}/media?A=${SECRETS.mediaKey} failed: Bearer ${SECRETS.bearer}`)
    const error = new ApiError(502, { cause: original })
    expectNoSecret(error)
    expect(Object.getPrototypeOf(error.cause)).toBe(Error.prototype)
    expect(error.cause).toMatchObject({ name: 'ClientError' })
    expect(error.cause).not.toBe(original)
    expect(error.unredactedCause).toBe(original)
    expect(isApiError(error)).toBe(true)
  })

  it('user-added names are secret too', () => {
    const error = new ApiError(400, {
      body: { session_id: 'sess-1234567', SessionId: 'sess-7654321', nested: [{ 'session-id': 'sess-0000001' }] },
      serverMessage: 'bad session sess-1234567',
      request: { url: 'https://x.test/g/device?X-Session=sess-9999999', body: { session_id: 'sess-1234567' } },
      redact: ['session_id', 'X-Session'],
    })
    const text = JSON.stringify(error)
    for (const secret of ['sess-1234567', 'sess-7654321', 'sess-0000001', 'sess-9999999'])
      expect(text).not.toContain(secret)
  })

  it('scrubs the message as it is written, on one line: a line break that hid a secret shape from scrubbing hides nothing there', () => {
    const secret = 'hunter2-pa55'
    const hidden = [
      `password:\n${secret}`,
      `password\r\n: ${secret}`,
      `password:\u000b${secret}`,
      `password\u0001= ${secret}`,
      `Bearer\u000b${secret}`,
    ]
    for (const words of hidden) {
      const error = new ApiError(400, { serverMessage: words })
      const revived = ApiError.fromJSON({ ...error.toJSON(), message: `x ${words}` })
      const named = ApiError.fromJSON({ ...error.toJSON(), name: words })
      for (const text of [error.message, error.stack, revived.message, revived.stack, named.name])
        expect(text).not.toContain(secret)
    }
  })

  it('keeps no start of an echoed key that the body cap split, where the key holds a shape another rule rewrites', async () => {
    const key = 'Q7xKa9mZ2p&a=L4wTRq8Yh'
    for (const pad of [0, 4, 8, 12, 16]) {
      // The echo straddles the end of what is read: the cap and the 16 KiB of context past it.
      const body = `password=${'p'.repeat(16_384 + 100 - 20 - pad)} ${'f'.repeat(5)}${key} and more`
      const error = await ApiError.fromResponse(new Response(body, { status: 400 }), {
        maxBodyBytes: 100,
        request: { url: 'http://127.0.0.1/x', headers: { 'x-api-key': key } },
      })
      expect(JSON.stringify(error)).not.toContain('Q7xK')
    }
  })

  it('keeps what only looks like a secret, like the docs’ "basic settings"', () => {
    const error = new ApiError(400, {
      serverMessage: 'Check the basic settings of the bridge',
      body: { token_type: 'Bearer', password_expires_in_days: 90, tokens_left: 3 },
    })
    expect(error.serverMessage).toBe('Check the basic settings of the bridge')
    expect(error.body).toEqual({ token_type: 'Bearer', password_expires_in_days: 90, tokens_left: 3 })
  })
})
