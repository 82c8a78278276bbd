// How fromResponse and from read the parts of a failed exchange into an error: the notes its message
// adds (a status that is no error, a class that threw) and the URL a redirect led to, whose secrets count.
import { describe, expect, it } from 'vitest'
import { ApiError } from '../../src/error/api-error.js'
import { REDACTED } from '../../src/redact/index.js'
import { startServer } from '../fixtures/server.js'

describe('the notes in a message', () => {
  const threw =
    'the class or the operation given threw, so it is a plain ApiError; an operation must come from defineOperation'
  class Broken extends ApiError {
    constructor(status: number) {
      super(status)
      throw new Error('broken subclass')
    }
  }

  it('says that the class threw, alone or after the other notes, each once and apart', () => {
    expect(Broken.from({ status: 404 })?.message).toBe(`${new ApiError(404).message} (${threw})`)
    const ok = ApiError.from({ status: 200 })?.message as string
    expect(ok).toMatch(/ \(200 is not an error status: check res\.ok first\)$/)
    expect(Broken.from({ status: 200 })?.message).toBe(`${ok.slice(0, -1)}; ${threw})`)
  })
})

describe('the URL a response came from', () => {
  /** The error `fromResponse` makes, with `options`, of the answer a redirect from /login to `location` led to. */
  async function redirected(location: string, echo: string, options?: unknown): Promise<ApiError> {
    const server = await startServer((req, res) => {
      if (req.url === '/login') res.writeHead(302, { location }).end()
      else res.writeHead(500).end(echo)
    })
    try {
      return await ApiError.fromResponse(await fetch(`${server.url}/login`), options as never)
    } finally {
      await server.close()
    }
  }

  it('scrubs the secrets of the URL a redirect led to, a session in its path with no query too', async () => {
    const error = await redirected('/app;jsessionid=PATHSESS42/page', 'session PATHSESS42 has expired')
    expect(error.body).toBe(`session ${REDACTED} has expired`)
  })

  it('reads the URL a redirect led to whatever else is given as the request, a value that is no request too', async () => {
    for (const request of [false, '', 0, null, { headers: { accept: 'application/json' } }]) {
      const error = await redirected('/app?token=redirect-tok-1', 'bad value redirect-tok-1', { request })
      expect(error.body).toBe(`bad value ${REDACTED}`)
    }
  })

  it('fromResponse resolves for a Response-like whose url is no string, a Symbol even', async () => {
    for (const url of [Symbol('url'), { toString: () => 'https://x.example/?token=abc123456' }, 42]) {
      const error = await ApiError.fromResponse({
        status: 500,
        headers: new Headers(),
        url,
        body: null,
        bodyUsed: false,
      } as never)
      expect(error.status).toBe(500)
    }
  })
})
