// What the npm page shows of the package: its links (repository, homepage, bugs) and the README,
// whose links must work there too. npm renders README.md on its own page, where a relative link
// only works for a file the package contains (package.json `files`); anything else must be an
// absolute link to the repository, and then to a file that exists in it.
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const REPOSITORY = 'https://github.com/een-api-errors/een-api-errors'
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  files: string[]
  homepage?: string
  repository?: { type: string; url: string }
  bugs?: { url: string }
}
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8')

/** Every link target of the README: inline `[text](target)` and reference `[id]: target`, outside code. */
function links(markdown: string): string[] {
  const prose = markdown.replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '')
  const inline = [...prose.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)].map((m) => m[1]!)
  const reference = [...prose.matchAll(/^\s*\[[^\]]+\]:\s*(\S+)/gm)].map((m) => m[1]!)
  return [...inline, ...reference]
}

/** Whether a path of the repository is in the packed package, by package.json `files` (a file or a folder). */
function packed(path: string): boolean {
  const included = pkg.files.filter((f) => !f.startsWith('!'))
  return ['package.json', ...included].some((entry) => path === entry || path.startsWith(`${entry}/`))
}

describe('package.json', () => {
  it('names the repository, its home page and where to report bugs', () => {
    expect(pkg.repository).toEqual({ type: 'git', url: `git+${REPOSITORY}.git` })
    expect(pkg.homepage).toBe(`${REPOSITORY}#readme`)
    expect(pkg.bugs).toEqual({ url: `${REPOSITORY}/issues` })
  })
})

describe('README links', () => {
  const all = links(readme)

  it('finds the links (the check below looks at something)', () => {
    expect(all.length).toBeGreaterThan(10)
    expect(links('[a](b.md) `[c](d)`\n[e]: https://x\n```\n[f](g)\n```')).toEqual(['b.md', 'https://x'])
  })

  it('a relative link points at a file the package contains', () => {
    const relative = all.filter((target) => !/^[a-z]+:|^#/i.test(target))
    for (const target of relative) {
      const path = decodeURI(target.split('#')[0]!).replace(/^\.\//, '')
      expect(packed(path), `${target}: not in package.json "files"; link to ${REPOSITORY}/blob/main/${path}`).toBe(true)
      expect(existsSync(join(ROOT, path)), target).toBe(true)
    }
  })

  it('a link into the repository names a file or folder that exists', () => {
    const prefix = `${REPOSITORY}/`
    const inRepository = all.filter((target) => target.startsWith(prefix))
    expect(inRepository.length).toBeGreaterThan(0)
    for (const target of inRepository) {
      const match = /^(?:blob|tree)\/main\/([^#?]+)/.exec(target.slice(prefix.length))
      if (!match) continue // issues, the repository itself
      expect(existsSync(join(ROOT, decodeURI(match[1]!))), target).toBe(true)
    }
  })

  it('an absolute link is https', () => {
    for (const target of all) expect(target, target).toMatch(/^(https:\/\/|#|[^:]+$)/)
  })

  it('says the snippets assume an ES module project, and where the API reference is', () => {
    expect(readme).toContain('"type": "module"')
    expect(readme).toMatch(/`npm run docs`[^\n]*\n?[^\n]*(TypeDoc|API reference)/)
  })

  it('says how to try the package before it is published: npm pack, then install the tarball', () => {
    const install = readme.slice(
      readme.indexOf('## Install'),
      readme.indexOf('\n## ', readme.indexOf('## Install') + 1),
    )
    expect(install).toContain('npm pack')
    expect(install).toContain(`npm install ./een-api-errors-${(pkg as { version?: string }).version}.tgz`)
  })
})

describe('README: Two commands', () => {
  it('is exactly the two commands, each with the Node it needs and how long it takes', () => {
    const section = readme.slice(readme.indexOf('## Two commands'))
    const block = /```sh\n([\s\S]*?)\n```/.exec(section)?.[1]
    expect(block, 'a ```sh block under "## Two commands"').toBeDefined()
    const lines = block!.split('\n')
    expect(lines.map((line) => line.split('#')[0]!.trim())).toEqual(['npm run demo', 'npm test'])
    for (const line of lines) expect(line).toMatch(/# Node \d+(\.\d+)? or later\b[^;]*;.* \d+ (s|min)\b/)
  })
})
