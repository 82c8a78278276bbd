// The `pre` step of `npm test` and `npm run demo`: installs the dependencies (npm ci) when
// node_modules is missing or older than package-lock.json, so that both work as the first command
// typed in a fresh clone. It uses nothing but Node, since it runs before anything is installed.
//
//   node scripts/ensure-deps.mjs [--dry-run] [--root DIR]
//
// --dry-run says what it would do and installs nothing; --root checks another folder (default:
// the repository this script is in). Prints nothing when node_modules is up to date.
import { spawnSync } from 'node:child_process'
import { lstatSync, realpathSync, statSync } from 'node:fs'
import { basename, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The install command, as printed and as run. */
export const INSTALL = ['npm', 'ci', '--no-audit', '--no-fund']

/** The modification time of a path in ms, or undefined when it does not exist. */
function mtime(path) {
  try {
    return statSync(path).mtimeMs
  } catch {
    return undefined
  }
}

/**
 * What a package manager writes into node_modules at the end of a finished install: npm's own copy
 * of the lockfile first; pnpm's and yarn's records, so that their installs are not replaced by npm's.
 */
const RECORDS = ['.package-lock.json', '.modules.yaml', '.yarn-integrity', '.yarn-state.yml']

/**
 * Why `root` needs an install, in a few words, or undefined when it does not (never for a
 * node_modules that is a symbolic link). node_modules counts as installed when an install finished
 * writing it: npm keeps its own copy of the lockfile there (node_modules/.package-lock.json),
 * written at the end of every install. Without that record the folder is what an install stopped
 * part way left (Ctrl-C during the first `npm ci` leaves some packages and no record), not an install.
 */
export function whyInstall(root) {
  const lock = mtime(join(root, 'package-lock.json'))
  const modules = mtime(join(root, 'node_modules'))
  if (modules === undefined) return 'node_modules is missing'
  // A link (a worktree sharing another checkout's install) is that checkout's to keep up to date:
  // npm ci here would empty the folder it points to, under every other checkout that uses it.
  if (lstatSync(join(root, 'node_modules')).isSymbolicLink()) return undefined
  const installed = RECORDS.map((name) => mtime(join(root, 'node_modules', name))).find((time) => time !== undefined)
  if (installed === undefined) return 'node_modules is incomplete (no install finished writing it)'
  if (lock !== undefined && installed < lock) return 'node_modules is older than package-lock.json'
  return undefined
}

/**
 * The command that installs: the npm that runs this script (`npm test` names its own CLI in
 * npm_execpath), so that it works when npm is not on PATH; else `npm` from PATH.
 */
function installCommand() {
  const cli = process.env.npm_execpath
  return cli && basename(cli) === 'npm-cli.js' ? [process.execPath, cli, ...INSTALL.slice(1)] : INSTALL
}

/** The command line; returns the exit code. */
function main(argv) {
  const dryRun = argv.includes('--dry-run')
  const at = argv.indexOf('--root')
  const root = at === -1 ? fileURLToPath(new URL('..', import.meta.url)) : resolve(argv[at + 1] ?? '.')
  const why = whyInstall(root)
  if (why === undefined) return 0
  console.log(`ensure-deps: ${why}, so installing the dependencies first: ${INSTALL.join(' ')}`)
  if (dryRun) return 0
  const [file, ...args] = installCommand()
  // A shell only for `npm` on Windows (npm.cmd): node's own path may hold spaces a shell would split.
  const shell = process.platform === 'win32' && file === INSTALL[0]
  const result = spawnSync(file, args, { cwd: root, stdio: 'inherit', shell })
  if (result.status === 0) return 0
  const reason =
    result.error?.code === 'ENOENT' ? 'npm is not on PATH' : (result.error?.message ?? `exit ${result.status}`)
  console.error(`ensure-deps: ${INSTALL.join(' ')} failed (${reason})`)
  return result.status || 1
}

/** Whether this file is the one node runs: compared as real paths (Node reports its own URL as one), so a path through a link counts. */
function isMain() {
  try {
    return realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)
  } catch {
    return false
  }
}

if (process.argv[1] && isMain()) {
  process.exitCode = main(process.argv.slice(2))
}
