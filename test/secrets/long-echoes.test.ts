// Request secrets of hostile characters, echoed by a real server: a password holding a lone
// surrogate, which the server can only echo as U+FFFD. No rendering keeps any part of it; the data
// next to it stays.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ApiError } from '../../src/index.js'
import { startServer, type TestServer } from '../fixtures/server.js'
import { renderings } from './renderings.js'

const LONE = 'lone\ud800surrogate-77'

let server: TestServer
/** What the next response is: its content type and body. */
let reply: { type: string; body: string } = { type: 'text/plain', body: '' }

beforeAll(async () => {
  server = await startServer(async (req, res) => {
    for await (const _ of req) {
      // The request body is read (and dropped) before the answer.
    }
    res.writeHead(400, { 'content-type': reply.type })
    res.end(reply.body)
  })
})

afterAll(() => server.close())

/** The error `fromResponse` makes of the reply to a request carrying `body`, given the request. */
async function errorFor(body: string, type: string, options: { maxBodyBytes?: number } = {}): Promise<ApiError> {
  const request = { url: `${server.url}/login`, headers: { 'content-type': type }, body }
  const response = await fetch(request.url, { method: 'POST', headers: request.headers, body })
  return ApiError.fromResponse(response, { request, ...options })
}

/** Asserts that no rendering of `error` holds any 24 characters in a row of `echo`, nor `secret`'s. */
function expectNoPart(error: ApiError, secret: string, echo: string): void {
  const all = Object.values(renderings(error)).join('\n')
  for (const text of new Set([secret, echo]))
    for (let at = 0; at + 24 <= text.length; at += 997) expect(all).not.toContain(text.slice(at, at + 24))
}

describe('a request secret of hostile size or characters, echoed by the server', () => {
  it('scrubs a password holding a lone surrogate, which a server echoes raw as U+FFFD', async () => {
    const sent = LONE.replace('\ud800', '\ufffd')
    reply = { type: 'text/plain', body: `camera cam-7 rejected ${LONE}` }
    const error = await errorFor(JSON.stringify({ password: LONE }), 'application/json')
    expectNoPart(error, 'surrogate-77', sent)
    expect(error.body).toBe('camera cam-7 rejected [REDACTED]')
  })
})
