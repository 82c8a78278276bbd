// Entry for workerd (the Cloudflare Workers runtime): `workerd test` calls `test()`, which throws
// on a failed check. The config (written by test/matrix/runtimes.test.ts) loads the ESM build as
// the module `een-api-errors` and the CJS build as `een-api-errors-cjs`: two copies.

import * as lib from 'een-api-errors'
import copy from 'een-api-errors-cjs'
import { exercise, logError } from './exercise.js'

export default {
  async test(_controller, env) {
    const checks = await exercise(lib, copy, env.BASE_URL)
    logError(lib)
    console.log(JSON.stringify({ ok: true, runtime: 'workerd', checks }))
  },
}
