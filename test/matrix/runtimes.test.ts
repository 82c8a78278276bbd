// The packed package, installed as a user installs it, imported and exercised in every runtime we
// support: Node 18, 20, 22, 24 and 26, Bun, Deno, workerd and headless Chromium. Each runs the same checks
// (test/consumers/runtime/exercise.js) against the fixture API on 127.0.0.1, with two copies of
// the package loaded in one process. On Node 22, the newest ky and got (which need it) meet
// ApiError.from against a server that echoes their secrets (test/consumers/runtime/newest-clients.mjs).
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { extname, join, normalize } from 'node:path'
import { chromium } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { LOGGED_SECRET } from '../consumers/runtime/exercise.js'
import {
  CELL_TIMEOUT,
  CONSUMERS,
  type FixtureServer,
  installTarball,
  pack,
  parseReport,
  pinnedRuntimeVersion,
  removeDir,
  run,
  runOk,
  runtimeBinary,
  startServer,
  tempDir,
} from './helpers.js'

const CHROMIUM = '/usr/bin/chromium'
const MIME: Record<string, string> = { '.js': 'text/javascript', '.html': 'text/html', '.json': 'application/json' }

let work: string
let project: string
let installed: string
let api: FixtureServer

/** The page, the shared checks and the installed package (twice, under /pkg/ and /copy/), for the browser. */
function pageFile(path: string) {
  if (path === '/index.html') return { body: readFileSync(join(project, 'browser.html')), type: MIME['.html']! }
  if (path === '/exercise.js') return { body: readFileSync(join(project, 'exercise.js')), type: MIME['.js']! }
  const match = /^\/(pkg|copy)(\/.+)$/.exec(path)
  if (!match) return undefined
  const file = normalize(join(installed, match[2]!))
  if (!file.startsWith(`${installed}/`) || !existsSync(file)) return undefined
  return { body: readFileSync(file), type: MIME[extname(file)] ?? 'application/octet-stream' }
}

beforeAll(async () => {
  work = tempDir('runtimes')
  const tarball = await pack(work)
  project = join(work, 'project')
  mkdirSync(project)
  installed = await installTarball(project, tarball, { type: 'module' })
  cpSync(join(CONSUMERS, 'runtime'), project, { recursive: true })
  api = await startServer(pageFile)
}, CELL_TIMEOUT)

afterAll(async () => {
  await api?.close()
  removeDir(work)
})

/** What the runtime's console printed of logError's error (exercise.js): the error, and none of the request's secret. */
function expectLoggedSafely(printed: string) {
  expect(printed).toContain('ApiError: 401 UNAUTHORIZED')
  expect(printed).not.toContain(LOGGED_SECRET)
}

/** Runs test/consumers/runtime/server-side.mjs in a runtime and returns its report. */
async function serverSide(binary: string, args: string[], env: NodeJS.ProcessEnv = process.env) {
  const { stdout, stderr } = await runOk(binary, [...args, 'server-side.mjs', api.url], { cwd: project, env })
  expectLoggedSafely(`${stdout}\n${stderr}`)
  const report = parseReport(stdout)
  expect(report.ok).toBe(true)
  expect(report.checks.length).toBeGreaterThanOrEqual(24)
  return report
}

describe('server-side runtimes', () => {
  // Every Node line users run: the oldest the package supports to the newest release.
  for (const node of ['node18', 'node20', 'node22', 'node24', 'node26'] as const) {
    it.concurrent(
      `Node ${node.slice(4)}`,
      async () => {
        const report = await serverSide(runtimeBinary(`${node}/bin/node`), [])
        expect(report.runtime).toBe(`node ${pinnedRuntimeVersion(node)}`)
      },
      CELL_TIMEOUT,
    )
  }

  it.concurrent(
    'Bun',
    async () => {
      const report = await serverSide(runtimeBinary('@oven/bun-linux-x64/bin/bun'), ['run'], {
        ...process.env,
        BUN_INSTALL_CACHE_DIR: join(work, 'bun-cache'),
        DO_NOT_TRACK: '1',
      })
      expect(report.runtime).toBe(`bun ${pinnedRuntimeVersion('@oven/bun-linux-x64')}`)
    },
    CELL_TIMEOUT,
  )

  it.concurrent(
    'Deno',
    async () => {
      // The project's package.json and node_modules are used as they are (no registry, no lockfile).
      const report = await serverSide(
        runtimeBinary('@deno/linux-x64-glibc/deno'),
        ['run', '--no-lock', '--node-modules-dir=manual', '--allow-net=127.0.0.1', '--allow-read', '--allow-env'],
        { ...process.env, DENO_DIR: join(work, 'deno-dir'), DENO_NO_UPDATE_CHECK: '1', NO_COLOR: '1' },
      )
      expect(report.runtime).toBe(`deno ${pinnedRuntimeVersion('@deno/linux-x64-glibc')}`)
    },
    CELL_TIMEOUT,
  )
})

