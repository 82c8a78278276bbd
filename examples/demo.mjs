// The README's main command, `npm run demo`: builds the package when dist/ is missing or older
// than src/, compiles the example app (TypeScript, examples/een-client/) against the built package
// with esbuild into a temporary folder, and runs it. `--no-build` uses dist/ as it is.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { build } from 'esbuild'

const root = fileURLToPath(new URL('..', import.meta.url))
const dist = join(root, 'dist', 'index.js')

/** The newest modification time among the package's sources and build config. */
function newestSource() {
  const src = join(root, 'src')
  const files = readdirSync(src, { recursive: true }).map((name) => join(src, String(name)))
  return Math.max(...[...files, join(root, 'tsup.config.ts')].map((file) => statSync(file).mtimeMs))
}

if (process.argv.includes('--no-build')) {
  if (!existsSync(dist)) {
    console.error('dist/ is missing: run `npm run build` first, or `npm run demo` without --no-build.')
    process.exit(1)
  }
} else if (!existsSync(dist) || statSync(dist).mtimeMs < newestSource()) {
  console.log('Building the package first (npm run build)…\n')
  const tsup = join(root, 'node_modules', 'tsup', 'dist', 'cli-default.js')
  const result = spawnSync(process.execPath, [tsup, '--silent'], { cwd: root, stdio: 'inherit' })
  if (result.status !== 0) process.exit(result.status ?? 1)
}

const out = mkdtempSync(join(tmpdir(), 'een-api-errors-demo-'))
// `npm run demo | head` closes the pipe early: stop quietly, without a stack trace.
process.stdout.on('error', (error) => {
  if (error.code !== 'EPIPE') throw error
  rmSync(out, { recursive: true, force: true })
  process.exit(0)
})
try {
  await build({
    entryPoints: [join(root, 'examples', 'een-client', 'demo.ts')],
    outfile: join(out, 'demo.mjs'),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node18',
    logLevel: 'warning',
    plugins: [
      {
        // The example imports the library from src/ so that `tsc` checks it without a build; run it
        // against the built package instead, as an app would.
        name: 'use-the-built-package',
        setup(bundle) {
          bundle.onResolve({ filter: /^(\.\.\/)+src\/(endpoints\/)?index\.js$/ }, (args) => ({
            path: pathToFileURL(args.path.includes('endpoints') ? dist.replace(/index\.js$/, 'endpoints.js') : dist)
              .href,
            external: true,
          }))
          bundle.onResolve({ filter: /^(\.\.\/)+src\/messages\/all\.js$/ }, () => ({
            path: pathToFileURL(join(root, 'dist', 'messages.js')).href,
            external: true,
          }))
        },
      },
    ],
  })
  const { main } = await import(pathToFileURL(join(out, 'demo.mjs')).href)
  await main()
} finally {
  rmSync(out, { recursive: true, force: true })
}
