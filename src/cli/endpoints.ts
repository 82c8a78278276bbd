/**
 * The command line's answers for a documented call (`--endpoint forgotPassword`, `endpoints`):
 * the call's own rows from the endpoint catalog, shown as the table's rows are.
 *
 * @module
 */
import { type Endpoint, endpoints } from '../endpoints/index.js'
import { describe, isRetryable } from '../status.js'
import { STATUS_CODES } from '../table/index.js'
import { codeOf } from './query.js'
import { type Shown, statusClass } from './render.js'

/** One call as `endpoints` lists it, and exactly what `endpoints --json` prints. */
export interface CallShown {
  name: string
  method: string
  path: string
}

/** Every call of the catalog, in the catalog's order. */
export const calls: readonly Endpoint[] = Object.values(endpoints)

/**
 * The call named `name` (exactly, as `endpoints` lists it), or `undefined`. Spaces around it, as a
 * shell keeps them in quotes (or a line of a CRLF file keeps its `\r`), are no part of it, as for a status.
 */
export function callNamed(name: string): Endpoint | undefined {
  const wanted = name.trim()
  return calls.find((call) => call.name === wanted)
}

/** The status that a query names among the call's own codes, of errors and successes (`ACCOUNT_LOCKED`, `switching_protocols`; any case), or `undefined`. */
export function callStatusOf(call: Endpoint, query: string): number | undefined {
  return statusOfCode(call, codeOf(query))
}

/** The status of the call's own `code` (as {@link codeOf} writes it), or `undefined`. */
function statusOfCode(call: Endpoint, code: string): number | undefined {
  const rows: readonly (readonly [string, { readonly code?: string }])[] = [
    ...Object.entries(call.rows),
    ...Object.entries(call.successes),
  ]
  const found = rows.find(([, row]) => row.code === code)
  return found === undefined ? undefined : Number(found[0])
}

/** The call's row for `status` as the CLI shows it, what the call leaves out taken from the table; `undefined` when the call does not document the status. */
export function callRow(call: Endpoint, status: number): Shown | undefined {
  const row: { code?: string; meaning?: string; retryable?: boolean } | undefined =
    call.rows[status] ?? call.successes[status]
  if (row === undefined) return undefined
  const tableCode = (STATUS_CODES as Readonly<Record<number, { code: string }>>)[status]?.code
  return {
    status,
    code: (row.code ?? tableCode) as string,
    meaning: row.meaning ?? describe(status),
    class: statusClass(status),
    retryable: row.retryable ?? isRetryable(status),
  }
}

/** The names of the calls that document `status`, as an error or a success, in the catalog's order. */
export function callsDocumenting(status: number): string[] {
  return calls.filter((call) => callRow(call, status) !== undefined).map(({ name }) => name)
}

/** The names of the calls that give `query` as a code of their own (`ACCOUNT_LOCKED`, any case), in the catalog's order. */
export function callsUsing(query: string): string[] {
  // The query written as a code once, not once a call: for a long one (a megabyte of `a-`) that
  // took 100 times 0.2 s.
  const code = codeOf(query)
  return calls.filter((call) => statusOfCode(call, code) !== undefined).map(({ name }) => name)
}

/** Every status the call documents, successes and errors, in order, as the CLI shows them. */
export function callRows(call: Endpoint): Shown[] {
  const statuses = [...Object.keys(call.successes), ...Object.keys(call.rows)].map(Number).sort((a, b) => a - b)
  return [...new Set(statuses)].map((status) => callRow(call, status) as Shown)
}

/** Every call as `endpoints` lists it. */
export function callList(): CallShown[] {
  return calls.map(({ name, method, path }) => ({ name, method, path }))
}

/** The calls, one aligned line each: name, method, path. */
export function callTable(rows: readonly CallShown[]): string {
  const width = Math.max(0, ...rows.map((row) => row.name.length))
  return rows.map((row) => `${row.name.padEnd(width)}  ${row.method.padEnd(6)}  ${row.path}\n`).join('')
}

/** @internal The edit (Levenshtein) distance of two names, case-insensitive, for suggestions. */
export function distance(a: string, b: string): number {
  const x = a.toLowerCase()
  const y = b.toLowerCase()
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j)
  for (let i = 1; i <= x.length; i++) {
    const current = [i]
    for (let j = 1; j <= y.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1))
    }
    previous = current
  }
  return previous[y.length]!
}

/** The three call names closest to `query`: those that hold it first, then by edit distance, then by name. */
export function closestNames(query: string): string[] {
  // No call name is near 64 characters: a longer query is as far from all of them, and the
  // distance costs its length times each name's, so it is cut (a 100 KB query took 9 s).
  const asked = query.slice(0, 64).toLowerCase()
  const ranked = calls.map(({ name }) => ({
    name,
    holds: Number(name.toLowerCase().includes(asked)),
    distance: distance(asked, name),
  }))
  return ranked
    .sort((a, b) => b.holds - a.holds || a.distance - b.distance || a.name.localeCompare(b.name))
    .slice(0, 3)
    .map(({ name }) => name)
}
