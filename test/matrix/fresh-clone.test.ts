// The first command a newcomer types: a fresh clone of the repository (what is committed, without
// node_modules or dist/) runs `npm run demo`, which installs the dependencies first, builds the
// package and runs the demo app (then the demo again, on Node 18). It may download from the npm
// registry (npm ci), so it is bounded.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { ROOT, removeDir, run, runOk, runtimeBinary, tempDir } from './helpers.js'

/** npm ci of every dev dependency, the build and the demo, on a busy 2-core machine. */
const FRESH_CLONE_TIMEOUT = 420_000

let work: string
let clone: string

/** This environment without what the npm running this test tells its children (a nested npm must start afresh). */
function freshEnv(): NodeJS.ProcessEnv {
  // Packages npm has in its cache are taken from there without asking the registry again, as a
  // CI cache would; what is missing is still downloaded.
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', npm_config_prefer_offline: 'true' }
  for (const name of Object.keys(env)) {
    if (
      /^(npm_(?!config_cache$|config_registry$|config_userconfig$|config_prefer_offline$)|VITEST|NODE_OPTIONS$|FORCE_COLOR$)/i.test(
        name,
      )
    ) {
      delete env[name]
    }
  }
  return env
}

beforeAll(async () => {
  work = tempDir('fresh-clone')
  clone = join(work, 'clone')
  await runOk('git', ['clone', '--quiet', '--no-hardlinks', ROOT, clone])
}, 60_000)

// Removing a whole node_modules takes a while on a busy machine.
afterAll(() => removeDir(work), 120_000)

it(
  'a fresh clone without node_modules: npm run demo installs the dependencies, then runs the demo',
  async () => {
    expect(existsSync(join(clone, 'node_modules'))).toBe(false)
    expect(existsSync(join(clone, 'dist'))).toBe(false)
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'
    const result = await run(npm, ['run', 'demo'], { cwd: clone, env: freshEnv(), timeoutMs: FRESH_CLONE_TIMEOUT })
    const output = `${result.stdout}\n--- stderr\n${result.stderr}`
    expect(result.code, output).toBe(0)
    expect(result.stdout).toContain(
      'ensure-deps: node_modules is missing, so installing the dependencies first: npm ci --no-audit --no-fund',
    )
    expect(result.stdout).toContain('Building the package first')
    expect(result.stdout).toMatch(/user sees/)
    expect(existsSync(join(clone, 'node_modules/.package-lock.json'))).toBe(true)
    // A second run finds the dependencies installed and says nothing of them.
    const again = await run(npm, ['run', 'demo'], { cwd: clone, env: freshEnv(), timeoutMs: 120_000 })
    expect(again.code, again.stderr).toBe(0)
    expect(again.stdout).not.toContain('ensure-deps:')
    // The README's way to try the package before it is published: npm pack builds and packs it
    // (the build's output comes first on stdout, then the JSON).
    const packed = await run(npm, ['pack', '--json', '--pack-destination', work], {
      cwd: clone,
      env: freshEnv(),
      timeoutMs: 120_000,
    })
    expect(packed.code, packed.stderr).toBe(0)
    const [info] = JSON.parse(packed.stdout.slice(packed.stdout.indexOf('[\n  {'))) as [
      { filename: string; files: { path: string }[] },
    ]
    expect(info.filename).toMatch(/^een-api-errors-\d+\.\d+\.\d+\.tgz$/)
    expect(info.files.map((file) => file.path)).toEqual(expect.arrayContaining(['dist/index.js', 'dist/cli.js']))
    // The demo itself on Node 18, the oldest Node the package supports.
    const node18 = await run(runtimeBinary('node18/bin/node'), ['examples/demo.mjs', '--no-build'], {
      cwd: clone,
      env: freshEnv(),
    })
    expect(node18.code, node18.stderr).toBe(0)
    expect(node18.stdout).toMatch(/user sees/)
  },
  FRESH_CLONE_TIMEOUT + 150_000,
)
