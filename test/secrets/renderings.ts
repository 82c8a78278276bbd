/**
 * Every way an error can be rendered, each as a string: what a person or a logger may see of it.
 * The leak tests look for secrets in all of them.
 */
import { Console } from 'node:console'
import { Writable } from 'node:stream'
import { format, inspect } from 'node:util'

/** How deep the walks go (an error's cause chain is short; cycles are cut anyway). */
const MAX_DEPTH = 12

/** Runs `render`; a rendering that throws is itself rendered, so the failure shows in the test. */
function safely(render: () => unknown): string {
  try {
    return String(render())
  } catch (error) {
    return `<rendering threw: ${String(error)}>`
  }
}

/** What `console.log(value)` prints, captured from a console of its own. */
function consoleLog(value: unknown): string {
  const chunks: string[] = []
  const sink = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      chunks.push(String(chunk))
      done()
    },
  })
  new Console({ stdout: sink, stderr: sink, colorMode: false }).log(value)
  return chunks.join('')
}

/**
 * Every key and primitive reachable through `keysOf`, one per line, cycles cut. A getter that
 * throws is noted, not followed.
 */
function walk(value: unknown, keysOf: (value: object) => PropertyKey[], depth = 0, seen = new Set<object>()): string[] {
  if ((typeof value !== 'object' && typeof value !== 'function') || value === null) return [String(value)]
  if (seen.has(value) || depth > MAX_DEPTH) return []
  seen.add(value)
  const out: string[] = []
  for (const key of keysOf(value)) {
    out.push(String(key))
    let item: unknown
    try {
      item = Reflect.get(value, key)
    } catch (error) {
      out.push(`<getter threw: ${String(error)}>`)
      continue
    }
    out.push(...walk(item, keysOf, depth + 1, seen))
  }
  return out
}

/** The enumerable keys a logger's `for…in` meets: own and inherited. */
function enumerableKeys(value: object): PropertyKey[] {
  const keys: PropertyKey[] = []
  for (const key in value) keys.push(key)
  return keys
}

/** Every own key, non-enumerable and symbol keys too. */
function ownKeys(value: object): PropertyKey[] {
  return Reflect.ownKeys(value)
}

/**
 * All renderings of `error`, by name: its message, `String`, stack, JSON, `util.inspect` with
 * `showHidden` (and with `getters`), `%o`, `console.log`, a walk of its enumerable properties (as loggers do), a walk of
 * every own property (non-enumerable ones too), and everything reachable from its `cause`.
 */
export function renderings(error: unknown): Record<string, string> {
  const e = error as { message?: unknown; stack?: unknown; cause?: unknown }
  return {
    message: safely(() => e.message),
    String: safely(() => String(error)),
    stack: safely(() => e.stack),
    'JSON.stringify': safely(() => JSON.stringify(error)),
    'util.inspect showHidden': safely(() => inspect(error, { depth: Number.POSITIVE_INFINITY, showHidden: true })),
    'util.inspect showHidden getters': safely(() =>
      inspect(error, { depth: Number.POSITIVE_INFINITY, showHidden: true, getters: true }),
    ),
    '%o': safely(() => format('%o', error)),
    'console.log': safely(() => consoleLog(error)),
    'enumerable properties': safely(() => walk(error, enumerableKeys).join('\n')),
    'own properties': safely(() => walk(error, ownKeys).join('\n')),
    cause: safely(() =>
      [inspect(e.cause, { depth: MAX_DEPTH, showHidden: true }), ...walk(e.cause, ownKeys)].join('\n'),
    ),
  }
}

/** The names of the renderings of `error` that contain `needle`. */
export function renderingsWith(error: unknown, needle: string): string[] {
  return Object.entries(renderings(error))
    .filter(([, text]) => text.includes(needle))
    .map(([name]) => name)
}
