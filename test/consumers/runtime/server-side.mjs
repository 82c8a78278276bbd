// Entry for the server-side runtimes (Node 18/20/22, Bun, Deno): the ESM build through `import`
// and the CJS build through `require`, two copies of the package in one process.
// Usage: <runtime> server-side.mjs <baseUrl>
import { createRequire } from 'node:module'
import * as lib from 'een-api-errors'
import { exercise } from './exercise.js'

const copy = createRequire(import.meta.url)('een-api-errors')
const [baseUrl] = process.argv.slice(2)
const runtime = globalThis.Deno
  ? `deno ${globalThis.Deno.version.deno}`
  : globalThis.Bun
    ? `bun ${globalThis.Bun.version}`
    : `node ${process.versions.node}`
const checks = await exercise(lib, copy, baseUrl)
console.log(JSON.stringify({ ok: true, runtime, checks }))
