/**
 * Free text: every shape a secret takes in a message, a log line, a URL or a stringified body.
 *
 * @module
 */

/** What replaces a secret. */
export const REDACTED = '[REDACTED]'

/**
 * Text without these (a separator, an auth scheme, a PEM line) holds no secret shape: the full
 * scan is skipped.
 */
const QUICK = /[:=>@%]|-----|bearer|basic|token|digest|negotiate|ntlm|api-?key|dpop/i

/**
 * Secrets that need no name: a PEM private key (to its end, or the text's), the API key as the `A`
 * query parameter (also `&amp;A=`, `%3FA%3D`), the password or lone token of URL userinfo, and
 * the credential after an auth scheme (at least 6 token characters).
 */
const NAMELESS =
  /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(?:-----END [A-Z ]*PRIVATE KEY-----|$)|((?:[?&#;]|%3F|%2[36])a(?:=|%3D))(?:[^\s&#;"'<>%)]|%(?!2[36])|\)(?!\s|$))+|(\/\/(?:[^\s/?#@:]*:)?)[^\s/?#@]+(?=@)|\b((?:bearer|basic|token|digest|negotiate|ntlm|api-?key|dpop)[ \t]+)([\w.~+/-]{6,}=*)/gi
/**
 * A short run of letters that reads as a word ("basic settings.", "Token expired") is no
 * credential; past 10 letters even a run of lower-case letters is taken as one.
 */
const WORD = /^([A-Z]?[a-z]{1,10}|[A-Z]{1,10})\.?$/
/**
 * A name and its separator: `name=`, `name%3D`, `name:`, `"name": `, `name =>`, `<name>`, and an
 * HTML form field's `name="…" … value=`. A name starts after a non-name character or a
 * percent-escape (`%3Ftoken=` in a nested URL). The `>` of an element is matched before its
 * look-behind, which would otherwise scan back over a long name at every step (quadratic); a form
 * field's `value` is looked for within 500 characters of its name, for the same reason.
 */
const PAIR =
  /(?<![\w.%-](?<!%[\dA-F]{2}))(?:name=["']([^"']*)["'][^>]{0,500}?\svalue|(\w[\w.-]*)(?:\\*["']|\]|%5D)?)[ \t]*(?:=>|[:=]|%3D|>(?<=<[\w.-]+>))[ \t]*/gi
/**
 * A secret-named value, after the mark its name left: quoted (escaped quotes inside, or escaped
 * itself for JSON in JSON; the quotes stay); after a header (`Authorization`, `Authentication`,
 * `Cookie`: names ending in `ion` or `ie`), the rest of the line or of the string it is in; in an
 * element, its text; an array, or a run of value characters.
 */
// A quote closes a string opened by n backslashes (JSON inside JSON) after n backslashes that follow a
// multiple of 2n + 2 of them: fewer or more escape a quote of the content.
const VALUE =
  /\0(?:(\\*)(["'])(?:.*?((?<=(?<!\\)(?:\1\1\\\\)*)\1\2)|.*)|(?<=(?:ion|ie):\s*\0)[^\r\n"'\\]+|(?<=>\s*\0)[^<]+|\[(?:[^[\]]|\[[^[\]]*\])*\]?|(?:[^\s&;,"'<>\\{}[\]%)]|%(?!26)|\)(?!\s|$))+)/gi

/**
 * A scrubber of free text: every value after a secret name (by `secret`) in every shape above,
 * the credential after an auth scheme, URL userinfo, the `A` parameter and PEM private keys.
 */
export function textScrubber(secret: (name: string) => boolean): (s: string) => string {
  return (s) =>
    QUICK.test(s)
      ? s
          .replace(NAMELESS, (m, param?: string, userinfo?: string, scheme?: string, token?: string) =>
            scheme && WORD.test(token as string) ? m : (param || userinfo || scheme || '') + REDACTED,
          )
          // A secret name leaves a mark (a NUL, which text never needs), then every marked value goes.
          .replace(PAIR, (m, field: string | undefined, name: string) => (secret(field ?? name) ? `${m}\0` : m))
          .replace(VALUE, `$1$2${REDACTED}$3`)
          .replace(/\0/g, '')
      : s
}
