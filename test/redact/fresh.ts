// src/redact/ compiles its patterns when it loads. The tests use a copy loaded afresh before each
// test, so the patterns are built inside every test: per-test coverage (what a mutation run uses to
// pick the tests of a changed pattern, which it changes only once the test file has loaded) then
// ties each pattern to the tests that check it.
import { beforeEach, vi } from 'vitest'
import * as first from '../../src/redact/index.js'
import * as firstNames from '../../src/redact/names.js'

/** src/redact/index.ts as loaded for the current test. */
export let redact = first
/** src/redact/names.ts as loaded for the current test. */
export let names = firstNames

beforeEach(async () => {
  vi.resetModules()
  redact = await import('../../src/redact/index.js')
  names = await import('../../src/redact/names.js')
})
