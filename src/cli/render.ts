/**
 * How the command line shows a status: the row with its class and retry advice, as three lines,
 * as one aligned line of the list, or as JSON; coloured on a terminal only.
 *
 * @module
 */
import { isClientError, isInformational, isRedirect, isRetryable, isSuccess } from '../status.js'
import { type KnownStatus, STATUS_CODES, type StatusRow } from '../table/index.js'

/** One row as the CLI shows it, and exactly what `--json` prints. */
export interface Shown {
  status: number
  code: string
  meaning: string
  class: string
  retryable: boolean
  /** What a person sees for this error, in the language `--lang` names. */
  message?: string
}

/** The class of a status (1xx for a documented call's own rows), in the words `describe` uses for unlisted ones. */
export function statusClass(status: number): string {
  return isInformational(status)
    ? 'informational response'
    : isSuccess(status)
      ? 'success'
      : isRedirect(status)
        ? 'redirect'
        : isClientError(status)
          ? 'client error'
          : 'server error'
}

/** Why a status is (not) retryable, from the API's own words first, else from its class. */
const WHY_BY_WORDS: readonly (readonly [RegExp, string])[] = [
  [/slow down/i, 'the API asks clients to slow down, so wait (see Retry-After) before sending it again'],
  [/try again/i, 'the API says to try again'],
  [/contact .*support/i, 'the API says to contact support'],
]
const WHY_BY_CLASS: Readonly<Record<string, string>> = {
  'informational response': 'not a final answer, nothing to retry',
  success: 'a success, nothing to retry',
  redirect: 'follow the redirect instead',
  'client error': 'the same request would fail again until something changes',
  // Every 5xx row of the table matches one of the API's words above: this stands for a row the API may add.
  'server error': 'the API does not ask for a retry',
}

/** The row of a documented status, with its class. */
export function show(status: KnownStatus): Shown {
  const row: StatusRow = STATUS_CODES[status]
  return { status, code: row.code, meaning: row.meaning, class: statusClass(status), retryable: isRetryable(status) }
}

/** The retry advice of a row, one sentence. */
function advice(row: Shown): string {
  const why = WHY_BY_WORDS.find(([words]) => words.test(row.meaning))?.[1] ?? WHY_BY_CLASS[row.class]
  return `${row.retryable ? 'Retryable' : 'Not retryable'}: ${why}.`
}

/** ANSI colour of each class (blue, green, cyan, yellow, red), closed with the default foreground. */
const COLOUR_BY_CLASS: Readonly<Record<string, number>> = {
  'informational response': 34,
  success: 32,
  redirect: 36,
  'client error': 33,
  'server error': 31,
}

/** Paints text: bold status and code in the colour of their class, or leaves it plain. */
export type Paint = (text: string, row: Shown) => string
export const plain: Paint = (text) => text
export const coloured: Paint = (text, row) => `\x1b[1;${COLOUR_BY_CLASS[row.class]}m${text}\x1b[22;39m`

/**
 * Whether to colour: `FORCE_COLOR` decides when set (`0` and `false` turn colour off, anything
 * else on), as in Node itself; otherwise a non-empty `NO_COLOR` turns it off (https://no-color.org);
 * otherwise only a terminal that is not `TERM=dumb` gets colour.
 */
export function useColour(isTTY: boolean, env: Readonly<Record<string, string | undefined>>): boolean {
  const force = env.FORCE_COLOR
  if (force !== undefined) return force !== '0' && force !== 'false'
  if (env.NO_COLOR) return false
  return isTTY && env.TERM !== 'dumb'
}

/** The three-line block printed for one status. */
export function block(row: Shown, paint: Paint): string {
  const message = row.message === undefined ? '' : `A person sees: ${row.message}\n`
  return `${paint(`${row.status} ${row.code}`, row)} (${row.class})\n${row.meaning}\n${message}${advice(row)}\n`
}

/** The whole table, one aligned line per status: status, code, meaning. */
export function table(rows: readonly Shown[], paint: Paint): string {
  // At least 0: a call the docs give no status table for lists no rows.
  const width = Math.max(0, ...rows.map((row) => row.code.length))
  // Pad before painting, so that escape codes never shift a column.
  // A message stands under its meaning: past the three digits of the status, the code and two gaps.
  const indent = ' '.repeat(3 + 2 + width + 2)
  return rows
    .map((row) => {
      const message = row.message === undefined ? '' : `${indent}${row.message}\n`
      return `${paint(`${row.status}  ${row.code.padEnd(width)}`, row)}  ${row.meaning}\n${message}`
    })
    .join('')
}
