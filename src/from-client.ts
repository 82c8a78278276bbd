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
  if (!isObjectLike(value)) return undefined
  if (isResponse(value)) {
    const status = get(value, 'status') as number
    // A Response keeps the URL it answered (query included): the only part of the request it keeps.
    const url = get(value, 'url')
    const failure = defined({
      status,
      headers: get(value, 'headers'),
      response: unreadResponse(value),
      request: typeof url === 'string' && url !== '' ? { url } : undefined,
    })
    return validStatus(status) ? failure : undefined
  }
  if (get(value, 'isAxiosError') === true) {
    const url = axiosFullPath(
      pick(value, 'config.baseURL'),
      pick(value, 'config.url'),
      pick(value, 'config.allowAbsoluteUrls'),
    )
    return clientFailure(value, AXIOS, withQuery(url, pick(value, 'config.params')))
  }
  const name = get(value, 'name')
  if (name === 'FetchError') {
    // ofetch moves `query` into a string URL and deletes it; with a `Request` it stays in the options.
    const request = get(value, 'request')
    const url = typeof request === 'string' ? request : stringOrUndefined(get(request, 'url'))
    return clientFailure(value, OFETCH, withQuery(url, pick(value, 'options.query|options.params')))
  }
  if (name === 'HTTPError' && isResponse(get(value, 'response'))) {
    return clientFailure(
      value,
      KY,
      stringOrUndefined(pick(value, 'request.url')),
      unreadResponse(get(value, 'response')),
    )
  }
  if (isGotError(value)) {
    // got's `url` is a URL that already holds `searchParams`; a string URL (a plain options object) does not.
    const url = pick(value, 'options.url')
    return clientFailure(
      value,
      GOT,
      typeof url === 'string'
        ? withQuery(url, pick(value, 'options.searchParams'))
        : stringOrUndefined(get(url, 'href')),
    )
  }
  return fromGeneric(value)
}

/**
 * @internal Where a client keeps the status, the headers and the body of the response and the headers
 * and the body of the request, in this order: paths into its error, alternatives after `|`, the
 * first found wins (for the status, the first number).
 */
type ClientShape = readonly [status: string, headers: string, body: string, requestHeaders: string, requestBody: string]

/** @internal axios: everything is on `response` and `config`. */
const AXIOS: ClientShape = ['response.status', 'response.headers', 'response.data', 'config.headers', 'config.data']
/** @internal ky: the `Response` is unread; `request` is the `Request` it sent, `options` its normalised options. */
const KY: ClientShape = [
  'response.status',
  'response.headers',
  'data',
  'request.headers|options.headers',
  'options.json|options.body',
]
/** @internal ofetch: `status` and `data` are getters over its context; `request` is a URL string or a `Request`. */
const OFETCH: ClientShape = [
  'status|statusCode|response.status',
  'response.headers',
  'data|response._data',
  'options.headers|request.headers',
  'options.body',
]
/** @internal got: `response` is its `IncomingMessage` with `statusCode` and the read `body`; `options` its `Options`. */
const GOT: ClientShape = [
  'response.statusCode',
  'response.headers',
  'response.body',
  'options.headers',
  'options.body|options.json|options.form',
]

/** @internal Any object with `status`/`statusCode`, directly or on `.response`. */
function fromGeneric(value: object): HttpFailure | undefined {
  const status = pick(value, 'status|statusCode|response.status|response.statusCode', true)
  if (!validStatus(status)) return undefined
  const response = get(value, 'response')
  return defined({
    status,
    headers: pick(value, 'headers|response.headers'),
    body: readBody(pick(value, 'data|body|response.data|response.body')),
    response: isResponse(response) ? unreadResponse(response) : undefined,
    thrown: value,
  })
}

/** @internal A client's error: a valid status of at least 300 (below, the client failed for another reason). */
function clientFailure(
  thrown: object,
  [status, headers, body, requestHeaders, requestBody]: ClientShape,
  url: string | undefined,
  response?: Response,
): HttpFailure | undefined {
  const code = pick(thrown, status, true)
  if (!validStatus(code) || code < 300) return undefined
  const request = defined({ url, headers: pick(thrown, requestHeaders), body: readBody(pick(thrown, requestBody)) })
  return defined({
    status: code,
    headers: pick(thrown, headers),
    body: readBody(pick(thrown, body)),
    request: Object.keys(request).length > 0 ? request : undefined,
    thrown,
    response,
  })
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
  if (relative !== undefined && /^([a-z][a-z\d+\-.]*:)?\/\//i.test(relative) && allowAbsoluteUrls !== false)
    return relative
  if (!relative) return baseURL
  return `${baseURL.replace(/\/+$/, '')}/${relative.replace(/^\/+/, '')}`
}

/** @internal `url` with the serialised `params` appended (as the clients do: after a `?`, else an `&`). */
function withQuery(url: string | undefined, params: unknown): string | undefined {
  const query = serializeParams(params)
  if (query === '') return url
  const base = (url ?? '').replace(/#.*$/s, '')
  return `${base}${base.includes('?') ? '&' : '?'}${query}`
}

/** @internal A query string from a string, a `URLSearchParams` or a plain object; `''` when there is none. */
function serializeParams(params: unknown): string {
  if (typeof params === 'string') return params.replace(/^\?/, '')
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
      return typeof TextDecoder === 'function' ? new TextDecoder().decode(body as ArrayBuffer) : undefined
    }
    const unread = ['getReader', 'pipe', 'pipeTo', 'arrayBuffer'].some(
      (method) => typeof get(body, method) === 'function',
    )
    return unread ? undefined : body
  } catch {
    // Bytes that cannot be decoded, or an object whose type cannot even be asked.
    return undefined
  }
}

/** @internal `value[key]`, or `undefined` when `value` is not an object or reading it throws. */
function get(value: unknown, key: string): unknown {
  if (!isObjectLike(value)) return undefined
  try {
    return (value as Record<string, unknown>)[key]
  } catch {
    // A throwing getter or Proxy trap, or a revoked Proxy.
    return undefined
  }
}

function isObjectLike(value: unknown): value is object {
  return (typeof value === 'object' && value !== null) || typeof value === 'function'
}

function validStatus(status: unknown): status is number {
  return typeof status === 'number' && Number.isInteger(status) && status >= 100 && status <= 599
}

/**
 * @internal The value at the first of `paths` (`'a.b|c'`) that is not `undefined` (with `numeric`,
 * that is a number); every read is guarded as {@link get} does.
 */
function pick(value: object, paths: string, numeric = false): unknown {
  for (const path of paths.split('|')) {
    const found = path.split('.').reduce<unknown>(get, value)
    if (numeric ? typeof found === 'number' : found !== undefined) return found
  }
  return undefined
}

function stringOrUndefined(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined
}

/** @internal `fields` without the keys whose value is `undefined` (absent, as exactOptionalPropertyTypes wants). */
function defined<T extends object>(fields: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  for (const key of Object.keys(fields) as Array<keyof T>) if (fields[key] === undefined) delete fields[key]
  return fields as { [K in keyof T]: Exclude<T[K], undefined> }
}
