// The catalog generator's command line on a docs folder it cannot date: a clear message and exit
// 2, nothing written (a real child process, on a real folder that is no git checkout).
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, expect, describe as group, it } from 'vitest'

const script = fileURLToPath(new URL('../../scripts/endpoints.mjs', import.meta.url))
const catalog = fileURLToPath(new URL('../../src/endpoints/catalog.ts', import.meta.url))
const folder = mkdtempSync(join(tmpdir(), 'een-docs-'))
afterAll(() => rmSync(folder, { recursive: true, force: true }))

const run = (...args: string[]) => spawnSync(process.execPath, [script, ...args], { encoding: 'utf8', timeout: 30_000 })

group('npm run endpoints', () => {
  it('asks for the docs commit when the folder is no git checkout, and writes nothing', () => {
    const before = readFileSync(catalog, 'utf8')
    const child = run(folder)
    expect(child.status).toBe(2)
    expect(child.stderr).toBe(`${folder} is no git checkout: give the docs' commit with --commit <sha>\n`)
    expect(readFileSync(catalog, 'utf8')).toBe(before)
  })

  it('refuses a commit that is not 40 hex digits', () => {
    const child = run(folder, '--commit', 'fed4a24')
    expect(child.status).toBe(2)
    expect(child.stderr).toContain('not a commit: fed4a24')
  })

  it('shows its usage without a folder', () => {
    const child = run()
    expect(child.status).toBe(2)
    expect(child.stderr).toContain('usage: npm run endpoints -- <docs-folder>')
  })
})
