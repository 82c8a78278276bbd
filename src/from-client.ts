/**
 * Recognising what HTTP clients throw: a fetch `Response`, axios' `AxiosError`, ky's `HTTPError`,
 * ofetch's `FetchError`, got's errors, or any object with an HTTP status. Clients are identified by
 * shape (this package imports none of them), and every read is guarded, so a hostile value (a Proxy
 * whose traps throw, a getter that throws, a revoked Proxy) gives `undefined` instead of throwing.
 *
 * This is the synchronous part of `ApiError.from(unknown)`: it never reads a body, it only collects
 * what the client already read.
 *
 * @module
 */

/**
 * What a thrown client error (or a Response) tells about a failed HTTP exchange.
 *
 * @internal The input of `ApiError.from`; not re-exported from the package entry.
 */
export interface HttpFailure {
  /** The response status, an integer 100–599. */
  readonly status: number
  /** The response headers, in the client's own shape (read them with `headerValue`). */
  readonly headers?: unknown
  /**
   * The body the client already read: axios `response.data`, ofetch `data`, got `response.body`,
   * the `data` or `body` of a generic object. Bytes (a `Buffer`, a `Uint8Array`, an `ArrayBuffer`)
   * are decoded as UTF-8; a stream or a `Blob` is not read and gives `undefined`.
   */
  readonly body?: unknown
  /**
   * A fetch `Response` whose body is still unread (a bare `Response`, ky's `HTTPError.response`), for
   * an async caller to read with its own limits. Never set when the body was already used.
   */
  readonly response?: Response
  /**
   * What the client kept of the request, so that secrets the server echoes can be scrubbed: the URL
   * (with its query), the headers (in the client's own shape) and the body it sent.
   */
  readonly request?: { readonly url?: string; readonly headers?: unknown; readonly body?: unknown }
  /** The original value when it was a thrown error; not set for a bare `Response`, which is not a cause. */
  readonly thrown?: unknown
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] }
type RequestInfo = NonNullable<HttpFailure['request']>

/**
 * Recognises a failed HTTP exchange in whatever a client threw (or in a fetch `Response`).
 *
 * Recognised shapes:
 * - a fetch `Response` (any realm or polyfill): status, headers, the `Response` itself while its body
 *   is unread, and its `url` as the request's;
 * - an axios error (`isAxiosError === true`): `response.status`, `response.headers`, `response.data`,
 *   and the request from `config` (`url` joined with `baseURL`, `params` appended, `headers`, `data`);
 * - ky's `HTTPError` (`name === 'HTTPError'` with a `response`): the unread `response`, and the request
 *   from `request` (URL and headers) and `options` (`json`, else `body`);
 * - ofetch's `FetchError` (`name === 'FetchError'`): `status`, `data` (else `response._data`), and the
 *   request from `request` (a URL string or a `Request`) and `options` (`headers`, `body`, `query`);
 * - got's errors (`options` and `response.statusCode`): `response.body`, and the request
 *   from `options` (`url` with its search params, `headers`, `body`/`json`/`form`);
 * - any other object with an integer `status` or `statusCode` (directly, else on `.response`), with
 *   `headers`, and `data` or `body`.
 *
 * Gives `undefined` when there is no HTTP status: a network failure, a timeout, an abort, a plain
 * `Error`, a primitive, a status that is not an integer 100–599. An error of one of the clients above
 * that carries a 1xx or 2xx response failed after the status arrived (axios' body cut off, got's
 * timeout while reading or parse error), not because of it, and also gives `undefined`.
 *
 * Never throws, whatever the input.
 *
 * @example
 * try {
 *   await axios.get(url)
 * } catch (e) {
 *   const failure = httpFailureOf(e)
 *   if (failure === undefined) throw e // no HTTP status: a network failure
 *   console.log(failure.status, headerValue(failure.headers, 'x-request-id'))
 * }
 *
 * @internal The synchronous core of `ApiError.from`; not re-exported from the package entry.
 */
export function httpFailureOf(value: unknown): HttpFailure | undefined {
  // Stryker disable next-line ConditionalExpression: a fast path: every read below goes through get or isObjectLike, which find nothing in a primitive, so it ends in undefined as well.
  if (!isObjectLike(value)) return undefined
  if (isResponse(value)) {
    const failure: Mutable<HttpFailure> = { status: get(value, 'status') as number }
    setIfDefined(failure, 'headers', get(value, 'headers'))
    setIfDefined(failure, 'response', unreadResponse(value))
    // A Response keeps the URL it answered (query included): the only part of the request it keeps.
    const url = get(value, 'url')
    if (typeof url === 'string' && url !== '') failure.request = { url }
    return validStatus(failure.status) ? failure : undefined
  }
  if (get(value, 'isAxiosError') === true) return fromAxios(value)
  const name = get(value, 'name')
  if (name === 'FetchError') return fromOfetch(value)
  if (name === 'HTTPError' && isResponse(get(value, 'response'))) return fromKy(value)
  if (isGotError(value)) return fromGot(value)
  return fromGeneric(value)
}

