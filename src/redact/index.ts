/**
 * Redaction: nothing secret leaves. A {@link Redactor} scrubs free text and plain JSON data of
 *
 * - values under a secret name: split into words at `-`, `_`, `.`, spaces and camelCase, a name
 *   is secret by its last word (`password`, `token`, `secret`, `cookie`, `pin`, `signature`…,
 *   their plurals, and with digits: `password2`, `X-Hub-Signature-256`), its last two (`password
 *   confirmation`, `api key`, `access key`, `2fa code`, `session id`…), a run-together `apikey`,
 *   `jsessionid` or `phpsessid`, or when it is `auth` or `(x-)authorization`; data that only
 *   contains such a word stays (`token_type`, `inactive_session_timeout`,
 *   `password_management_rules`), and so do the API's password-rule objects under `failed_requirements`;
 * - the headers `Authorization`, `Proxy-Authorization`, `Authentication`, `Cookie`, `Set-Cookie`
 *   and any header with a secret name, and the credential after an auth scheme (`Bearer`,
 *   `Basic`, `Token`, `Digest`…, any case; at least 6 characters, not a plain word, so "basic
 *   settings" and "Token expired" stay); in text, the lines of those five headers go to their end,
 *   while another bare value ends at a blank, a quote or a separator (`,`, `;`, `&`…);
 * - the `auth_key` cookie and the `A` query parameter (also `&amp;A=` and `%3FA%3D`);
 * - in text: `name=value`, `name%3Dvalue`, `name: value`, `"name": value`, `name => value`,
 *   `<name>value</name>`, HTML form fields, name/value pairs (`{"name": "X-Api-Key", "value": …}`,
 *   in data too) and a validation error's rejected input, Go and Ruby struct dumps, URL userinfo,
 *   PEM and PGP private keys, JSON Web Tokens;
 * - every secret value of at least 6 characters taken from the request (its URL, headers,
 *   cookies, body, query and auth options), wherever the server echoes it, also percent-, form-,
 *   JSON- or HTML-escaped.
 *
 * What it cannot catch: a secret shorter than 6 characters echoed without its name, an echo the
 * server transformed beyond those encodings (hashed, truncated, re-encoded otherwise), a bare
 * value's words after its first blank, and a value on the line after its name (the error's
 * message, put on one line before it is scrubbed, loses that one).
 *
 * @module
 */
import { OVERREAD } from '../http/read-body.js'
import { asWritten, echoPattern, echoStart, guard, type RequestParts, requestSecrets } from './echoes.js'
import { nameTest, words } from './names.js'
import { REDACTED, textScrubber } from './text.js'
import { walker } from './walk.js'

export type { RequestParts } from './echoes.js'
export { REDACTED } from './text.js'

/** Scrubs secrets out of text and plain data. Its methods never change their input. */
export interface Redactor {
  /** Free text with every secret replaced by {@link REDACTED}. Fast when the text can hold no secret (a quick pre-test). */
  text(text: string): string
  /** Plain JSON data (what JSON.parse gives): a new value with every value under a secret name replaced whole by {@link REDACTED} and every string scrubbed as text; the input is not changed. */
  value(data: unknown): unknown
  /** Text cut short (by time): less an end that is the start of a secret of the request, echoed before the cut. */
  cut(text: string): string
}

