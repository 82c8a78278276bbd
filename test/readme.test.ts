import { readdirSync, readFileSync } from 'node:fs'
import { expect, it } from 'vitest'
import { withTable } from '../scripts/readme-table.mjs'
import { STATUS_CODES } from '../src/index.js'

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8')

it('shows the table exactly as src/table/ holds it (run `npm run readme` to update)', () => {
  expect(readme).toBe(withTable(readme, STATUS_CODES))
})

it('shows every status, code and meaning of the table', () => {
  for (const row of Object.values(STATUS_CODES)) {
    expect(readme).toContain(`| ${row.status} | \`${row.code}\` | ${row.meaning.replaceAll('  ', ' &nbsp;')} |`)
  }
})

/** The README's prose on one line: its figures may wrap anywhere. */
const prose = readme.replace(/\s+/g, ' ')
const root = new URL('..', import.meta.url)
/** Whether the README says `text` (on failure, names the text rather than printing the whole README). */
const says = (text: string) => expect(prose.includes(text), `README.md does not say: ${text}`).toBe(true)

it('counts the fast-check properties the tests hold', () => {
  const count = (text: string) => text.match(/\bfc\.(?:async)?[pP]roperty\(/g)?.length ?? 0
  const files = readdirSync(new URL('test', root), { recursive: true, encoding: 'utf8' }).filter((f) =>
    f.endsWith('.ts'),
  )
  const all = files.reduce((n, file) => n + count(readFileSync(new URL(`test/${file}`, root), 'utf8')), 0)
  const here = count(readFileSync(new URL('test/properties.test.ts', root), 'utf8'))
  says(`${all} fast-check properties (${here} in`)
})

it('gives the mutation figures of MUTATION.md', () => {
  const mutation = readFileSync(new URL('MUTATION.md', root), 'utf8')
  const n = (name: string) => Number(new RegExp(`(\\d[\\d,]*) ${name}`).exec(mutation)![1]!.replaceAll(',', ''))
  const score = /\*\*Score ([\d.]+%)\*\*/.exec(mutation)![1]
  const full = /^Full run: (.+?), commit (\w+), ([\d.]+) minutes.*score ([\d.]+%)\.$/m.exec(mutation)!
  const equivalents = mutation
    .split('## Equivalent mutants')[1]!
    .split('## Survivors')[0]!
    .match(/^\| src\//gm)!.length
  const undetected = n('survived') + n('without coverage')
  says(`full run (${full[1]}, ${full[3]} minutes, of commit ${full[2]}) scored ${full[4]}`)
  const incremental = /^Incremental run: .+? (\d\d:\d\d UTC), commit (\w+), ([\d.]+) minutes/m.exec(mutation)
  if (incremental) says(`(${incremental[1]}, ${incremental[3]} minutes, of commit ${incremental[2]}`)
  says(`**${score}**`)
  const caught = (n('killed') + n('timed out')).toLocaleString('en')
  says(`${caught} of ${n('mutants').toLocaleString('en')} mutants killed or timed out`)
  says(`of the ${undetected} undetected, ${equivalents} are judged equivalent`)
  says(`other ${undetected - equivalents} are listed in \`MUTATION.md\``)
  says(`without them ${/without them it would be ([\d.]+%)/.exec(mutation)![1]}`)
})
