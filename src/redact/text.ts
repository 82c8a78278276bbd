/**
 * Free text: every shape a secret takes in a message, a log line, a URL or a stringified body.
 *
 * @module
 */

import { rulesReader } from './rules.js'

/** What replaces a secret. */
export const REDACTED = '[REDACTED]'

/** The auth schemes a credential follows, any case. */
const SCHEMES = 'bearer|basic|token|digest|negotiate|ntlm|api-?key|dpop'

/**
 * Whether `s` may hold a secret shape: none is without a separator (`:=>@%`) or one of `quickWords`
 * (an auth scheme, a PEM line, a JSON Web Token's start, Go's escaped `>`), so text with neither
 * skips the full scan. The separators are looked for one by one and the words by a pattern of words
 * alone, which V8 scans by skipping (0.4 µs on 1 KB, against 2.3 µs for one pattern of both).
 */
const mayHoldSecret = (s: string, quickWords: RegExp): boolean => {
  // Not even a blank, dot or backslash (most names and words of data): no shape. This first test takes
  // 4% off fromResponse of the bench's 1 KiB body (1.72-1.76× res.json(), against 1.80-1.93×).
  if (!/[:=>@%\\\s+.]/.test(s)) return false
  for (const separator of ':=>@%') if (s.includes(separator)) return true
  return quickWords.test(s)
}

/**
 * Secrets that need no name: a PEM private key (to its end, or the text's), the API key as the `A`
 * query parameter (also `&amp;A=`, `%3FA%3D`, `?%41=`, spaces around its `=`, and `\u0026A=` or
 * `\u003fA=` as JSON writes it; the value ends at a backslash, an escape's), the password or lone
 * token of URL userinfo (to the last `@` before the host ends, as URLs split it: a password may
 * hold a raw `@`, not a quote; also after `:\/\/`, as PHP's JSON writes slashes, and its escapes
 * escaped again in JSON inside JSON), and the credential after an auth scheme (after spaces, tabs,
 * a line break, a form's `+` or `%20`, or JSON's `\t`, `\n` or `\r`, also right after one of those;
 * the scheme word not inside a word, but right after an escape, `%3A%20Bearer` or `\u0022Bearer`;
 * at least 6 token characters, bare or in quotes of any kind: double, single, a backtick, a
 * typographic quote, an HTML entity of one; read whole: never shortened to pass the next test; not
 * a parameter's name, `username="…"` of Digest or `resource_metadata="…"`, where a value follows
 * `="` or `='`, but padding when a delimiter does). A scheme word followed by a space is not taken
 * for the credential, so after `token Bearer` the scan goes on to the credential after `Bearer` (a
 * repeated scheme group would backtrack over a long chain); and a JSON Web Token, wherever it
 * stands.
 */