/** A redactor for the secret names `secret` tests and the request's secret values `found`. */
function newRedactor(secret: (name: string) => boolean, found: readonly string[] = []): Redactor {
  // A scrubber is a closure over patterns compiled at load: making one costs next to nothing.
  const scrub = textScrubber(secret)
  // The pieces of a long secret: looked for in text when its own pattern finds it only as written
  // (more than 256 characters other than letters and digits), and by their start at a cut always.
  const starts = [...found, ...found.flatMap(pieces)]
  const literal = found.filter(asWritten)
  const secrets = [...found, ...literal.flatMap(pieces)].sort((a, b) => b.length - a.length)
  // Every form an echo takes keeps a secret's letters and digits as they are (in any case) and in
  // order, a run of them at least a character apart from the next: a text without its runs so holds
  // no echo of it. The pattern is made for the secrets a text may hold, most often none: compiling
  // one for a new 1 KB token took 0.05-0.15 s at every error, and one for the pieces of a request's
  // `a=a=a=…` (6 KB), 3-10 s at every text with an `a`, when only the longest run was looked for.
  const parts = secrets.map((s) => (s.match(/[a-z\d]+/gi) ?? []).map((run) => run.toLowerCase()))
  const runs = parts.map((list) => list.reduce((a, b) => (b.length > a.length ? b : a), ''))
  const inOrder = (lower: string, i: number): boolean => {
    let from = 0
    return (parts[i] as string[]).every((run) => {
      const at = lower.indexOf(run, from)
      from = at + run.length + 1
      return at >= 0
    })
  }
  // From 64 secrets on, a text is read once, the 4 characters at each place looked up among the runs'
  // first 4 (a shorter run is its own key), not once a secret: each of the 32,000 numbers of a 64 KiB
  // body read for each of 2,000 secrets took 0.5-1.5 s; so, 10-15 ms whatever their count.
  const index = new Map<string, number[]>()
  for (const [i, run] of runs.entries()) index.get(run.slice(0, 4))?.push(i) ?? index.set(run.slice(0, 4), [i])
  const short = [...index].filter(([key]) => !key[3])
  const held = (s: string): string[] => {
    const lower = s.toLowerCase()
    const holds = (i: number) => lower.includes(runs[i] as string) && inOrder(lower, i)
    if (!secrets[63]) return secrets.filter((_, i) => holds(i))
    const found = new Set<number>()
    for (const [key, list] of short) if (lower.includes(key)) for (const i of list) found.add(i)
    for (let at = 0; at < lower.length - 3; at++)
      for (const i of index.get(lower.slice(at, at + 4)) ?? [])
        if (lower.startsWith(runs[i] as string, at)) found.add(i)
    return [...found]
      .sort((a, b) => a - b)
      .filter(holds)
      .map((i) => secrets[i] as string)
  }
  // An echo pattern V8 cannot run (too large for its compiler), or text too long for a pattern's
  // backtracking stack (megabytes of one value), scrubs the whole text.
  const text = (s: string): string =>
    guard(() => {
      const echo = secrets.length ? echoPattern(held(s)) : 0
      // The pieces of a long secret (`pieces`) are one echo: one marker.
      return scrub(echo ? s.replace(echo, REDACTED).replace(/(?:\[REDACTED\]){2,}/g, REDACTED) : s)
    }, REDACTED)
  const cut = (s: string): string => {
    // Only the end can hold the start of a secret: the last 4,096 characters hold any form of the
    // first 256 characters of one (the longer are looked for by their pieces and named parts).
    return starts.length
      ? guard(() => {
          const tail = s.slice(-4096)
          const start = echoStart(starts, tail)
          return start ? s.slice(0, -4096) + tail.replace(start, '') : s
        }, '')
      : s
  }
  return { text, value: walker(text, secret), cut }
}

/**
 * The built-in name test and the shared redactor, made on first use: a load that never scrubs does
 * not pay for them (about 0.2 ms of a 2.7 ms require, bench/module-load.mjs).
 */
let builtIn: ((name: unknown) => boolean) | undefined
let shared: Redactor | undefined

/**
 * A redactor: the built-in rules, the extra secret names of `redact` (matched like the built-in
 * ones: any case, separators, camelCase; `session_id` also covers `userSessionId`), and the
 * secret values of `request`, scrubbed wherever the server echoes them. Without options it is one
 * shared redactor. Never throws, whatever `request` holds.
 *
 * @example
 * ```ts
 * const redactor = createRedactor({ request: { url, headers: { Authorization: `Bearer ${token}` } } })
 * redactor.text(`rejected Bearer ${token}`) // 'rejected [REDACTED]' (the header's whole value is the request's)
 * redactor.value({ password: 'hunter22', token_type: 'bearer' }) // { password: '[REDACTED]', token_type: 'bearer' }
 * ```
 */
