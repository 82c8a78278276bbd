/**
 * Generated secrets and places for the redaction properties (places.property.test.ts): secret and
 * data names by DESIGN §3's rules, secret values of wide alphabets, the free-text shapes a secret
 * stands in, the places a request holds one, and the forms a server echoes it in.
 */
import fc from 'fast-check'

/** Last words that make a name secret (their plurals too), as DESIGN §3 lists them. */
export const LAST = [
  'password',
  'passwd',
  'pwd',
  'pass',
  'passphrase',
  'passcode',
  'secret',
  'token',
  'credential',
  'otp',
  'pin',
  'signature',
  'sig',
  'hmac',
  'assertion',
  'verifier',
  'cookie',
]
const KEY_AFTER = ['api', 'auth', 'access', 'secret', 'private', 'signing', 'encryption', 'client', 'tfa', 'mfa']
const CODE_AFTER = ['tfa', 'mfa', '2fa', 'otp', 'auth', 'authentication', 'verification']
const RUN_TOGETHER = ['apikey', 'authkey', 'secretkey', 'sessionid', 'jsessionid']
/** Words a name may start with: none of them changes what its end says. */
const PREFIX = ['user', 'new', 'x', 'my', 'old', 'refresh', 'account', 'admin', 'current', 'device', 'een']
/** Last words that make a name with a secret word inside it data. */
const DATA_END = ['type', 'timeout', 'rules', 'enabled', 'expires_in_days', 'length', 'count', 'hint', 'format']

const plural = (word: string) => (word.endsWith('s') ? `${word}es` : `${word}s`)

/** The words of a secret name. */
export const secretWords: fc.Arbitrary<string[]> = fc
  .tuple(
    fc.array(fc.oneof(fc.constantFrom(...PREFIX), fc.stringMatching(/^[a-z][a-z0-9]{0,7}$/)), { maxLength: 2 }),
    fc.oneof(
      fc.tuple(fc.constantFrom(...LAST), fc.boolean()).map(([w, p]) => [p ? plural(w) : w]),
      fc.tuple(fc.constantFrom(...KEY_AFTER), fc.constantFrom('key', 'keys')).map((w) => [...w]),
      fc.constantFrom(...CODE_AFTER).map((w) => [w, 'code']),
      fc.constantFrom(['session'], ['session', 'id'], ['session', 'key'], ['sid']),
      fc.constantFrom(...RUN_TOGETHER).map((w) => [w]),
    ),
  )
  .map(([prefix, end]) => [...prefix, ...end])
  // `auth` is secret only as the whole name.
  .chain((words) => fc.constantFrom(words, words, words, ['auth']))

/** The words of a data name: a secret word, then a word that makes it data. */
const dataWords: fc.Arbitrary<string[]> = fc
  .tuple(
    fc.array(fc.constantFrom(...PREFIX), { maxLength: 1 }),
    fc.constantFrom(...LAST, 'session', 'api_key'),
    fc.constantFrom(...DATA_END),
  )
  .map(([prefix, word, end]) => [...prefix, ...word.split('_'), ...end.split('_')])

/** Each character in a random case. */
const randomCase = (s: string) =>
  fc
    .array(fc.boolean(), { minLength: s.length, maxLength: s.length })
    .map((up) => [...s].map((c, i) => (up[i] ? c.toUpperCase() : c.toLowerCase())).join(''))

/** A name of words, spelled with a separator in any case, or in camelCase / PascalCase. */
export const spell = (words: fc.Arbitrary<string[]>, separators = ['_', '-', '.', ' ']): fc.Arbitrary<string> =>
  words.chain((w) =>
    fc.oneof(
      fc.constantFrom(...separators).chain((sep) => randomCase(w.join(sep))),
      // camelCase with acronyms: a word in capitals after one that ends in a small letter or a digit
      // (`userPIN`, `APIKey`; `XAPIKey` or `GSID` read as one word).
      fc.array(fc.boolean(), { minLength: w.length, maxLength: w.length }).map((upper) => {
        const out: string[] = []
        w.forEach((x, i) => {
          const prev = out[i - 1] ?? ''
          if (i > 0 && /^\d/.test(x)) out.push(`_${x}`)
          else if (upper[i] && (i === 0 || /[a-z\d]$/.test(prev))) out.push(x.toUpperCase())
          else out.push(i === 0 ? x : (x[0] as string).toUpperCase() + x.slice(1))
        })
        return out.join('')
      }),
      fc.boolean().map((pascal) =>
        // A word that starts with a digit (`2fa`) is no camelCase word: it keeps a `_` before it.
        w
          .map((x, i) =>
            i === 0 && !pascal ? x : /^\d/.test(x) ? `_${x}` : (x[0] as string).toUpperCase() + x.slice(1),
          )
          .join(''),
      ),
    ),
  )

