#!/usr/bin/env node
// Copies the API docs' own examples into test/endpoints/docs-examples.json, as test data for the
// acceptance tests of test/endpoints/docs-examples.test.ts:
//   node scripts/docs-examples.mjs <docs-folder> --commit <sha>
//   npx biome check --write test/endpoints/docs-examples.json   (the project's JSON style)
// <docs-folder> is a checkout of https://github.com/EENCloud/api-docs (or its source/includes).
// Read independently of scripts/endpoints/ (the generator under test), and copied, not judged:
// - errorResponses: every JSON example of an error the docs print (a `status_code` other than
//   200), its text exactly as printed (trailing commas kept), the request lines and status table
//   of its `##` section, and the statuses it stands for: its own `status_code`, or every error
//   status of the table when it gives a placeholder (`"<int>"`);
// - headers: every block of response headers the docs print (`Header: value` lines), with the
//   request lines and error statuses of its section;
// - examples: every curl example, and every URL the docs print by itself (`https://…` in
//   backticks) where a section names a call, each with the request line of the call it shows.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

const args = process.argv.slice(2)
const at = args.indexOf('--commit')
const commit = at === -1 ? undefined : args.splice(at, 2)[1]
const [folder] = args
if (folder === undefined || !/^[0-9a-f]{40}$/.test(commit ?? '')) {
  console.error('usage: node scripts/docs-examples.mjs <docs-folder> --commit <40 hex digits of its commit>')
  process.exit(2)
}
const includes = existsSync(join(folder, 'source/includes')) ? join(folder, 'source/includes') : folder

/** A sub-heading whose URLs show the call of another section (the Overview of _api_asset.md). */
const SHOWS = { 'Retrieve List of Images': 'Get List of Images' }
const SECTION = /^##\s+(.*)$|^<h2[^>]*>(.*)<\/h2>\s*$/
const REQUEST = /^(?:-\s*)?`(GET|POST|PUT|DELETE)\s+((?:https?:\/\/|\/)[^\s`]+)(?:\s+HTTP\/[\d.]+)?`/
const CURL = /\bcurl\s.*?(?:-X|--request)\s+(GET|POST|PUT|DELETE)\s+(["']?)(https?:\/\/[^\s"']+)\2/
const URL_ALONE = /^`(https?:\/\/[^\s`]+)`\s*$/
const ROW = /^(\d{3})\s*\|\s*(.*?)\s*$/
const HEADER = /^`([A-Za-z][\w-]*): (.*)`\s*$/

/** The path of a URL: scheme, host and query dropped. */
const pathOf = (url) => url.replace(/^[a-z]+:\/\/[^/]*|[?#].*$/g, '')
const lineOf = (docs) => Number(docs.split(':')[1])

/** The sections of one file: title, request lines, curl and URL examples, JSON blocks, header blocks, table rows. */
function sectionsOf(file) {
  const lines = readFileSync(join(includes, file), 'utf8').split(/\r?\n/)
  const sections = []
  let s
  let sub
  let table = false
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]
    const where = `${file}:${i + 1}`
    const heading = SECTION.exec(line)
    if (heading) {
      s = {
        title: (heading[1] ?? heading[2]).replace(/^\d+\.\s*/, '').trim(),
        requests: [],
        examples: [],
        json: [],
        headers: [],
        rows: [],
      }
      sections.push(s)
      continue
    }
    if (s === undefined) continue
    if (/^###\s/.test(line)) sub = line.replace(/^#+\s*/, '').trim()
    const request = REQUEST.exec(line)
    if (request) s.requests.push({ method: request[1], url: request[2], docs: where })
    const curl = CURL.exec(line)
    if (curl) s.examples.push({ method: curl[1], url: curl[3], docs: where })
    const alone = URL_ALONE.exec(line)
    // A URL printed by itself names a call only under a sub-heading that says which.
    if (alone && SHOWS[sub]) s.examples.push({ method: 'GET', url: alone[1], docs: where, shows: SHOWS[sub] })
    // Rows of HTTP status tables only: not the poll WebSocket's "Status Code | Description" of its messages.
    if (/^HTTP Status Code\s*\|/.test(line)) table = true
    else if (table && !/^-+\s*\|/.test(line)) {
      const row = ROW.exec(line)
      if (row) s.rows.push({ status: Number(row[1]), meaning: row[2], docs: where })
      else table = false
    }
    if (line.trim() === '```json') {
      const end = lines.indexOf('```', i + 1)
      s.json.push({ text: lines.slice(i + 1, end).join('\n'), docs: `${file}:${i + 2}` })
      i = end
    }
    if (HEADER.test(line) && !HEADER.test(lines[i - 1]) && /Response/.test(sub)) {
      const block = []
      for (let j = i; HEADER.test(lines[j]); j++) block.push(HEADER.exec(lines[j]).slice(1, 3))
      s.headers.push({ headers: block, docs: where })
    }
  }
  return sections
}

const files = readdirSync(includes)
  .filter((f) => /^_api_.*\.md$/.test(f))
  .sort()
const sections = files.flatMap(sectionsOf)
const errorRows = (s) => Object.fromEntries(s.rows.filter((r) => r.status >= 300).map((r) => [r.status, r.meaning]))
const errorResponses = []
const headers = []
const examples = []
for (const s of sections) {
  for (const { text, docs } of s.json) {
    // Not parsed here: examples elide with `[...]` and `{...}`; the status is the block's own, at its top level.
    const code = /^\{\s*"status_code":\s*(\d+|"[^"]*")/.exec(text)?.[1]
    if (code === undefined || code === '200') continue
    const rows = errorRows(s)
    const statuses = /^\d+$/.test(code) ? [Number(code)] : Object.keys(rows).map(Number)
    for (const status of statuses)
      if (rows[status] === undefined) throw new Error(`${docs}: ${status} is not in the table`)
    errorResponses.push({ title: s.title, docs, requests: s.requests, statuses, rows, body: text })
  }
  for (const block of s.headers) {
    const rows = errorRows(s)
    headers.push({ title: s.title, ...block, requests: s.requests, statuses: Object.keys(rows).map(Number), rows })
  }
  for (const { shows, ...example } of s.examples) {
    const of = shows === undefined ? s : sections.find((t) => t.title === shows)
    // The request line of the same method and path, else the next one of the same method (a
    // templated path, or the docs' slip in a request line's host).
    const same = of.requests.filter((r) => r.method === example.method)
    const call =
      same.find((r) => pathOf(r.url) === pathOf(example.url)) ??
      same.find((r) => of !== s || lineOf(r.docs) > lineOf(example.docs)) ??
      same.at(-1)
    // A section whose request line is left as `TODO` (Search Recordings): its curl example is the call.
    examples.push({ ...example, call: call ?? example })
  }
}

const out = {
  $comment: `The API docs' own examples (https://github.com/EENCloud/api-docs at ${commit}, source/includes/_api_*.md), copied by scripts/docs-examples.mjs: error bodies exactly as printed, response headers, and every example URL with the request line of its call. Do not edit: rerun the script.`,
  source: { repo: 'EENCloud/api-docs', commit },
  errorResponses,
  headers,
  examples,
}
writeFileSync(new URL('../test/endpoints/docs-examples.json', import.meta.url), `${JSON.stringify(out, null, 2)}\n`)
console.log(
  `${errorResponses.length} error responses, ${headers.length} header blocks, ${examples.length} example URLs from ${files.length} files at ${commit}`,
)
