// isRetryable(status) against the same policy written inline and statuses.retry[s].
// Inputs: every status of the API's table and others a retry loop sees (408, 418, 501, 5xx…).
import { compare, fixtureUrl, report, resolveUrl } from './lib/harness.mjs'

const inputs = `import { RETRY_MIX, sequence } from '${fixtureUrl('inputs.mjs')}'\nconst IN = sequence(RETRY_MIX)`
const bool = (expr) => `sink = (sink + (${expr} ? 1 : 0)) | 0`

const result = await compare({
  id: 'is-retryable',
  title: 'isRetryable(status): retry advice',
  question: 'What does deciding whether to retry a status cost?',
  ops: 1024,
  cases: [
    {
      name: 'inline s === 429 || … (baseline)',
      imports: [],
      setup: inputs,
      // The same policy as isRetryable: 429, 502, 504 of the table, else 408 or 5xx but 501, 505.
      body: bool('x === 429 || x === 408 || (x >= 502 && x <= 599 && x !== 503 && x !== 505)'),
    },
    {
      name: 'isRetryable(s)',
      imports: [`import { isRetryable } from '${resolveUrl('een-api-errors')}'`],
      setup: inputs,
      body: bool('isRetryable(x)'),
    },
    {
      name: 'statuses.retry[s]',
      imports: [`import statuses from '${resolveUrl('statuses')}'`],
      setup: inputs,
      body: bool('statuses.retry[x]'),
    },
  ],
  targets: [{ name: 'isRetryable ≤ 1.5× the inline check', row: 'isRetryable(s)', max: 1.5 }],
})
report(result)
