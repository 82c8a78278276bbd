// Runs every bench, each in a fresh Node process (so no bench's JIT state or garbage colours the
// next), prints their tables and a summary of the targets, and writes bench/results.json.
//
//   npm run bench                   build, then every bench in full (a few minutes)
//   npm run bench -- --quick        every bench once, briefly: proves they run; numbers mean nothing
//   npm run bench -- describe       only the benches whose file name contains "describe"
//   node bench/readme.mjs --write   puts the table of bench/results.json in the README
//
// Only a full run of every bench writes bench/results.json (BENCH_RESULTS names another file).
import { execFileSync, spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, release, tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const BENCHES = ['describe', 'is-retryable', 'api-error', 'from-response', 'bundle-size', 'module-load', 'type-check']

const args = process.argv.slice(2)
const quick = args.includes('--quick') || process.env.BENCH_QUICK === '1'
const only = args.filter((a) => !a.startsWith('--'))
const selected = BENCHES.filter((b) => only.length === 0 || only.some((o) => b.includes(o)))
const here = fileURLToPath(new URL('.', import.meta.url))
if (!existsSync(join(here, '../dist/index.js'))) {
  console.error('bench: dist/ is missing; run `npm run build` first (npm run bench does)')
  process.exit(1)
}

// What was built, read before the benches run (others may commit meanwhile).
const git = (...args) => {
  try {
    return execFileSync('git', args, { cwd: here, encoding: 'utf8', stdio: 'pipe' }).trim()
  } catch {
    return undefined
  }
}
const gitCommit = git('rev-parse', '--short', 'HEAD')
const dirty = git('status', '--porcelain', '--', '../src', '../package.json', '../tsup.config.ts')
const scratch = mkdtempSync(join(tmpdir(), 'een-bench-run-'))
// A snapshot of the package as a user installs it (package.json and dist/), taken once: others
// may rebuild dist/ in this checkout while the benches run.
const snapshot = join(scratch, 'een-api-errors')
cpSync(join(here, '../dist'), join(snapshot, 'dist'), { recursive: true })
cpSync(join(here, '../package.json'), join(snapshot, 'package.json'))
const startedAt = new Date()
const loadBefore = loadavg()[0]
const results = []
const failed = []
for (const name of selected) {
  const out = join(scratch, `${name}.json`)
  const started = Date.now()
  const child = spawnSync(process.execPath, [join(here, `${name}.mjs`), ...(quick ? ['--quick'] : [])], {
    stdio: 'inherit',
    env: { ...process.env, BENCH_OUT: out, BENCH_PACKAGE: snapshot },
  })
  if (child.status !== 0 || !existsSync(out)) {
    failed.push(name)
    console.error(`bench: ${name} failed (exit ${child.status ?? child.signal})`)
    continue
  }
  for (const result of JSON.parse(readFileSync(out, 'utf8')))
    results.push({ ...result, seconds: (Date.now() - started) / 1000 })
  console.log('')
}
rmSync(scratch, { recursive: true, force: true })

const targets = results.flatMap((r) => (r.targets ?? []).map((t) => ({ bench: r.id, ...t })))
console.log(quick ? '## Targets (quick mode: one brief round, these numbers mean nothing)' : '## Targets')
for (const t of targets) {
  const digits = t.unit ? 0 : 2
  const state = t.met === null ? 'n/a   ' : t.met ? 'met   ' : 'MISSED'
  console.log(`   ${state} ${t.name}: ${t.value?.toFixed(digits)} (limit ${t.limit?.toFixed(digits)})`)
}
if (failed.length > 0) console.log(`   failed to run: ${failed.join(', ')}`)

const document = {
  date: startedAt.toISOString(),
  node: process.version,
  v8: process.versions.v8,
  os: `${process.platform} ${release()} ${process.arch}`,
  cpu: `${cpus()[0]?.model.trim() ?? 'unknown'} (${cpus().length} cores)`,
  load: [loadBefore, loadavg()[0]].map((l) => Math.round(l * 10) / 10),
  commit: dirty ? `${gitCommit} with uncommitted changes to the build` : gitCommit,
  quick,
  results,
}
// Only a full run of every bench replaces results.json: the README's table is one run.
const complete = !quick && selected.length === BENCHES.length && failed.length === 0
const path = process.env.BENCH_RESULTS ?? (complete ? join(here, 'results.json') : undefined)
if (path) {
  // Four significant digits are more than the noise allows; the repository's formatter lays it out.
  const round = (_, v) => (typeof v === 'number' && !Number.isInteger(v) ? Number(v.toPrecision(4)) : v)
  writeFileSync(path, `${JSON.stringify(document, round, 2)}\n`)
  try {
    execFileSync(join(here, '../node_modules/.bin/biome'), ['format', '--write', path], { stdio: 'ignore' })
  } catch {
    // Not formatted: harmless.
  }
  console.log(`\nwrote ${path}`)
}
process.exit(failed.length > 0 ? 1 : 0)