function namelessPattern(): RegExp {
  /** Between a scheme and its credential: spaces, tabs, a line break, a form's `+` or `%20`, JSON's `\t`, `\n` or `\r`. */
  const gap = String.raw`(?:[ \t+]|\r?\n|%20|\\+[tnr])`
  // The words around PRIVATE KEY bounded (RSA, EC, ENCRYPTED, OPENSSH…): unbounded, a header without its
  // closing dashes was tried from every PRIVATE KEY after it (80 KB of them took 0.7 s).
  const words = '[A-Z ]{0,40}'
  const pem = String.raw`-----BEGIN ${words}PRIVATE KEY${words}-----[\s\S]*?(?:-----END ${words}PRIVATE KEY${words}-----|$)`
  const aParam = String.raw`((?:[?&#;]|(?:%|\\u00)(?:3F|2[36]))(?:a|%41|%61)[ \t]*(?:=|%3D)[ \t]*)(?:[^\s&#;"'<>%)\\]|%(?!2[36])|\)(?!\s|$))+`
  // A quote may stand inside it, not end a string: one before `,`, `:`, a bracket or a space is
  // the end of the URL's string (`"https://h","pin":"a@b"` holds no userinfo), never read past.
  const q = String.raw`["'\x60](?![\s,:;}\]])`
  const userinfo = String.raw`((?:\\{0,3}\/){2}(?:(?:[^\s/?#@:"'\x60]|${q})*:)?)(?:[^\s/?#@"'\x60]|${q})+(?:@[^\s/?#@"'\x60<>\\]+)*(?=@)`
  /** An opening quote of any kind: double, single, a backtick, typographic, or an HTML entity of one. */
  const quote = String.raw`(?:\\*["'\x60]|[\u2018\u201c]|&(?:quot|apos|#0*3[49]|#x0*2[27]);)`
  const credential = String.raw`((?=([\w.~+/-]{6,}))\6(?!=\\*["'](?![\s,;}\]]|$))=*)`
  // The gap read whole too (a look-ahead and its back-reference: atomic): a form's `+` is also a
  // credential's character, and each shorter gap tried made a run of them before `="` quadratic.
  // A parameter's name in its place (no credential) is read whole as well, up to a `//` that userinfo
  // may start at: the scheme words inside it fail alike, and each one's scan to its `="` made a run of
  // them (`+token+x+token+x…="`) quadratic. It is kept, less the JSON Web Tokens in it.
  const name = String.raw`(?=[\w.~+/-]{6,}=\\*["'](?![\s,;}\]]|$))(?:(?!\/\/[\w.~+-]*=)[\w.~+/-])*`
  const scheme = String.raw`(?<!\w(?<!\\[tnr]|%[\dA-F]{2}|\\u[\dA-F]{4}))((?:${SCHEMES})(?=(${gap}+))\4${quote}?)(?!(?:${SCHEMES})${gap})(?:${credential}|${name})`
  return new RegExp([pem, aParam, userinfo, scheme, jwt()].join('|'), 'gi')
}
/**
 * A JSON Web Token: a JSON header and payload (`{"…` in base64url), and a signature, maybe empty;
 * read from the start of a run of token characters only (from each `eyJ` inside one: quadratic).
 * A function: a tagged template at the top level is a call, which every bundle keeps (describe's too).
 */
const jwt = (): string => String.raw`(?<![\w-])eyJ[\w-]{8,}\.eyJ[\w-]{8,}\.[\w-]*`
/**
 * A run of letters that reads as a word ("basic settings.", "Token expired", "Bearer
 * authentication required") is no credential: up to 20 lower-case letters, optionally
 * capitalised, or up to 10 capitals. A digit, a capital inside, any other character or more
 * letters make a credential.
 */
const WORD = /^[A-Z]?([a-z]{1,20}|[A-Z]{0,9})\.?$/
/**
 * A name and its separator: `name=`, `name%3D`, `name:`, `"name": `, `&quot;name&quot;: ` (or
 * `&#39;name&#39;: `, a Python dict on an HTML page, or in backticks, or `\u0022name\u0022: ` as
 * .NET's JSON escapes quotes), `name =>`, `<name>` (also `<ns:name>`; `=\u003e` and
 * `\u003cname\u003e` as Go's JSON escapes them), and an HTML form field's `name="…" … value=` (its
 * quotes also JSON-escaped, as in HTML inside JSON; or a meta tag's `content=`, as in `<meta
 * name="csrf-token" content="…">`). A name starts after a non-name character, its percent-escape
 * (`%3Ftoken=` in a nested URL) or JSON's escaped line break or tab (`\npassword:`, a text's lines
 * in a JSON string, never at its letter; also before the value), any `\u`-escape (Go's `\u0026` for
 * `&`; never at its letter or digits), or leading dashes (`--password=`, `-Dssl.keyStorePassword=`
 * of a command line; a dash after a name character joins it: `x-auth` is no `auth`), not within a
 * run of escaped name characters (a long run would be read from each escape: quadratic). It may
 * hold escaped name characters (`%70assword=`, `user%5Bpassword%5D=`, read decoded; an escaped `=`
 * or `&` ends it) and characters of any script (below). The word before it, if one space apart, is
 * captured by a look-behind (it is not consumed, so a match may still start there): `API key: …`
 * and `Session ID: …` are tested as two words as well as one. The `>` of an element is matched
 * before its look-behind, which would otherwise scan back over a long name at every step
 * (quadratic); a form field's `value` is looked for within 500 characters of its name, for the same
 * reason.
 */
