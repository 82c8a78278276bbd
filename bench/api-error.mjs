// new ApiError(402) against new Error(), an empty class extends Error, http-errors and Boom; and
// isApiError(e) against e instanceof Error. Every error made is kept in a ring, so none can be
// optimised away; stack capture (Error.captureStackTrace) is most of what any of them costs.
import { compare, report, resolveUrl } from './lib/harness.mjs'

const ours = resolveUrl('een-api-errors')
const exported = Object.keys(await import(ours))
if (!exported.includes('ApiError') || !exported.includes('isApiError')) {
  report({
    id: 'api-error',
    title: 'new ApiError / isApiError',
    unit: 'ratio',
    rows: [],
    notes: ['left out: the built package has no ApiError/isApiError export yet'],
  })
  process.exit(0)
}

const keep = 'const IN = [0]\nconst KEEP = new Array(64).fill(null)'
const make = (expr) => `KEEP[i & 63] = ${expr}\n    sink = (sink + 1) | 0`

const construction = await compare({
  id: 'api-error-new',
  title: 'new ApiError(402): making an error',
  question: 'What does making an error cost, against Error itself and the peers?',
  ops: 64,
  cases: [
    { name: 'new Error() (baseline)', imports: [], setup: keep, body: make('new Error()') },
    {
      name: 'class E extends Error {}',
      imports: [],
      setup: `${keep}\nclass E extends Error {}`,
      body: make('new E()'),
    },
    {
      name: 'new ApiError(402)',
      imports: [`import { ApiError } from '${ours}'`],
      setup: keep,
      body: make('new ApiError(402)'),
    },
    {
      name: 'http-errors createError(402)',
      imports: [`import createError from '${resolveUrl('http-errors')}'`],
      setup: keep,
      body: make('createError(402)'),
    },
    {
      name: '@hapi/boom Boom.paymentRequired()',
      imports: [`import * as Boom from '${resolveUrl('@hapi/boom')}'`],
      setup: keep,
      body: make('Boom.paymentRequired()'),
    },
  ],
  targets: [
    {
      name: 'new ApiError ≤ 1.1× an empty class extends Error',
      row: 'new ApiError(402)',
      of: 'class E extends Error {}',
      max: 1.1,
    },
  ],
})
report(construction)

// What a catch block sees: our errors of several statuses, and other errors.
const inputs = `const IN = []
for (const s of [402, 429, 404, 503]) IN.push(new ApiError(s), new Error('x'))
IN.push(new TypeError('x'), new ApiError(401), new RangeError('x'), new ApiError(500))
while (IN.length < 16) IN.push(new ApiError(400))`
const bool = (expr) => `sink = (sink + (${expr} ? 1 : 0)) | 0`
const imports = [`import { ApiError, isApiError } from '${ours}'`]
const recognition = await compare({
  id: 'api-error-is',
  title: 'isApiError(e): recognising an error',
  question: 'What does telling our error from others cost, against instanceof Error?',
  ops: 1024,
  cases: [
    { name: 'e instanceof Error (baseline)', imports, setup: inputs, body: bool('x instanceof Error') },
    { name: 'isApiError(e)', imports, setup: inputs, body: bool('isApiError(x)') },
    { name: 'e instanceof ApiError', imports, setup: inputs, body: bool('x instanceof ApiError') },
  ],
  // DESIGN §8: with Symbol.hasInstance installed after the class, instanceof costs about 1.4×.
  targets: [
    {
      name: 'e instanceof ApiError ≤ 1.5× e instanceof Error',
      row: 'e instanceof ApiError',
      of: 'e instanceof Error (baseline)',
      max: 1.5,
    },
  ],
})
report(recognition)
