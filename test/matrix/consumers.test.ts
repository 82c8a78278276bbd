// The packed package installed into small consumer projects (test/consumers/): plain ESM and plain
// CommonJS run in Node 18, 20 and 22; TypeScript projects with moduleResolution node16, nodenext
// (as ES modules and as CommonJS) and bundler are type-checked and compiled by TypeScript 5.0 (the
// oldest supported), 5.9, 6.0 and 7 (the native compiler), and the output runs.
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  CELL_TIMEOUT,
  COMPILERS,
  CONSUMERS,
  installTarball,
  pack,
  pinnedRuntimeVersion,
  removeDir,
  run,
  runOk,
  runtimeBinary,
  tempDir,
} from './helpers.js'

const TS_FIXTURES = ['ts-node16-esm', 'ts-node16-cjs', 'ts-nodenext-esm', 'ts-nodenext-cjs', 'ts-bundler'] as const
const VERSIONS = Object.keys(COMPILERS) as (keyof typeof COMPILERS)[]

/** What test/consumers/ts/main.ts prints: proof that the narrowed code ran as typed. */
const TS_OUTPUT = [
  '402 Account is suspended',
  '429 retryable=true',
  '418 UNKNOWN known=false',
  'not an API error',
  'DEVICE_UNREACHABLE',
  'ACCOUNT_SUSPENDED',
  'Account is suspended',
  false,
  'Unable to communicate with the camera or bridge, contact support',
  'Je account is vergrendeld.',
  'Votre compte est suspendu. Contactez votre administrateur.',
]

/** What test/consumers/{esm,cjs}/main.js print: each loads its own build of the package. */
const JS_OUTPUT = {
  esm: {
    format: 'esm',
    build: 'dist/index.js',
    requestId: 'esm-1',
    endpoints: 'dist/endpoints.js',
    messages: 'dist/messages.js',
  },
  cjs: {
    format: 'cjs',
    build: 'dist/index.cjs',
    requestId: 'cjs-1',
    endpoints: 'dist/endpoints.cjs',
    messages: 'dist/messages.cjs',
  },
}

let root: string

beforeAll(async () => {
  // One install in a folder outside the repository; each fixture is a project inside it, so Node
  // and TypeScript find the package the way they find any installed dependency.
  root = tempDir('consumers')
  const tarball = await pack(root)
  await installTarball(root, tarball)
  for (const fixture of ['esm', 'cjs', ...TS_FIXTURES]) {
    cpSync(join(CONSUMERS, fixture), join(root, fixture), { recursive: true })
  }
  for (const fixture of TS_FIXTURES) {
    mkdirSync(join(root, fixture, 'src'))
    cpSync(join(CONSUMERS, 'ts/main.ts'), join(root, fixture, 'src/main.ts'))
  }
}, CELL_TIMEOUT)

afterAll(() => removeDir(root))

const NODES = {
  'Node 18': () => runtimeBinary('node18/bin/node'),
  'Node 20': () => runtimeBinary('node20/bin/node'),
  'Node 22': () => runtimeBinary('node22/bin/node'),
  'Node 24': () => runtimeBinary('node24/bin/node'),
  'Node 26': () => runtimeBinary('node26/bin/node'),
}

describe('plain JavaScript', () => {
  for (const format of ['esm', 'cjs'] as const) {
    for (const [name, node] of Object.entries(NODES)) {
      it.concurrent(
        `${format === 'esm' ? 'ESM (import)' : 'CommonJS (require)'} in ${name}`,
        async () => {
          const { stdout } = await runOk(node(), ['main.js'], { cwd: join(root, format) })
          const { format: actual, build, requestId, endpoints, messages } = JS_OUTPUT[format]
          expect(JSON.parse(stdout)).toEqual({
            format: actual,
            build,
            describe: 'Account is suspended',
            row: 'DEVICE_UNREACHABLE',
            retryable: [true, false],
            // The class is named ApiError in every build (loggers print err.constructor.name).
            error: [true, true, 'ACCOUNT_SUSPENDED', requestId, 'Account is suspended', 'ApiError', 'ApiError'],
            // The endpoints entry of the same format works with the main entry's ApiError.
            endpoint: [true, 'INFORMATION_NOT_VERIFIED', true, endpoints],
            // The messages entry of the same format: a catalog by locale, rendered by the main entry.
            messages: [
              true,
              'Je account is opgeschort. Neem contact op met je beheerder.',
              'Das ging etwas zu schnell. Warten Sie 3 Sekunden und versuchen Sie es dann erneut.',
              messages,
            ],
          })
        },
        CELL_TIMEOUT,
      )
    }
  }
})

describe('TypeScript consumers', () => {
  it('the compilers are the pinned versions', async () => {
    expect(pinnedRuntimeVersion('typescript-7')).toBe(COMPILERS['7.0'].version)
    for (const version of VERSIONS) {
      const { stdout } = await runOk(process.execPath, [COMPILERS[version].tsc, '--version'])
      expect(stdout.trim()).toBe(`Version ${COMPILERS[version].version}`)
    }
  })

  for (const fixture of TS_FIXTURES) {
    for (const version of VERSIONS) {
      it.concurrent(
        `${fixture} with TypeScript ${version}: type-checks, compiles and runs`,
        async () => {
          const cwd = join(root, fixture)
          const outDir = `out-${version}`
          await runOk(process.execPath, [COMPILERS[version].tsc, '-p', '.', '--outDir', outDir], { cwd })
          // The CommonJS fixtures must compile to require(), the others to import.
          const js = readFileSync(join(cwd, outDir, 'main.js'), 'utf8')
          expect(js).toMatch(fixture.endsWith('-cjs') ? /require\("een-api-errors"\)/ : /from 'een-api-errors'/)
          const { stdout } = await runOk(process.execPath, [join(outDir, 'main.js')], { cwd })
          expect(JSON.parse(stdout)).toEqual(TS_OUTPUT)
        },
        CELL_TIMEOUT,
      )
    }
  }

  // The check above can fail: drop one code from the switch and every compiler rejects the
  // `e satisfies never` in its default branch.
  for (const version of VERSIONS) {
    it.concurrent(
      `TypeScript ${version} rejects a switch that misses a code`,
      async () => {
        const cwd = join(root, `ts-nodenext-esm-missing-${version}`)
        cpSync(join(root, 'ts-nodenext-esm'), cwd, { recursive: true, filter: (src) => !/out-/.test(src) })
        const source = readFileSync(join(cwd, 'src/main.ts'), 'utf8')
        const broken = source.replace("    case 'GATEWAY_TIMEOUT': {", '    {')
        expect(broken).not.toBe(source)
        writeFileSync(join(cwd, 'src/main.ts'), broken)
        const result = await run(process.execPath, [COMPILERS[version].tsc, '-p', '.', '--noEmit'], { cwd })
        expect(result.code).not.toBe(0)
        // TS1360: "Type '…504…' does not satisfy the expected type 'never'", at the default branch.
        const line = broken.split('\n').findIndex((l) => l.includes('e satisfies never')) + 1
        expect(result.stdout).toMatch(
          new RegExp(`src/main\\.ts\\(${line},\\d+\\): error TS1360: .*(504|GATEWAY_TIMEOUT)`),
        )
      },
      CELL_TIMEOUT,
    )
  }
})
