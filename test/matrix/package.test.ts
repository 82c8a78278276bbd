// Package correctness, as the tools that users and registries trust check it: publint (strict:
// warnings fail too) and Are The Types Wrong (every resolution mode of the packed tarball).
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CELL_TIMEOUT, pack, ROOT, removeDir, run, tempDir } from './helpers.js'

let work: string
let tarball: string

beforeAll(async () => {
  work = tempDir('package')
  tarball = await pack(work)
}, CELL_TIMEOUT)

afterAll(() => removeDir(work))

describe('package correctness', () => {
  it(
    'publint --strict finds nothing',
    async () => {
      const result = await run(process.execPath, [join(ROOT, 'node_modules/publint/src/cli.js'), '--strict', tarball])
      expect(result.code, result.stdout + result.stderr).toBe(0)
      expect(result.stdout).toContain('All good!')
    },
    CELL_TIMEOUT,
  )

  it(
    'attw: the types of every entry resolve in node10, node16 (from ESM and from CJS) and bundler',
    async () => {
      const attw = join(ROOT, 'node_modules/@arethetypeswrong/cli/dist/index.js')
      const result = await run(process.execPath, [attw, tarball, '--format', 'json'])
      expect(result.code, result.stdout + result.stderr).toBe(0)
      const report = JSON.parse(result.stdout) as {
        problems?: unknown[] | Record<string, unknown>
        analysis: {
          entrypoints: Record<string, { resolutions: Record<string, { resolution?: { isTypeScript?: boolean } }> }>
        }
      }
      expect(Object.keys(report.problems ?? {})).toEqual([])
      expect(Object.keys(report.analysis.entrypoints)).toEqual(
        expect.arrayContaining(['.', './endpoints', './messages']),
      )
      for (const entry of ['.', './endpoints', './messages']) {
        const modes = report.analysis.entrypoints[entry]!.resolutions
        expect(Object.keys(modes).sort()).toEqual(['bundler', 'node10', 'node16-cjs', 'node16-esm'])
        for (const mode of Object.values(modes)) expect(mode.resolution?.isTypeScript).toBe(true)
      }
    },
    CELL_TIMEOUT,
  )
})