function pairPattern(): RegExp {
  /** A percent-escape of a name character: a letter, a digit, `_`, `[`, `]`, `-` or `.`. */
  const ESCAPE = String.raw`%(?:3\d|[46][1-9A-F]|[57][\dA]|5[BDF]|2[DE])`
  /**
   * A word character of a name: ASCII's, and every character from U+00C0 on, so that names given
   * in `redact` in any script (`пароль`, `密码`) are read in text as in data. The Kelvin sign
   * (U+212A), which lower-cases to `k`, is among them.
   */
  const WORD = String.raw`\w\u00C0-\uFFFF`
  return new RegExp(
    String.raw`(?=[${WORD}%])(?<![${WORD}.%](?<!%[\dA-F]{2}(?<!${ESCAPE}))(?<!\\[nrt]|\\u[\dA-F]{4})-*)(?!(?<=\\)(?:[nrt]|u[\dA-F]{4}))(?:name[ \t]*=[ \t]*\\*["']([^"'\\]*)\\*["'][^>]{0,500}?\s(?:value|content)|(?<=([${WORD}]+ |))((?:[${WORD}]|${ESCAPE})(?:[${WORD}.-]|${ESCAPE})*)(?:\\*["'\x60]|&(?:quot|apos|#0*3[49]|#x0*2[27]);|\\u00(?:22|27)|\]|%5D)?)[ \t]*(?:=(?:>|\\u003e)|[:=]|%3D|>(?<=<[${WORD}.:-]+>)|\\u003e(?<=\\u003c[${WORD}.:-]+\\u003e))(?:[ \t]|\\+t)*`,
    'gi',
  )
}
/**
 * An HTML form field whose `value` (or a meta tag's `content`) comes before its `name`, in the same
 * tag (`<input value="…" name="password">`; its quotes also JSON-escaped): captures the value's
 * opening and the name, so that the value goes when the name is secret. The value may hold the
 * other quote and backslashes (HTML's are characters, JSON writes each as two): its quote, after n
 * backslashes (n + 1 more for each of its own before it), ends it.
 */
const VALUE_FIRST =
  /(\s(?:value|content)[ \t]*=[ \t]*(\\*)(["']))(?:[^"'\\]|(?!\3)["']|\\+(?!\\|\3)|(?:\2\\)+(?=\2\3))*(?=\2\3[^<>]{0,500}?\sname[ \t]*=[ \t]*\\*["']([^"'\\]*)\\*["'])/gi
/**
 * A name/value pair (`{"name": "X-Api-Key", "value": "…"}`, as HAR logs, Kubernetes variables and
 * AWS tags write them) or a validation error's field and the input it rejected (`{"field":
 * "password", "rejectedValue": "…"}`), the value right after the name (the names of both as the
 * walk reads them, any case; in JSON, JSON in JSON or inspect output): captures the name, so that a
 * mark goes after the value's name when it is secret. A name given as a path (an array, or a Python
 * tuple, of strings and indexes) is its last step, as in pydantic's `"loc": ["body", "password"]`;
 * the steps before it are read once each, so a long path is read in linear time.
 */
const NAMED_VALUE =
  /(?<![\w$\\-])(\\*)(["']?)(?:name|key|field|param|path|property|loc)\1\2[ \t]*:[ \t]*(?:[[(](?:(?:\s|\\+[nrt])*(?:\1["'][^"'\\]*\1["']|\d+)(?:\s|\\+[nrt])*,)*(?:\s|\\+[nrt])*)?\1(["'])([^"'\\]*)\1\3(?:(?:\s|\\+[nrt])*[\])])?\s*,(?:\s|\\+[nrt])*\1\2(?:value|rejected_?value|input|invalid_?value)\1\2[ \t]*:[ \t]*/gi
