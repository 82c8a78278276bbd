/**
 * The body an error keeps: plain data only. Text is kept as text; data a client already parsed, or
 * given to the constructor, goes through a JSON round trip, bounded, so that the redactor only ever
 * walks plain data and `toJSON()` never throws. Scrubbed whole, then cut to the byte cap.
 *
 * @module
 */
import { cutBytes, DEFAULT_MAX_BODY_BYTES, OVERREAD, orDefault } from '../http/index.js'
import { lessCutEnd, type Redactor, scrubbedStart } from '../redact/index.js'

/** @internal The body cap as the reader takes it: a non-negative number, else the default (0 keeps nothing). */
export function bodyCap(value: unknown): number {
  return orDefault(value, DEFAULT_MAX_BODY_BYTES)
}

/** @internal Whether `text` takes at most `max` bytes of UTF-8: the cap counts bytes, as the reader does. */
export function fits(text: string, max: number): boolean {
  return cutBytes(text, max) === text
}

/**
 * @internal The body as plain data: parsed JSON (`plain`: already what `JSON.parse` gave) or text,
 * scrubbed, then bounded to `maxBodyBytes`. What cannot be serialized (a cycle, a BigInt, a
 * throwing getter, a Proxy) is `undefined`.
 */
export function plainBody(
  body: unknown,
  redactor: () => Redactor,
  plain: boolean | undefined,
  maxBodyBytes: unknown,
): unknown {
  const max = bodyCap(maxBodyBytes)
  let text: string | undefined
  // Cut before it is scrubbed (here, or by the reader at the same place): its end may be the start of a secret.
  let cut = false
  // Text past the cap is cut to the reader's context (OVERREAD) first: the scrubbing of a 20 MiB page
  // a client read took seconds, and what lies past the context is cut anyway.
  if (typeof body === 'string') {
    text = cutBytes(body, max + OVERREAD)
    // A cut never splits a character: what it kept, or the reader did, ends at most 3 bytes short of the context.
    cut = !fits(text, max + OVERREAD - 4)
  } else if (body === undefined) return undefined
  else if (plain) return redactor().value(body)
  else {
    // Bounded: past about twice the cap (cut below anyway) objects are left out, strings and arrays
    // cut to the room left, so that what is shared at many places (written out at each) or a sparse
    // array of millions of holes cannot make the work grow without end. Each value counts the least
    // it writes (an item no key), so data that fits the cap stays data. Past the room, a key's
    // number, boolean or null stays (a secret that filled the room may go, and what follows show)
    // for as much again (`spare`): an object of a million numbers is not written out whole.
    let room = 2 * max + 16_384
    let spare = room
    try {
      text = JSON.stringify(body, function (this: unknown, key, value) {
        const cost = (Array.isArray(this) ? 1 : key.length + 4) + (typeof value === 'string' ? value.length : 1)
        room -= cost
        const long = Array.isArray(value) && value.length > room
        if (room >= 0 && !long) return value
        if (value === null || (typeof value !== 'object' && typeof value !== 'string')) {
          // An array's items stay too: it began within the room, so they are fewer than the spare.
          spare -= cost
          return spare >= 0 ? value : undefined
        }
        // Scrubbed before it is cut, as any text: a cut secret is known by no rule.
        if (typeof value === 'string')
          return scrubbedStart(redactor().text, value, Math.max(0, room + value.length), redactor().cut)
        return long && room >= 0 ? value.slice(0, room) : undefined
      })
    } catch {
      // A cycle, a BigInt, a throwing getter or toJSON, a Proxy: nothing plain to keep.
    }
    if (text === undefined) return undefined
    // Walked as data first, so a value under a secret name goes whole even when the body is then cut.
    const data = redactor().value(JSON.parse(text))
    // Text cut by the room is longer than twice the cap, so it never fits: the cut text is returned.
    if (fits(text, max)) return data
    // Cut to the context past the cap before it is scrubbed, as text is above.
    text = cutBytes(JSON.stringify(data), max + OVERREAD)
  }
  // Cut short, it first loses a start of a request's secret at its end: another rule may rewrite
  // that end (`…&a=L4w` of an echoed key), so that lessCutEnd could not tell it from the text.
  if (cut) text = redactor().cut(text)
  // Scrubbed whole, then cut: no prefix of a secret survives the cut.
  const scrubbed = redactor().text(text)
  // The cap is in bytes: text shorter in characters may still be longer in bytes.
  return cutBytes(cut ? lessCutEnd(text, scrubbed, cutBytes(text, max).length) : scrubbed, max)
}