describe('the newest clients', () => {
  it.concurrent(
    "ky 2 and got 16 (which need Node 22): ApiError.from reads their errors, fromResponse reads ky's, and no secret the server echoes survives",
    async () => {
      const node22 = runtimeBinary('node22/bin/node')
      const ky = runtimeBinary('ky2/distribution/index.js')
      const got = runtimeBinary('got16/dist/source/index.js')
      const { stdout } = await runOk(node22, ['newest-clients.mjs', ky, got], { cwd: project })
      const { reports } = JSON.parse(stdout) as { reports: Record<string, unknown>[] }
      expect(reports.map((r) => r.client)).toEqual(['ky', 'ky, fromResponse', 'got'])
      for (const report of reports) {
        expect(report, String(report.client)).toEqual({
          client: report.client,
          thrownName: 'HTTPError',
          code: 'ACCOUNT_SUSPENDED',
          status: 402,
          requestId: 'req-newest',
          retryAfterMs: 7000,
          reason: 'AccountSuspended',
          keptNeighbours: true,
          leaked: [],
          causeIsPlain: true,
          unredactedIsThrown: true,
        })
      }
    },
    CELL_TIMEOUT,
  )
})

describe('the command line', () => {
  it.concurrent(
    'the installed bin prints on Node 18 (the oldest supported) what it prints on this Node',
    async () => {
      const cli = join(installed, 'dist/cli.js')
      const node18 = runtimeBinary('node18/bin/node')
      const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' }
      delete env.FORCE_COLOR
      const { version } = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')) as { version: string }
      expect((await run(node18, [cli, '--version'], { env })).stdout).toBe(`${version}\n`)
      for (const args of [['list', '--json'], ['--json', '463'], ['418'], ['418', '--json'], ['abc']]) {
        const old = await run(node18, [cli, ...args], { env })
        expect(old, args.join(' ')).toEqual(await run(process.execPath, [cli, ...args], { env }))
        expect(old.stdout + old.stderr, args.join(' ')).not.toBe('')
      }
    },
    CELL_TIMEOUT,
  )
})

describe('edge and browser', () => {
  it(
    'workerd (Cloudflare Workers), without nodejs_compat',
    async () => {
      // Every ES file of the build under its path (so chunks resolve), the package's name as a shim
      // over its entry, and the CJS build as a second copy.
      const dist = join(installed, 'dist')
      const esFiles = readdirSync(dist).filter((f) => f.endsWith('.js'))
      const modules = [
        '(name = "worker", esModule = embed "worker.mjs")',
        '(name = "exercise.js", esModule = embed "exercise.js")',
        '(name = "een-api-errors", esModule = "export * from \'een-api-errors/dist/index.js\'")',
        ...esFiles.map(
          (f) => `(name = "een-api-errors/dist/${f}", esModule = embed "node_modules/een-api-errors/dist/${f}")`,
        ),
        '(name = "een-api-errors-cjs", commonJsModule = embed "node_modules/een-api-errors/dist/index.cjs")',
      ]
      const config = `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [
    (name = "main", worker = .worker),
    # The default outbound service, allowed to reach the fixture API on loopback.
    (name = "internet", network = (allow = ["local"])),
  ],
);
const worker :Workerd.Worker = (
  modules = [
    ${modules.join(',\n    ')},
  ],
  bindings = [
    (name = "BASE_URL", text = "${api.url}"),
  ],
  compatibilityDate = "2026-11-01",
);
`
      writeFileSync(join(project, 'workerd.capnp'), config)
      const workerd = runtimeBinary('@cloudflare/workerd-linux-64/bin/workerd')
      const version = await runOk(workerd, ['--version'])
      expect(version.stdout.trim()).toMatch(/^workerd 2026-11-17$/)
      const result = await run(workerd, ['test', 'workerd.capnp'], { cwd: project })
      const output = `${result.stdout}\n${result.stderr}`
      expect(result.code, output).toBe(0)
      expect(output).toContain('[ PASS ] main')
      expectLoggedSafely(output)
      const report = parseReport(result.stdout)
      expect(report.runtime).toBe('workerd')
      expect(report.checks.length).toBeGreaterThanOrEqual(24)
    },
    CELL_TIMEOUT,
  )

  it(
    "headless Chromium (Debian's, through playwright-core)",
    async () => {
      if (!existsSync(CHROMIUM)) throw new Error(`Chromium is missing (${CHROMIUM}): apt-get install -y chromium`)
      // Never a downloaded browser: the system's, with its background networking off.
      const context = await chromium.launchPersistentContext(join(work, 'chromium-profile'), {
        executablePath: CHROMIUM,
        headless: true,
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-quic',
          '--no-first-run',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
        ],
      })
      try {
        const page = await context.newPage()
        const errors: string[] = []
        const logged: string[] = []
        page.on('pageerror', (error) => errors.push(String(error)))
        page.on('console', (message) => logged.push(message.text()))
        await page.goto(`${api.url}/index.html`)
        await page.waitForFunction(() => 'report' in window, undefined, { timeout: 30_000 })
        const report = await page.evaluate(
          () => (window as unknown as { report: Promise<{ ok: boolean; checks?: string[]; error?: string }> }).report,
        )
        expect(errors).toEqual([])
        expect(report.error).toBeUndefined()
        expectLoggedSafely(logged.join('\n'))
        expect(report.ok).toBe(true)
        expect(report.checks!.length).toBeGreaterThanOrEqual(24)
        expect(context.browser()?.version() ?? (await page.evaluate(() => navigator.userAgent))).toMatch(
          /HeadlessChrome|^\d+\./,
        )
      } finally {
        await context.close()
      }
    },
    CELL_TIMEOUT,
  )
})
