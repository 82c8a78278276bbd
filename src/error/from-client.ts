/**
 * Recognising what HTTP clients throw (a fetch `Response`, axios, ky, ofetch and got errors, or any
 * object with an HTTP status) and collecting what they already hold: the status, headers, the body
 * they read, and the request they sent, so that secrets the server echoes can be scrubbed.
 *
 * Clients are told apart by shape (this package imports none of them). Each client is a row of
 * field paths read by one reader, every read guarded, so a hostile value never makes it throw.
 *
 * @module
 */

/**
 * What a client kept of the request: its URL (query, fragment and userinfo included), the query it
 * was given apart, its headers, the body it sent and the credentials it was given.
 */
export interface RequestParts {
  /** The URL, a string or a `URL`. */
  readonly url?: unknown
  /** `Headers`, a plain object or `[name, value]` pairs. */
  readonly headers?: unknown
  /** A string, plain JSON data, `URLSearchParams` or `FormData`. */
  readonly body?: unknown
  /** A plain object, `URLSearchParams` or a string. */
  readonly query?: unknown
  /** `{ username?, password? }` */
  readonly auth?: unknown
}

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
  /** The original value when it was a thrown error (never set for a bare `Response`: it is no cause). */
  readonly thrown?: unknown
}

/** How to read one field: `'a.b|c'` takes the first of the dotted paths that has an accepted value. */
type Field = string | ((value: unknown) => unknown) | Fields
interface Fields {
  readonly [name: string]: Field
}

/** One client: how to recognise it, the lowest status it fails with, where its fields are, whether it was thrown. */
type Client = readonly [recognise: (value: unknown) => boolean, lowest: number, fields: Fields, thrown?: boolean]

/** Where the response is, in every client's error and in any object with a status. */
const RESPONSE: Fields = {
  status: 'status|statusCode|response.status|response.statusCode',
  headers: 'headers|response.headers',
  // A fetch Response's own `body` is a stream, which is not read here.
  body: 'data|body|response.data|response.body',
  response: 'response',
}

/**
 * The clients, tried in order, and where each keeps the request. A client's own error below 300
 * failed after the status arrived (a parse error, a cut body), not because of it.
 */
const CLIENTS: readonly Client[] = [
  // A Response keeps the URL it answered (query included): all it keeps of the request.
  [isResponse, 100, { ...RESPONSE, response: (value) => value, request: { url: 'url' } }],
  [
    (value) => get(value, 'isAxiosError') === true,
    300,
    {
      ...RESPONSE,
      request: {
        url: (value) => joinUrl(at(value, 'config.url'), at(value, 'config.baseURL')),
        query: 'config.params',
        headers: 'config.headers',
        body: 'config.data',
        auth: 'config.auth',
      },
    },
    true,
  ],
  [
    (value) => get(value, 'name') === 'FetchError',
    300,
    {
      ...RESPONSE,
      // ofetch moves the query into a string URL; given a Request, it stays in the options.
      request: {
        url: 'request.url|request',
        query: 'options.query|options.params',
        headers: 'options.headers|request.headers',
        body: 'options.body',
      },
    },
    true,
  ],
  [
    (value) => get(value, 'name') === 'HTTPError' && isResponse(get(value, 'response')),
    300,
    {
      ...RESPONSE,
      request: {
        url: 'request.url',
        query: 'options.searchParams',
        headers: 'request.headers|options.headers',
        body: 'options.json|options.body',
      },
    },
    true,
  ],
  // got: not by `code`, which it copies from the underlying error. Its URL holds username and password.
  [
    (value) => isObject(get(value, 'options')) && typeof at(value, 'response.statusCode') === 'number',
    300,
    {
      ...RESPONSE,
      request: {
        url: 'options.url.href|options.url',
        query: 'options.searchParams',
        headers: 'options.headers',
        body: 'options.body|options.json|options.form',
      },
    },
    true,
  ],
  [() => true, 100, RESPONSE, true],
]

/** What a field must hold to count; any other field counts unless it is `null` or `undefined`. */
const ACCEPTS: { readonly [name: string]: (value: unknown) => boolean } = {
  status: (value) => typeof value === 'number',
  response: (value) => isResponse(value) && get(value, 'bodyUsed') === false,
}

/**
 * Recognises a failed HTTP exchange in what a client threw, or in a fetch `Response`: axios
 * (`isAxiosError`), ofetch (`FetchError`), ky (`HTTPError` with a `response`), got (`options` and a
 * `response.statusCode`), else any object with a numeric `status` or `statusCode` (on `.response` too).
 *
 * `undefined` when there is no HTTP status (a network failure, a timeout, an abort), when the status
 * is not an integer 100–599, and when a client's own error carries a 1xx/2xx status.
 * Never throws, whatever the input (Proxies whose traps throw, throwing getters, revoked proxies).
 */
export function clientFailureOf(value: unknown): ClientFailure | undefined {
  const [, lowest, fields, thrown] = CLIENTS.find(([recognise]) => recognise(value)) as Client
  const failure = collect(value, fields) as { status?: number; thrown?: unknown } | undefined
  const status = failure?.status as number
  if (!(Number.isInteger(status) && status >= lowest && status <= 599)) return undefined
  if (thrown) (failure as { thrown?: unknown }).thrown = value
  return failure as ClientFailure
}

/** The fields found in `value` as a new plain object (holding the client's own objects), or `undefined`. */
function collect(value: unknown, fields: Fields): Record<string, unknown> | undefined {
  let found: Record<string, unknown> | undefined
  for (const name in fields) {
    const field = fields[name] as Field
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
  const accepts = ACCEPTS[name] ?? ((item: unknown) => item != null)
  for (const path of typeof field === 'string' ? field.split('|') : [field]) {
    const raw = typeof path === 'string' ? at(value, path) : path(value)
    const item = name === 'body' ? readBody(raw) : raw
    if (accepts(item)) return item
  }
  return undefined
}

/** What a dotted path leads to in `value`, `undefined` when any step has nothing. */
function at(value: unknown, path: string): unknown {
  return path.split('.').reduce(get, value)
}

/** axios' URL: `url` resolved against `baseURL` (an absolute `url` wins), for its query, fragment and userinfo. */
function joinUrl(url: unknown, base: unknown): unknown {
  try {
    return typeof base === 'string' ? new URL((url as string) ?? '', base).href : url
  } catch {
    return url
  }
}

/** A body the client holds: bytes decoded as UTF-8; a stream or a `Blob` (unreadable now) left out. */
function readBody(body: unknown): unknown {
  if (!isObject(body)) return body
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

/** `value[key]`, or `undefined` when `value` is no object or reading it throws. */
function get(value: unknown, key: string): unknown {
  try {
    return isObject(value) ? (value as Record<string, unknown>)[key] : undefined
  } catch {
    // A throwing getter or Proxy trap, or a revoked Proxy.
    return undefined
  }
}

function isObject(value: unknown): value is object {
  return (typeof value === 'object' && value !== null) || typeof value === 'function'
}