export const secretName = spell(secretWords)
export const dataName = spell(dataWords)
/** Names as a text shape can hold them: no space (a space splits a bare name). */
export const secretNameNoSpace = spell(secretWords, ['_', '-', '.'])
export const dataNameNoSpace = spell(dataWords, ['_', '-', '.'])

/** Characters a secret may hold: letters, digits, `+/=`, `%`, `&`, quotes, backslashes, Unicode, emoji. */
const WIDE = [
  ...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789',
  ...'+/=%&"\'\\-_.~!*:;,@#$?()[]{}<>|^` ',
  'é',
  'ß',
  'п',
  '密',
  '😀',
  '🔑',
]

/** A value of at least 6 characters: a capital that is no hex digit first (`%3A` holds no start of one), then any of `chars`. */
const secretOf = (chars: string[], min = 6, max = 24) =>
  fc
    .tuple(
      fc.constantFrom(...'GHKMNPQRSTUVWXYZ'),
      fc.array(fc.constantFrom(...chars), { minLength: min - 1, maxLength: max - 1 }),
    )
    .map(([first, rest]) => first + rest.join(''))

/** A secret of any characters. */
export const wideSecret = secretOf(WIDE)
/** A secret with no character that ends a bare value in text (space, `&;,"'<>\{}[]%)`). */
const bareSecret = secretOf(WIDE.filter((c) => !/[\s&;,"'<>\\{}[\]%)]/.test(c)))
/** A data value: letters and digits, so no rule reads it as a secret. */
export const dataValue = fc.stringMatching(/^[a-z0-9]{8}$/).map((s) => `dv${s}`)

/** The start of `s` that any leak would show: its first 6 characters (longer starts hold it). */
export const start = (s: string): string => [...s].slice(0, 6).join('')

/** HTML escaping, as a page writes text and attribute values. */
export const html = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;')
export const json = (s: string): string => JSON.stringify(s).slice(1, -1)
export const form = (s: string): string => new URLSearchParams([['v', s]]).toString().slice(2)

/** A shape of free text for a name and its value (escaped as the shape needs), and the values it holds. */
export type Shape = (name: string, value: string) => string
export const SHAPES: Record<string, { shape: Shape; value: fc.Arbitrary<string> }> = {
  bareEq: { shape: (n, v) => `${n}=${v}`, value: bareSecret },
  query: { shape: (n, v) => `https://h.test/p?x=1&${n}=${encodeURIComponent(v)}&y=2`, value: wideSecret },
  nestedUrl: {
    shape: (n, v) => `redirect=${encodeURIComponent(`https://h.test/cb?${n}=${encodeURIComponent(v)}&z=1`)}`,
    value: wideSecret,
  },
  colon: { shape: (n, v) => `${n}: ${v}`, value: bareSecret },
  colonQuoted: { shape: (n, v) => `${n}: "${json(v)}"`, value: wideSecret },
  json: { shape: (n, v) => `{"${n}": "${json(v)}", "ok": false}`, value: wideSecret },
  jsonCompact: { shape: (n, v) => `{"a":"b","${n}":"${json(v)}"}`, value: wideSecret },
  arrow: { shape: (n, v) => `${n} => ${v}`, value: bareSecret },
  rubyHash: { shape: (n, v) => `{"${n}"=>"${json(v)}", "x"=>1}`, value: wideSecret },
  rubySym: { shape: (n, v) => `{:${n}=>"${json(v)}"}`, value: wideSecret },
  element: { shape: (n, v) => `<${n}>${html(v)}</${n}>`, value: wideSecret },
  // (A value ending in a backslash reads as an escaped quote, as in JSON: the rest of the line goes.)
  formField: {
    shape: (n, v) => `<input type="hidden" name="${n}" value="${html(v)}">`,
    value: wideSecret.filter((v) => !v.endsWith('\\')),
  },
  formFieldValueFirst: { shape: (n, v) => `<input value="${html(v)}" type="password" name="${n}">`, value: wideSecret },
  goStruct: { shape: (n, v) => `&{User:bob ${n}:${v} Admin:false}`, value: bareSecret },
  rubyStruct: { shape: (n, v) => `#<struct User name="bob", ${n}="${json(v)}">`, value: wideSecret },
  rubyInspect: { shape: (n, v) => `#<User id: 1, ${n}: "${json(v)}", admin: false>`, value: wideSecret },
}
export const shapeNames = Object.keys(SHAPES)

/** Printable ASCII, as a header value holds it. */
export const printable = fc
  .array(fc.constantFrom(...'ABCDEFGHKMNPQRSTUVWXYZabcdefghkmnpqrstuvwxyz0123456789+/=%&-_.~!*:;,@#$?()<>|^ '), {
    minLength: 6,
    maxLength: 24,
  })
  .map((c) => `Q${c.join('')}`)

/** A request that holds secret `v` (or `hv`, a header-safe one, in its headers) in one place: [place, request]. */
export const requestWith = (v: string, name: string, hv: string, dashed: string) =>
  fc.constantFrom<[string, unknown]>(
    ['query', { url: `https://api.test/g/x?id=1&${encodeURIComponent(name)}=${encodeURIComponent(v)}` }],
    ['A', { url: `https://api.test/media.jpg?A=${encodeURIComponent(v)}` }],
    ['fragment', { url: `https://api.test/cb#${encodeURIComponent(name)}=${encodeURIComponent(v)}&state=1` }],
    ['userinfo', { url: `https://ann:${encodeURIComponent(v)}@api.test/x` }],
    ['bearer', { url: 'https://api.test/x', headers: { Authorization: `Bearer ${hv}` } }],
    ['basic', { url: 'https://api.test/x', headers: { authorization: `Basic ${btoa(`ann:${hv}`)}` } }],
    ['header', { url: 'https://api.test/x', headers: [[name.replace(/[^\w-]/g, '-'), hv]] }],
    ['cookie', { url: 'https://api.test/x', headers: { Cookie: `lang=en; auth_key=${hv}; theme=dark` } }],
    ['json', { url: 'https://api.test/x', body: JSON.stringify({ user: 'ann', nested: { [name]: v } }) }],
    ['data', { url: 'https://api.test/x', body: { user: 'ann', [name]: [v] } }],
    ['form', { url: 'https://api.test/x', body: `user=ann&${encodeURIComponent(name)}=${encodeURIComponent(v)}` }],
    ['params', { url: 'https://api.test/x', body: new URLSearchParams([[name, v]]) }],
    [
      'multipart',
      {
        url: 'https://api.test/x',
        body: `--b\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${v}\r\n--b--\r\n`,
      },
    ],
    ['auth', { url: 'https://api.test/x', auth: { username: 'ann', password: v } }],
    // (Header names are case-insensitive, a Headers object lower-cases them: words split at dashes.)
    ['Headers', { url: new URL('https://api.test/x'), headers: new Headers({ [dashed]: hv }) }],
    ['FormData', { url: 'https://api.test/x', body: formData(name, v) }],
    ['queryOption', { url: 'https://api.test/x', query: { [name]: v } }],
    ['list', [{ url: 'https://api.test/x' }, { url: 'https://api.test/y', body: { [name]: v } }]],
  )

function formData(name: string, v: string): FormData {
  const f = new FormData()
  f.append('user', 'ann')
  f.append(name, v)
  return f
}

/** The forms in which a server echoes a secret of the request. */
export const ECHO: Record<string, (v: string) => string> = {
  raw: (v) => v,
  percent: encodeURIComponent,
  percentLower: (v) => encodeURIComponent(v).replace(/%[\dA-F]{2}/g, (m) => m.toLowerCase()),
  form,
  json,
  html,
  jsonOfHtml: (v) => json(html(v)),
}

/** A body stream that sends the first `n` characters of `text`, then fails: a read cut short. */
export function early(text: string, n: number): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      controller.enqueue(new TextEncoder().encode(text.slice(0, n)))
      controller.error(new Error('connection reset'))
    },
  })
}
