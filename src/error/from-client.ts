/**
 * Recognising what HTTP clients throw (a fetch `Response`, axios, ky, ofetch and got errors, or any
 * object with an HTTP status) and collecting what they already hold: the status, headers, the body
 * they read, and the request they sent, so that secrets the server echoes can be scrubbed.
 *
 * This package imports none of the clients: one table says where each keeps each field, and one
 * reader follows it, every read guarded, so a hostile value never makes it throw.
 *
 * @module
 */
import { fieldOf } from '../http/index.js'
import type { RequestParts } from '../redact/index.js'
import { isIntegerIn } from '../status.js'

/** A failed HTTP exchange as a client reported it. */
export interface ClientFailure {
  /** The status as the client reported it, an integer 100–599. */
  readonly status: number
  /** The response headers in the client's own shape (fetch `Headers`, a plain object, raw pairs). */
  readonly headers?: unknown
  /**
   * What the client already read: a string (bytes are decoded as UTF-8), or parsed JSON data as the
   * client holds it. `undefined` when unread (a stream or a `Blob` is not read).
   */
  readonly body?: unknown
  /** A fetch `Response` whose body is still unread (a bare `Response`, ky's `HTTPError.response`). */
  readonly response?: unknown
  /** What the client kept of the request. */
  readonly request?: RequestParts
  /**
   * The headers the request went out with, as Node's request keeps them (axios in Node): what no
   * option holds, a proxy's credentials from `HTTP_PROXY` and a header its `beforeRedirect` set.
   */
  readonly sent?: unknown
  /** The URL the response came from, after any redirect. */
  readonly url?: string
  /** The original value when it is an error, one with a text `message` (never a `Response` nor a client's response object: no cause). */
  readonly thrown?: unknown
}

/** How to read one field: `'a.b|c'` takes the first of the dotted paths that has an accepted value. */
type Field = string | ((value: unknown) => unknown) | Fields
interface Fields {
  readonly [name: string]: Field
}

/**
 * Where every client keeps each field, as one table: axios keeps the request in `config`, got in
 * `options`, ky in `request` (a `Request`) and `options`, ofetch in `request` (a URL string or a
 * `Request`) and `options`; a Response keeps only its URL. Paths that a client does not have find
 * nothing in its error, so one reading serves them all.
 */
const FIELDS: Fields = {
  status: 'status|statusCode|response.status|response.statusCode',
  headers: 'headers|response.headers',
  // A fetch Response's own `body` is a stream: not read here. ofetch's raw Response keeps what it read as `_data`.
  body: 'data|_data|body|response.data|response._data|response.body',
  // An unread Response: the value itself, or the one it holds (ky's).
  response: '|response',
  // The URL the response came from, after any redirect: a Response's (ky's, ofetch's, got's), or
  // axios' in Node (follow-redirects) and in a browser (XMLHttpRequest); with its fetch adapter, the
  // Request's (its paramsSerializer's query, which no option holds).
  url: 'response.url|url|request.res.responseUrl|request.responseURL|request.url',
  request: {
    // axios resolves `url` against `baseURL`; got's `url` is a URL holding username and password.
    // got's response (given when told not to throw for a status) keeps its request's options.
    // axios and ofetch take a URL object too (its `href`): its query's secrets count after a redirect.
    url: (value) =>
      joinUrl(
        pick(
          value,
          'config.url.href|config.url|request.url|request.href|request|options.url.href|options.url|request.options.url.href|url',
          'url',
        ),
        at(value, 'config.baseURL'),
      ),
    // ofetch moves the query into a string URL, but given a Request it stays in the options.
    query: 'config.params|options.query|options.params|options.searchParams|request.options.searchParams',
    // The headers sent: a Request's (ky's, after its hooks changed them) before the options'.
    headers: 'config.headers|request.headers|options.headers|request.options.headers',
    body: 'config.data|options.json|options.body|options.form|request.options.json|request.options.body|request.options.form',
    // axios' credentials, and its proxy's: a list when it has a proxy's.
    auth: (value) => {
      const both = [at(value, 'config.auth'), at(value, 'config.proxy.auth')]
      return both[1] ? both : both[0]
    },
  },
  sent: (value) => {
    const request = get(value, 'request')
    const headers = get(request, 'getHeaders')
    try {
      return typeof headers === 'function' ? headers.call(request) : undefined
    } catch {
      // A getHeaders that throws: nothing sent to read.
      return undefined
    }
  },
}

/** What a field must hold to count; any other field counts unless it is `null` or `undefined`. */
const ACCEPTS: { readonly [name: string]: (value: unknown) => boolean } = {
  status: (value) => typeof value === 'number',
  response: (value) => isResponse(value) && get(value, 'bodyUsed') === false,
  url: (value) => typeof value === 'string',
}

/**
 * @internal Whether `value` is an HTTP client's own error (axios, ofetch, ky, got): one carrying a 1xx or 2xx
 * status failed after the status arrived (a parse error, a cut body), not because of it.
 */
