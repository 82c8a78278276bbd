// Memory: does the heap stay bounded while the library makes a million errors and reads ten
// thousand response bodies? Reports the heap before, at its sampled peak, and after a full garbage
// collection, for each phase; these are reported numbers, not a timed test.
//
//   npm run memory                      builds, then runs this with --expose-gc
//   node --expose-gc scripts/memory.mjs [--json]
//
// "Retained" is the heap after a full collection minus the heap before the phase: what the phase
// left behind. A library that caches per error, per status or per body, or leaves timers,
// listeners or streams behind, shows it there. Exits 1 when a phase retains more than 8 MiB.
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const dist = fileURLToPath(new URL('../dist/index.js', import.meta.url))
if (!existsSync(dist)) {
  console.error('memory: dist/ is missing; run `npm run build` first (npm run memory does)')
  process.exit(1)
}
if (typeof globalThis.gc !== 'function') {
  console.error('memory: run with node --expose-gc (npm run memory does)')
  process.exit(1)
}
const { ApiError, defineOperation, isApiError, userMessage } = await import(dist)

const MiB = 1024 * 1024
const LIMIT = 8 * MiB
const json = process.argv.includes('--json')

function heap() {
  return process.memoryUsage().heapUsed
}

function collect() {
  globalThis.gc()
  globalThis.gc()
  return heap()
}

/**
 * Runs `step(i)` `count` times, sampling the heap every `every` steps; returns the figures of the
 * phase. A warm-up of 1% first, so that compiled code and what the runtime loads lazily (fetch's
 * Response machinery) are in the heap before it is measured.
 */
async function phase(name, count, every, step) {
  for (let i = 0; i < count / 100; i++) await step(i)
  const before = collect()
  let peak = before
  const started = performance.now()
  for (let i = 0; i < count; i++) {
    const pending = step(i)
    if (pending !== undefined) await pending
    if (i % every === 0) peak = Math.max(peak, heap())
  }
  peak = Math.max(peak, heap())
  const seconds = (performance.now() - started) / 1000
  const after = collect()
  return { name, count, seconds, before, peak, after, retained: after - before }
}

const authorize = defineOperation('authorize', {
  429: { code: 'ACCOUNT_LOCKED', meaning: 'Account is locked', retryable: false },
  465: { code: 'IP_ADDRESS_INVALID', meaning: 'The IP address is not allowed' },
})
const statuses = [301, 400, 401, 402, 403, 404, 409, 418, 429, 463, 500, 502, 503, 504, 599]

// Every error is dropped once made, as an app drops what it has handled: a bounded heap means
// nothing keeps them (or anything made for them) alive.
const construct = await phase('construct 1,000,000 errors', 1_000_000, 1_000, (i) => {
  const status = statuses[i % statuses.length]
  const error =
    i % 4 === 0
      ? new ApiError(status)
      : i % 4 === 1
        ? new ApiError(status, { serverMessage: `Request ${i} failed`, requestId: `req-${i}` })
        : i % 4 === 2
          ? new ApiError(status === 465 ? 465 : status, {
              operation: authorize,
              body: { status_code: status, message: 'no', data: { id: i } },
            })
          : new ApiError(status, { body: { password: `hunter-${i}`, user: 'x' }, retryAfterMs: i % 60_000 })
  if (!isApiError(error) || userMessage(error).length === 0) throw new Error('not an ApiError')
})

// Bodies of every kind the API and what stands in front of it send, a few over the cap; each read
// through fromResponse with the request whose secrets the server echoes.
const bodies = [
  JSON.stringify({ status_code: 402, message: 'Account is suspended', reason: 'AccountSuspended', data: {} }),
  '{"status_code": 400, "message": "The request had bad syntax", "data": [1, 2,],}',
  JSON.stringify({ type: 'about:blank', title: 'Forbidden', detail: 'No access to camera 1000abcd' }),
  '<html><body><h1>502 Bad Gateway</h1><hr>nginx</body></html>',
  JSON.stringify({ message: 'Invalid token c0ffee42c0ffee42', data: { token: 'c0ffee42c0ffee42' } }),
  'x'.repeat(200_000),
  `${'['.repeat(2_000)}${']'.repeat(2_000)}`,
  JSON.stringify({ message: 'm'.repeat(30_000), items: Array.from({ length: 500 }, (_, i) => ({ id: i })) }),
]
const request = {
  url: 'https://login.eagleeyenetworks.com/g/aaa/authorize?A=c0ffee42c0ffee42',
  headers: { Authorization: 'Bearer c0ffee42c0ffee42' },
  body: { username: 'x', password: 'hunter22-hunter22' },
}
const parse = await phase('parse 10,000 bodies (fromResponse)', 10_000, 100, async (i) => {
  const body = bodies[i % bodies.length]
  const response = new Response(body, {
    status: statuses[i % statuses.length],
    headers: { 'content-type': i % 3 === 0 ? 'text/html' : 'application/json', 'retry-after': '5' },
  })
  const error = await ApiError.fromResponse(response, { request })
  if (!isApiError(error)) throw new Error('not an ApiError')
})

const phases = [construct, parse]
// Let handles that are closing finish closing.
await new Promise((resolve) => setTimeout(resolve, 100))
const left = process.getActiveResourcesInfo().filter((r) => r !== 'TTYWrap' && r !== 'PipeWrap')
const bounded = phases.every((p) => p.retained < LIMIT) && left.length === 0

if (json) {
  console.log(JSON.stringify({ node: process.version, phases, left, bounded }, null, 2))
} else {
  const mib = (bytes) => `${(bytes / MiB).toFixed(1)} MiB`
  console.log(`Heap (Node ${process.version}, heapUsed, sampled peak):`)
  console.log('| phase | before | peak | after gc | retained | time |')
  console.log('|---|---:|---:|---:|---:|---:|')
  for (const p of phases) {
    console.log(
      `| ${p.name} | ${mib(p.before)} | ${mib(p.peak)} | ${mib(p.after)} | ${mib(p.retained)} | ${p.seconds.toFixed(1)} s |`,
    )
  }
  console.log(`Active resources left: ${left.length === 0 ? 'none' : left.join(', ')}`)
  console.log(bounded ? 'Bounded: yes' : `Bounded: NO (a phase retained ${mib(LIMIT)} or more, or resources were left)`)
}
process.exitCode = bounded ? 0 : 1
