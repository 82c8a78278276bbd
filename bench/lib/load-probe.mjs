// Runs in a fresh process: loads one module and prints how long that took, in milliseconds.
// The loader is warmed first with other empty modules (ESM and CommonJS), so the time is the
// module's own cost (resolve, read, compile, evaluate), not the cost of starting Node's loaders.
// Usage: node load-probe.mjs import <url> | node load-probe.mjs require <path>
import { createRequire } from 'node:module'
import { performance } from 'node:perf_hooks'

const [mode, target] = process.argv.slice(2)
const require = createRequire(import.meta.url)
await import('../fixtures/warm.mjs')
await import('../fixtures/warm.cjs')
require('../fixtures/warm-require.cjs')
let t0 = performance.now()
if (mode === 'require') {
  t0 = performance.now()
  require(target)
} else {
  t0 = performance.now()
  await import(target)
}
const t1 = performance.now()
// Only now touch process.stdout: its getter builds the stream, which takes a millisecond or two.
process.stdout.write(`${t1 - t0}\n`)
