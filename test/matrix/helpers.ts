// Shared by the matrix tests: pack the package as a user would get it, install it into throwaway
// projects outside the repository, find the runtime binaries, and serve the API fixture on loopback.
import { execFile } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'

/** The repository root. */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
/** The fixtures copied into the throwaway projects. */
export const CONSUMERS = join(ROOT, 'test/consumers')
/** The runtimes project (node 18/20/22, bun, deno, workerd, TypeScript 7), kept apart from the root install. */
export const RUNTIMES = join(ROOT, 'test/matrix/runtimes')

/** Generous limit for one matrix cell: a 2-core machine may be running the unit tests beside it. */
export const CELL_TIMEOUT = 180_000

export interface Run {
  code: number | null
  stdout: string
  stderr: string
}

/** Runs a program to completion (bounded by `timeoutMs`) and returns its exit code and output. */
export function run(
  file: string,
  args: readonly string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {},
): Promise<Run> {
  return new Promise((done) => {
    execFile(
      file,
      args,
      {
        cwd: options.cwd ?? ROOT,
        env: options.env ?? process.env,
        timeout: options.timeoutMs ?? 120_000,
        maxBuffer: 32 * 1024 * 1024,
        killSignal: 'SIGKILL',
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : null) : 0
        done({ code, stdout: String(stdout), stderr: String(stderr) })
      },
    )
  })
}

/** Like {@link run}, but throws with the whole output when the exit code is not 0. */
export async function runOk(
  file: string,
  args: readonly string[],
  options: Parameters<typeof run>[2] = {},
): Promise<Run> {
  const result = await run(file, args, options)
  if (result.code !== 0) {
    throw new Error(
      `${file} ${args.join(' ')} exited ${result.code}\n--- stdout\n${result.stdout}\n--- stderr\n${result.stderr}`,
    )
  }
  return result
}

/** A fresh directory under the system temp folder, outside the repository (so nothing resolves to its node_modules). */
export function tempDir(label: string): string {
  return mkdtempSync(join(tmpdir(), `een-matrix-${label}-`))
}

/** Removes a directory made by {@link tempDir}. */
export function removeDir(dir: string | undefined): void {
  if (dir) rmSync(dir, { recursive: true, force: true })
}

/**
 * Packs the package with `npm pack` into `dest` and returns the tarball's path. The tarball is
 * what a user installs, so the matrix tests only ever see what `files` and `exports` publish.
 */
export async function pack(dest: string): Promise<string> {
  if (!existsSync(join(ROOT, 'dist/index.js'))) throw new Error('dist/ is missing: run `npm run build` first')
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'
  const { stdout } = await runOk(npm, ['pack', '--json', '--ignore-scripts', '--pack-destination', dest])
  const [info] = JSON.parse(stdout) as [{ filename: string }]
  return join(dest, info.filename)
}

/**
 * Makes a throwaway project in `dir` (a package.json with the given fields) and installs the
 * tarball into it with npm, offline: the package has no runtime dependencies, so nothing is
 * downloaded. Returns the installed package's folder.
 */
export async function installTarball(dir: string, tarball: string, fields: Record<string, unknown> = {}) {
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'matrix-consumer', private: true, ...fields }))
  await runOk(
    'npm',
    ['install', tarball, '--no-save', '--no-package-lock', '--offline', '--ignore-scripts', '--no-audit', '--no-fund'],
    { cwd: dir },
  )
  return join(dir, 'node_modules/een-api-errors')
}

