// The `pre` step of `npm test` and `npm run demo`: installs the dependencies (npm ci) when
// node_modules is missing or older than package-lock.json, so that both work as the first command
// typed in a fresh clone. It uses nothing but Node, since it runs before anything is installed.
//
//   node scripts/ensure-deps.mjs [--dry-run] [--root DIR]
//
// --dry-run says what it would do and installs nothing; --root checks another folder (default:
// the repository this script is in). Prints nothing when node_modules is up to date.
import { spawnSync } from 'node:child_process'
import { lstatSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
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
 * Why `root` needs an install, in a few words, or undefined when it does not (never for a
 * node_modules that is a symbolic link). node_modules counts
 * as installed when npm ci last wrote it: npm keeps its own copy of the lockfile there
 * (node_modules/.package-lock.json), written at the end of every install.
 */
export function whyInstall(root) {
  const lock = mtime(join(root, 'package-lock.json'))
  const modules = mtime(join(root, 'node_modules'))
  if (modules === undefined) return 'node_modules is missing'
  // A link (a worktree sharing another checkout's install) is that checkout's to keep up to date:
  // npm ci here would empty the folder it points to, under every other checkout that uses it.
  if (lstatSync(join(root, 'node_modules')).isSymbolicLink()) return undefined
  const installed = mtime(join(root, 'node_modules', '.package-lock.json')) ?? modules
  if (lock !== undefined && installed < lock) return 'node_modules is older than package-lock.json'
  return undefined
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
  const [file, ...args] = INSTALL
  const result = spawnSync(file, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' })
  if (result.status === 0) return 0
  console.error(`ensure-deps: ${INSTALL.join(' ')} failed (${result.error?.message ?? `exit ${result.status}`})`)
  return result.status || 1
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2))
}
