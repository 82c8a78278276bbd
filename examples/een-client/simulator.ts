/**
 * A local stand-in for the Eagle Eye Networks Cloud API (v1): a `node:http` server on 127.0.0.1 that
 * answers the four calls of the example client, succeeds for the demo user, and fails on purpose in
 * every way the API documents, each error with the API's JSON body
 * `{"status_code": N, "message": "…", "reason": "…", "data": {}}`.
 *
 * It serves only those calls (anything else is a 404), reads at most 16 KiB of a request, keeps
 * one small session per login, and `close()` ends every open connection.
 *
 * @module
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { describe, STATUS_CODES } from '../../src/index.js'

// ---- The simulated world ----

const PASSWORD = 'correct-horse-battery-staple'
const API_KEY = 'demo-api-key-5f1c9a7e'

/** Who the demo signs in as; every user of the simulator has this password. */
export const DEMO_USER = { username: 'ada@example.com', password: PASSWORD } as const

/** The API key the demo's client sends. */
export const DEMO_API_KEY = API_KEY

/** What the API says when it fails: the status and the fields of its JSON body. */
interface Failure {
  readonly status: number
  readonly reason: string
  /** Default: the table's meaning of the status, as the API words it. */
  readonly message?: string
  readonly headers?: Readonly<Record<string, string>>
  /** The body's `data`; default `{}`. */
  readonly data?: unknown
}

interface UserFixture {
  readonly id: string
  readonly first_name: string
  readonly last_name: string
  readonly account_id: string
  /** How step 1 fails for this user; `'echo'` echoes the request back into the error. */
  readonly authenticate?: Failure | 'echo'
  /** How step 2 fails for this user. */
  readonly authorize?: Failure
}

const USERS: Readonly<Record<string, UserFixture>> = {
  'ada@example.com': { id: 'ca0ffa8c', first_name: 'Ada', last_name: 'Lovelace', account_id: '00001234' },
  'suspended@example.com': {
    id: 'ca0ffa8d',
    first_name: 'Sam',
    last_name: 'Suspended',
    account_id: '00005678',
    authenticate: { status: 402, reason: 'AccountSuspended' },
  },
  'slow@example.com': {
    id: 'ca0ffa91',
    first_name: 'Sol',
    last_name: 'Slow',
    account_id: '00001234',
    authorize: { status: 401, reason: 'TokenExpired', message: 'Token has expired' },
  },
  'locked@example.com': {
    id: 'ca0ffa8e',
    first_name: 'Lee',
    last_name: 'Locked',
    account_id: '00001234',
    authorize: { status: 429, reason: 'AccountLocked', message: 'Account is locked' },
  },
  'traveller@example.com': {
    id: 'ca0ffa8f',
    first_name: 'Tess',
    last_name: 'Traveller',
    account_id: '00001234',
    authenticate: { status: 465, reason: 'InvalidIPAddress', message: 'Login from this IP address is not allowed' },
  },
  'tfa@example.com': {
    id: 'ca0ffa92',
    first_name: 'Tom',
    last_name: 'Twofactor',
    account_id: '00001234',
    authorize: { status: 406, reason: 'InvalidTFA', message: 'Invalid TFA code' },
  },
  'echo@example.com': {
    id: 'ca0ffa90',
    first_name: 'Eco',
    last_name: 'Echo',
    account_id: '00001234',
    authenticate: 'echo',
  },
}

/** The token step 1 hands out, and the session cookie step 2 sets, for each user. */
const tokenOf = (userId: string) => `tkn-${userId}-7f3e2a91c4b8`
const authKeyOf = (userId: string) => `c001~${userId}d2f8e4b6a0c3`

interface CameraFixture {
  readonly id: string
  readonly name: string
  readonly service_status: string
  /** How `GET /g/device` fails for this camera. */
  readonly failure?: Failure
}

/** The cameras of the demo account. */
export const CAMERAS: readonly CameraFixture[] = [
  { id: '1000f60d', name: 'Front door', service_status: 'ATTD' },
  { id: '1001a2b3', name: 'Lobby', service_status: 'ATTD' },
  { id: '1002c4d5', name: 'Loading dock', service_status: 'ATTD' },
  {
    id: '1003e6f7',
    name: 'Parking lot',
    service_status: 'ATTD',
    failure: { status: 463, reason: 'BridgeOffline' },
  },
]

