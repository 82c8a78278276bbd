// Turns the parsed calls and the hand-kept judgements into the catalog's operations: names, codes,
// merged operations for a method and path documented twice. Every gap is returned in `problems`.

/** The camelCase name of a heading: `Get Camera's RTSP URLs` -> `getCamerasRtspUrls`, `WebSocket Polling` -> `webSocketPolling`. */
export function camelName(title) {
  const words = title
    .replace(/['’]/g, '')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
  // An acronym (`TFA`, `URLs`) becomes one word (`Tfa`, `Urls`); `WebSocket` keeps its inner capital.
  const word = (w) => (/^[A-Z]+s?$/.test(w) ? w[0] + w.slice(1).toLowerCase() : w[0].toUpperCase() + w.slice(1))
  const name = words.map(word).join('')
  return name[0].toLowerCase() + name.slice(1)
}

/** `items` grouped by `keyOf`, in first-seen order (Map.groupBy needs Node 21). */
function groupBy(items, keyOf) {
  const groups = new Map()
  for (const item of items) groups.set(keyOf(item), [...(groups.get(keyOf(item)) ?? []), item])
  return groups
}

/** Rows keyed by status; a status given twice gets the distinct meanings joined by ` / `. */
function byStatus(rows) {
  const map = new Map()
  for (const { status, meaning } of rows) {
    const seen = map.get(status) ?? []
    if (!seen.includes(meaning)) seen.push(meaning)
    map.set(status, seen)
  }
  return new Map([...map].sort((a, b) => a[0] - b[0]).map(([s, ms]) => [s, { parts: ms, meaning: ms.join(' / ') }]))
}

/**
 * Builds the operations. `calls` come from parseFile; `table` is the status table (`{ [status]:
 * code }`); `judgements` the parsed judgements.json. Returns `{ operations, routes, problems }`:
 * each operation `{ name, method, path, title, rows: [{ status, meaning, code?, retryable? }],
 * untabled? }` (`code` only when it is the catalog's own; `untabled` for a call the docs give no
 * status table, whose rows are empty), `routes` one name per method and path, `aliases` `['METHOD path',
 * name]` for each second path of a call (judgements.aliases).
 */
export function buildCatalog(calls, table, judgements) {
  const problems = []
  const used = new Set()
  const key = (c) => `${c.method} ${c.path}`
  // Templated paths and moved tables first, so that names and merges see the corrected calls.
  const fixed = calls.map((c) => {
    const path = judgements.paths[key(c)]
    if (path !== undefined) used.add(`paths:${key(c)}`)
    return { ...c, path: path ?? c.path, tables: [...c.tables] }
  })
  for (const move of judgements.moveTables) {
    const from = fixed.find((c) => key(c) === move.from)
    const to = fixed.find((c) => key(c) === move.to)
    const moved = from?.tables[move.table - 1]
    if (moved === undefined || to === undefined)
      problems.push(`moveTables: ${move.from} #${move.table} -> ${move.to} does not apply`)
    else {
      from.tables.splice(move.table - 1, 1)
      to.tables.push(moved)
    }
  }
  const judge = (status, meaning, parts, where) => {
    const id = `${status} ${meaning}`
    const own = judgements.own[id]
    if (own !== undefined) {
      used.add(`own:${id}`)
      return { code: own.code, ...(own.retryable === undefined ? {} : { retryable: own.retryable }) }
    }
    if (judgements.table.includes(id)) {
      used.add(`table:${id}`)
      if (table[status] === undefined)
        problems.push(`${where}: ${status} is outside the table, so "${id}" needs an own code`)
      return {}
    }
    problems.push(`${where}: no judgement for "${id}"${parts.length > 1 ? ` (joined from ${parts.length} rows)` : ''}`)
    return {}
  }
  const makeRows = (rows, where) =>
    [...byStatus(rows)].map(([status, { parts, meaning }]) => ({
      status,
      meaning,
      ...judge(status, meaning, parts, where),
    }))

  const operations = []
  for (const call of fixed) {
    // A call the docs give no status table is still a documented call: one empty table makes it an
    // operation without rows, named like any other, whose every status means what the table says.
    const untabled = call.tables.length === 0
    const tables = untabled ? [{ rows: [] }] : call.tables
    const labelled = tables.length > 1
    if (labelled && tables.some((t) => t.label === undefined)) {
      problems.push(`${key(call)} "${call.title}": ${tables.length} status tables, not all labelled`)
      continue
    }
    for (const t of tables) {
      const id = labelled ? `${key(call)} (${t.label})` : key(call)
      const override = judgements.names[id]
      if (override !== undefined) used.add(`names:${id}`)
      const name = override ?? camelName(labelled ? `${call.title} ${t.label}` : call.title)
      const rows = makeRows(t.rows, name)
      operations.push({
        name,
        method: call.method,
        path: call.path,
        title: call.title,
        rows,
        ...(untabled && { untabled }),
      })
    }
  }
  // A method and path documented more than once: one merged operation answers every status of them.
  const groups = groupBy(operations, key)
  const routes = []
  for (const [route, members] of groups) {
    if (members.length === 1) {
      routes.push(members[0].name)
      continue
    }
    const name = judgements.merged[route]
    if (name === undefined) {
      problems.push(
        `${route} is documented ${members.length} times (${members.map((m) => m.name).join(', ')}): name its merged operation`,
      )
      continue
    }
    used.add(`merged:${route}`)
    const [{ method, path }] = members
    const title = members
      .map((m) => m.title)
      .filter((t, i, all) => all.indexOf(t) === i)
      .join(' / ')
    operations.push({
      name,
      method,
      path,
      title,
      rows: makeRows(
        members.flatMap((m) => m.rows),
        name,
      ),
      merges: members.map((m) => m.name),
    })
    routes.push(name)
  }
  // A second path of a call, as the docs' own example URLs request it: one more route to the call's operation.
  const aliases = []
  for (const [alias, { of }] of Object.entries(judgements.aliases ?? {})) {
    const [method] = alias.split(' ')
    const target = operations.find((o) => key(o) === of && routes.includes(o.name))
    if (target?.method !== method)
      problems.push(`judgements.json aliases: "${alias}" is of "${of}", no call of its method`)
    else aliases.push([alias, target.name])
  }
  checkCodes(operations, table, problems)
  const names = groupBy(operations, (o) => o.name)
  for (const [name, ops] of names)
    if (ops.length > 1) problems.push(`the name ${name} is given to ${ops.length} operations`)
  for (const [section, entries] of [
    ['names', Object.keys(judgements.names)],
    ['merged', Object.keys(judgements.merged)],
    ['paths', Object.keys(judgements.paths)],
    ['own', Object.keys(judgements.own)],
    ['table', judgements.table],
  ]) {
    for (const id of entries)
      if (!used.has(`${section}:${id}`))
        problems.push(`judgements.json ${section}: "${id}" matches nothing in the docs`)
  }
  return { operations, routes, aliases, problems }
}

/** Own codes: UPPER_SNAKE, not a table code, and one meaning each. */
function checkCodes(operations, table, problems) {
  const tableCodes = new Set(Object.values(table))
  const meaningOf = new Map()
  for (const op of operations) {
    for (const row of op.rows) {
      if (row.code === undefined) continue
      if (!/^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/.test(row.code))
        problems.push(`${op.name} ${row.status}: ${row.code} is not UPPER_SNAKE`)
      if (tableCodes.has(row.code)) problems.push(`${op.name} ${row.status}: ${row.code} is a table code`)
      const before = meaningOf.get(row.code)
      if (before !== undefined && before !== row.meaning)
        problems.push(`${row.code} stands for "${before}" and "${row.meaning}"`)
      meaningOf.set(row.code, row.meaning)
    }
  }
}
