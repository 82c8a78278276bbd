// The newest major versions of ky and got, which need Node 22, thrown at ApiError.from (and ky's
// error at ApiError.fromResponse) against a
// real server on 127.0.0.1 that echoes the request's secrets. Prints one JSON line per client: the
// fields the error read, and where (if anywhere) a planted secret survived.
// Usage: node newest-clients.mjs <ky module file> <got module file>
import { createServer } from 'node:http'
import { pathToFileURL } from 'node:url'
import { inspect } from 'node:util'
import { ApiError } from 'een-api-errors'

const [kyFile, gotFile] = process.argv.slice(2)
const { default: ky } = await import(pathToFileURL(kyFile).href)
const { default: got } = await import(pathToFileURL(gotFile).href)

// One secret per place it is planted, each long enough for echo scrubbing.
const SECRETS = {
  header: 'hdr-secret-7f3a9c',
  query: 'query-secret-2b8d41',
  body: 'body-secret-91ce07',
}

// Echoes the request's headers, URL and body in its error body and message, as a careless server does.
const server = createServer((req, res) => {
  let body = ''
  req.on('data', (chunk) => {
    body += chunk
  })
  req.on('end', () => {
    res.writeHead(402, { 'content-type': 'application/json', 'x-request-id': 'req-newest', 'retry-after': '7' })
    res.end(
      JSON.stringify({
        status_code: 402,
        message: `Account is suspended (you sent ${req.headers.authorization} to ${req.url})`,
        reason: 'AccountSuspended',
        data: { echo: body, seen: req.headers },
      }),
    )
  })
})
await new Promise((ready) => server.listen(0, '127.0.0.1', ready))
const url = `http://127.0.0.1:${server.address().port}/g/account/get?A=${SECRETS.query}&id=keep-me`
const headers = { Authorization: `Bearer ${SECRETS.header}` }
const json = { password: SECRETS.body, email: 'keep@example.com' }

/** Every rendering a logger or a user could see, joined. */
function renderings(e) {
  const seen = new Set()
  const walk = (value, depth) => {
    if (depth > 20 || value === null || typeof value !== 'object' || seen.has(value)) return String(value)
    seen.add(value)
    return Object.keys(value)
      .map((key) => `${key}=${walk(value[key], depth + 1)}`)
      .join(' ')
  }
  return [
    e.message,
    String(e),
    e.stack,
    JSON.stringify(e),
    inspect(e, { depth: Number.POSITIVE_INFINITY, showHidden: true }),
    walk(e, 0),
    inspect(e.cause, { depth: Number.POSITIVE_INFINITY, showHidden: true }),
  ].join('\n')
}

const callKy = () => ky.post(url, { headers, json, retry: 0 })
const callGot = () => got.post(url, { headers, json, retry: { limit: 0 } })
/** Each client, and each way of reading what it threw: ky's HTTPError also through its unread Response. */
const ways = [
  ['ky', callKy, (thrown) => ApiError.from(thrown)],
  ['ky, fromResponse', callKy, (thrown) => ApiError.fromResponse(thrown)],
  ['got', callGot, (thrown) => ApiError.from(thrown)],
]
const reports = []
for (const [client, call, read] of ways) {
  let thrown
  try {
    await call()
  } catch (error) {
    thrown = error
  }
  const e = await read(thrown)
  const text = e ? renderings(e) : ''
  reports.push({
    client,
    thrownName: thrown?.name,
    code: e?.code,
    status: e?.status,
    requestId: e?.requestId,
    retryAfterMs: e?.retryAfterMs,
    reason: e?.reason,
    keptNeighbours: text.includes('keep-me') && text.includes('keep@example.com'),
    leaked: Object.entries(SECRETS)
      .filter(([, secret]) => text.includes(secret))
      .map(([place]) => place),
    causeIsPlain: e?.cause?.constructor === Error,
    unredactedIsThrown: e?.unredactedCause === thrown,
  })
}
server.close()
console.log(JSON.stringify({ node: process.versions.node, reports }))
