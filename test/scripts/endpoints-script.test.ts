// The catalog generator's command line on a docs folder it cannot date: a clear message and exit
// 2, nothing written (a real child process, on real folders: no git checkout, the docs copied into
// another repository, the docs edited).
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
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

  it("refuses to name a commit that is not the docs' own: docs copied into another repository, or edited", () => {
    const before = readFileSync(catalog, 'utf8')
    const repo = join(folder, 'repo')
    const git = (...args: string[]) =>
      execFileSync('git', ['-C', repo, '-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { stdio: 'pipe' })
    // An export of the docs (git archive) kept in a folder of some other checkout.
    const copied = join(repo, 'tmp/api-docs')
    mkdirSync(join(copied, 'source/includes'), { recursive: true })
    writeFileSync(join(copied, 'source/includes/_api_aaa.md'), '# AAA\n')
    git('init', '-q')
    git('add', '.')
    git('commit', '-q', '-m', 'x')
    let child = run(copied)
    expect(child.status).toBe(2)
    expect(child.stderr).toContain('inside a git checkout of something else (its docs at tmp/api-docs/source/includes/')
    // The docs' own checkout, its source/includes edited since the commit.
    const own = join(repo, 'tmp/api-docs')
    execFileSync('git', ['-C', own, 'init', '-q'])
    execFileSync('git', ['-C', own, '-c', 'user.name=t', '-c', 'user.email=t@t', 'add', '.'])
    execFileSync('git', ['-C', own, '-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-q', '-m', 'docs'])
    writeFileSync(join(own, 'source/includes/_api_aaa.md'), '# AAA, edited\n')
    child = run(own)
    expect(child.status).toBe(2)
    expect(child.stderr).toMatch(
      /^the docs in .* differ from their commit [0-9a-f]{40}: commit them, or give --commit <sha>\n$/,
    )
    expect(readFileSync(catalog, 'utf8')).toBe(before)
  })

  it('fails on an alias whose path no URL of the docs requests any more, and writes nothing', () => {
    const before = readFileSync(catalog, 'utf8')
    const docs = join(folder, 'stale')
    mkdirSync(docs)
    // Get List of Images without the examples of Retrieve List of Images that request image.jpeg.
    writeFileSync(
      join(docs, '_api_asset.md'),
      '## Get List of Images\n\n### HTTP Request\n\n`GET https://c001.eagleeyenetworks.com/asset/list/image`\n\n' +
        'HTTP Status Code | Description\n---------------- | -----------\n200 | Request succeeded\n',
    )
    const child = run(docs, '--commit', 'fed4a24e93c8e034b30a990dd623dccd1ba6e2c4')
    expect(child.status).toBe(1)
    expect(child.stderr).toContain(
      'problem: judgements.json aliases: no URL of the docs requests GET /asset/list/image.jpeg\n',
    )
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