/** The camera id whose `GET /g/device` answers `status`, for the statuses no story below shows. */
export const faultyCameraId = (status: number) => `fault-${status}`

// ---- What the simulator does, in the order the demo shows it ----

/** One way the simulated API fails, and the client call that provokes it. */
export interface Scenario {
  /** What happens, in a few words. */
  readonly title: string
  /** The client call that provokes it, and its arguments. */
  readonly call: 'login' | 'listCameras' | 'getCamera'
  readonly args: readonly string[]
  /** The request that fails: its operation in the client, and the status the simulator answers. */
  readonly operation: 'authenticate' | 'authorize' | 'getListOfCameras' | 'getCamera'
  readonly status: number
}

const STORIES: readonly Scenario[] = [
  {
    title: 'Wrong password',
    call: 'login',
    args: [DEMO_USER.username, 'not-the-password'],
    operation: 'authenticate',
    status: 401,
  },
  {
    title: 'Suspended account',
    call: 'login',
    args: ['suspended@example.com', PASSWORD],
    operation: 'authenticate',
    status: 402,
  },
  {
    title: 'Token expired between the two login steps',
    call: 'login',
    args: ['slow@example.com', PASSWORD],
    operation: 'authorize',
    status: 401,
  },
  {
    title: 'Account locked, on the second login step',
    call: 'login',
    args: ['locked@example.com', PASSWORD],
    operation: 'authorize',
    status: 429,
  },
  {
    title: 'Login from an IP address the account does not allow',
    call: 'login',
    args: ['traveller@example.com', PASSWORD],
    operation: 'authenticate',
    status: 465,
  },
  {
    title: 'A wrong two-factor code, on the second login step',
    call: 'login',
    args: ['tfa@example.com', PASSWORD],
    operation: 'authorize',
    status: 406,
  },
  {
    title: 'A server that echoes the password back in its error',
    call: 'login',
    args: ['echo@example.com', PASSWORD],
    operation: 'authenticate',
    status: 400,
  },
  {
    title: 'Rate limit: the camera list again, right away',
    call: 'listCameras',
    args: [],
    operation: 'getListOfCameras',
    status: 429,
  },
  { title: 'Camera that does not exist', call: 'getCamera', args: ['1999ffff'], operation: 'getCamera', status: 404 },
  {
    title: 'Camera whose bridge is offline',
    call: 'getCamera',
    args: ['1003e6f7'],
    operation: 'getCamera',
    status: 463,
  },
]

/**
 * Every error the simulator produces, in the order the demo shows them: the stories above, then
 * one `GET /g/device` for each error status of the table that no story shows.
 */
export const SCENARIOS: readonly Scenario[] = [
  ...STORIES,
  ...Object.values(STATUS_CODES)
    .filter(({ status }) => status >= 300 && !STORIES.some((story) => story.status === status))
    .map(({ status }): Scenario => {
      const id = faultyCameraId(status)
      return { title: `GET /g/device?id=${id}`, call: 'getCamera', args: [id], operation: 'getCamera', status }
    }),
]

/** Every secret the simulated login uses: none may appear in what the demo prints. */
export const PLANTED_SECRETS: readonly string[] = [
  PASSWORD,
  API_KEY,
  ...Object.values(USERS).flatMap((user) => [tokenOf(user.id), authKeyOf(user.id)]),
]

// ---- The server ----

/** A running simulator. */
export interface Simulator {
  /** `http://127.0.0.1:<port>`: the client's base URL. */
  readonly url: string
  /** Stops listening and ends open connections. */
  close(): Promise<void>
}

interface Session {
  readonly user: UserFixture
  /** The device list is open again at this time (ms); `Infinity` after a list, until a 429 has asked for a pause. */
  listOpensAt: number
}

const MAX_REQUEST_BYTES = 16_384
const RETRY_AFTER_SECONDS = 1

/** Starts the simulator on 127.0.0.1, on a free port. */
export async function startSimulator(): Promise<Simulator> {
  const sessions = new Map<string, Session>()
  let requests = 0

  const server = createServer(async (req, res) => {
    requests += 1
    res.setHeader('x-request-id', `sim-${String(requests).padStart(4, '0')}`)
    try {
      await route(req, res, sessions)
    } catch {
      if (!res.headersSent) fail(res, { status: 500, reason: 'SimulatorError' })
      else res.end()
    }
  })
  const sockets = new Set<Socket>()
  server.on('connection', (socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        for (const socket of sockets) socket.destroy()
      }),
  }
}