export function isHttpClientError(value: unknown): boolean {
  return (
    get(value, 'isAxiosError') === true ||
    ['FetchError', 'HTTPError'].includes(get(value, 'name') as string) ||
    // got's other errors: not by `code`, which it copies from the underlying error.
    (isObject(get(value, 'options')) && typeof at(value, 'response.statusCode') === 'number')
  )
}

/**
 * Recognises a failed HTTP exchange in what a client threw, or in a fetch `Response`: errors of axios
 * (`isAxiosError`), ofetch (`FetchError`), ky and got (`HTTPError`, got's others by `options` and a
 * `response.statusCode`), and any object with a numeric `status` or `statusCode` (on `.response` too).
 *
 * `undefined` when there is no HTTP status (a network failure, a timeout, an abort), when the status
 * is not an integer 100–599 (`anyHigh`: at least 100, for fromResponse, which reads a 999 as 0), and
 * when a client's own error carries a 1xx/2xx status.
 * Never throws, whatever the input (Proxies whose traps throw, throwing getters, revoked proxies).
 */
export function clientFailureOf(value: unknown, anyHigh?: boolean): ClientFailure | undefined {
  const failure = collect(value, FIELDS) as { status?: number; thrown?: unknown } | undefined
  const status = failure?.status as number
  const lowest = isHttpClientError(value) ? 300 : 100
  if (!isIntegerIn(status, lowest, anyHigh ? Infinity : 599)) return undefined
  // Only an error is a cause: a Response, axios' or got's response object and a bare `{ status }` are not.
  if (typeof get(value, 'message') === 'string' && !isResponse(value)) (failure as { thrown?: unknown }).thrown = value
  return failure as ClientFailure
}

/** The fields found in `value` as a new plain object (holding the client's own objects), or `undefined`. */
function collect(value: unknown, fields: Fields): Record<string, unknown> | undefined {
  let found: Record<string, unknown> | undefined
  // Own keys only: a key that a polluted Object.prototype holds is no field.
  for (const [name, field] of Object.entries(fields)) {
    const item = typeof field === 'object' ? collect(value, field) : pick(value, field, name)
    if (item !== undefined) {
      found ??= {}
      found[name] = item
    }
  }
  return found
}

/** The first accepted value of the `|`-separated paths of one field (a body decoded first). */
function pick(value: unknown, field: string | ((value: unknown) => unknown), name: string): unknown {
  const accepts = (Object.hasOwn(ACCEPTS, name) && ACCEPTS[name]) || ((item: unknown) => item != null)
  for (const path of typeof field === 'string' ? field.split('|') : [field]) {
    const raw = typeof path === 'string' ? at(value, path) : path(value)
    const item = name === 'body' ? heldBody(raw) : raw
    if (accepts(item)) return item
  }
  return undefined
}

/** What a dotted path leads to in `value` (`''`: `value` itself), `undefined` when any step has nothing. */
function at(value: unknown, path: string): unknown {
  return path ? path.split('.').reduce(get, value) : value
}

/** axios' URL: `url` resolved against `baseURL` (an absolute `url` wins), for its query, fragment and userinfo. */
function joinUrl(url: unknown, base: unknown): unknown {
  try {
    return typeof base === 'string' ? new URL((url as string) ?? '', base).href : url
  } catch {
    return url
  }
}

/**
 * A body the client holds: bytes decoded as UTF-8; a stream or a `Blob` (unreadable now) left out;
 * anything else (text, data, nothing) as it is.
 */
function heldBody(body: unknown): unknown {
  try {
    if (ArrayBuffer.isView(body) || body instanceof ArrayBuffer) return new TextDecoder().decode(body as ArrayBuffer)
    return ['getReader', 'pipe', 'arrayBuffer'].some((method) => typeof get(body, method) === 'function')
      ? undefined
      : body
  } catch {
    // Bytes that do not decode, or an object whose type cannot even be asked.
    return undefined
  }
}

/** A fetch `Response` from any realm or polyfill, by shape. */
function isResponse(value: unknown): boolean {
  return (
    typeof get(value, 'status') === 'number' &&
    typeof get(value, 'bodyUsed') === 'boolean' &&
    isObject(get(value, 'headers'))
  )
}

/**
 * `value[key]`, or `undefined` when `value` is no object or reading it throws. A fetch Response's
 * `data` is not read: it has none, and node-fetch's warns of that on the first read in a process.
 */
function get(value: unknown, key: string): unknown {
  if (key === 'data' && isResponse(value)) return undefined
  try {
    // Not what a polluted Object.prototype holds: `Object.prototype.status = 500` makes no status.
    return isObject(value) ? fieldOf(value, key) : undefined
  } catch {
    // A throwing getter or Proxy trap, or a revoked Proxy.
    return undefined
  }
}

/** Whether `value` can hold fields: an object or a function. */
function isObject(value: unknown): value is object {
  return (typeof value === 'object' && value !== null) || typeof value === 'function'
}
