/**
 * `ApiError.fromResponse`: a fetch `Response` read into an error. The body is read once, bounded
 * in bytes and time (`maxBodyBytes`, `timeoutMs`, `signal`), and never makes the call reject.
 * Without a `request` option, the Response's own `url` stands for the request, so secrets in its
 * query that the server echoes are scrubbed too. A client's error that holds an unread Response
 * (ky's `HTTPError`) is read through that Response, with the request the client kept; any other
 * client's error (ky 2's `HTTPError`, which holds the body it read as `data`) as `from` reads it, and so
 * is a Response whose client kept the body it read (ofetch.raw's `_data`). Any other Response whose
 * body was already read gives an error whose message says so.
 *
 * @module
 */
import { type BodyLimits, fieldOf, readBody, readLimits } from '../http/index.js'
import { nameOf, readOptions } from './build.js'
import { type ClientFailure, clientFailureOf, isHttpClientError } from './from-client.js'
import { errorFromParts, joined } from './from-parts.js'
import type { AnyOperation, ApiErrorFields, FromOptions, RequestLike } from './types.js'

/**
 * @internal An error of class `ctor` made from what a client reported: the body it read, its
 * headers, and the request given in `options` or the one the client kept.
 */
export function fromFailure(
  ctor: unknown,
  failure: ClientFailure,
  options: FromOptions<AnyOperation | undefined>,
  base: unknown,
): ApiErrorFields {
  const response = failure.response as { headers?: unknown } | undefined
  // The request given adds to the one the client kept, and to the headers it went out with: each holds secrets the others may not.
  const sent = failure.sent && { headers: failure.sent }
  const request = joined(options.request, joined(failure.request, sent))
  return errorFromParts(ctor, { ...failure, headers: failure.headers ?? response?.headers, request }, options, base)
}

/**
 * @internal Reads `response` into an error of class `ctor`. Never rejects: when `ctor`'s
 * constructor or the operation throws, the error is made with `base` and no operation, and says so.
 * `held`: the Response was held by a client's error, which kept this request and was thrown (if an error).
 */
export async function readResponse(
  ctor: unknown,
  response: unknown,
  given: unknown,
  base: unknown,
  held?: { readonly thrown?: unknown; readonly request?: unknown },
): Promise<ApiErrorFields> {
  const options = readOptions(given)
  let status: unknown
  let headers: unknown
  let url: unknown
  let bodyUsed: unknown
  let locked: unknown
  let type: unknown
  try {
    const res = response as Response
    ;({ status, headers, url, bodyUsed, type } = res)
    locked = res.body?.locked
  } catch {
    // No object at all: said below.
  }
  // A fetch Response has a boolean bodyUsed: axios' response object, or a plain `{ status, headers }`, is none.
  if (typeof status !== 'number' || typeof headers !== 'object' || headers === null || typeof bodyUsed !== 'boolean') {
    // A client's error that holds an unread Response (ky's HTTPError): that Response, read with the
    // request the client kept (ky sends its Request's body, so only its options still know it).
    // Once: what a held Response holds in turn is not followed.
    // Its status may be one no ApiError holds (ky's HTTPError for a 999): read as the Response itself is.
    const failure = held ? undefined : clientFailureOf(response, true)
    if (failure?.response !== undefined) return readResponse(ctor, failure.response, options, base, failure)
    // Any other client's error (ky 2 keeps the body it read as `data`; an app may have read ky 1's Response): read as `from` reads it.
    if (failure !== undefined && isHttpClientError(response)) return fromFailure(ctor, failure, options, base)
    return errorFromParts(
      ctor,
      { status: 0, note: `fromResponse expects a fetch Response, got ${nameOf(response)}` },
      options,
      base,
    )
  }
  // A Response its client read and kept what it read on (ofetch.raw's `_data`): that, as `from` reads it.
  const kept = bodyUsed === true && !held ? clientFailureOf(response) : undefined
  if (kept?.body !== undefined) return fromFailure(ctor, kept, options, base)
  const request = options.request
  // A Request's body is read beside the response's, within the caller's time limit (and at most a
  // second) and its signal: read after it, a response that stalled to the limit left it no time, so
  // the secrets of its body were unknown and the server's echo of them kept.
  const [read, [requestRead, sent]] = isRequest(request)
    ? await Promise.all([readBody(response, options), requestParts(request, readLimits(options))])
    : [await readBody(response, options), [request, false] as const]
  const parts = {
    status,
    headers,
    body: read.text,
    partial: !read.complete,
    counted: true,
    early: read.early,
    // The request given, and the one a client kept (ky's): each holds secrets the other may not.
    request: joined(requestRead, held?.request),
    // The Response's own URL (after any redirect) counts as the request's, given or not.
    url,
    thrown: held?.thrown,
    note: [
      // A browser hides a redirect's status (301 MOVED elsewhere) from `redirect: 'manual'`, as a no-cors answer's.
      status === 0 &&
        `the Response has no status: ${type === 'opaqueredirect' ? "a redirect not followed (redirect: 'manual')" : 'a network error (Response.error()) or a no-cors answer'}`,
      // Misuse named, not hidden: the body is gone, and the error cannot say what the server said.
      bodyUsed === true && 'its body was already read: call fromResponse before reading it',
      bodyUsed !== true && locked === true && 'its body is locked by a reader: call fromResponse before reading it',
      sent &&
        "the request's body was sent, so its secrets are unknown: fetch a clone of the Request, or pass { url, headers, body }",
    ]
      .filter(Boolean)
      .join('; '),
  }
  return errorFromParts(ctor, parts, options, base)
}

/**
 * A fetch `Request` by shape, as a Response is read: one of another realm or of a fetch package
 * (node-fetch, which ofetch brings; undici's own) is one too, and its body as much the request's.
 */
function isRequest(value: unknown): value is Request {
  try {
    return (
      typeof value === 'object' &&
      value !== null &&
      typeof fieldOf(value, 'clone') === 'function' &&
      typeof fieldOf(value, 'method') === 'string' &&
      typeof fieldOf(value, 'bodyUsed') === 'boolean'
    )
  } catch {
    // A Proxy whose traps throw: not a Request.
    return false
  }
}

/**
 * A `Request` gives up its URL, headers and (unread) body, bounded, for scrubbing echoes; and
 * whether its body was already sent, so that it could not be read; within the caller's time limit
 * (at most a second) and signal. Never rejects: an object that
 * only looks like a Request (its getters throw) gives what could be read.
 */
async function requestParts(request: Request, { timeoutMs, signal }: BodyLimits): Promise<[RequestLike, boolean]> {
  let url: string | undefined
  let headers: Headers | undefined
  let body: string | undefined
  let sent = false
  try {
    ;({ url, headers } = request)
    // A body already read (by the fetch that sent it) or locked cannot be cloned: the URL and headers still count.
    sent = request.bodyUsed
    // Its first MiB, as of a body given as bytes: a secret field after a large upload counts too.
    body = (await readBody(request.clone(), { maxBodyBytes: 2 ** 20, timeoutMs: Math.min(1000, timeoutMs), signal }))
      .text
  } catch {
    // Nothing more to look for.
  }
  return [{ url, headers, body }, sent]
}
