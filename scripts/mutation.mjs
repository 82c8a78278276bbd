// Mutation testing, then its record: runs Stryker (stryker.config.mjs; extra arguments such as
// --incremental pass through), times it, and writes MUTATION.md from the JSON report: the score,
// the counts per module, every mutant ignored as equivalent with the reason given where it is
// disabled in src/, and every survivor (there should be none).
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

let code = 0
let minutes
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
    ignored: by('Ignored'),
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
out.push('Stryker (`stryker.config.mjs`) mutates every module of `src/` and runs the unit, property and')
out.push('fault tests of `vitest.mutation.config.ts` against each mutant, with per-test coverage.')
out.push('')
out.push(
  `**Score ${pct(all.score)}** (threshold 90%): ${int(all.killed)} killed, ${int(all.timeout)} timed out, ` +
    `${int(all.survived)} survived, ${int(all.noCoverage)} without coverage, ${int(all.ignored)} ignored as equivalent, ` +
    `of ${int(all.total)} mutants. Ignored mutants do not count in the score.`,
)
if (minutes !== undefined) {
  const incremental = args.includes('--incremental') && !args.includes('--force')
  const mode = incremental ? ', incremental: unchanged mutants kept their last result' : ', every mutant tested'
  out.push('')
  out.push(
    `Last run: ${new Date().toISOString().slice(0, 10)}, ${minutes.toFixed(1)} minutes on this 2-core machine${mode}.`,
  )
}
out.push('')
out.push('| module | score | killed | timed out | survived | no coverage | ignored |')
out.push('|---|---|---|---|---|---|---|')
for (const [path, file] of files) {
  const t = tally(file.mutants)
  out.push(
    `| ${path} | ${pct(t.score)} | ${t.killed} | ${t.timeout} | ${t.survived} | ${t.noCoverage} | ${t.ignored} |`,
  )
}
out.push('')
out.push('## Equivalent mutants')
out.push('')
out.push('Each is disabled where it occurs in `src/` with a `// Stryker disable` comment that says why no')
out.push('test can tell it from the original; the reason below is that comment. A comment names a mutator')
out.push('for its whole line, so where an equivalent mutant (a condition made `true`, say) shares its line')
out.push('with a killable twin (the same condition made `false`), the twin is listed too, though the tests')
out.push('kill it (it was killed in the run before the comment was added).')
out.push('')
out.push('| where | mutant | original line | why it is equivalent |')
out.push('|---|---|---|---|')
for (const [path, file] of files) {
  for (const m of file.mutants.filter((x) => x.status === 'Ignored')) out.push(line(path, file, m))
}
out.push('')
out.push('## Survivors')
out.push('')
const survivors = files.flatMap(([path, file]) =>
  file.mutants.filter((m) => UNDETECTED.has(m.status)).map((m) => line(path, file, m)),
)
if (survivors.length === 0) out.push('None.')
else {
  out.push('Not yet killed nor shown to be equivalent:')
  out.push('')
  out.push('| where | mutant | original line | |')
  out.push('|---|---|---|---|')
  out.push(...survivors)
}
out.push('')
writeFileSync(`${root}MUTATION.md`, out.join('\n'))
console.log(`mutation: score ${pct(all.score)}; MUTATION.md written`)
process.exit(code)
