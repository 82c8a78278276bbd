// Module load time: each module loaded in a fresh Node process, the candidates alternating
// round by round, many rounds; the time is measured inside the process around the one import
// (or require), after the loader is warm. Ratios are taken per round, then the median.
import { execFileSync } from 'node:child_process'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import { fixtureUrl, median, ourEntry, QUICK, report, resolveUrl } from './lib/harness.mjs'

const probe = fileURLToPath(new URL('./lib/load-probe.mjs', import.meta.url))
const require = createRequire(import.meta.url)
const ROUNDS = QUICK ? 1 : Number(process.env.BENCH_LOAD_ROUNDS ?? 40)
const PEERS = ['statuses', 'http-status-codes', 'http-status', 'http-errors', '@hapi/boom']

const candidates = [
  { name: 'empty module (baseline)', import: fixtureUrl('empty.mjs'), require: fileURLToPath(fixtureUrl('empty.cjs')) },
  { name: 'een-api-errors', import: resolveUrl('een-api-errors'), require: ourEntry('require') },
  ...PEERS.map((name) => ({ name, import: resolveUrl(name), require: require.resolve(name) })),
]

function time(mode, target) {
  return Number(execFileSync(process.execPath, [probe, mode, target], { encoding: 'utf8' }))
}

const results = []
for (const mode of ['import', 'require']) {
  const ms = candidates.map(() => [])
  for (let r = 0; r < ROUNDS; r++) {
    for (let k = 0; k < candidates.length; k++) {
      const i = (k + r) % candidates.length
      ms[i].push(time(mode, candidates[i][mode]))
    }
  }
  const statuses = candidates.findIndex((c) => c.name === 'statuses')
  for (const [i, c] of candidates.entries()) {
    results.push({
      name: `${mode}: ${c.name}`,
      ms: median(ms[i]),
      spreadMs: [Math.min(...ms[i]), Math.max(...ms[i])],
      vsEmpty: median(ms[i].map((v, r) => v / ms[0][r])),
      vsStatuses: median(ms[i].map((v, r) => v / ms[statuses][r])),
      msPerRound: ms[i],
    })
  }
}

const fmt = (v) => v.toFixed(2)
report({
  id: 'module-load',
  title: 'Module load time (fresh process per load, warm loader)',
  question: 'How long does loading the package take, against an empty module and the peers?',
  unit: 'ms',
  rounds: ROUNDS,
  columns: [
    { key: 'name', label: 'module' },
    { key: 'msText', label: 'median ms' },
    { key: 'spreadText', label: 'spread ms' },
    { key: 'vsEmptyText', label: '× empty' },
    { key: 'vsStatusesText', label: '× statuses' },
  ],
  rows: results.map((r) => ({
    ...r,
    msText: fmt(r.ms),
    spreadText: `${fmt(r.spreadMs[0])}–${fmt(r.spreadMs[1])}`,
    vsEmptyText: fmt(r.vsEmpty),
    vsStatusesText: fmt(r.vsStatuses),
  })),
  targets: ['import', 'require'].map((mode) => {
    const ours = results.find((r) => r.name === `${mode}: een-api-errors`)
    return {
      name: `${mode}: load no slower than statuses`,
      value: ours.vsStatuses,
      limit: 1,
      met: ours.vsStatuses <= 1,
    }
  }),
  notes: [`${ROUNDS} rounds per mode, median of per-round ratios`],
})
