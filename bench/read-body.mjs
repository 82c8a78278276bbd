// readBody + parseBody (the bounded read and the parse behind fromResponse) against
// `await res.text()` + JSON.parse and against `await res.json()`, on the 1 KiB JSON error body of
// bench/from-response.mjs, in one process. readBody is internal: this bench bundles src/http/
// with esbuild first. Run: `node bench/read-body.mjs` (`--quick` to prove it runs).
import { writeFileSync } from 'node:fs'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { build } from 'esbuild'
import { JSON_CASE, RESPONSE_CASE, SETUP as setup } from './fixtures/error-response.mjs'
import { compare, genPath, report } from './lib/harness.mjs'

const entry = genPath('http-entry.mjs')
const src = (file) => JSON.stringify(fileURLToPath(new URL(`../src/http/${file}`, import.meta.url)))
writeFileSync(entry, `export { readBody } from ${src('read-body.ts')}\nexport { parseBody } from ${src('json.ts')}\n`)
const bundle = genPath('http.mjs')
await build({ entryPoints: [entry], bundle: true, format: 'esm', outfile: bundle, logLevel: 'error' })
const url = pathToFileURL(bundle).href

report(
  await compare({
    id: 'read-body',
    title: 'readBody + parseBody on a 1 KiB JSON error body',
    question: 'What does the bounded read and parse cost, against reading the JSON unbounded?',
    ops: 32,
    isAsync: true,
    ms: 250,
    warmup: 3,
    cases: [
      JSON_CASE,
      {
        name: 'JSON.parse(await res.text())',
        imports: [],
        setup,
        body: 'sink = (sink + JSON.parse(await new Response(BODY, INIT).text()).status_code) | 0',
      },
      {
        name: 'parseBody((await readBody(res)).text)',
        imports: [`import { parseBody, readBody } from '${url}'`],
        setup,
        body: `{ const res = new Response(BODY, INIT); sink = (sink + parseBody((await readBody(res)).text, res.headers.get('content-type')).status_code) | 0 }`,
      },
      RESPONSE_CASE,
    ],
  }),
)
