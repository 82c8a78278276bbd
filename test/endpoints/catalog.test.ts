import { readFileSync } from 'node:fs'
import { expect, describe as group, it } from 'vitest'
import { type Endpoint, endpoints, findEndpoint } from '../../src/endpoints/index.js'
import { ApiError, STATUS_CODES } from '../../src/index.js'

interface DocsRow {
  method: string
  path: string
  status: number
  meaning: string
  docs: string
}
const docs: DocsRow[] = JSON.parse(readFileSync(new URL('./docs-rows.json', import.meta.url), 'utf8')).rows

const all: [string, Endpoint][] = Object.entries(endpoints)
const UPPER_SNAKE = /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/
const tableCodes = new Set(Object.values(STATUS_CODES).map((row) => row.code as string))

/** Every row the docs give a call: its error rows and its successes, by status. */
function rowsOf(endpoint: Endpoint): Record<string, { code?: string; meaning?: string }> {
  return { ...endpoint.successes, ...endpoint.rows }
}

/** The code and meaning of an endpoint's row, the table's code where the row gives none. */
function resolved(endpoint: Endpoint, status: number): { code: string; meaning: string } {
  const row = rowsOf(endpoint)[status]!
  const tableRow = (STATUS_CODES as Record<number, { code: string } | undefined>)[status]
  return { code: row.code ?? tableRow!.code, meaning: row.meaning! }
}

group('the endpoint catalog', () => {
  it('holds every documented call: 98 calls and 7 merged operations', () => {
    // 93 request lines with a table in the docs at fed4a24, one of them (authorize) with two, plus
    // the bridges statistics call whose table the docs print after the cameras call's, plus the
    // two SSO calls the docs give no table, plus Search Recordings, read from its curl example.
    expect(all).toHaveLength(105)
  })

  it('holds Search Recordings, whose request line the docs leave as TODO, as its curl example gives it', () => {
    // _api_search.md:38 `curl -X GET …/g/search/recordings`, :45 `TODO`, its table at :78.
    expect(endpoints.searchRecordings).toMatchObject({ method: 'GET', path: '/g/search/recordings' })
    expect(rowsOf(endpoints.searchRecordings)[403]?.meaning).toBe(
      'Forbidden due to the user missing the necessary privileges',
    )
    // Search Annotations gives the same method and path (:99): one operation answers both.
    const found = findEndpoint('GET', 'https://c001.eagleeyenetworks.com/g/search/recordings?value=front')
    expect(found).toBe(endpoints.search)
    expect(Object.keys(rowsOf(found!))).toEqual(['200', '400', '401', '403'])
  })

  it('gives a call the docs give no status table an operation without rows', () => {
    // GET /g/aaa/sso/SAML2/SSO (_api_aaa.md:438) and GET /g/aaa/sso/SAML2/LogOut (_api_aaa.md:591).
    const untabled = all.filter(([, e]) => Object.keys(rowsOf(e)).length === 0).map(([, e]) => `${e.method} ${e.path}`)
    expect(untabled).toEqual(['GET /g/aaa/sso/SAML2/SSO', 'GET /g/aaa/sso/SAML2/LogOut'])
  })

  it('keys every operation by its own camelCase name', () => {
    for (const [key, endpoint] of all) {
      expect(endpoint.name).toBe(key)
      expect(key).toMatch(/^[a-z][a-zA-Z0-9]*$/)
    }
    expect(new Set(all.map(([, e]) => e.name)).size).toBe(all.length)
  })

  it('gives every operation an upper-case method and a host-less path without query', () => {
    for (const [, endpoint] of all) {
      expect(['GET', 'POST', 'PUT', 'DELETE']).toContain(endpoint.method)
      expect(endpoint.path).toMatch(/^(\/([\w.-]|\{\w+\})+)+$/)
    }
  })

  it('gives every row an integer status 100–599 and an UPPER_SNAKE code', () => {
    for (const [, endpoint] of all) {
      const statuses = Object.keys(rowsOf(endpoint)).map(Number)
      for (const status of statuses) {
        expect(Number.isInteger(status) && status >= 100 && status <= 599).toBe(true)
        expect(resolved(endpoint, status).code).toMatch(UPPER_SNAKE)
      }
    }
  })

  it('gives a status outside the table a code of its own, and never reuses a table code elsewhere', () => {
    for (const [, endpoint] of all) {
      for (const [status, row] of Object.entries(rowsOf(endpoint))) {
        const inTable = (STATUS_CODES as Record<string, unknown>)[status] !== undefined
        if (!inTable) expect(row.code).toMatch(UPPER_SNAKE)
        if (row.code !== undefined) expect(tableCodes.has(row.code)).toBe(false)
      }
    }
  })

  it('lets a code of its own stand for one meaning only, and gives one meaning one code at a status', () => {
    const meaningsOfCode = new Map<string, Set<string>>()
    const codesOfMeaning = new Map<string, Set<string>>()
    for (const [, endpoint] of all) {
      for (const status of Object.keys(rowsOf(endpoint)).map(Number)) {
        const { code, meaning } = resolved(endpoint, status)
        if (!tableCodes.has(code)) meaningsOfCode.set(code, (meaningsOfCode.get(code) ?? new Set()).add(meaning))
        const key = `${status} ${meaning}`
        codesOfMeaning.set(key, (codesOfMeaning.get(key) ?? new Set()).add(code))
      }
    }
    for (const [code, meanings] of meaningsOfCode) expect([...meanings], code).toHaveLength(1)
    for (const [meaning, codes] of codesOfMeaning) expect([...codes], meaning).toHaveLength(1)
    // Words said at two statuses keep their code: the snapshot's 405 and the video's 404.
    expect(meaningsOfCode.get('CAMERA_NOT_PROVISIONED')).toEqual(new Set(['Camera not provisioned']))
  })

  it('is frozen, as operations made by defineOperation are', () => {
    expect(Object.isFrozen(endpoints)).toBe(true)
    for (const [, endpoint] of all) {
      expect(Object.isFrozen(endpoint) && Object.isFrozen(endpoint.rows)).toBe(true)
      expect(Object.isFrozen(endpoint.successes)).toBe(true)
      for (const row of Object.values(endpoint.successes)) expect(Object.isFrozen(row)).toBe(true)
    }
  })

  it('keeps the error statuses (300–599) in the operation and the successes beside it', () => {
    for (const [, endpoint] of all) {
      for (const status of Object.keys(endpoint.rows).map(Number)) expect(status).toBeGreaterThanOrEqual(300)
      for (const status of Object.keys(endpoint.successes).map(Number)) expect(status).toBeLessThan(300)
    }
    expect(endpoints.forgotPassword.successes[202].meaning).toMatch(/^A reset email has been sent/)
  })
})