/**
 * A secret-named value, after the mark its name left: quoted (escaped quotes inside, or escaped
 * itself for JSON in JSON, or HTML-escaped as `&quot;` or `&#39;`, or `\u0022` or `\u0027`, or in
 * backticks; the quotes stay); after a header (`Authorization`, `Authentication`, `Cookie`, whose
 * values hold spaces; not a `session`), the rest of the line or of the string it is in (a quoted
 * parameter, Digest's `response="…"`, read whole), or up to a secret name's value inside it that
 * the line would cut (quoted after `:`, an object, an array), which then goes on its own; in an
 * element, its text (to `<` or `\u003c`; not after `=>`, whose value ends as a bare one does); an
 * array or an object (to its end, or to the text's end when it nests deeper than three levels or is
 * cut; a bracket inside a quoted string (quoted as its name is: by `\"` in JSON inside JSON) or
 * after a backslash is text, not its end); or a run of value characters.
 */
function valuePattern(): RegExp {
  // The level of a secret object's strings: the backslashes before its name's closing quote (none
  // for plain JSON, one for JSON in a JSON string, three in that), captured in group `n`. Its strings
  // open and close by as many; a backslash outside them that would open one does not escape it (a
  // string that never closes ends the object: the rest of the text goes).
  // A name not quoted so (bare, `password: {\"a\": …}` in a JSON string) takes the level of the
  // value's first string, in group `n + 1`; at most one of the two is set, and the other reads as nothing.
  const name = String.raw`"[ \t]*(?:=>|[:=])(?:[ \t]|\\+t)*\0`
  const level = (o: string) => String.raw`(?<=(?:(?<!\\)(\\+)${name})?)(?=(?<!\\${name})${o}(?:\s|\\+[nrt])*(\\+)"|)`
  /** An array (`[`, `]`) or object (`{`, `}`) three levels deep, its strings at the level of groups `n` and `n + 1`. */
  const nested = (open: string, close: string, n: number) => {
    const [o, c, l] = [`\\${open}`, `\\${close}`, `\\${n}\\${n + 1}`]
    const string = String.raw`${l}"(?:[^"\\]|\\+(?![\\"])|(?!(?:${l}${l}\\\\)*${l}")\\+")*(?:${l}${l}\\\\)*${l}"`
    // Strings in other quotes: single, backticks, HTML-escaped (`&quot;`) or `\u`-escaped (`\u0022`), as its name's may be.
    const other = String.raw`'(?:[^'\\]|\\[\s\S])*'|\x60[^\x60]*\x60|&quot;(?:(?!&quot;)[\s\S])*&quot;|\\u0022(?:(?!\\u0022)[\s\S])*\\u0022`
    // A quote that opens such a string is never read as a character instead: each of them read both ways
    // made an array or object that never closes exponential (16 strings in backticks, 60 characters,
    // took 0.4 s, each two more five times as long). A bracket left open so is read to the text's end.
    const atoms = String.raw`${string}|${other}|(?!${l}"|${other})\\[\s\S]|(?!${other})[^${o}${c}"'\\]`
    const inner = `${o}(?:${atoms})*${c}`
    const middle = `${o}(?:${atoms}|${inner})*${c}`
    return String.raw`${level(o)}${o}(?:${atoms}|${middle})*(?:${c}|[\s\S]*)`
  }
  // In a header's value, a quoted parameter (in double or single quotes) is read whole, also under a
  // secret name of its own (`Cookie: sid="…"`), whose mark then sits between its `=` and its quote.
  // A quote closes a string opened by n backslashes (JSON inside JSON) after n backslashes that follow
  // a multiple of 2n + 2 of them: fewer or more escape a quote of the content. The quote is looked
  // for before that look-behind, which would otherwise scan back over a run of backslashes at every step.
  return new RegExp(
    String.raw`\0(?:(\\{0,31})(["'\`]|&(?:quot|apos|#0*3[49]|#x0*2[27]);|\\u00(?:22|27))(?:.*?((?=\1\2)(?<=(?<!\\)(?:\1\1\\\\)*)\1\2)|.*)|(?<=(?:authori[sz]ation|authentication|cookie):(?:\s|\\+t)*\0)(?:[^\r\n"'\\\0]|\0(?![\\"'\`{[])|(?<==)\0(?=\\*["'])|(?<==\0?)(\\*)"[^\r\n"\\]*\4"|(?<==\0?)'[^\r\n'\\]*')+|(?<=(?<!=)(?:>|\\u003e)\s*\0)(?:[^<\\]|\\(?!u003c))+|${nested('[', ']', 5)}|${nested('{', '}', 7)}|(?:[^\s&;,"'<>\\{}[\]%)]|%(?!26)|\)(?!\s|$))+)`,
    'gi',
  )
}

