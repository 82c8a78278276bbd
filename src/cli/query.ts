/**
 * How an operand names what the command line explains: three digits, or a code in any case, with
 * `_` or `-`.
 *
 * @module
 */
import { type KnownStatus, Status } from '../table/index.js'

/** A code as a query writes it, in any case with `_` or `-`, as the API writes codes: `account-locked` is `ACCOUNT_LOCKED`. */
export function codeOf(query: string): string {
  return query.toUpperCase().replaceAll('-', '_')
}

/** The status a query names: three digits, or a code of the table (see {@link codeOf}). */
export function lookUp(query: string): KnownStatus | number | undefined {
  if (/^[1-9]\d\d$/.test(query)) return Number(query)
  const name = codeOf(query)
  return Object.hasOwn(Status, name) ? Status[name as keyof typeof Status] : undefined
}
