// Mutation testing, then its record: runs Stryker (stryker.config.mjs; extra arguments such as
// --incremental pass through), times it, and writes MUTATION.md from the JSON report: the score,
// the counts per module, the figure of the last full run and of the last incremental one (each kept
// until a run of its kind replaces it), the survivors judged equivalent in
// scripts/mutation-equivalents.json with the reason, and every other survivor.
//
//   npm run mutation                  builds, then runs this
//   node scripts/mutation.mjs --incremental
//   node scripts/mutation.mjs --report-only   rewrites MUTATION.md from the last report
//
// Exits with Stryker's code, which is not 0 when the score is below the `break` threshold.
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const reportFile = `${root}reports/mutation/mutation.json`
const args = process.argv.slice(2)
const reportOnly = args.includes('--report-only')

// Stryker's record of the last run: without it, an --incremental run tests every mutant, a full run.
const hadIncrementalRecord = existsSync(`${root}reports/stryker-incremental.json`)
let code = 0
let minutes
const commit = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).stdout?.trim()
if (!reportOnly) {
  const started = Date.now()
  const run = spawnSync(
    process.execPath,
    [`${root}node_modules/@stryker-mutator/core/bin/stryker.js`, 'run', ...args],
    {
      cwd: root,
      stdio: 'inherit',
    },
  )
  code = run.status ?? 1
  minutes = (Date.now() - started) / 60_000
}
if (!existsSync(reportFile)) {
  console.error('mutation: no report at reports/mutation/mutation.json')
  process.exit(code || 1)
}

const report = JSON.parse(readFileSync(reportFile, 'utf8'))
const DETECTED = new Set(['Killed', 'Timeout'])
const UNDETECTED = new Set(['Survived', 'NoCoverage'])

const isStatic = (m) => m.status === 'Ignored' && /static/i.test(m.statusReason ?? '')

/** Counts of one set of mutants, with Stryker's score: detected / (detected + undetected); ignored ones do not count. */
function tally(mutants) {
  const count = (statuses) => mutants.filter((m) => statuses.has(m.status)).length
  const by = (status) => mutants.filter((m) => m.status === status).length
  const detected = count(DETECTED)
  const undetected = count(UNDETECTED)
  const valid = detected + undetected
  return {
    total: mutants.length,
    killed: by('Killed'),
    timeout: by('Timeout'),
    survived: by('Survived'),
    noCoverage: by('NoCoverage'),
    // Static mutants (in code run at load) are left untested under ignoreStatic; any other ignored
    // mutant was ignored by the configuration.
    static: mutants.filter(isStatic).length,
    ignored: by('Ignored') - mutants.filter(isStatic).length,
    errors: by('CompileError') + by('RuntimeError'),
    score: valid === 0 ? 100 : (100 * detected) / valid,
  }
}

const files = Object.entries(report.files).sort(([a], [b]) => a.localeCompare(b))
const all = tally(files.flatMap(([, file]) => file.mutants))
// Rounded down, so that a score with a survivor never reads 100%.
const pct = (n) => `${(Math.floor(n * 10) / 10).toFixed(1)}%`
const int = (n) => n.toLocaleString('en-US')

/** One mutant as a line: where, which mutator, what it became (shortened), and why it is listed. */
function line(path, file, m) {
  const lines = file.source.split('\n')
  const { start } = m.location
  const original = (lines[start.line - 1] ?? '').trim()
  const short = (s) => (s.length > 70 ? `${s.slice(0, 67)}...` : s).replaceAll('|', '\\|').replaceAll('`', "'")
  const replacement = m.replacement === undefined ? '' : ` → \`${short(m.replacement.replace(/\s+/g, ' '))}\``
  const reason = m.statusReason ? ` ${m.statusReason.replace(/\s+/g, ' ')}` : ''
  return `| ${path}:${start.line} | ${m.mutatorName}${replacement} | \`${short(original)}\` |${reason} |`
}

