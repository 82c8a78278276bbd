// Entry for the server-side runtimes (Node 18 to 26, Bun, Deno): the ESM build through `import`
// and the CJS build through `require`, two copies of the package in one process.
// Usage: <runtime> server-side.mjs <baseUrl>
import { createRequire } from 'node:module'
import { inspect } from 'node:util'
import * as lib from 'een-api-errors'
import { exercise, logError } from './exercise.js'

const copy = createRequire(import.meta.url)('een-api-errors')
const [baseUrl] = process.argv.slice(2)
const runtime = globalThis.Deno
  ? `deno ${globalThis.Deno.version.deno}`
  : globalThis.Bun
    ? `bun ${globalThis.Bun.version}`
    : `node ${process.versions.node}`
const checks = await exercise(lib, copy, baseUrl)
logError(lib)

// The runtime's own inspector, what its console.log prints, with every option that shows more: the
// client's error (a secret in the request it kept) is reachable as unredactedCause only.
const secret = 'Zq9-runtime-secret-777'
const thrown = Object.assign(new Error('boom'), {
  status: 401,
  config: { headers: { Authorization: `Bearer ${secret}` } },
})
const error = lib.ApiError.from(thrown)
const shown = globalThis.Bun
  ? globalThis.Bun.inspect(error, { depth: 100 })
  : globalThis.Deno
    ? globalThis.Deno.inspect(error, { showHidden: true, getters: true, depth: 100 })
    : inspect(error, { showHidden: true, getters: true, depth: Number.POSITIVE_INFINITY })
if (shown.includes(secret) || !shown.includes('ApiError') || error.unredactedCause !== thrown) {
  throw new Error(`check failed: the runtime's own inspector; got ${shown}`)
}
checks.push("the runtime's own inspector shows no secret, and unredactedCause is the client's error")
console.log(JSON.stringify({ ok: true, runtime, checks }))
