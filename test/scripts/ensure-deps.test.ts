// The `pre` step of `npm test` and `npm run demo` (scripts/ensure-deps.mjs): it installs exactly
// when node_modules is missing, incomplete or older than package-lock.json. Checked on throwaway projects with
// --dry-run, and once for real on a project whose only dependency is a local folder (no registry).
import { spawnSync } from 'node:child_process'
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const SCRIPT = join(ROOT, 'scripts/ensure-deps.mjs')
const INSTALL_LINE = 'so installing the dependencies first: npm ci --no-audit --no-fund'

let project: string

beforeEach(() => {
  project = mkdtempSync(join(tmpdir(), 'een-ensure-deps-'))
  writeFileSync(join(project, 'package-lock.json'), '{}')
})

afterEach(() => rmSync(project, { recursive: true, force: true }))

/** Runs the script on the project; `--dry-run` unless `install` is true. */
function ensure(install = false) {
  const args = [SCRIPT, '--root', project, ...(install ? [] : ['--dry-run'])]
  const child = spawnSync(process.execPath, args, { encoding: 'utf8', timeout: 60_000 })
  return { code: child.status, stdout: child.stdout, stderr: child.stderr }
}

/** Sets a path's modification time, in seconds from now (negative: in the past). */
function age(path: string, secondsFromNow: number) {
  const when = new Date(Date.now() + secondsFromNow * 1000)
  utimesSync(path, when, when)
}

describe('when it installs (dry run)', () => {
  it('node_modules missing: says so in one line, exit 0, and installs nothing in a dry run', () => {
    expect(ensure()).toEqual({ code: 0, stdout: `ensure-deps: node_modules is missing, ${INSTALL_LINE}\n`, stderr: '' })
    expect(existsSync(join(project, 'node_modules'))).toBe(false)
  })

  it('node_modules older than package-lock.json (by what npm last wrote into it): says so', () => {
    mkdirSync(join(project, 'node_modules'))
    writeFileSync(join(project, 'node_modules/.package-lock.json'), '{}')
    age(join(project, 'node_modules/.package-lock.json'), -60)
    age(join(project, 'package-lock.json'), -10)
    expect(ensure().stdout).toBe(`ensure-deps: node_modules is older than package-lock.json, ${INSTALL_LINE}\n`)
  })

  it('node_modules newer than package-lock.json: prints nothing', () => {
    mkdirSync(join(project, 'node_modules'))
    writeFileSync(join(project, 'node_modules/.package-lock.json'), '{}')
    age(join(project, 'package-lock.json'), -60)
    expect(ensure()).toEqual({ code: 0, stdout: '', stderr: '' })
  })

  it('a node_modules no install finished writing (Ctrl-C during the first npm ci: some packages, no record) installs, however new', () => {
    mkdirSync(join(project, 'node_modules/dep'), { recursive: true })
    age(join(project, 'package-lock.json'), -60)
    expect(ensure().stdout).toBe(
      `ensure-deps: node_modules is incomplete (no install finished writing it), ${INSTALL_LINE}\n`,
    )
  })

  it('a node_modules that pnpm or yarn installed is theirs: their record counts as npm’s does', () => {
    mkdirSync(join(project, 'node_modules'))
    writeFileSync(join(project, 'node_modules/.modules.yaml'), '')
    age(join(project, 'package-lock.json'), -60)
    expect(ensure().stdout).toBe('')
    age(join(project, 'node_modules/.modules.yaml'), -120)
    expect(ensure().stdout).toContain('node_modules is older than package-lock.json')
  })

  it('run through a path with a symbolic link in it, it still runs (Node names itself by its real path)', () => {
    const link = join(project, 'link')
    symlinkSync(join(ROOT, 'scripts'), link, 'dir')
    const child = spawnSync(process.execPath, [join(link, 'ensure-deps.mjs'), '--root', project, '--dry-run'], {
      encoding: 'utf8',
    })
    expect(child.stdout).toBe(`ensure-deps: node_modules is missing, ${INSTALL_LINE}\n`)
  })

  it('the record wins over the folder: a fresh folder with an old record still installs', () => {
    mkdirSync(join(project, 'node_modules'))
    writeFileSync(join(project, 'node_modules/.package-lock.json'), '{}')
    age(join(project, 'node_modules/.package-lock.json'), -60)
    age(join(project, 'package-lock.json'), -10)
    age(join(project, 'node_modules'), 0)
    expect(ensure().stdout).toContain('node_modules is older than package-lock.json')
  })

  it('a node_modules that is a symbolic link (a worktree sharing a clone’s install) is never reinstalled: npm ci would empty the folder it points to', () => {
    const shared = mkdtempSync(join(tmpdir(), 'een-ensure-deps-shared-'))
    try {
      writeFileSync(join(shared, '.package-lock.json'), '{}')
      writeFileSync(join(shared, 'kept.txt'), 'the other checkout’s install')
      age(join(shared, '.package-lock.json'), -60)
      age(shared, -60)
      symlinkSync(shared, join(project, 'node_modules'), 'dir')
      // A fresh checkout (git worktree add) writes package-lock.json now: newer than the shared install.
      age(join(project, 'package-lock.json'), 0)
      expect(ensure()).toEqual({ code: 0, stdout: '', stderr: '' })
      expect(readdirSync(shared).sort()).toEqual(['.package-lock.json', 'kept.txt'])
    } finally {
      rmSync(shared, { recursive: true, force: true })
    }
  })
})

