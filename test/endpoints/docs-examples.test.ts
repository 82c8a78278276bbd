// The API docs' own examples as acceptance tests: each example error response the docs print,
// served with its documented status by a real node:http server, read by fetch and
// ApiError.fromResponse with the operation findEndpoint gives for the docs' own URL, and checked
// against the docs' words; the CLI's `--endpoint` answer for the same. Expected values come from
// the docs (test/endpoints/docs-examples.json, docs-rows.json, api-status-codes.md) and the
// hand-kept judgements (the codes the docs do not name), never from the code under test.
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, expect, describe as group, it } from 'vitest'
import { findEndpoint } from '../../src/endpoints/index.js'
import { ApiError } from '../../src/index.js'
import { documentedRows } from '../fixtures/api-doc.js'
import { callCli } from '../fixtures/cli.js'
import { startServer, type TestServer } from '../fixtures/server.js'

interface Request {
  method: string
  url: string
  docs: string
}
interface Example {
  title: string
  docs: string
  requests: Request[]
  statuses: number[]
  rows: Record<string, string>
}
interface ErrorResponse extends Example {
  body: string
}
interface Headers extends Example {
  headers: [string, string][]
}
interface ExampleUrl extends Request {
  call: Request
}
const docs: {
  source: { commit: string }
  errorResponses: ErrorResponse[]
  headers: Headers[]
  examples: ExampleUrl[]
} = JSON.parse(readFileSync(new URL('./docs-examples.json', import.meta.url), 'utf8'))
/** Every request line of the docs with a status table, and every row of those tables (test data of find.test.ts and catalog.test.ts). */
const requests: Request[] = JSON.parse(readFileSync(new URL('./docs-requests.json', import.meta.url), 'utf8')).requests
const rows: { method: string; path: string; status: number; meaning: string }[] = JSON.parse(
  readFileSync(new URL('./docs-rows.json', import.meta.url), 'utf8'),
).rows
/** The codes of the rows that mean something else than the table, kept by hand (the docs name no codes). */
const own: Record<string, { code: string; retryable?: boolean }> = JSON.parse(
  readFileSync(new URL('../../scripts/endpoints/judgements.json', import.meta.url), 'utf8'),
).own

/** What the docs (and, for a code the docs do not name, the judgements) say an error of `status` is. */
function expected(status: number, meaning: string): { code: string; retryable: boolean } {
  const judged = own[`${status} ${meaning}`]
  const table = documentedRows.find((row) => row.status === status)
  // DESIGN §1: outside the table, only 408 and a 5xx other than 501 and 505 are retryable.
  const policy = status === 408 || (status >= 500 && status !== 501 && status !== 505)
  return { code: judged?.code ?? table!.code, retryable: judged?.retryable ?? table?.retryable ?? policy }
}

