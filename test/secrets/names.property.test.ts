// A property over generated JSON bodies served by a real server: every value under a secret name
// (any spelling: snake, kebab, camel, upper, dotted) is gone from every rendering of the error, and
// every value under a data name that only contains a secret word (`token_type`, `*_timeout`,
// `*_rules`) stays. Fixed seed, so a run is repeatable.
import fc from 'fast-check'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { ApiError } from '../../src/index.js'
import { startServer, type TestServer } from '../fixtures/server.js'
import { renderings } from './renderings.js'

/** Secret names as words: the last word (or the run-together word) makes them secret. */
const SECRET_NAMES = [
  ['password'],
  ['user', 'password'],
  ['new', 'passwd'],
  ['pwd'],
  ['passphrase'],
  ['client', 'secret'],
  ['refresh', 'token'],
  ['access', 'token'],
  ['credentials'],
  ['otp'],
  ['pin'],
  ['signature'],
  ['api', 'key'],
  ['auth', 'key'],
  ['private', 'key'],
  ['two', 'factor', 'authentication', 'code'],
  ['mfa', 'code'],
  ['session', 'id'],
  ['sid'],
  ['auth'],
  ['x', 'apikey'],
  ['jsessionid'],
]

/** Data names that hold a secret word without being secret. */
const DATA_NAMES = [
  ['token', 'type'],
  ['inactive', 'session', 'timeout'],
  ['password', 'management', 'rules'],
  ['is', 'two', 'factor', 'authentication', 'enabled'],
  ['token', 'timeout'],
  ['session', 'timeout'],
  ['password', 'rules'],
  ['api', 'key', 'rules'],
]

/** The spellings of a name made of words. */
const SPELLINGS: ReadonlyArray<(words: string[]) => string> = [
  (w) => w.join('_'),
  (w) => w.join('-'),
  (w) => w.join('.'),
  (w) => w.map((word, i) => (i === 0 ? word : word[0]?.toUpperCase() + word.slice(1))).join(''),
  (w) => w.join('_').toUpperCase(),
]

const spelled = (names: string[][]) =>
  fc.tuple(fc.constantFrom(...names), fc.constantFrom(...SPELLINGS)).map(([words, spell]) => spell(words))

/** A value no other can hold: a marker, a counter-like part and random letters. */
const value = (marker: string) => fc.stringMatching(/^[a-z0-9]{8}$/).map((random) => `${marker}${random}`)

interface Plant {
  readonly name: string
  readonly value: string
  readonly secret: boolean
}

const plant = fc.oneof(
  fc.record({ name: spelled(SECRET_NAMES), value: value('sv'), secret: fc.constant(true) }),
  fc.record({ name: spelled(DATA_NAMES), value: value('dv'), secret: fc.constant(false) }),
)

/** A body: plants spread over containers with neutral names, at depths 0–2, some inside arrays. */
const body = fc
  .array(fc.tuple(plant, fc.constantFrom([], ['data'], ['data', 'account'], ['items', '0'])), {
    minLength: 1,
    maxLength: 8,
  })
  .map((entries) => {
    const root: Record<string, unknown> = { status_code: 400, message: 'Bad request' }
    for (const [{ name, value }, path] of entries) {
      let at = root
      for (const key of path) {
        if (key === '0') {
          at.list ??= [{}]
          at = (at.list as Record<string, unknown>[])[0] as Record<string, unknown>
        } else {
          at[key] ??= {}
          at = at[key] as Record<string, unknown>
        }
      }
      at[name] = value
    }
    return { root, plants: entries.map(([p]) => p) as Plant[] }
  })

let server: TestServer
let reply = '{}'

beforeAll(async () => {
  server = await startServer((req, res) => {
    req.resume()
    res.writeHead(400, { 'content-type': 'application/json' })
    res.end(reply)
  })
})

afterAll(async () => {
  await server.close()
})

it('values under secret names never survive any rendering; values under data names always do', async () => {
  await fc.assert(
    fc.asyncProperty(body, async ({ root, plants }) => {
      reply = JSON.stringify(root)
      const error = await ApiError.fromResponse(await fetch(server.url))
      const text = Object.values(renderings(error)).join('\n')
      const json = JSON.stringify(error)
      // A name planted twice keeps its last value: only the values actually served count.
      for (const { name, value, secret } of plants.filter((p) => reply.includes(`"${p.value}"`))) {
        if (secret) expect(text, `${name}: ${value}`).not.toContain(value)
        else expect(json, `${name}: ${value}`).toContain(value)
      }
    }),
    { seed: 20261204, numRuns: 60 },
  )
})
