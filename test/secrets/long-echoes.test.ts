// Request secrets of hostile sizes and characters, echoed by a real server: a base64 assertion of
// thousands of characters (hundreds of them `+`, `/`), escaped once as the server writes it; a
// password longer than the context read past a cut, echoed where the error cuts the text (the
// server's message, a body past the cap); a password holding a lone surrogate, which the server can
// only echo as U+FFFD. No rendering keeps any part of them; the data next to them stays.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ApiError } from '../../src/index.js'
import { startServer, type TestServer } from '../fixtures/server.js'
import { renderings } from './renderings.js'

/** `bytes` deterministic bytes as base64: about one character in 32 is `+` or `/`. */
function base64(bytes: number, seed: number): string {
  return Buffer.from(Array.from({ length: bytes }, (_, i) => (i * 131 + seed * 17 + ((i * i) >> 3)) % 256)).toString(
    'base64',
  )
}

/** 12,000 characters, 370 of them `+`, `/` or `=`: more than a pattern looks for character by character. */
const ASSERTION = base64(9000, 1)
/** 24,000 characters: longer than the 16 KiB of context read past a cut. */
const PASSWORD = base64(18_000, 2)
const LONE = 'lone\ud800surrogate-77'

type Encode = (text: string) => string
const ENCODINGS: Record<string, Encode> = {
  raw: (text) => text,
  percent: encodeURIComponent,
  'percent, lower-case hex': (text) => encodeURIComponent(text).replace(/%[\dA-F]{2}/g, (e) => e.toLowerCase()),
  form: (text) => new URLSearchParams({ q: text }).toString().slice(2),
  json: (text) => JSON.stringify(text).slice(1, -1).replace(/\//g, '\\/'),
  html: (text) => text.replace(/[^a-z\d]/gi, (c) => `&#x${(c.codePointAt(0) as number).toString(16)};`),
}

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
  for (const [name, encode] of Object.entries(ENCODINGS))
    it(`scrubs a base64 assertion of 12,000 characters from a form body, echoed ${name}`, async () => {
      const echo = encode(ASSERTION)
      reply = { type: 'application/json', body: JSON.stringify({ message: `rejected ${echo} for cam-7` }) }
      const form = new URLSearchParams({ assertion: ASSERTION, camera: 'cam-7' }).toString()
      const started = performance.now()
      const error = await errorFor(form, 'application/x-www-form-urlencoded')
      expect(performance.now() - started).toBeLessThan(2_000)
      expectNoPart(error, ASSERTION, echo)
      expect(error.serverMessage).toBe('rejected [REDACTED] for cam-7')
    })

  for (const [name, encode] of Object.entries({ raw: ENCODINGS.raw as Encode, percent: ENCODINGS.percent as Encode }))
    it(`keeps no start of a password longer than the context past a cut, echoed ${name} in the message and past the body cap`, async () => {
      const echo = encode(PASSWORD)
      const json = JSON.stringify({ user: { credentials: { password: PASSWORD } } })
      // The message is cut to 1,000 characters; the body fits its cap, so it is parsed.
      reply = { type: 'application/json', body: JSON.stringify({ message: `camera cam-7 rejected ${echo}` }) }
      const inMessage = await errorFor(json, 'application/json', { maxBodyBytes: 1 << 20 })
      expectNoPart(inMessage, PASSWORD, echo)
      expect(inMessage.serverMessage).toBe('camera cam-7 rejected [REDACTED]')
      // A text body past a cap of 200 bytes: read to 200 bytes and 16 KiB of context.
      reply = { type: 'text/plain', body: `camera cam-7 rejected ${echo}` }
      const pastCap = await errorFor(json, 'application/json', { maxBodyBytes: 200 })
      expectNoPart(pastCap, PASSWORD, echo)
      expect(pastCap.body).toBe('camera cam-7 rejected [REDACTED]')
    })

  it('scrubs a password holding a lone surrogate, which a server echoes raw as U+FFFD', async () => {
    const sent = LONE.replace('\ud800', '\ufffd')
    reply = { type: 'text/plain', body: `camera cam-7 rejected ${LONE}` }
    const error = await errorFor(JSON.stringify({ password: LONE }), 'application/json')
    expectNoPart(error, 'surrogate-77', sent)
    expect(error.body).toBe('camera cam-7 rejected [REDACTED]')
  })
})