const out = []
out.push('# Mutation testing')
out.push('')
out.push('Written by `npm run mutation` (scripts/mutation.mjs) from Stryker’s report; do not edit by hand.')
out.push('Stryker (`stryker.config.mjs`) mutates every module of `src/` but its data (the table’s columns,')
out.push('the message catalogs, the generated endpoint catalog) and re-exports, and runs the unit, property')
out.push('and fault tests of `vitest.mutation.config.ts` against each mutant, with per-test coverage.')
out.push('')
out.push(
  `**Score ${pct(all.score)}** (threshold 90%): ${int(all.killed)} killed, ${int(all.timeout)} timed out, ` +
    `${int(all.survived)} survived, ${int(all.noCoverage)} without coverage, ${int(all.ignored)} ignored by the configuration, ` +
    `${int(all.static)} static mutants not tested, of ${int(all.total)} mutants. Neither ignored nor untested ` +
    'static mutants count in the score. A static mutant is one in code run once at load (the tables, the compiled ' +
    'patterns): every test would have to run for it, which takes hours here, so `ignoreStatic` leaves them out.',
)
// The figures of earlier runs, kept from the last MUTATION.md: a full run's line stays until the next
// full run, an incremental run's until the next run of either kind.
const previous = existsSync(`${root}MUTATION.md`) ? readFileSync(`${root}MUTATION.md`, 'utf8').split('\n') : []
const kept = (prefix) => previous.find((l) => l.startsWith(prefix))
let fullLine = kept('Full run:')
let incrementalLine = kept('Incremental run:')
if (minutes !== undefined) {
  const incremental = args.includes('--incremental') && !args.includes('--force') && hadIncrementalRecord
  // The commit tested (src may have moved on since the run started: the run reads it at the start).
  const when = `${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, commit ${commit}, ${minutes.toFixed(1)} minutes on this 2-core machine`
  if (incremental) {
    incrementalLine = `Incremental run: ${when}, score ${pct(all.score)} (only changed mutants and those of changed tests retested; the others kept the result of the run before).`
  } else {
    const which = all.static > 0 ? 'every mutant but the static ones' : 'every mutant'
    fullLine = `Full run: ${when}, ${which} tested, score ${pct(all.score)}.`
    incrementalLine = undefined
  }
}
for (const l of [fullLine, incrementalLine]) {
  if (l === undefined) continue
  out.push('')
  out.push(l)
}
out.push('')
out.push('| module | score | killed | timed out | survived | no coverage | ignored | static, not tested |')
out.push('|---|---|---|---|---|---|---|---|')
for (const [path, file] of files) {
  const t = tally(file.mutants)
  out.push(
    `| ${path} | ${pct(t.score)} | ${t.killed} | ${t.timeout} | ${t.survived} | ${t.noCoverage} | ${t.ignored} | ${t.static} |`,
  )
}
out.push('')
// Survivors judged equivalent (no test can tell them from the original), kept out of src/: each
// entry names the place (`where`, file and line when judged), the source line's text (`line`), the
// mutator and, where the line has more than one, the replacement. An entry follows its line when
// edits above it move it: it matches the line with that text, the one nearest `where` when the
// file has several (an entry without `line` matches its exact place only).
const equivalentsFile = `${root}scripts/mutation-equivalents.json`
const judged = existsSync(equivalentsFile) ? JSON.parse(readFileSync(equivalentsFile, 'utf8')) : []
function judgement(path, file, m) {
  const lines = file.source.split('\n').map((l) => l.trim())
  const at = m.location.start.line
  return judged.find((e) => {
    const [where, hint] = e.where.split(':')
    if (where !== path || e.mutator !== m.mutatorName) return false
    if (e.replacement !== undefined && e.replacement !== m.replacement) return false
    if (e.line === undefined) return Number(hint) === at
    if (lines[at - 1] !== e.line) return false
    const places = lines.flatMap((l, i) => (l === e.line ? [i + 1] : []))
    const nearest = places.reduce((a, b) => (Math.abs(b - hint) < Math.abs(a - hint) ? b : a))
    return nearest === at
  })
}
const undetected = files.flatMap(([path, file]) =>
  file.mutants.filter((m) => UNDETECTED.has(m.status)).map((m) => ({ path, file, m, e: judgement(path, file, m) })),
)
const equivalent = undetected.filter((x) => x.e !== undefined)
const survivors = undetected.filter((x) => x.e === undefined)

out.push('## Equivalent mutants')
out.push('')
out.push('Survivors that no test can tell from the original, judged so in `scripts/mutation-equivalents.json`')
out.push('with the reason (no comment in `src/` marks them). Stryker still counts them as survived, so they')
out.push(
  `are in the score above; without them it would be ${pct(((all.killed + all.timeout) * 100) / Math.max(1, all.killed + all.timeout + all.survived + all.noCoverage - equivalent.length))}.`,
)
out.push('')
if (equivalent.length === 0 && all.ignored === 0) out.push('None.')
else {
  out.push('| where | mutant | original line | why it is equivalent |')
  out.push('|---|---|---|---|')
  for (const x of equivalent) out.push(line(x.path, x.file, { ...x.m, statusReason: x.e.reason }))
  for (const [path, file] of files) {
    for (const m of file.mutants.filter((x) => x.status === 'Ignored' && !isStatic(x))) out.push(line(path, file, m))
  }
}
out.push('')
out.push('## Survivors')
out.push('')
if (survivors.length === 0) out.push('None.')
else {
  out.push('Not yet killed nor shown to be equivalent, by module:')
  out.push('')
  out.push('| where | mutant | original line | |')
  out.push('|---|---|---|---|')
  out.push(...survivors.map((x) => line(x.path, x.file, x.m)))
}
out.push('')
writeFileSync(`${root}MUTATION.md`, out.join('\n'))
console.log(`mutation: score ${pct(all.score)}; MUTATION.md written`)
process.exit(code)