/**
 * The patterns built from parts, made on first use: parsing them at load took about 0.5 ms of the
 * 2.3-3.6 ms a `require` of the package took (bench/module-load.mjs), also where nothing is scrubbed.
 */
let built: RegExp[] | undefined

/**
 * A scrubber of free text: every value after a secret name (by `secret`) in every shape above,
 * the credential after an auth scheme, URL userinfo, the `A` parameter and PEM private keys.
 */
export function textScrubber(secret: (name: string) => boolean): (s: string) => string {
  built ??= [
    new RegExp(`-----|eyJ|\\\\u003e|${SCHEMES}`, 'i'),
    namelessPattern(),
    pairPattern(),
    valuePattern(),
    new RegExp(jwt(), 'gi'),
  ]
  const [quickWords, NAMELESS, PAIR, VALUE, JWTS] = built as [RegExp, RegExp, RegExp, RegExp, RegExp]
  return (s) => {
    if (!mayHoldSecret(s, quickWords)) return s
    const text = s
      .replace(NAMELESS, (m, param?: string, userinfo?: string, scheme?: string, _gap?: string, token?: string) =>
        scheme && token === undefined
          ? m.replace(JWTS, REDACTED)
          : scheme && WORD.test(token as string)
            ? m
            : (param || userinfo || scheme || '') + REDACTED,
      )
      .replace(VALUE_FIRST, (m, opening: string, _escapes, _quote, name: string) =>
        secret(name) ? opening + REDACTED : m,
      )
    const rules = rulesReader(text)
    return (
      text
        // A secret name leaves a mark (a NUL, which text never needs), then every marked value goes.
        .replace(PAIR, (m, field: string | undefined, word: string | undefined, name: string, at: number) => {
          // A form field's name is its attribute's text; any other is read decoded, once (`%70assword`,
          // `user%5Bpassword%5D`). Never throws: the pattern takes only escapes of ASCII name characters.
          const key = field ?? decodeURIComponent(name)
          const end = at + m.length
          // The API's password rules (`failed_requirements: { same_password: {…} }`) are data, as in
          // the walk: an object under a password name directly inside them is read name by name.
          const rule = rules.inside(end) && text[end] === '{' && /pass/i.test(name)
          if (key === 'failed_requirements' && text[end] === '{') rules.open(at, end + 1)
          return (secret(key) || (word && secret(word + key))) && !rule ? `${m}\0` : m
        })
        .replace(NAMED_VALUE, (m, _escapes, _quote, _quoted, name: string) => (secret(name) ? `${m}\0` : m))
        .replace(VALUE, `$1$2${REDACTED}$3`)
        .replace(/\0/g, '')
    )
  }
}
