/**
 * `ApiError.fromResponse`: a fetch `Response` read into an error. The body is read once, bounded
 * in bytes and time (`maxBodyBytes`, `timeoutMs`, `signal`), and never makes the call reject.
 * Without a `request` option, the Response's own `url` stands for the request, so secrets in its
 * query that the server echoes are scrubbed too. A Response whose body was already read gives an
 * error whose message says so.
 *
 * @module
 */
import { readBody, readLimits } from '../http/index.js'
import { make, nameOf, readOptions } from './build.js'
import type { ApiErrorFields, RequestLike } from './types.js'

/**
 * @internal Reads `response` into an error of class `ctor`. Never rejects: when `ctor`'s
 * constructor or the operation throws, the error is made with `base` and no operation, and says so.
 */
export async function readResponse(
  ctor: unknown,
  response: unknown,
  options: unknown,
  base: unknown,
): Promise<ApiErrorFields> {
  const o = readOptions(options)
  let status: unknown
  let headers: unknown
  let url: unknown
  let bodyUsed: unknown
  let locked: unknown
  try {
    const r = response as Response
    ;({ status, headers, url, bodyUsed } = r)
    locked = r.body?.locked
  } catch {
    // No object at all: said below.
  }
  if (typeof status !== 'number' || typeof headers !== 'object' || headers === null) {
    return make(ctor, { status: 0, note: `fromResponse expects a fetch Response, got ${nameOf(response)}` }, o, base)
  }
  const started = Date.now()
  const read = await readBody(response, o)
  // The Response's own URL stands for the request; one without `?`, `#` or `@` holds no query,
  // fragment or userinfo, so there is nothing to look for (a URL parse saved, about 1.5 µs).
  let request: RequestLike | Request | undefined =
    o.request ?? (typeof url === 'string' && /[?#@]/.test(url) ? { url } : undefined)
  if (isRequest(request)) {
    // Within what is left of the caller's time limit (and at most a second), and its signal.
    const { timeoutMs, signal } = readLimits(o)
    request = await requestParts(request, Math.min(1000, timeoutMs - (Date.now() - started)), signal)
  }
  const parts = {
    status,
    headers,
    body: read.text,
    partial: !read.complete,
    request,
    note:
      [
        status === 0 && 'the Response has no status: a network error (Response.error()) or a no-cors answer',
        // Misuse named, not hidden: the body is gone, and the error cannot say what the server said.
        bodyUsed === true && 'its body was already read: call fromResponse before reading it',
        bodyUsed !== true && locked === true && 'its body is locked by a reader: call fromResponse before reading it',
      ]
        .filter(Boolean)
        .join('; ') || undefined,
  }
  return make(ctor, parts, o, base)
}

function isRequest(value: unknown): value is Request {
  try {
    return value instanceof Request
  } catch {
    // No global Request, or a Proxy whose getPrototypeOf trap throws: not a Request.
    return false
  }
}

/** A `Request` gives up its URL, headers and (unread) body, bounded, for scrubbing echoes. */
async function requestParts(r: Request, timeoutMs: number, signal: AbortSignal | undefined): Promise<RequestLike> {
  // A body already read or locked (a reader taken) cannot be cloned: the URL and headers still count.
  let body: string | undefined
  try {
    body = (await readBody(r.clone(), { timeoutMs: Math.max(0, timeoutMs), signal })).text
  } catch {
    // Nothing of the body to look for.
  }
  return { url: r.url, headers: r.headers, body }
}