/** @internal axios: everything is on `response` and `config`. */
function fromAxios(error: object): HttpFailure | undefined {
  const response = get(error, 'response')
  const config = get(error, 'config')
  const url = withQuery(
    axiosFullPath(get(config, 'baseURL'), get(config, 'url'), get(config, 'allowAbsoluteUrls')),
    get(config, 'params'),
  )
  return clientFailure(error, get(response, 'status'), get(response, 'headers'), readBody(get(response, 'data')), {
    url,
    headers: get(config, 'headers'),
    body: readBody(get(config, 'data')),
  })
}

/** @internal ky: the `Response` is unread; `request` is the `Request` it sent, `options` its normalised options. */
function fromKy(error: object): HttpFailure | undefined {
  const response = get(error, 'response')
  const request = get(error, 'request')
  const options = get(error, 'options')
  const failure = clientFailure(
    error,
    get(response, 'status'),
    get(response, 'headers'),
    readBody(get(error, 'data')),
    {
      url: stringOrUndefined(get(request, 'url')),
      headers: firstDefined(get(request, 'headers'), get(options, 'headers')),
      body: readBody(firstDefined(get(options, 'json'), get(options, 'body'))),
    },
  )
  if (failure !== undefined) setIfDefined(failure as Mutable<HttpFailure>, 'response', unreadResponse(response))
  return failure
}

/** @internal ofetch: `status` and `data` are getters over its context; `request` is a URL string or a `Request`. */
function fromOfetch(error: object): HttpFailure | undefined {
  const response = get(error, 'response')
  const request = get(error, 'request')
  const options = get(error, 'options')
  const status = firstNumber(get(error, 'status'), get(error, 'statusCode'), get(response, 'status'))
  const url = typeof request === 'string' ? request : stringOrUndefined(get(request, 'url'))
  return clientFailure(
    error,
    status,
    get(response, 'headers'),
    readBody(firstDefined(get(error, 'data'), get(response, '_data'))),
    {
      // ofetch moves `query` into a string URL and deletes it; with a `Request` it stays in the options.
      url: withQuery(url, firstDefined(get(options, 'query'), get(options, 'params'))),
      headers: firstDefined(get(options, 'headers'), get(request, 'headers')),
      body: readBody(get(options, 'body')),
    },
  )
}

/** @internal got: `response` is its `IncomingMessage` with `statusCode` and the read `body`; `options` its `Options`. */
function fromGot(error: object): HttpFailure | undefined {
  const response = get(error, 'response')
  const options = get(error, 'options')
  const url = get(options, 'url')
  return clientFailure(error, get(response, 'statusCode'), get(response, 'headers'), readBody(get(response, 'body')), {
    // got's `url` is a URL that already holds `searchParams`; a string URL (a plain options object) does not.
    url: typeof url === 'string' ? withQuery(url, get(options, 'searchParams')) : stringOrUndefined(get(url, 'href')),
    headers: get(options, 'headers'),
    body: readBody(firstDefined(get(options, 'body'), get(options, 'json'), get(options, 'form'))),
  })
}

/** @internal Any object with `status`/`statusCode`, directly or on `.response`. */
function fromGeneric(value: object): HttpFailure | undefined {
  const response = get(value, 'response')
  const status = firstNumber(
    get(value, 'status'),
    get(value, 'statusCode'),
    get(response, 'status'),
    get(response, 'statusCode'),
  )
  if (!validStatus(status)) return undefined
  const failure: Mutable<HttpFailure> = { status }
  setIfDefined(failure, 'headers', firstDefined(get(value, 'headers'), get(response, 'headers')))
  setIfDefined(
    failure,
    'body',
    readBody(firstDefined(get(value, 'data'), get(value, 'body'), get(response, 'data'), get(response, 'body'))),
  )
  setIfDefined(failure, 'response', isResponse(response) ? unreadResponse(response) : undefined)
  failure.thrown = value
  return failure
}

/** @internal A client's error: a valid status of at least 300 (below, the client failed for another reason). */
function clientFailure(
  thrown: object,
  status: unknown,
  headers: unknown,
  body: unknown,
  request: { url: string | undefined; headers: unknown; body: unknown },
): HttpFailure | undefined {
  if (!validStatus(status) || status < 300) return undefined
  const failure: Mutable<HttpFailure> = { status }
  setIfDefined(failure, 'headers', headers)
  setIfDefined(failure, 'body', body)
  const kept: Mutable<RequestInfo> = {}
  setIfDefined(kept, 'url', request.url)
  setIfDefined(kept, 'headers', request.headers)
  setIfDefined(kept, 'body', request.body)
  if (Object.keys(kept).length > 0) failure.request = kept
  failure.thrown = thrown
  return failure
}

/**
 * @internal got's `RequestError` family: `options` and a `response` with a numeric `statusCode`. Not
 * `code`: got copies it from the underlying error, and an aborted signal's reason makes it a number.
 */