export function createRedactor(options?: {
  readonly request?: RequestParts | readonly RequestParts[] | undefined
  readonly redact?: readonly string[] | undefined
}): Redactor {
  // Optional chaining: no options throws nothing (an exception per error would cost more than the rest).
  const request = guard(() => options?.request)
  // A lone name (`redact: 'x-een-key'`, as JavaScript callers write it) counts as a list of one.
  const names = guard(() => options?.redact)
  const list = typeof names === 'string' ? [names] : names
  const extra = guard(() => list?.map((name) => words(name, true, true)) ?? [], []).filter(Boolean)
  builtIn ??= nameTest([])
  const secret = extra.length ? nameTest(extra) : builtIn
  const secrets = request ? requestSecrets(request, secret) : []
  if (extra.length || secrets.length) return newRedactor(secret, secrets)
  // The shared redactor when there is no more to find.
  shared ??= newRedactor(secret)
  return shared
}

/**
 * The pieces of a secret longer than 256 characters, each of 128 to 256 (a surrogate pair kept whole)
 * and holding a letter or digit (one of punctuation alone would be looked for in every text): a piece's
 * pattern finds every form of it (a 9 KB assertion, percent-encoded), where the value's own may find it
 * only as written, and the start of one cut short is looked for in a piece only (a 24 KB password echoed
 * past the 16 KiB of context read beyond a cut).
 */
function pieces(secret: string): string[] {
  const count = Math.ceil(secret.length / 255)
  const at = (i: number) => {
    const end = Math.round((i * secret.length) / count)
    return end + +/[\ud800-\udbff]/.test(secret.charAt(end - 1))
  }
  const all = secret[256] ? Array.from({ length: count }, (_, i) => secret.slice(at(i), at(i + 1))) : []
  return all.filter((piece) => /[a-z\d]/i.test(piece))
}

/**
 * The first `max` characters of `text`, scrubbed by `scrub` before the cut: with the context past
 * it that a secret straddling the cut needs to be known whole (so no prefix of one survives), and
 * no more (scrubbing megabytes of text took seconds). The context cut short loses first what
 * `cutEnd` (a redactor's `cut`) finds of a request's secret at its end: another rule may rewrite
 * such an end (`…&a=L4w` of an echoed key), which `lessCutEnd` then cannot tell from the text.
 */
export function scrubbedStart(
  scrub: (text: string) => string,
  text: string,
  max: number,
  cutEnd: (text: string) => string = (s) => s,
): string {
  // Nothing of it is kept: no scrub needed (past a body's room, each of a million strings was scrubbed to be dropped).
  if (max <= 0) return ''
  const whole = text.length <= max + OVERREAD
  const part = whole ? text : cutEnd(text.slice(0, max + OVERREAD))
  const scrubbed = scrub(part)
  const kept = (whole ? scrubbed : lessCutEnd(part, scrubbed, max)).slice(0, max)
  // Never between the halves of a surrogate pair.
  return /[\ud800-\udbff]$/.test(kept) ? kept.slice(0, -1) : kept
}

/**
 * `scrubbed`, what scrubbing made of `cut` (a text cut before it was scrubbed), less the end the two
 * share past the first `keep` characters of `cut` (what is kept of it when scrubbing changes
 * nothing). The cut may have split a secret, whose start no rule knows: it stands there as it was
 * cut. Scrubbing what comes before it (a long value under a secret name made `[REDACTED]`) may have
 * brought it inside the limit, where a cut after the scrub alone would keep it.
 */
export function lessCutEnd(cut: string, scrubbed: string, keep: number): string {
  let end = scrubbed.length
  // Past the start of `scrubbed`, its character is undefined: no character of `cut` equals it.
  for (let at = cut.length; at > keep && scrubbed[end - 1] === cut[at - 1]; at--) end--
  return scrubbed.slice(0, end)
}