/** The docs' JSON as data: their trailing commas dropped, as DESIGN §3 allows a reader to. */
const parsed = (text: string): { message?: string; reason?: string } =>
  JSON.parse(text.replace(/("(?:[^"\\]|\\.)*")|,(?=\s*[}\]])/g, '$1'))

let server: TestServer
/** What the server answers next: status, headers and body, set by each case before it fetches. */
let answer: { status: number; headers: [string, string][]; body: string }
beforeAll(async () => {
  server = await startServer((_req, res) => {
    res.writeHead(answer.status, answer.headers)
    res.end(answer.body)
  })
})
afterAll(() => server.close())

/** Serves one answer and reads it as an SDK does, with the operation of the docs' own URL. */
async function served(request: Request, status: number, headers: [string, string][], body: string) {
  answer = { status, headers, body }
  const operation = findEndpoint(request.method, request.url)
  expect(operation, `${request.docs}: an operation for ${request.method} ${request.url}`).toBeDefined()
  const res = await fetch(`${server.url}${new URL(request.url.replace(/^[^/]*\/\/[^/]*/, ''), server.url).pathname}`)
  return { error: await ApiError.fromResponse(res, { operation }), name: operation!.name }
}

group("the docs' example error responses", () => {
  it(`keeps test data for the docs at the catalog's commit: ${docs.errorResponses.length} bodies, ${docs.headers.length} header block`, () => {
    expect(docs.source.commit).toBe('fed4a24e93c8e034b30a990dd623dccd1ba6e2c4')
    // Reset Password's 400 of its password rules, and Get Snapshot's error of any status.
    expect(docs.errorResponses.map((e) => e.docs)).toEqual(['_api_aaa.md:229', '_api_asset.md:560'])
    expect(docs.errorResponses.flatMap((e) => e.statuses)).toHaveLength(10)
    // They carry the docs' trailing commas, and the snapshot's its placeholders.
    for (const { body } of docs.errorResponses) expect(body).toMatch(/,\s*\}/)
  })

  const cases = docs.errorResponses.flatMap((example) =>
    example.requests.flatMap((request) => example.statuses.map((status) => ({ example, request, status }))),
  )
  it.each(cases)('$example.title, $status ($example.docs)', async ({ example, request, status }) => {
    const meaning = example.rows[status]!
    const { code, retryable } = expected(status, meaning)
    const body = parsed(example.body)
    const { error, name } = await served(request, status, [['content-type', 'application/json']], example.body)
    expect(error).toMatchObject({ status, code, meaning, known: true, retryable, operation: name })
    expect(error.serverMessage).toBe(body.message)
    expect(error.reason).toBe(body.reason)
    expect(error.body).toEqual(body)
    expect(error.message).toBe(`${name}: ${status} ${code}: ${meaning} (server: ${body.message})`)
    // The command line says the same of the call's status.
    const cli = callCli([String(status), '--endpoint', name, '--json'])
    expect(cli.code).toBe(0)
    expect(JSON.parse(cli.stdout)).toMatchObject({ status, code, meaning, retryable })
  })

  it("keeps Reset Password's failed password rules whole: they are rules, not secrets", async () => {
    const [reset] = docs.errorResponses
    const { error } = await served(reset!.requests[0]!, 400, [], reset!.body)
    expect(error.reason).toBe('InvalidPassword')
    const rules = (error.body as { data: { failed_requirements: Record<string, { description: string }> } }).data
      .failed_requirements
    expect(Object.keys(rules)).toEqual([
      'same_password',
      'length',
      'reuse',
      'required_special_char',
      'required_numeric_char',
      'exclude_username',
    ])
    expect(rules.same_password!.description).toBe('New password cannot be the same as the old one.')
  })

  const headerCases = docs.headers.flatMap((block) =>
    block.requests.flatMap((request) => block.statuses.map((status) => ({ block, request, status }))),
  )
  it.each(headerCases)('$block.title: $status with the headers of $block.docs', async ({ block, request, status }) => {
    const meaning = block.rows[status]!
    const { code, retryable } = expected(status, meaning)
    const { error, name } = await served(request, status, block.headers, '')
    expect(error).toMatchObject({ status, code, meaning, known: true, retryable, operation: name })
    expect(error.message).toBe(`${name}: ${status} ${code}: ${meaning}`)
    // The session cookie the server sets is nowhere in the error.
    const cookie = block.headers.find(([header]) => header === 'set-cookie')![1].split('=')[1]!
    expect(JSON.stringify(error)).not.toContain(cookie)
  })
})

group("every documented call, answering in the docs' error shape", () => {
  // The docs' one error body for any status ("a json error message", _api_asset.md:555), as printed.
  const shape = docs.errorResponses.find((e) => e.body.includes('"<int>"'))!.body
  /** The host (and the docs' slip of a `/` for its dot) and the query of a URL as the docs print it dropped. */
  const pathOf = (url: string) => url.replace(/^[a-z]+:\/\/[^/]*(\/eagleeyenetworks\.com)?|[?#].*$/g, '')

  const labelled = requests.map(
    (request) => [`${request.method} ${pathOf(request.url)} (${request.docs})`, request] as const,
  )
  it.each(labelled)('%s', async (_, request) => {
    // Each error status of the method and path, in the docs' words; a status with two meanings
    // (two tables, or two calls on one method and path) says both, joined by " / ".
    const meanings = new Map<number, string[]>()
    for (const row of rows)
      if (row.method === request.method && row.path === pathOf(request.url) && row.status >= 300) {
        const seen = meanings.get(row.status) ?? []
        if (!seen.includes(row.meaning)) meanings.set(row.status, [...seen, row.meaning])
      }
    for (const [status, words] of meanings) {
      const meaning = words.join(' / ')
      const { code, retryable } = expected(status, meaning)
      const { error, name } = await served(request, status, [['content-type', 'application/json']], shape)
      expect(error, `${status}`).toMatchObject({ status, code, meaning, known: true, retryable, operation: name })
      expect(error.message).toBe(`${name}: ${status} ${code}: ${meaning} (server: <string>)`)
      expect([error.serverMessage, error.reason]).toEqual(['<string>', '<string>'])
      expect(JSON.parse(callCli([String(status), '--endpoint', name, '--json']).stdout)).toEqual({
        status,
        code,
        meaning,
        class: status < 400 ? 'redirect' : status < 500 ? 'client error' : 'server error',
        retryable,
      })
    }
    expect(meanings.size, 'error statuses in the table').toBeGreaterThan(0)
  })
})

group("the docs' example URLs", () => {
  it.each(docs.examples.map((example) => [`${example.method} ${example.url} (${example.docs})`, example] as const))(
    '%s finds the call it shows',
    (_, example) => {
      const call = findEndpoint(example.call.method, example.call.url)
      expect(call, `${example.call.docs}: the request line of the call`).toBeDefined()
      expect(findEndpoint(example.method, example.url)).toBe(call)
    },
  )
})
