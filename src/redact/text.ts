/**
 * Free text: every shape a secret takes in a message, a log line, a URL or a stringified body.
 *
 * @module
 */

/** What replaces a secret. */
export const REDACTED = '[REDACTED]'

/** Schemes of an `Authorization` header, whose credential follows them. */
const SCHEMES = 'bearer|basic|token|digest|negotiate|ntlm|api-?key|oauth|dpop|hoba|mutual'

/** Text without these (a separator, a scheme, a PEM line) holds no secret shape: the full scan is skipped. */
const QUICK = /* @__PURE__ */ (() => new RegExp(`[:=>@]|%3d|-----|${SCHEMES}`, 'i'))()

/** A credential after an auth scheme: at least 6 token characters. */
const CREDENTIAL = /* @__PURE__ */ (() => new RegExp(`\\b((?:${SCHEMES})[ \\t]+)([\\w.~+/-]{6,}=*)`, 'gi'))()
/** A run of letters that reads as a word ("basic settings.", "Token expired") is no credential. */
const WORD = /^[A-Z]?(?:[a-z]*|[A-Z]*)\.?$/
/**
 * Secrets that need no name: a PEM private key (to its end, or the text's), the API key as the `A`
 * query parameter (also `&amp;A=`, `%3FA%3D`), the password or lone token of URL userinfo.
 */
const NAMELESS =
  /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(?:-----END [A-Z ]*PRIVATE KEY-----|$)|((?:[?&#;]|%3F|%2[36])a(?:=|%3D))(?:[^\s&#;"'<>%]|%(?!2[36]))+|(\/\/(?:[^\s/?#@:]*:)?)[^\s/?#@]+(?=@)/gi
/** An HTML form field: `name="…" … value="…"`. */
const FIELD = /(\bname=["']([^"']*)["'][^>]*?\svalue=["'])[^"']*/gi
/**
 * A name and its separator: `name=`, `name%3D`, `name:`, `"name": `, `name =>`, `<name>`. A name
 * starts after a non-name character or a percent-escape (`%3Ftoken=` in a nested URL).
 */
const PAIR = /(<?)(?<![\w.%-](?<!%[\dA-F]{2}))([A-Za-z\d_][\w.-]*)(\\*["']|\]|%5D)?[ \t]*(=>|[:=>]|%3D)[ \t]*/gi
/**
 * A secret-named value, after the mark the name left: quoted (escaped quotes inside, or escaped
 * itself for JSON in JSON; the quotes stay), an array, or a run of value characters; after a
 * header (`\uE001`), the rest of the line or of the string it is in; in an element (`\uE002`), its text.
 */
// A quote closes a string opened by n backslashes (JSON inside JSON) after n backslashes that follow a
// multiple of 2n + 2 of them: fewer or more escape a quote of the content.
const VALUE =
  /[\uE000\uE001](\\*)(["'])(?:.*?((?<=(?:^|[^\\])(?:\1\1\\\\)*)\1\2)|.*)|\uE000(?:\[(?:[^[\]]|\[[^[\]]*\])*\]?|(?:[^\s&;,"'<>\\{}[\]%]|%(?!26))+)|\uE001[^\r\n"'\\]+|\uE002[^<]+/g
/** Headers whose value is one credential, spaces and all: `Authorization`, `Authentication`, `Cookie`. */
const HEADER = /(?:ion|ie)$/i

/**
 * A scrubber of free text: every value after a secret name (by `secret`) in every shape above,
 * the credential after an auth scheme, URL userinfo, the `A` parameter and PEM private keys.
 */
export function textScrubber(secret: (name: string) => boolean): (s: string) => string {
  return (s) =>
    QUICK.test(s)
      ? s
          .replace(CREDENTIAL, (m, scheme: string, token: string) => (WORD.test(token) ? m : scheme + REDACTED))
          .replace(NAMELESS, `$1$2${REDACTED}`)
          .replace(FIELD, (m, head: string, name: string) => (secret(name) ? head + REDACTED : m))
          // A secret name leaves a mark (which value follows it), then every marked value goes.
          .replace(PAIR, (m, tag: string, name: string, closed: string, sep: string) =>
            secret(name) && (tag || sep !== '>')
              ? m + (sep === '>' ? '\uE002' : sep === ':' && !closed && HEADER.test(name) ? '\uE001' : '\uE000')
              : m,
          )
          .replace(VALUE, `$1$2${REDACTED}$3`)
          .replace(/[\uE000-\uE002]/g, '')
      : s
}
