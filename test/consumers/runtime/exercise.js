// The same checks in every runtime of the matrix (Node, Bun, Deno, workerd, Chromium): web-standard
// code only. `lib` and `copy` are two separately loaded copies of the installed package (the ESM
// and the CJS build, or the ESM build under two URLs); `baseUrl` serves the fixture API of
// test/matrix/helpers.ts on 127.0.0.1.

/**
 * Runs the checks and returns their names; throws on the first that fails.
 * @param {any} lib the package, imported
 * @param {any} copy a second copy of the package, loaded separately
 * @param {string} baseUrl the fixture API
 */
export async function exercise(lib, copy, baseUrl) {
  const checks = []
  const check = (name, ok, got) => {
    if (!ok) throw new Error(`check failed: ${name}; got ${JSON.stringify(got)}`)
    checks.push(name)
  }

  // The table and its helpers.
  const statuses = Object.keys(lib.STATUS_CODES).map(Number)
  check('the table has the 26 documented statuses', statuses.length === 26 && statuses.includes(423), statuses)
  check('a row of the table', lib.STATUS_CODES[463]?.code === 'DEVICE_UNREACHABLE', lib.STATUS_CODES[463])
  check('the table is frozen', Object.isFrozen(lib.STATUS_CODES) && Object.isFrozen(lib.STATUS_CODES[463]), null)
  check('Status names', lib.Status.TOO_MANY_REQUESTS === 429 && lib.Status.TAG_MAPS_ERROR === 503, lib.Status)
  check('describe a known status', lib.describe(402) === 'Account is suspended', lib.describe(402))
  check(
    "describe keeps the API's double spaces",
    lib.describe(500) === 'Internal Error.  Please contact our support department.',
    lib.describe(500),
  )
  check('describe an unknown status', lib.describe(418) === 'Unexpected client error (HTTP 418)', lib.describe(418))
  check(
    'describe never throws',
    [null, undefined, Number.NaN, '404', {}, 4.5].every((x) => typeof lib.describe(x) === 'string'),
    null,
  )
  check(
    'range guards',
    lib.isClientError(404) &&
      !lib.isClientError(500) &&
      lib.isServerError(502) &&
      lib.isSuccess(204) &&
      lib.isRedirect(301),
    null,
  )
  check('isKnownStatus', lib.isKnownStatus(463) && !lib.isKnownStatus(418) && !lib.isKnownStatus('463'), null)
  check(
    'retry policy',
    lib.isRetryable(429) &&
      lib.isRetryable(504) &&
      !lib.isRetryable(503) &&
      lib.isRetryable(408) &&
      !lib.isRetryable(501),
    null,
  )
  check('the second copy agrees', copy.describe(463) === lib.describe(463) && copy.STATUS_CODES !== undefined, null)

  // ApiError from a real response of the fixture API.
  const e = await lib.ApiError.fromResponse(await fetch(`${baseUrl}/api/too-many`))
  check('status and code', e.status === 429 && e.code === 'TOO_MANY_REQUESTS' && e.known === true, [e.status, e.code])
  check('meaning from the table', e.meaning === lib.describe(429), e.meaning)
  check('retry advice and Retry-After', e.retryable === true && e.retryAfterMs === 7000, [e.retryable, e.retryAfterMs])
  check('request id', e.requestId === 'req-123', e.requestId)
  check('the API message and reason', e.serverMessage === 'Slow down' && e.reason === 'RateLimited', [
    e.serverMessage,
    e.reason,
  ])
  check('an Error and an ApiError', e instanceof Error && e instanceof lib.ApiError && e.name === 'ApiError', e.name)
  check('isRetryable takes the error', lib.isRetryable(e) === true, null)

  const bad = await copy.ApiError.fromResponse(await fetch(`${baseUrl}/api/malformed`))
  check('malformed JSON is kept as text', bad.status === 502 && typeof bad.body === 'string', bad.body)

  // A redirect not followed: a browser hides its status (an opaqueredirect Response), other runtimes give the 301.
  const moved = await fetch(`${baseUrl}/api/moved`, { redirect: 'manual' })
  const notFollowed = await lib.ApiError.fromResponse(moved)
  check(
    'a redirect not followed is named',
    moved.type === 'opaqueredirect'
      ? notFollowed.status === 0 && notFollowed.message.includes("a redirect not followed (redirect: 'manual')")
      : notFollowed.status === 301 && notFollowed.code === 'MOVED',
    [moved.type, notFollowed.message],
  )

  // Reads bounded with the runtime's own streams: the byte cap counts the bytes fetch decoded (gzip),
  // and a body that never ends, errors midway or yields empty chunks forever ends the read (a hang fails the cell).
  const gzipped = await lib.ApiError.fromResponse(await fetch(`${baseUrl}/api/gzip`), { maxBodyBytes: 1000 })
  check(
    'the byte cap counts decoded bytes',
    typeof gzipped.body === 'string' && gzipped.body.length === 1000 && gzipped.body.startsWith('{"status_code":500'),
    gzipped.body,
  )
  const bytes = (text) => new TextEncoder().encode(text)
  const stream = (source) => new Response(new ReadableStream(source), { status: 504 })
  const stalled = await lib.ApiError.fromResponse(stream({ start: (c) => c.enqueue(bytes('{"message": "never ')) }), {
    timeoutMs: 200,
  })
  check('a body that never ends stops at timeoutMs', stalled.body === '{"message": "never ', stalled.body)
  const empty = await lib.ApiError.fromResponse(stream({ pull: (c) => c.enqueue(new Uint8Array(0)) }), {
    timeoutMs: 200,
  })
  check(
    'a body of empty chunks forever stops at timeoutMs',
    empty.status === 504 && empty.body === undefined,
    empty.body,
  )
  const broken = await lib.ApiError.fromResponse(
    stream({
      start(c) {
        c.enqueue(bytes('{"message": "part '))
        setTimeout(() => c.error(new Error('cut')), 20)
      },
    }),
  )
  check('a body that errors midway keeps what came', broken.body === '{"message": "part ', broken.body)
  const aborted = await lib.ApiError.fromResponse(new Response('{"message":"m"}', { status: 500 }), {
    signal: AbortSignal.abort(),
  })
  const failed = await lib.ApiError.fromResponse(Response.error())
  check(
    'an aborted signal reads nothing; Response.error() has status 0',
    aborted.body === undefined && failed.status === 0,
    [aborted.body, failed.message],
  )

  // Two copies: the brand is a registered symbol, the same for both.
  check('the copies are distinct classes', lib.ApiError !== copy.ApiError, null)
  check('isApiError across copies', lib.isApiError(e) && copy.isApiError(e) && lib.isApiError(bad), null)
  check('instanceof across copies', e instanceof copy.ApiError && bad instanceof lib.ApiError, null)
  check(
    'not every error is an ApiError',
    !lib.isApiError(new Error('x')) && !lib.isApiError({ status: 429, code: 'TOO_MANY_REQUESTS' }),
    null,
  )

  // A round trip through JSON, revived by the other copy.
  const revived = copy.ApiError.fromJSON(JSON.parse(JSON.stringify(e)))
  check(
    'toJSON / fromJSON round trip',
    revived instanceof copy.ApiError &&
      lib.isApiError(revived) &&
      revived.code === e.code &&
      revived.retryAfterMs === 7000 &&
      revived.requestId === 'req-123',
    revived,
  )

  // Nothing secret leaves, where the server echoes the key from the request.
  const url = `${baseUrl}/api/echo?A=c0ffee-secret-key`
  const leaked = await lib.ApiError.fromResponse(await fetch(url), {
    request: { url, headers: { Authorization: 'Bearer abcdef123456' } },
  })
  const text = JSON.stringify(leaked) + String(leaked) + leaked.message + JSON.stringify(leaked.body)
  check(
    'secrets are scrubbed',
    leaked.status === 401 && !text.includes('c0ffee-secret-key') && !text.includes('abcdef123456'),
    text,
  )
  return checks
}

/** A secret of the request in {@link logError}: no runtime's console may print it. */
export const LOGGED_SECRET = 'Zq9-console-secret-555'

/**
 * Logs, as an app would (console.log, console.error, %o, inside an object), an ApiError made from
 * a client's error whose request, message and cause held {@link LOGGED_SECRET}: the runtime's own
 * console renders it (Node's util.inspect, Bun's, Deno's, workerd's, the browser's DevTools).
 * @param {any} lib the package, imported
 */
export function logError(lib) {
  const inner = Object.assign(new Error(`inner token=${LOGGED_SECRET}`), { password: LOGGED_SECRET })
  const thrown = Object.assign(new Error(`failed: Bearer ${LOGGED_SECRET}`, { cause: inner }), {
    status: 401,
    config: { headers: { Authorization: `Bearer ${LOGGED_SECRET}` } },
  })
  const error = lib.ApiError.from(thrown)
  console.log(error)
  console.error(error)
  console.log('%o', error)
  console.log({ error })
}
