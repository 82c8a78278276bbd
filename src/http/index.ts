// TEMPORARY shim until the http developer's src/http lands.
export { headerValue } from '../headers.js'
export { parseBody, parseRetryAfter, requestIdFrom, serverFields } from '../response.js'

import { readBodyText } from '../response.js'
export const OVERREAD = 1024
export async function readBody(r: unknown, o: any): Promise<{ text: string; complete: boolean }> {
  const t = await readBodyText(r, o)
  return { text: t.text, complete: !t.truncated }
}
export function cutBytes(s: string, n: number): string {
  return s.slice(0, n)
}
