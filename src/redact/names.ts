/**
 * Secret names. A name is split into words at `-`, `_`, `.`, spaces, any other punctuation and
 * camelCase; it is secret by its last word (or last two), so `token_type` or
 * `password_management_rules` stay data while `refreshToken` and `X-Api-Key` are secret.
 *
 * @module
 */

/** The rule on a name's words (see {@link words}): by its last word (plurals too), its last two, or the whole name. */
const RULE =
  '^(?:auth|authentication|(?:(?:x|proxy)(?: forwarded)? )?authorization|(?:.* )?(?:(?:pass(?:word|wd|phrase|code|e)?|pwd|secret|token|credential|otp|pin|sig(?:nature)?|hmac|assertion|verifier|cookie)s?\\d*|(?:pass(?:word|wd)?|pwd) ?confirm(?:ation)?|(?:api|auth|access|secret|private|signing|encryption|client|[tm]fa) ?keys?|(?:[tm]fa|2 ?fa|otp|auth|authentication|verification) codes?|j?session(?: ?ids?| keys?)?|(?:php)?sessids?|sid'

/** Where camelCase starts a new word: `apiKey`, `APIKey`, `x2Fa` (and `2FACode`, `2 fa code`: the rule reads `2 fa` as `2fa`). */
const CAMEL = /([a-z\d])(?=[A-Z])|([A-Z])(?=[A-Z][a-z])/g

/**
 * Lower-case words joined by one space: `XApiKey` gives `x api key` (`camel` false: `xapikey`).
 * Only ASCII letters and digits count (`password_ü` is `password`), or with `unicode` the letters
 * and digits of any script (`мой-пароль`, for names given in `redact`). Any value is read as its string.
 */
export function words(name: unknown, camel?: boolean, unicode?: boolean): string {
  const s = String(name)
  // Made on first use, from text that neither the linter nor a minifier turns back into a literal:
  // a \p{…} literal costs about 0.4 ms of load time to parse, called or not.
  if (unicode) {
    nonWord ??= new RegExp(['[^\\p{L}', '\\p{N}]+'].join(''), 'gu')
    // camelCase in any script: `userПароль`.
    anyCamel ??= new RegExp(['([\\p{Ll}\\p{N}])(?=\\p{Lu})|(\\p{Lu})(?=\\p{Lu}\\p{Ll})'].join(''), 'gu')
  }
  return (camel ? s.replace(unicode ? (anyCamel as RegExp) : CAMEL, '$1$2 ') : s)
    .toLowerCase()
    .replace(unicode ? (nonWord as RegExp) : /[^a-z\d]+/g, ' ')
    .trim()
}

/** Runs of what is neither a letter nor a digit, in any script. */
let nonWord: RegExp | undefined
/** Where camelCase starts a new word, in any script. */
let anyCamel: RegExp | undefined

/**
 * A test for secret names: the built-in rule, plus names whose words end with the words of one of
 * `extra` (so `session_id` also covers `sessionId`, `SESSION-ID` and `user_session_id`). Any case.
 */
export function nameTest(extra: readonly string[]): (name: unknown) => boolean {
  // Anchored at the start, so a test tries one place, not every one.
  // A last word of digits alone is a number of the name before it (`X-Hub-Signature-256`, `password_2`).
  // The extra names as the built-in words: a plural or digits right after one (`ssns`, `ssn1`) too.
  const rule = new RegExp(`${[RULE, ...extra.map((name) => `${name}s?\\d*`)].join('|')}))(?: \\d+)?$`)
  // Most names are lower-case ASCII: the camelCase split (the costly part) only runs on a name with
  // a capital, the split in every script on a name with a character beyond ASCII.
  const test = (name: unknown) =>
    rule.test(words(name)) ||
    (/[A-Z]/.test(name as string) && rule.test(words(name, true))) ||
    (/[^\0-\x7f]/.test(name as string) && rule.test(words(name, true, true)))
  // An API's bodies repeat the same few names: remembering the answers saves about 0.8 µs of the
  // ~1.8 µs the walk of a 1 KiB error body takes (bench/from-response.mjs). Bounded, so a stream of
  // ever new names cannot make it grow without end; long names (a body's keys may run to its cap)
  // are not kept, or 1,024 of them held tens of megabytes once their errors were gone.
  const known = new Map<unknown, boolean>()
  return (name) => {
    let secret = known.get(name)
    if (secret === undefined) {
      try {
        secret = test(name)
      } catch {
        // Extra names too long for one pattern (V8 compiles it on first use, and refuses some 30,000
        // characters): every name is secret, scrubbing too much rather than too little.
        secret = true
      }
      if (known.size >= 1024) known.clear()
      if (typeof name !== 'string' || name.length < 256) known.set(name, secret)
    }
    return secret
  }
}
