#!/usr/bin/env node
// Regenerates the endpoint catalog (src/endpoints/catalog.ts and routes.ts) from the API docs:
//   npm run endpoints -- <docs-folder> [--commit <sha>]
// <docs-folder> is a checkout of https://github.com/EENCloud/api-docs (or its source/includes).
// The commit is read with git unless given. Judgements (codes, names, fixes) are hand-kept in
// scripts/endpoints/judgements.json. Writes nothing, and exits 1, when anything is unread or unjudged.
import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildCatalog } from './endpoints/build.mjs'
import { emitCatalog, emitRoutes } from './endpoints/emit.mjs'
import { parseFile } from './endpoints/parse.mjs'

const root = new URL('..', import.meta.url)
const args = process.argv.slice(2)
const commitAt = args.indexOf('--commit')
let commit = commitAt === -1 ? undefined : args.splice(commitAt, 2)[1]
const [folder] = args
if (folder === undefined) {
  console.error('usage: npm run endpoints -- <docs-folder> [--commit <sha>]')
  process.exit(2)
}
const includes = existsSync(join(folder, 'source/includes')) ? join(folder, 'source/includes') : folder
if (commit === undefined) {
  const git = (...more) => execFileSync('git', ['-C', includes, ...more], { encoding: 'utf8', stdio: 'pipe' }).trim()
  let prefix
  let changed
  try {
    commit = git('rev-parse', 'HEAD')
    prefix = git('rev-parse', '--show-prefix')
    changed = git('status', '--porcelain', '--', '_api_*.md')
  } catch {
    console.error(`${folder} is no git checkout: give the docs' commit with --commit <sha>`)
    process.exit(2)
  }
  // The commit dates the docs only where they are that checkout's own source/includes, as committed:
  // docs copied into another repository (or edited) would be named by a commit that is not theirs.
  if (prefix !== 'source/includes/') {
    console.error(
      `${folder} is inside a git checkout of something else (its docs at ${prefix || 'the top'}, not source/includes/): give the docs' commit with --commit <sha>`,
    )
    process.exit(2)
  }
  if (changed !== '') {
    console.error(`the docs in ${folder} differ from their commit ${commit}: commit them, or give --commit <sha>`)
    process.exit(2)
  }
}
if (!/^[0-9a-f]{40}$/.test(commit)) {
  console.error(`not a commit: ${commit} (give the 40 hex digits of the docs' commit)`)
  process.exit(2)
}

// The table's codes, read from its data file (one `status: 'CODE',` row per line).
const codesText = readFileSync(new URL('src/table/codes.ts', root), 'utf8')
const table = Object.fromEntries([...codesText.matchAll(/^\s*(\d{3}): '([A-Z_]+)',$/gm)].map((m) => [m[1], m[2]]))
const judgements = JSON.parse(readFileSync(new URL('scripts/endpoints/judgements.json', root), 'utf8'))

const files = readdirSync(includes)
  .filter((f) => /^_api_.*\.md$/.test(f))
  .sort()
const calls = []
const problems = []
const leftOut = []
const texts = []
for (const file of files) {
  texts.push(readFileSync(join(includes, file), 'utf8'))
  const parsed = parseFile(texts.at(-1), file)
  calls.push(...parsed.calls)
  for (const problem of parsed.problems) {
    const known = Object.entries(judgements.leftOut).find(([title]) => problem.includes(`"${title}"`))
    if (known === undefined) problems.push(problem)
    else leftOut.push(`${problem.split(':').slice(0, 2).join(':')}: ${known[1]}`)
  }
}
const built = buildCatalog(calls, table, judgements)
problems.push(...built.problems)
// An alias stands for the docs' own example URLs: one the docs no longer print is stale.
for (const [alias] of built.aliases)
  if (!texts.some((text) => text.includes(`eagleeyenetworks.com${alias.split(' ')[1]}`)))
    problems.push(`judgements.json aliases: no URL of the docs requests ${alias}`)
// A call left out that the docs (or the parser) now make readable: its judgement is stale.
for (const title of Object.keys(judgements.leftOut))
  if (!leftOut.some((line) => line.includes(`"${title}"`)))
    problems.push(`judgements.json leftOut: "${title}" matches nothing in the docs`)

for (const line of leftOut) console.log(`left out: ${line}`)
if (problems.length > 0) {
  for (const line of problems) console.error(`problem: ${line}`)
  console.error(`${problems.length} problem(s); nothing written`)
  process.exit(1)
}
const source = { repo: 'EENCloud/api-docs', commit, files: files.length }
writeFileSync(new URL('src/endpoints/catalog.ts', root), emitCatalog(built.operations, source))
writeFileSync(new URL('src/endpoints/routes.ts', root), emitRoutes(built.routes, source, built.aliases))
// The output is plain JSON-quoted TypeScript; the project's formatter gives it the project's style.
const written = ['src/endpoints/catalog.ts', 'src/endpoints/routes.ts'].map((f) => fileURLToPath(new URL(f, root)))
const biome = fileURLToPath(new URL('node_modules/.bin/biome', root))
const unformatted = 'run `npx biome check --write src/endpoints` before committing'
if (!existsSync(biome)) console.log(`note: biome is not installed; ${unformatted}`)
else {
  try {
    execFileSync(biome, ['check', '--write', ...written], { stdio: 'ignore' })
  } catch {
    // Written, but not in the project's style: said, not a stack trace.
    console.log(`note: biome could not format the catalog; ${unformatted} and see what it reports`)
  }
}
const merged = built.operations.filter((o) => o.merges).length
console.log(
  `${built.operations.length - merged} documented calls and ${merged} merged operations from ${files.length} files at ${commit}; ${leftOut.length} left out`,
)