group('the catalog against the docs', () => {
  const calls = new Set(docs.map((row) => `${row.method} ${row.path} ${row.docs.split(':')[0]}`))

  it(`keeps test data for every row of every call the docs give a status table (${docs.length} rows)`, () => {
    // fed4a24: 94 request lines with a table, in 19 files, and Search Recordings' curl example
    // (the same method and path as Search Annotations, in the same file); 508 rows.
    expect(calls.size).toBe(94)
    expect(docs).toHaveLength(508)
  })

  it('says each status of a method and path in exactly the docs\' words: each meaning once, joined by " / "', () => {
    const byRoute = new Map<string, Map<number, string[]>>()
    for (const row of docs) {
      const route = `${row.method} ${row.path}`
      const statuses = byRoute.get(route) ?? new Map<number, string[]>()
      const meanings = statuses.get(row.status) ?? []
      if (!meanings.includes(row.meaning)) meanings.push(row.meaning)
      byRoute.set(route, statuses.set(row.status, meanings))
    }
    for (const [route, statuses] of byRoute) {
      const [method, path] = route.split(' ') as [string, string]
      const rows = rowsOf(findEndpoint(method, path)!)
      for (const [status, meanings] of statuses)
        expect(rows[status]?.meaning, `${route} ${status}`).toBe(meanings.join(' / '))
    }
  })

  it('has test data for every method and path of the catalog but the two the docs give no table', () => {
    const covered = new Set(docs.map((row) => findEndpoint(row.method, row.path)))
    const uncovered = all.filter(([, e]) => !covered.has(findEndpoint(e.method, e.path))).map(([name]) => name)
    expect(uncovered).toEqual(['ssoAuthenticateRequest', 'ssoSingleLogOut'])
  })

  it.each(docs)('$method $path $status: "$meaning" ($docs)', (row) => {
    const endpoint = findEndpoint(row.method, row.path)
    expect(endpoint, 'an operation for the call').toBeDefined()
    // The docs' words, trimmed and nothing else; a status said twice for one method and path
    // (two rows, or two calls) holds each of its meanings, joined by " / ".
    expect(rowsOf(endpoint!)[row.status]?.meaning?.split(' / ')).toContain(row.meaning)
  })

  it('answers exactly the statuses the docs give for each sampled method and path', () => {
    const byRoute = new Map<string, Set<number>>()
    for (const row of docs) {
      const route = `${row.method} ${row.path}`
      byRoute.set(route, (byRoute.get(route) ?? new Set()).add(row.status))
    }
    for (const [route, statuses] of byRoute) {
      const [method, path] = route.split(' ') as [string, string]
      const answered = Object.keys(rowsOf(findEndpoint(method, path)!)).map(Number)
      expect(answered, route).toEqual([...statuses].sort())
    }
  })
})

