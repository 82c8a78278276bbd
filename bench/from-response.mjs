// ApiError.fromResponse(res) on a 1 KiB JSON error body, against `await res.json()` on the same
// response. Both make a fresh Response each time (a body is read once); a third row shows what
// making the Response alone costs, so the difference between the other two is what each reads.
import { JSON_CASE, RESPONSE_CASE, SETUP as setup } from './fixtures/error-response.mjs'
import { compare, median, report, resolveUrl } from './lib/harness.mjs'

const ours = resolveUrl('een-api-errors')
const { ApiError } = await import(ours)
if (typeof ApiError?.fromResponse !== 'function') {
  report({
    id: 'from-response',
    title: 'ApiError.fromResponse',
    unit: 'ratio',
    rows: [],
    notes: ['left out: the built package has no ApiError.fromResponse yet'],
  })
  process.exit(0)
}

const result = await compare({
  id: 'from-response',
  title: 'ApiError.fromResponse(res): reading an error response (1 KiB JSON)',
  question: 'What does turning a response into an error cost, against just reading its JSON?',
  ops: 32,
  isAsync: true,
  // Slow, allocating, asynchronous: longer measurements and more warm-up than the lookups need.
  ms: 250,
  warmup: 3,
  cases: [
    JSON_CASE,
    {
      name: 'await ApiError.fromResponse(res)',
      imports: [`import { ApiError } from '${ours}'`],
      setup,
      body: 'sink = (sink + (await ApiError.fromResponse(new Response(BODY, INIT))).status) | 0',
    },
    {
      // The least any reader of an error response does: read, parse, make the error; no header
      // read, no scrubbing. The target leaves fromResponse little room above this floor.
      name: 'floor: res.text(), JSON.parse, new ApiError',
      imports: [`import { ApiError } from '${ours}'`],
      setup,
      body: 'const b = JSON.parse(await new Response(BODY, INIT).text()); sink = (sink + new ApiError(402).status + b.status_code) | 0',
    },
    RESPONSE_CASE,
  ],
  targets: [{ name: 'fromResponse ≤ 1.3× res.json()', row: 'await ApiError.fromResponse(res)', max: 1.3 }],
})
// The same comparison without the shared cost of making the Response: reading alone.
const [json, from, , make] = result.rows.map((r) => r.nsPerRound)
const net = json.map((j, r) => (from[r] - make[r]) / (j - make[r]))
result.netRatio = median(net)
result.notes = [
  `without making the Response (the same in both): fromResponse costs ${result.netRatio.toFixed(2)}× what res.json() costs (spread ${Math.min(...net).toFixed(2)}–${Math.max(...net).toFixed(2)})`,
]
report(result)
