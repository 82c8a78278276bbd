// A request that was redirected failed at the URL it was redirected to: the secrets of that URL
// (a signed media link's `A` key, a token in its query) are the request's too, scrubbed where the
// server echoes them, whichever client followed the redirect and whether or not the caller
// passed the request it started with.
import axios from 'axios'
import got from 'got'
import ky from 'ky'
import { ofetch } from 'ofetch'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ApiError } from '../../src/index.js'
import { rejectionOf } from '../fixtures/rejection.js'
import { startServer, type TestServer } from '../fixtures/server.js'
import { renderings } from './renderings.js'

const KEY = 'SignedMediaKey4417'
const TOKEN = 'RedirectToken0925'

let server: TestServer

beforeAll(async () => {
  server = await startServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://h')
    if (url.pathname === '/start') {
      res.writeHead(302, { location: `/media?A=${KEY}&access_token=${TOKEN}&camera=cam-7` })
      res.end()
      return
    }
    res.writeHead(403, { 'content-type': 'text/plain' })
    res.end(`key ${url.searchParams.get('A')} and ${url.searchParams.get('access_token')} expired for camera cam-7`)
  })
})

afterAll(() => server.close())

/**
 * Asserts that the error kept what the server said (when it read the body: `from` leaves a
 * Response's body, and ky's, unread) but neither secret of the URL redirected to.
 */
function expectScrubbed(error: unknown, read = true): void {
  expect(error).toBeInstanceOf(ApiError)
  expect((error as ApiError).status).toBe(403)
  const shown = Object.values(renderings(error)).join('\n')
  expect(shown).not.toContain(KEY)
  expect(shown).not.toContain(TOKEN)
  if (read) expect((error as ApiError).body).toMatch(/^key \S+ and \S+ expired for camera cam-7$/)
  else expect((error as ApiError).body).toBeUndefined()
}

describe('the URL a request was redirected to', () => {
  it('fetch: fromResponse reads the Response URL also when it is given the request it started with', async () => {
    const start = `${server.url}/start`
    expectScrubbed(await ApiError.fromResponse(await fetch(start)))
    expectScrubbed(await ApiError.fromResponse(await fetch(start), { request: { url: start } }))
    expectScrubbed(await ApiError.fromResponse(await fetch(start), { request: new Request(start) }))
    expectScrubbed(ApiError.from(await fetch(start)), false)
  })

  it('axios: from reads the URL the response came from', async () => {
    expectScrubbed(ApiError.from(await rejectionOf(axios.get(`${server.url}/start`))))
  })

  it('got, ky and ofetch: from reads the URL the response came from', async () => {
    const start = `${server.url}/start`
    expectScrubbed(ApiError.from(await rejectionOf(got(start, { retry: { limit: 0 } }))))
    expectScrubbed(ApiError.from(await rejectionOf(ky(start, { retry: 0 }))), false)
    expectScrubbed(ApiError.from(await rejectionOf(ofetch(start, { retry: 0 }))))
  })
})
