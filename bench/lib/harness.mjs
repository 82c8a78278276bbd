// Shared by every bench: quick mode, generated loop modules, ratios measured in one process,
// the printed table and the JSON each bench hands to bench/run.mjs.
//
// Why generated modules: each case gets a loop of its own in a module of its own, so V8 keeps
// separate type feedback per case (one shared loop calling a callback would turn every call site
// megamorphic and measure the callback, not the code). Each module imports what it measures by
// URL, resolved like a user's `import … from 'een-api-errors'` resolves: to the built dist/.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { measure } from 'mitata'

/** Quick mode: every bench runs once, briefly, to prove it still runs. Its numbers mean nothing. */
export const QUICK = process.argv.includes('--quick') || process.env.BENCH_QUICK === '1'

/** Rounds of every timing; the reported ratio is the median over the rounds. */
export const ROUNDS = QUICK ? 1 : Number(process.env.BENCH_ROUNDS ?? 25)

/**
 * The package under test: a snapshot of package.json and dist/ that bench/run.mjs takes once
 * (others may rebuild dist/ while the benches run), else this checkout.
 */
export const PACKAGE = process.env.BENCH_PACKAGE ?? fileURLToPath(new URL('../..', import.meta.url))

/** The file of ours that `import` (or `require`) gets, through the package's own exports. */
export function ourEntry(condition = 'import') {
  const { exports } = JSON.parse(readFileSync(join(PACKAGE, 'package.json'), 'utf8'))
  return join(PACKAGE, exports['.'][condition].default)
}

/** The URL a user's `import … from spec` gets. */
export function resolveUrl(spec) {
  return spec === 'een-api-errors' ? pathToFileURL(ourEntry('import')).href : import.meta.resolve(spec)
}

/** The URL of a file in bench/fixtures. */
export function fixtureUrl(name) {
  return new URL(`../fixtures/${name}`, import.meta.url).href
}

let genDir
/** A fresh directory for generated files, removed when the process exits. */
export function genPath(name) {
  if (!genDir) {
    genDir = mkdtempSync(join(tmpdir(), 'een-bench-'))
    process.on('exit', () => rmSync(genDir, { recursive: true, force: true }))
  }
  const path = join(genDir, name)
  mkdirSync(join(path, '..'), { recursive: true })
  return path
}

/** Every loop's result goes here and is printed at the end, so no loop can be optimised away. */
let sink = 0
export function consume(value) {
  sink = (sink + (typeof value === 'number' ? value : 1)) | 0
}

/** The q-quantile (0–1) of `values`, interpolated between the two nearest. */
export function quantile(values, q) {
  const sorted = [...values].sort((a, b) => a - b)
  const at = (sorted.length - 1) * q
  const low = Math.floor(at)
  return sorted[low] + (sorted[Math.min(low + 1, sorted.length - 1)] - sorted[low]) * (at - low)
}

export function median(values) {
  return quantile(values, 0.5)
}

/**
 * Writes one case's loop module and imports it. The loop runs `ops` operations over `IN` (an
 * array whose length is a power of two), adds each result into a local sink and returns it.
 *
 * @param c.imports lines of `import … from` with `$url(spec)` already resolved
 * @param c.setup module-level code; must define `IN`
 * @param c.body per-operation statement(s); `x` is the input, `sink` the accumulator
 */
async function loadLoop(groupId, index, c, ops, isAsync) {
  const source = [
    ...c.imports,
    c.setup,
    `export ${isAsync ? 'async ' : ''}function loop() {`,
    '  let sink = 0',
    `  for (let i = 0; i < ${ops}; i++) {`,
    '    const x = IN[i & (IN.length - 1)]',
    `    ${c.body}`,
    '  }',
    '  return sink',
    '}',
    '',
  ].join('\n')
  const path = genPath(`${groupId}/${index}-${c.name.replace(/[^\w]+/g, '_').slice(0, 40)}.mjs`)
  writeFileSync(path, source)
  return (await import(pathToFileURL(path).href)).loop
}

/**
 * Times every case against the first (the baseline) in the same process: `ROUNDS` rounds (after
 * `warmup` unrecorded ones), each round measuring every case once (rotating the order), each
 * measurement mitata's median time of one loop over at least `ms` milliseconds. A case's ratio in a round is its time over the baseline's time in that round; the
 * result is the median ratio with its min–max spread over the rounds.
 */
export async function compare({ id, title, question, ops, isAsync = false, cases, targets = [], ms = 40, warmup = 1 }) {
  const loops = []
  for (const [i, c] of cases.entries()) loops.push(await loadLoop(id, i, c, ops, isAsync))
  // No forced gc() between measurements: a full collection shrinks the young generation, and the
  // allocating cases (errors, responses) then pay for many scavenges that a real program does not.
  const options = { min_cpu_time: (QUICK ? 5 : Number(process.env.BENCH_MS ?? ms)) * 1e6, gc: false }
  const times = cases.map(() => [])
  // Unrecorded first rounds let every loop reach its optimised tier before anything counts.
  const skip = QUICK ? 0 : warmup
  for (let r = 0; r < ROUNDS + skip; r++) {
    for (let k = 0; k < loops.length; k++) {
      const i = (k + r) % loops.length
      const loop = loops[i]
      const stats = await measure(isAsync ? async () => consume(await loop()) : () => consume(loop()), options)
      if (r >= skip) times[i].push(stats.p50 / ops)
    }
  }
  const ratios = times.map((t) => t.map((v, r) => v / times[0][r]))
  const rows = cases.map((c, i) => ({
    name: c.name,
    ratio: median(ratios[i]),
    spread: [Math.min(...ratios[i]), Math.max(...ratios[i])],
    iqr: [quantile(ratios[i], 0.25), quantile(ratios[i], 0.75)],
    nsPerOp: median(times[i]),
    nsPerRound: times[i],
  }))
  return { id, title, question, baseline: cases[0].name, unit: 'ratio', rows, targets: evaluate(rows, targets) }
}