/** The versions pinned in the runtimes project's lockfile, by dependency name. */
export function pinnedRuntimeVersion(name: string): string {
  const lock = JSON.parse(readFileSync(join(RUNTIMES, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, { version?: string }>
  }
  const version = lock.packages[`node_modules/${name}`]?.version
  if (!version) throw new Error(`${name} is not in test/matrix/runtimes/package-lock.json`)
  return version
}

/** Path of a binary inside the runtimes project; throws with the fix when it is not installed. */
export function runtimeBinary(relative: string): string {
  const path = join(RUNTIMES, 'node_modules', relative)
  if (!existsSync(path)) {
    const runtime = relative.split('/bin/')[0]!.split('/')[0]
    throw new Error(
      `the runtime ${runtime} is missing (${path}): run \`npm run matrix:install\` (npm ci in test/matrix/runtimes)`,
    )
  }
  return path
}

/** The TypeScript compilers of the matrix: the oldest supported (5.0) up to the native compiler (7). */
export const COMPILERS = {
  '5.0': { tsc: join(ROOT, 'node_modules/typescript-5.0/bin/tsc'), version: '5.0.4' },
  '5.9': { tsc: join(ROOT, 'node_modules/typescript-5.9/bin/tsc'), version: '5.9.3' },
  '6.0': { tsc: join(ROOT, 'node_modules/typescript/bin/tsc'), version: '6.0.3' },
  '7.0': { tsc: join(RUNTIMES, 'node_modules/typescript-7/bin/tsc'), version: '7.0.2' },
} as const

/** One response of the fixture API: what the Eagle Eye Networks API sends back, on loopback. */
const ROUTES: Record<string, { status: number; headers: Record<string, string>; body: string | Buffer }> = {
  '/api/too-many': {
    status: 429,
    headers: { 'content-type': 'application/json', 'retry-after': '7', 'x-request-id': 'req-123' },
    body: JSON.stringify({ status_code: 429, message: 'Slow down', reason: 'RateLimited', data: {} }),
  },
  // JSON cut short: kept as text, never thrown.
  '/api/malformed': {
    status: 502,
    headers: { 'content-type': 'application/json' },
    body: '{"status_code": 502, "message": "Bad Gat',
  },
  // The API's 301: "Item has been moved, please follow redirect".
  '/api/moved': { status: 301, headers: { location: '/api/too-many' }, body: '' },
  // 200 KB of JSON gzipped to a few hundred bytes: fetch decodes it, and the byte cap counts what it decoded.
  '/api/gzip': {
    status: 500,
    headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
    body: gzipSync(JSON.stringify({ status_code: 500, message: 'Internal Error', data: 'x'.repeat(200_000) })),
  },
  // The server echoes the key the client sent in the query.
  '/api/echo': {
    status: 401,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ status_code: 401, message: 'Invalid key c0ffee-secret-key', reason: 'InvalidKey' }),
  },
}

export interface FixtureServer {
  server: Server
  url: string
  close(): Promise<void>
}

/**
 * Starts the fixture API on 127.0.0.1 (port 0): the routes above, plus `files`, a map of URL path
 * to a function giving a file's body and type (the browser page and the package it imports).
 */
export async function startServer(
  files: (path: string) => { body: Buffer | string; type: string } | undefined = () => undefined,
): Promise<FixtureServer> {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname
    const route = ROUTES[path]
    if (route) {
      res.writeHead(route.status, route.headers)
      res.end(route.body)
      return
    }
    const file = files(path)
    if (file) {
      res.writeHead(200, { 'content-type': file.type, 'cache-control': 'no-store' })
      res.end(file.body)
      return
    }
    res.writeHead(404, { 'content-type': 'text/plain' })
    res.end('not found')
  })
  server.keepAliveTimeout = 1_000
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready))
  const { port } = server.address() as AddressInfo
  return {
    server,
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((closed) => {
        server.closeAllConnections()
        server.close(() => closed())
      }),
  }
}

/** The JSON line that test/consumers/runtime/*.mjs prints on success, parsed. */
export function parseReport(output: string): { ok: boolean; runtime: string; checks: string[] } {
  const line = output
    .trim()
    .split('\n')
    .reverse()
    .find((l) => l.startsWith('{"ok":'))
  if (!line) throw new Error(`no report in the output:\n${output}`)
  return JSON.parse(line)
}