group("the call's own codes, as the docs mean them", () => {
  it('forgotPassword: 406 is INFORMATION_NOT_VERIFIED and 465 IP_ADDRESS_INVALID', () => {
    expect(resolved(endpoints.forgotPassword, 406)).toEqual({
      code: 'INFORMATION_NOT_VERIFIED',
      meaning: 'Information supplied could not be verified',
    })
    expect(resolved(endpoints.forgotPassword, 465).code).toBe('IP_ADDRESS_INVALID')
  })

  it('authorize: 429 means the account is locked, not "slow down", so it is not retryable', () => {
    const e = new ApiError(429, { operation: endpoints.authorize })
    expect(e.code).toBe('ACCOUNT_LOCKED')
    expect(e.retryable).toBe(false)
    expect(e.meaning).toBe("This user's account has been locked due to more than 3 failed attempts to Authorize")
  })

  it("keeps the table code with the call's words where the call restates the table", () => {
    const e = new ApiError(400, { operation: endpoints.forgotPassword })
    expect(e.code).toBe('BAD_REQUEST')
    expect(e.meaning).toBe('Unexpected or non-identifiable arguments are supplied')
  })

  it('gives statuses outside the table codes of their own: 101, 302, 465, 501', () => {
    expect(resolved(endpoints.webSocketPolling, 101).code).toBe('SWITCHING_PROTOCOLS')
    expect(resolved(endpoints.ssoAssertionConsumerService, 302).code).toBe('RELAYING_SSO_AUTHENTICATION')
    expect(resolved(endpoints.ssoAssertionConsumerService, 501).code).toBe('SSO_NOT_ACTIVE')
    expect(new ApiError(501, { operation: endpoints.ssoAssertionConsumerService }).retryable).toBe(false)
  })

  it("says every call's status, code and meaning in its errors' message, also after a JSON round trip: a call named like a secret (forgotPassword, sendTfaCode) takes nothing after its name for a secret's value", () => {
    let checked = 0
    for (const [name, endpoint] of all) {
      for (const status of Object.keys(endpoint.rows).map(Number)) {
        const { code, meaning } = resolved(endpoint, status)
        const error = new ApiError(status, { operation: endpoint })
        expect(error.message, name).toBe(`${name}: ${status} ${code}: ${meaning}`)
        expect(ApiError.fromJSON(JSON.stringify(error)).message, name).toBe(error.message)
        checked++
      }
    }
    expect(checked).toBeGreaterThan(400)
  })

  it('keeps the retry advice of the words: "please try again" retries, "contact support" does not', () => {
    expect(new ApiError(504, { operation: endpoints.getVideoMp4 }).retryable).toBe(true)
    expect(new ApiError(503, { operation: endpoints.getVideoMp4 }).retryable).toBe(false)
    expect(new ApiError(463, { operation: endpoints.deleteCamera }).retryable).toBe(false)
  })
})
