/**
 * A small typed client for a few calls of the Eagle Eye Networks Cloud API (v1), written the way an
 * SDK uses een-api-errors: one operation per call, as the API's docs give its status table, and
 * `throw await ApiError.fromResponse(res, { operation, request })` on every error.
 *
 * Copy it freely. In your own code, import from 'een-api-errors' and 'een-api-errors/endpoints'
 * instead of '../../src/index.js' and '../../src/endpoints/index.js'.
 *
 * @module
 */
import { authenticate, authorize, getCamera, getListOfCameras } from '../../src/endpoints/index.js'
import { ApiError, type ApiErrorUnion, isApiError } from '../../src/index.js'

// ---- Operations: what a status means for each call ----

// The calls' own status tables, from the endpoint catalog (the docs' words and codes): for
// authorize, 429 is ACCOUNT_LOCKED and not retryable, and 406 is TFA_OR_TOKEN_INVALID; for
// authenticate, 465 (outside the main table) is IP_ADDRESS_INVALID.
export { authenticate, authorize, getCamera, getListOfCameras }

/** Every operation of this client, by name. */
export const operations = { authenticate, authorize, getListOfCameras, getCamera } as const

/** Any operation of this client. */
export type EenOperation = (typeof operations)[keyof typeof operations]

/**
 * What this client throws for an error response: the table's errors with each operation's rows
 * applied. `switch (e.code)` narrows `e.status`, and knows `ACCOUNT_LOCKED`, `IP_ADDRESS_INVALID`
 * and `TFA_OR_TOKEN_INVALID`.
 */
export type EenApiError = ApiErrorUnion<EenOperation>

/** Narrows what a call of this client threw to {@link EenApiError}. */
export function isEenApiError(error: unknown): error is EenApiError {
  return isApiError(error)
}

// ---- Data ----

/** The signed-in user, as `POST /g/aaa/authorize` returns it (the fields this client uses). */
export interface User {
  readonly id: string
  readonly firstName: string
  readonly lastName: string
  readonly email: string
  readonly accountId: string
}

/** A camera, from the device list or `GET /g/device`. */
export interface Camera {
  readonly id: string
  readonly name: string
  readonly accountId: string
  /** `'ATTD'` when attached to a bridge. */
  readonly serviceStatus: string
}

/** Options of {@link EenClient}. */
export interface EenClientOptions {
  /** Where the API lives. Default `https://login.eagleeyenetworks.com`. */
  readonly baseUrl?: string
  /** The API key, sent in the `Authentication` header when given. */
  readonly apiKey?: string
  /** The `fetch` to use. Default the global one. */
  readonly fetch?: typeof fetch
}

// ---- The client ----

/**
 * A client for a few calls of the API. Every method throws an {@link EenApiError} when the API
 * answers with an error status (narrow it with {@link isEenApiError}), and lets network failures
 * through as they are: those are not API errors.
 *
 * @example
 * ```ts
 * const een = new EenClient()
 * await een.login('me@example.com', password)
 * const cameras = await een.listCameras()
 * ```
 */
export class EenClient {
  readonly #baseUrl: string
  readonly #apiKey: string | undefined
  readonly #fetch: typeof fetch
  #authKey: string | undefined

  constructor(options: EenClientOptions = {}) {
    this.#baseUrl = options.baseUrl ?? 'https://login.eagleeyenetworks.com'
    this.#apiKey = options.apiKey
    // Not `globalThis.fetch` itself: browsers reject a fetch called as a method of another object.
    this.#fetch = options.fetch ?? ((input, init) => fetch(input, init))
  }

  /** Logs in (authenticate, then authorize) and keeps the session cookie for later calls. */
  async login(username: string, password: string): Promise<User> {
    const { token } = await this.#json<{ token: string }>(authenticate, 'POST', '/g/aaa/authenticate', {
      username,
      password,
    })
    const res = await this.#send(authorize, 'POST', '/g/aaa/authorize', { token })
    // In a browser the cookie jar keeps auth_key (use `credentials: 'include'`); elsewhere, keep it here.
    this.#authKey = /(?:^|[;,]\s*)auth_key=([^;,\s]+)/.exec(res.headers.get('set-cookie') ?? '')?.[1]
    const user = (await res.json()) as {
      id: string
      first_name: string
      last_name: string
      email: string
      account_id: string
    }
    return {
      id: user.id,
      firstName: user.first_name,
      lastName: user.last_name,
      email: user.email,
      accountId: user.account_id,
    }
  }

  /** The cameras the user may see. */
  async listCameras(): Promise<Camera[]> {
    // The API answers with one array per device: [account_id, id, name, type, bridges, service_status, …].
    const rows = await this.#json<unknown[][]>(getListOfCameras, 'GET', '/g/device/list?t=camera')
    return rows.map(([accountId, id, name, , , serviceStatus]) => ({
      id: String(id),
      name: String(name),
      accountId: String(accountId),
      serviceStatus: String(serviceStatus),
    }))
  }

  /** One camera, by its id (the ESN, e.g. `'1000f60d'`). */
  async getCamera(id: string): Promise<Camera> {
    const camera = await this.#json<{ id: string; name: string; account_id: string; service_status: string }>(
      getCamera,
      'GET',
      `/g/device?id=${encodeURIComponent(id)}`,
    )
    return { id: camera.id, name: camera.name, accountId: camera.account_id, serviceStatus: camera.service_status }
  }

  async #json<T>(operation: EenOperation, method: string, path: string, body?: unknown): Promise<T> {
    const res = await this.#send(operation, method, path, body)
    return (await res.json()) as T
  }

  /** Sends one request; on an error status, throws the error of `operation`. */
  async #send(operation: EenOperation, method: string, path: string, body?: unknown): Promise<Response> {
    const url = new URL(path, this.#baseUrl).href
    const headers: Record<string, string> = { accept: 'application/json' }
    if (this.#apiKey !== undefined) headers.authentication = `${this.#apiKey}:`
    if (this.#authKey !== undefined) headers.cookie = `auth_key=${this.#authKey}`
    const text = body === undefined ? undefined : JSON.stringify(body)
    if (text !== undefined) headers['content-type'] = 'application/json'
    const res = await this.#fetch(url, { method, headers, ...(text === undefined ? {} : { body: text }) })
    // Passing the request lets the error scrub its secrets (password, token, cookie, API key)
    // wherever the server echoes them back.
    if (!res.ok) throw await ApiError.fromResponse(res, { operation, request: { url, headers, body: text } })
    return res
  }
}
