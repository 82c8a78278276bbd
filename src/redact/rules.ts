/**
 * The API's password rules in free text (`"failed_requirements": {"same_password": {…}}`): an
 * object directly inside that object is data, as in the walk; one nested deeper, or after it, is not.
 *
 * @module
 */

/**
 * A reader of one text, asked at increasing offsets: each character is read once (linear in all).
 * It counts brackets outside the strings of the rules' own quoting (`\"` in JSON inside JSON);
 * anything it cannot read so (a quote of another escaping, `&quot;`, `\u0022`) ends the rules, so
 * that the objects after it go: when unsure, redact.
 */
export function rulesReader(text: string): {
  /** Whether `end`, the end of a name and its separator, stands directly inside a rules object. */
  inside(end: number): boolean
  /** A rules object opens at `from`, after the name that starts at `name`. */
  open(name: number, from: number): void
} {
  let at = -1 // read up to here; -1 outside every rules object
  let depth = 0 // brackets open inside the rules object
  let level = 0 // backslashes before each quote of its strings
  let quote = '' // the quote of the string being read, if any
  let slashes = 0 // backslashes just read
  const read = (to: number): void => {
    while (at >= 0 && at < to) {
      const c = text[at++] as string
      if (c === '\\') {
        slashes++
        continue
      }
      const n = slashes
      slashes = 0
      if (quote) {
        // A string closes at its quote after `level` backslashes, and 2·level + 2 more for each
        // escaped backslash before it; fewer or more escape a quote of its text.
        if (c === quote && n >= level && (n - level) % (2 * level + 2) === 0) quote = ''
      } else if ('"\'`'.includes(c)) {
        if (n === level) quote = c
        else at = -1
      } else if ((n && !'nrt'.includes(c)) || c === '&') at = -1
      else if ('{['.includes(c)) depth++
      else if ('}]'.includes(c) && --depth < 0) at = -1
    }
  }
  return {
    inside: (end) => {
      read(end)
      return at >= 0 && !quote && depth === 0
    },
    open: (name, from) => {
      // Its strings are quoted as its name is: after as many backslashes.
      let n = 0
      if ('"\'`'.includes(text[name - 1] || ' ')) while (text[name - 2 - n] === '\\') n++
      at = from
      depth = 0
      level = n
      quote = ''
      slashes = 0
    },
  }
}
