/**
 * The message of an error: `operation: status CODE: meaning`, then what the server and a note add,
 * on one line.
 *
 * @module
 */
import { oneLine } from '../http/index.js'

/**
 * @internal The message: `operation: status CODE: meaning`, then what follows the meaning, on one
 * line, each part put on one line and then scrubbed on its own (a line break may hide a secret's
 * shape that one line shows). Scrubbed whole, an operation or a code named like a secret
 * (`resetPassword: 406`, `EXPIRED_TOKEN: The token…`) would lose what follows it as the secret's
 * value; the meaning is scrubbed with what follows it, so nothing the two make together is missed.
 */
export function headline(
  scrub: (text: string) => string,
  status: unknown,
  code: string,
  meaningAndRest: string,
  operation?: string,
): string {
  const line = (text: string) => scrub(oneLine(text) as string)
  return `${operation === undefined ? '' : `${line(operation)}: `}${status} ${line(code)}: ${line(meaningAndRest)}`
}

/**
 * @internal The message of a new error: the headline of its row, with what the server and a note add.
 * The table's words hold no line break: alone, they make the message as they are, without headline's
 * pass for line breaks (`new ApiError(402)` measured 1.41x an empty Error subclass this way, 1.55x with it).
 */
export function messageOf(
  scrub: (text: string) => string,
  status: number,
  row: { readonly code: string; readonly meaning: string },
  server: string | undefined,
  note: string | undefined,
  operation: string | undefined,
): string {
  let rest = ''
  if (server !== undefined && server !== row.meaning) rest += ` (server: ${server})`
  if (note) rest += ` (${note})`
  return operation !== undefined || rest
    ? headline(scrub, status, row.code, row.meaning + rest, operation)
    : `${status} ${row.code}: ${row.meaning}`
}