describe('installing', () => {
  it('runs npm ci in the project, after which it has nothing to do', () => {
    // One dependency, a folder of the project: npm ci links it without the registry.
    mkdirSync(join(project, 'dep'))
    writeFileSync(join(project, 'dep/package.json'), JSON.stringify({ name: 'dep', version: '1.0.0' }))
    const manifest = { name: 'p', version: '1.0.0', dependencies: { dep: 'file:dep' } }
    writeFileSync(join(project, 'package.json'), JSON.stringify(manifest))
    const lock = {
      name: 'p',
      version: '1.0.0',
      lockfileVersion: 3,
      requires: true,
      packages: {
        '': manifest,
        dep: { version: '1.0.0' },
        'node_modules/dep': { resolved: 'dep', link: true },
      },
    }
    writeFileSync(join(project, 'package-lock.json'), JSON.stringify(lock))
    const first = ensure(true)
    expect(first.code, first.stderr).toBe(0)
    expect(first.stdout).toContain(`ensure-deps: node_modules is missing, ${INSTALL_LINE}\n`)
    expect(JSON.parse(readFileSync(join(project, 'node_modules/dep/package.json'), 'utf8')).name).toBe('dep')
    expect(ensure(true)).toEqual({ code: 0, stdout: '', stderr: '' })
  })

  it('without npm on PATH, it runs the npm that started it (npm test names it in npm_execpath)', () => {
    // A stand-in for npm's CLI: it records what it was asked and exits 0.
    const cli = join(project, 'bin/npm-cli.js')
    mkdirSync(join(project, 'bin'))
    writeFileSync(cli, "require('node:fs').writeFileSync('ran.json', JSON.stringify(process.argv.slice(2)))")
    const env = { npm_execpath: cli, PATH: join(project, 'no-such-folder') }
    const child = spawnSync(process.execPath, [SCRIPT, '--root', project], { encoding: 'utf8', env })
    expect(child.status, child.stderr).toBe(0)
    expect(JSON.parse(readFileSync(join(project, 'ran.json'), 'utf8'))).toEqual(['ci', '--no-audit', '--no-fund'])
  })

  it('without npm anywhere, fails naming that npm is not on PATH', () => {
    const env = { PATH: join(project, 'no-such-folder') }
    const child = spawnSync(process.execPath, [SCRIPT, '--root', project], { encoding: 'utf8', env })
    expect(child.status).toBe(1)
    expect(child.stderr).toBe('ensure-deps: npm ci --no-audit --no-fund failed (npm is not on PATH)\n')
  })

  it('a failing npm ci fails the step with its exit code and one line saying what failed', () => {
    writeFileSync(
      join(project, 'package.json'),
      JSON.stringify({ name: 'p', version: '1.0.0', dependencies: { x: '1' } }),
    )
    const failed = ensure(true)
    expect(failed.code).not.toBe(0)
    expect(failed.stderr).toMatch(/^ensure-deps: npm ci --no-audit --no-fund failed \(exit \d+\)$/m)
  })
})

describe('wiring', () => {
  const { scripts } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>
  }

  it('npm test, npm run demo and npm run test:matrix run it first, as their pre step', () => {
    for (const name of ['test', 'demo', 'test:matrix'])
      expect(scripts[`pre${name}`]).toBe('node scripts/ensure-deps.mjs')
  })

  it('npm pack (the README’s way to try the package before it is published) installs if needed and builds first', () => {
    expect(scripts.prepack).toBe('node scripts/ensure-deps.mjs && npm run build')
  })

  it('npm test needs no runtime download and no browser: the support matrix is npm run test:matrix alone', () => {
    expect(scripts.test).not.toMatch(/matrix/)
    expect(scripts['test:unit']).not.toMatch(/matrix/)
    const config = readFileSync(join(ROOT, 'vitest.config.ts'), 'utf8')
    expect(config).toContain("exclude: [...configDefaults.exclude, 'test/matrix/**']")
    expect(scripts['test:matrix']).toContain('matrix:install')
    expect(scripts['test:matrix']).toContain('vitest.matrix.config.ts')
    // CI runs both, the matrix after npm test.
    const ci = readFileSync(join(ROOT, '.ci/run'), 'utf8')
    expect(ci.indexOf('npm run test:matrix')).toBeGreaterThan(ci.indexOf('npm test\n'))
  })
})
