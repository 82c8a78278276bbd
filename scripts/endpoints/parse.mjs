// Reads the calls out of the API docs' Markdown (`source/includes/_api_*.md` of EENCloud/api-docs).
// A call is an `HTTP Request` heading, the `METHOD URL` lines under it, and the status tables
// (`HTTP Status Code | Description`) that follow before the next request or the next `##` heading.
// Its title is the `##` heading, or the nearest `###` heading when the `##` section holds several
// requests. Where the request line is left as `TODO`, the section's one `curl -X METHOD URL` example
// gives it. Nothing is guessed: what does not fit is returned in `problems`, by title.

const REQUEST_HEADING = /^#{3,4}\s+(HTTP Request|Client Handshake Request)\s*$/
const SECTION_HEADING = /^##\s+(.*)$|^<h2[^>]*>(.*)<\/h2>\s*$/
const SUB_HEADING = /^#{3,4}\s+(.*)$/
// The headings that structure a call rather than name one.
const STRUCTURAL = /^(HTTP |Response |Message |Server |Client |Status Codes)/
const REQUEST_LINE = /^(?:-\s*)?`(GET|POST|PUT|DELETE|PATCH)\s+(\S+)(?:\s+HTTP\/[\d.]+)?`/
const TABLE_HEADER = /^HTTP Status Code\s*\|/
const TABLE_ROW = /^(\d{3})(\\\*)?\s*\|\s*(.*?)\s*$/
/** A footnote under a table (`\*Code 412 is also returned if …`): it belongs to the rows marked `\*`. */
const FOOTNOTE = /^\\\*\s*(.+?)\s*$/
const LABEL = /^\*\*(.+)\*\*\s*$/
/** The docs' request example: `curl -X GET https://…` (or `--request`, the URL maybe quoted). */
const CURL = /^\s*curl\s.*?(?:-X|--request)\s+(GET|POST|PUT|DELETE)\s+["']?(https?:\/\/[^\s"']+)/

/** The path of a request URL as the docs write it: host (and the docs' `[subdomain]/` slip) and query removed. */
export function pathOf(url) {
  let rest = url.replace(/^[a-z]+:\/\//i, '')
  const host = rest.indexOf('eagleeyenetworks.com')
  if (host !== -1) rest = rest.slice(host + 'eagleeyenetworks.com'.length)
  if (!rest.startsWith('/')) return undefined
  return rest.replace(/[?#].*$/, '')
}

/** Words of a heading, HTML and `<small>` asides removed. */
export function titleText(heading) {
  return heading
    .replace(/<small>.*?<\/small>/g, '')
    .replace(/<[^>]+>/g, '')
    .replace(/^\d+\.\s*/, '')
    .replace(/\(\s*\)/g, '')
    .trim()
}

/**
 * Parses one Markdown file. Returns `{ calls, problems }`: each call `{ title, file, line, method,
 * path, tables: [{ label, rows: [{ status, meaning }] }] }` (one per request line, `tables` empty
 * when the docs give none); a request heading without an HTTP(S) line is a problem, not a call.
 */
export function parseFile(text, file) {
  const lines = text.split(/\r?\n/)
  const calls = []
  const problems = []
  let section
  let sub
  let sectionRequests = 0
  let current // { title, requests: [...], tables: [...], line }
  let label
  let curls = [] // the curl examples since the section's heading or the last request heading
  const finish = () => {
    if (current === undefined) return
    const where = `${file}:${current.line} "${current.title}"`
    // A request line left as `TODO` ("Search Recordings"): the call's own curl example, when it gives one request.
    const examples = new Set(current.curls.map((r) => `${r.method} ${r.path}`))
    if (current.requests.length === 0 && examples.size === 1) current.requests.push(current.curls[0])
    if (current.requests.length === 0) problems.push(`${where}: no HTTP request line under its HTTP Request heading`)
    for (const req of current.requests)
      calls.push({ ...req, title: current.title, file, line: current.line, tables: current.tables })
    current = undefined
  }
  const countRequests = (from) => {
    let n = 0
    for (let j = from; j < lines.length && !SECTION_HEADING.test(lines[j]); j++) if (REQUEST_HEADING.test(lines[j])) n++
    return n
  }
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]
    const sectionMatch = SECTION_HEADING.exec(line)
    if (sectionMatch) {
      finish()
      section = titleText(sectionMatch[1] ?? sectionMatch[2])
      sub = undefined
      curls = []
      sectionRequests = countRequests(i + 1)
      continue
    }
    if (REQUEST_HEADING.test(line)) {
      finish()
      const title = sectionRequests > 1 && sub !== undefined ? sub : section
      current = { title, requests: [], tables: [], line: i + 1, curls }
      curls = []
      label = undefined
      continue
    }
    const curl = CURL.exec(line)
    const curlPath = curl && pathOf(curl[2])
    if (curlPath) curls.push({ method: curl[1], path: curlPath })
    const subMatch = SUB_HEADING.exec(line)
    if (subMatch && !STRUCTURAL.test(subMatch[1])) {
      sub = titleText(subMatch[1])
      continue
    }
    if (current === undefined) continue
    const request = REQUEST_LINE.exec(line)
    if (request && current.tables.length === 0) {
      if (!/^(https?:\/\/|\/)/i.test(request[2])) continue // rtsp:// and the like are not HTTP calls
      const path = pathOf(request[2])
      if (path === undefined) problems.push(`${file}:${i + 1} "${current.title}": cannot read a path in ${request[2]}`)
      else current.requests.push({ method: request[1], path })
      continue
    }
    const labelMatch = LABEL.exec(line)
    if (labelMatch) label = labelMatch[1]
    else if (TABLE_HEADER.test(line)) {
      const rows = []
      let j = i + 2 // past the header and its `---|---` line
      const starred = []
      for (; j < lines.length && TABLE_ROW.test(lines[j]); j++) {
        const [, status, star, meaning] = TABLE_ROW.exec(lines[j])
        rows.push({ status: Number(status), meaning })
        if (star) starred.push(rows.at(-1))
      }
      // The footnote says more of what the status means for this call: it joins the row's words.
      let k = j
      while (k < lines.length && lines[k].trim() === '') k++
      const footnote = starred.length > 0 && FOOTNOTE.exec(lines[k])?.[1]
      if (footnote) for (const row of starred) row.meaning = `${row.meaning.replace(/\.?$/, '.')} ${footnote}`
      if (rows.length === 0) problems.push(`${file}:${i + 1} "${current.title}": a status table without rows`)
      else current.tables.push({ label, rows })
      label = undefined
      i = j - 1
    } else if (line.trim() !== '') label = undefined
  }
  finish()
  return { calls, problems }
}