function isGotError(value: object): boolean {
  return isObjectLike(get(value, 'options')) && typeof get(get(value, 'response'), 'statusCode') === 'number'
}

/** @internal A fetch `Response` from any realm or polyfill, recognised by shape. */
function isResponse(value: unknown): boolean {
  return (
    typeof get(value, 'status') === 'number' &&
    typeof get(value, 'bodyUsed') === 'boolean' &&
    typeof get(value, 'text') === 'function' &&
    typeof get(value, 'clone') === 'function' &&
    isObjectLike(get(value, 'headers'))
  )
}

/** @internal The `Response` while its body can still be read, else `undefined`. */
function unreadResponse(response: unknown): Response | undefined {
  return get(response, 'bodyUsed') === false ? (response as Response) : undefined
}

/** @internal axios' `buildFullPath`: `url` joined to `baseURL` unless absolute (and absolute URLs are allowed). */
function axiosFullPath(baseURL: unknown, url: unknown, allowAbsoluteUrls: unknown): string | undefined {
  const relative = typeof url === 'string' ? url : undefined
  if (typeof baseURL !== 'string' || baseURL === '') return relative
  if (!relative) return baseURL
  if (/^([a-z][a-z\d+\-.]*:)?\/\//i.test(relative) && allowAbsoluteUrls !== false) return relative
  return `${baseURL.replace(/\/+$/, '')}/${relative.replace(/^\/+/, '')}`
}

/** @internal `url` with the serialised `params` appended (as the clients do: after a `?`, else an `&`). */
function withQuery(url: string | undefined, params: unknown): string | undefined {
  const query = serializeParams(params)
  if (query === '') return url
  const base = (url ?? '').replace(/#.*/s, '')
  return `${base}${base.includes('?') ? '&' : '?'}${query}`
}

/** @internal A query string from a string, a `URLSearchParams` or a plain object; `''` when there is none. */
function serializeParams(params: unknown): string {
  if (typeof params === 'string') return params.replace(/^\?/, '')
  // Stryker disable next-line ConditionalExpression: a fast path: get finds nothing in a primitive, and Object.entries finds no entries in a number, boolean, bigint or symbol and throws for null or undefined, which the catch turns into '' too.
  if (!isObjectLike(params)) return ''
  try {
    if (typeof get(params, 'getAll') === 'function' && typeof get(params, 'append') === 'function')
      return String(params)
    const pairs: string[] = []
    for (const [key, value] of Object.entries(params)) {
      for (const item of Array.isArray(value) ? value : [value]) {
        const text = paramText(item)
        if (text !== undefined) pairs.push(`${encodeURIComponent(key)}=${encodeURIComponent(text)}`)
      }
    }
    return pairs.join('&')
  } catch {
    // A hostile params object (or a lone surrogate) cannot be written as a query.
    return ''
  }
}

/** @internal One query value as text; `null`/`undefined` are left out, as axios does. */
function paramText(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined
  return typeof value === 'object' ? JSON.stringify(value) : String(value)
}

/**
 * @internal A body the client already holds: bytes decoded as UTF-8, a stream or a `Blob` (unreadable
 * synchronously) left out, anything else as is.
 */
function readBody(body: unknown): unknown {
  if (typeof body === 'function' || typeof body === 'symbol') return undefined
  if (!isObjectLike(body)) return body
  try {
    if (ArrayBuffer.isView(body) || Object.prototype.toString.call(body) === '[object ArrayBuffer]') {
      return new TextDecoder().decode(body as ArrayBuffer)
    }
    const unread = ['getReader', 'pipe', 'pipeTo', 'arrayBuffer'].some(
      (method) => typeof get(body, method) === 'function',
    )
    return unread ? undefined : body
  } catch {
    // Bytes that cannot be decoded (or no TextDecoder to decode them), or an object whose type cannot even be asked.
  }
  return undefined
}

/** @internal `value[key]`, or `undefined` when `value` is not an object or reading it throws. */
function get(value: unknown, key: string): unknown {
  if (!isObjectLike(value)) return undefined
  try {
    return (value as Record<string, unknown>)[key]
  } catch {
    // A throwing getter or Proxy trap, or a revoked Proxy.
  }
  return undefined
}

function isObjectLike(value: unknown): value is object {
  return (typeof value === 'object' && value !== null) || typeof value === 'function'
}

function validStatus(status: unknown): status is number {
  // Number.isInteger is false for anything but a number.
  return Number.isInteger(status) && (status as number) >= 100 && (status as number) <= 599
}

function firstDefined(...values: unknown[]): unknown {
  return values.find((value) => value !== undefined)
}

function firstNumber(...values: unknown[]): unknown {
  return values.find((value) => typeof value === 'number')
}

function stringOrUndefined(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined
}

function setIfDefined<T extends object, K extends keyof T>(target: T, key: K, value: T[K] | undefined): void {
  if (value !== undefined) target[key] = value
}
