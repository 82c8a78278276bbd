// describe(status) against the inline lookup, the floor of any lookup function and the peers.
// Inputs: the 22 statuses of the API's table that every peer knows, in a fixed shuffled order.
import { compare, fixtureUrl, report, resolveUrl } from './lib/harness.mjs'

const inputs = `import { COMMON, sequence } from '${fixtureUrl('inputs.mjs')}'\nconst IN = sequence(COMMON)`
const text = (expr) => `sink = (sink + (${expr}).length) | 0`
const floor = `import { TEXT, lookup } from '${fixtureUrl('floor.mjs')}'`

const result = await compare({
  id: 'describe',
  title: 'describe(status): the meaning of a status',
  question: 'What does looking up the text of a status cost, against the libraries users would pick instead?',
  ops: 1024,
  cases: [
    { name: 'inline TEXT[s] (baseline)', imports: [floor], setup: inputs, body: text('TEXT[x]') },
    { name: 'floor: lookup(s), same array', imports: [floor], setup: inputs, body: text('lookup(x)') },
    {
      name: 'describe(s)',
      imports: [`import { describe } from '${resolveUrl('een-api-errors')}'`],
      setup: inputs,
      body: text('describe(x)'),
    },
    {
      name: 'statuses.message[s]',
      imports: [`import statuses from '${resolveUrl('statuses')}'`],
      setup: inputs,
      body: text('statuses.message[x]'),
    },
    {
      name: 'http-status-codes getReasonPhrase(s)',
      imports: [`import { getReasonPhrase } from '${resolveUrl('http-status-codes')}'`],
      setup: inputs,
      body: text('getReasonPhrase(x)'),
    },
    {
      name: 'http-status status[s]',
      imports: [`import { status } from '${resolveUrl('http-status')}'`],
      setup: inputs,
      body: text('status[x]'),
    },
  ],
  targets: [
    { name: 'describe ≤ 1.2× the floor', row: 'describe(s)', of: 'floor: lookup(s), same array', max: 1.2 },
    { name: 'describe no slower than statuses.message[s]', row: 'describe(s)', notAbove: 'statuses.message[s]' },
  ],
})
report(result)