/**
 * Targets: `{ name, row, max }` (the row's ratio to the baseline ≤ max), `{ name, row, of, max }`
 * (the row's time over the `of` row's time ≤ max), `{ name, row, notAbove }` (the row's time over
 * that row's time ≤ 1). Each gets `met`, the measured `value` and its `limit`.
 */
export function evaluate(rows, targets) {
  const byName = new Map(rows.map((r) => [r.name, r]))
  return targets.map((t) => {
    const row = byName.get(t.row)
    if (!row) return { ...t, met: null, note: 'not measured' }
    // Against another row: the median over the rounds of the two rows' ratio in each round.
    const other = byName.get(t.of ?? t.notAbove)
    if ((t.of ?? t.notAbove) && !other) return { ...t, met: null, note: 'not measured' }
    const value = other ? median(row.nsPerRound.map((v, r) => v / other.nsPerRound[r])) : row.ratio
    const limit = t.max ?? 1
    return { ...t, value, limit, met: value <= limit }
  })
}

/**
 * Bundle targets: in every compared use, ours (the row whose library starts with een-api-errors)
 * is no bigger, gzipped, than the smallest peer.
 */
export function evaluateBytes(rows) {
  const uses = [...new Set(rows.map((r) => r.use))]
  return uses.flatMap((use) => {
    const inUse = rows.filter((r) => r.use === use)
    const ours = inUse.find((r) => r.library.startsWith('een-api-errors'))
    const peers = inUse.filter((r) => r !== ours)
    if (!ours || peers.length === 0) return []
    const smallest = peers.reduce((a, b) => (b.gzip < a.gzip ? b : a))
    const met = ours.gzip <= smallest.gzip
    return [
      {
        name: `smallest bundle for "${use}" (vs ${smallest.library})`,
        value: ours.gzip,
        limit: smallest.gzip,
        unit: 'B',
        met,
      },
    ]
  })
}

const fmt = (v, digits = 2) => (v === undefined || v === null ? '–' : v.toFixed(digits))

/** The bench's table as text. */
export function formatResult(result) {
  const lines = [`## ${result.title}`, result.question ? `   ${result.question}` : '']
  if (result.unit === 'ratio') {
    lines.push(
      `   ratio = time / time of "${result.baseline}" (median of ${result.rounds ?? ROUNDS} rounds; interquartile range; (min–max))`,
    )
    const w = Math.max(...result.rows.map((r) => r.name.length))
    for (const r of result.rows) {
      lines.push(
        `   ${r.name.padEnd(w)}  ${fmt(r.ratio).padStart(7)}×  ${fmt(r.iqr[0])}–${fmt(r.iqr[1])}  (${fmt(r.spread[0])}–${fmt(r.spread[1])})  ${fmt(r.nsPerOp, r.nsPerOp < 100 ? 2 : 0).padStart(8)} ns`,
      )
    }
  } else {
    const cols = result.columns
    const widths = cols.map((c) => Math.max(c.label.length, ...result.rows.map((r) => String(r[c.key] ?? '–').length)))
    lines.push(`   ${cols.map((c, i) => c.label.padEnd(widths[i])).join('  ')}`)
    for (const r of result.rows)
      lines.push(`   ${cols.map((c, i) => String(r[c.key] ?? '–').padEnd(widths[i])).join('  ')}`)
  }
  for (const t of result.targets ?? []) {
    const state = t.met === null ? 'n/a' : t.met ? 'met' : 'MISSED'
    const digits = t.unit ? 0 : 2
    const unit = t.unit ? ` ${t.unit}` : ''
    lines.push(
      `   target ${state}: ${t.name} (measured ${fmt(t.value, digits)}${unit}, limit ${fmt(t.limit, digits)}${unit})`,
    )
  }
  for (const note of result.notes ?? []) lines.push(`   note: ${note}`)
  return lines.filter((l) => l !== '').join('\n')
}

const reported = []

/**
 * Prints the result and hands it to bench/run.mjs: every result of the process, as a JSON array
 * in the file named by BENCH_OUT.
 * The sink is printed so that every measured loop's output is observably used.
 */
export function report(result) {
  result.rounds ??= result.unit === 'ratio' ? ROUNDS : undefined
  result.quick = QUICK
  console.log(formatResult(result))
  if (result.unit === 'ratio') console.log(`   (sink ${sink})`)
  reported.push(result)
  if (process.env.BENCH_OUT) writeFileSync(process.env.BENCH_OUT, `${JSON.stringify(reported, null, 2)}\n`)
}