async function route(req: IncomingMessage, res: ServerResponse, sessions: Map<string, Session>): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://simulator')
  const call = `${req.method} ${url.pathname}`

  if (call === 'POST /g/aaa/authenticate') {
    const body = await readJson(req)
    const username = String(body.username)
    const user = USERS[username]
    if (user === undefined || body.password !== PASSWORD) {
      return fail(res, { status: 401, reason: 'InvalidCredentials', message: 'Invalid username or password' })
    }
    if (user.authenticate === 'echo') {
      // Some servers quote the request in their errors; the client's error must not repeat it.
      return fail(res, {
        status: 400,
        reason: 'PasswordRulesNotMet',
        message: `Password "${body.password}" for ${username} does not meet the password rules`,
        data: { received: body, authentication: req.headers.authentication },
      })
    }
    if (user.authenticate) return fail(res, user.authenticate)
    return send(res, 200, { token: tokenOf(user.id) })
  }

  if (call === 'POST /g/aaa/authorize') {
    const body = await readJson(req)
    const found = Object.entries(USERS).find(([, u]) => tokenOf(u.id) === body.token)
    if (found === undefined) return fail(res, { status: 401, reason: 'InvalidToken', message: 'Invalid token' })
    const [email, user] = found
    if (user.authorize) return fail(res, user.authorize)
    const authKey = authKeyOf(user.id)
    sessions.set(authKey, { user, listOpensAt: 0 })
    res.setHeader('set-cookie', `auth_key=${authKey}; Path=/; HttpOnly; Secure; SameSite=Lax`)
    const { id, first_name, last_name, account_id } = user
    return send(res, 200, { id, first_name, last_name, email, account_id })
  }

  if (call === 'GET /g/device/list' || call === 'GET /g/device') {
    const authKey = /(?:^|;\s*)auth_key=([^;]+)/.exec(req.headers.cookie ?? '')?.[1]
    const session = authKey === undefined ? undefined : sessions.get(authKey)
    if (session === undefined) return fail(res, { status: 401, reason: 'InvalidSession' })
    if (call === 'GET /g/device/list') {
      // One list at full speed; the next one is asked to wait, and served once it has.
      const now = Date.now()
      if (now < session.listOpensAt) {
        if (session.listOpensAt === Number.POSITIVE_INFINITY) session.listOpensAt = now + RETRY_AFTER_SECONDS * 1000
        return fail(res, {
          status: 429,
          reason: 'RateLimited',
          headers: { 'retry-after': String(RETRY_AFTER_SECONDS) },
        })
      }
      session.listOpensAt = Number.POSITIVE_INFINITY
      return send(
        res,
        200,
        CAMERAS.map((c) => [session.user.account_id, c.id, c.name, 'camera', [], c.service_status]),
      )
    }

    const id = url.searchParams.get('id') ?? ''
    const fault = /^fault-(\d{3})$/.exec(id)
    if (fault) return fail(res, { status: Number(fault[1]), reason: 'Simulated' })
    const camera = CAMERAS.find((c) => c.id === id)
    if (camera === undefined) return fail(res, { status: 404, reason: 'DeviceNotFound' })
    if (camera.failure) return fail(res, camera.failure)
    return send(res, 200, {
      id: camera.id,
      name: camera.name,
      account_id: session.user.account_id,
      service_status: camera.service_status,
    })
  }

  return fail(res, { status: 404, reason: 'NoSuchEndpoint', message: `The simulator does not serve ${call}` })
}

function send(res: ServerResponse, status: number, body: unknown, headers?: Readonly<Record<string, string>>): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers })
  res.end(JSON.stringify(body))
}

/** Answers with the API's error body. */
function fail(res: ServerResponse, failure: Failure): void {
  const { status, reason, message = describe(status), headers, data = {} } = failure
  send(res, status, { status_code: status, message, reason, data }, headers)
}

/** The request's JSON object, at most {@link MAX_REQUEST_BYTES}; `{}` when it is anything else. */
async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  let text = ''
  for await (const chunk of req) {
    text += String(chunk)
    if (text.length > MAX_REQUEST_BYTES) {
      req.destroy()
      return {}
    }
  }
  try {
    const value: unknown = JSON.parse(text)
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {}
  } catch {
    return {}
  }
}
