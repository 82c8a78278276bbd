import { readFileSync } from 'node:fs'
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
