import { inspect } from 'node:util'
import { describe, expect, it } from 'vitest'
import { REDACTED } from '../../src/redact/index.js'
import { redact } from './fresh.js'

const text = (s: string): string => redact.createRedactor().text(s)
const S = 'hunt3r2-pa55w0rd'
const T = 'tok3n-v4lue-7f2a9c'

describe('nothing to do', () => {
  it('returns text without a separator, a scheme or a key line as it is', () => {
    const message = 'Too many requests.  Client has exceeded the maximum requests per second, please slow down.'
    expect(text(message)).toBe(message)
    expect(text('')).toBe('')
  })

  it('keeps data names that only contain a secret word, and their values', () => {
    const line =
      'token_type=bearer&tokens_left=3&password_expires_in_days=90 {"secretary": "Bob", "public_key": "ssh-rsa AAAA"}'
    expect(text(line)).toBe(line)
    expect(text('{"inactive_session_timeout": 30, "is_two_factor_authentication_enabled": true}')).toBe(
      '{"inactive_session_timeout": 30, "is_two_factor_authentication_enabled": true}',
    )
  })

  it('still finds a secret whose only sign is a gap, a dot or an escape', () => {
    // Each line holds no separator: one character alone tells the scan to look.
    const token = 'tok3nv4lue7f2a9c'
    expect(text('eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhbm4ifQ.dGhlLXNpZ25hdHVyZQ')).toBe(REDACTED)
    for (const gap of [' ', '\t', '+', '\\t', '\\n'])
      expect(text(`Bearer${gap}${token}`)).toBe(`Bearer${gap}${REDACTED}`)
    expect(text('-----BEGIN PRIVATE KEY-----MIIEvQ')).toBe(REDACTED)
  })

  it('is idempotent and leaves empty values alone', () => {
    for (const line of ['password=&x=1', `password=${REDACTED}`, `{"token": "${REDACTED}"}`, `Bearer ${REDACTED}`])
      expect(text(line)).toBe(line)
    const once = text(`Authorization: Bearer ${T}\npassword=${S}`)
    expect(text(once)).toBe(once)
  })
})

describe('name=value', () => {
  it('scrubs query strings and form bodies, keeping the neighbours', () => {
    expect(text(`POST /login?username=ann&password=${S}&remember=1`)).toBe(
      `POST /login?username=ann&password=${REDACTED}&remember=1`,
    )
    expect(text(`https://x/cb#access_token=${T}&token_type=bearer`)).toBe(
      `https://x/cb#access_token=${REDACTED}&token_type=bearer`,
    )
    expect(text(`user[password]=${S}&k=1 user%5Bpassword%5D=${S}&z=1`)).toBe(
      `user[password]=${REDACTED}&k=1 user%5Bpassword%5D=${REDACTED}&z=1`,
    )
    expect(text(`client_secret="${S} with spaces" next=1`)).toBe(`client_secret="${REDACTED}" next=1`)
  })

  it("scrubs a name after leading dashes, as a command line's option or Java system property", () => {
    expect(text(`spawn app --password=${S} --verbose`)).toBe(`spawn app --password=${REDACTED} --verbose`)
    expect(text(`java -Djavax.net.ssl.keyStorePassword=${S} -Dx=1`)).toBe(
      `java -Djavax.net.ssl.keyStorePassword=${REDACTED} -Dx=1`,
    )
    expect(text(`-client-secret: ${S}`)).toBe(`-client-secret: ${REDACTED}`)
    // A dash after a name character joins the name: `x-auth` and `a.-auth` are no `auth`.
    expect(text('x-auth=keep1 a.-auth=keep2 x--auth=keep3')).toBe('x-auth=keep1 a.-auth=keep2 x--auth=keep3')
  })

  it('scrubs percent-encoded pairs, as in a nested redirect URL', () => {
    expect(text(`/login?next=%2Fcb%3Ftoken%3D${T}%26lang%3Den`)).toBe(
      `/login?next=%2Fcb%3Ftoken%3D${REDACTED}%26lang%3Den`,
    )
  })

  it('reads a name spelt with percent-escapes of its letters or brackets, decoded', () => {
    expect(text(`x=1&%70assword=${S}&y=2`)).toBe(`x=1&%70assword=${REDACTED}&y=2`)
    expect(text(`user%5Bpassword%5D=${S}&user%5Bname%5D=ann`)).toBe(`user%5Bpassword%5D=${REDACTED}&user%5Bname%5D=ann`)
    // An escaped = or & ends a name: what follows is the value, and the next pair.
    expect(text(`password%3D${S}%26next%3Dhome`)).toBe(`password%3D${REDACTED}%26next%3Dhome`)
    // An escape that is no UTF-8 before a name is no part of it.
    expect(text(`%E0password=${S}`)).toBe(`%E0password=${REDACTED}`)
    for (const line of ['done 100%25 of %7Bx%7D=1', 'user%5Bname%5D=ann']) expect(text(line)).toBe(line)
  })

  it('reads a long run of escaped name characters once, not from each escape (linear, not quadratic)', () => {
    // Quadratic, 60,000 escapes took about 17 s here.
    for (const run of ['%41'.repeat(60_000), '%41a'.repeat(60_000), 'a%41.'.repeat(60_000)]) {
      expect(text(`: ${run}`)).toBe(`: ${run}`)
      expect(text(`${run} password=${S}`)).toBe(`${run} password=${REDACTED}`)
    }
  })

  it('reads a name with a Kelvin sign for its k as names are compared, lower-cased', () => {
    expect(text(`api_\u212Aey=${S}; lang=en`)).toBe(`api_\u212Aey=${REDACTED}; lang=en`)
    expect(text(`{"api_\u212Aey": "${S}", "n": 1}`)).toBe(`{"api_\u212Aey": "${REDACTED}", "n": 1}`)
    expect(text('mon\u212Aey=banana1')).toBe('mon\u212Aey=banana1')
  })

  it('scrubs the auth_key cookie in any case, and leaves look-alike cookies', () => {
    expect(text(`lang=en; auth_key=${T}; theme=dark`)).toBe(`lang=en; auth_key=${REDACTED}; theme=dark`)
    expect(text(`the session AUTH_KEY=${T} expired`)).toBe(`the session AUTH_KEY=${REDACTED} expired`)
    for (const line of ['auth_keys_seen=3; Path=/', 'key=value; monkey=banana']) expect(text(line)).toBe(line)
  })
})

describe('name: value, JSON, struct dumps, markup', () => {
  it('scrubs JSON string, number and array values, keeping the neighbours', () => {
    const body = { password: S, token_type: 'bearer', pin: 1234, tokens: [T, ['x']], n: 2 }
    const out = `{"password":"${REDACTED}","token_type":"bearer","pin":${REDACTED},"tokens":${REDACTED},"n":2}`
    expect(text(JSON.stringify(body))).toBe(out)
    expect(
      text(JSON.stringify(body, null, 1))
        .replace(/\n */g, '')
        .replace(/": /g, '":'),
    ).toBe(out)
  })

  it('keeps escaped quotes inside a secret string secret', () => {
    expect(text(JSON.stringify({ password: `${S}"quoted`, n: 1 }))).toBe(JSON.stringify({ password: REDACTED, n: 1 }))
    expect(text(`{'secret': 'it\\'s ${S}', n: 1}`)).toBe(`{'secret': '${REDACTED}', n: 1}`)
  })

  it('scrubs JSON inside JSON', () => {
    const rules = { failed_requirements: { same_password: { description: 'Cannot reuse' } } }
    const inner = JSON.stringify({ password: S, ...rules, n: 1 })
    expect(JSON.parse(JSON.parse(text(JSON.stringify({ body: inner }))).body)).toEqual({
      password: REDACTED,
      ...rules,
      n: 1,
    })
  })

  it('removes an object or array under a secret name whole, as the walk does, to any depth', () => {
    expect(text(`{"token": {"hint": "keep", "value": "${S}"}, "n": 1}`)).toBe(`{"token": ${REDACTED}, "n": 1}`)
    expect(text(`error: {"credentials": {"user": "bob", "value": "${S}"}} rejected`)).toBe(
      `error: {"credentials": ${REDACTED}} rejected`,
    )
    expect(text(`{"auth": {"a": {"b": {"c": "${S}"}}}, "n": 1}`)).toBe(`{"auth": ${REDACTED}, "n": 1}`)
    expect(text(`tokens=[["a", ["${S}"]]] ok`)).toBe(`tokens=${REDACTED} ok`)
    // Deeper than three levels, or cut short: to the end of the text.
    expect(text(`{"auth": {"a": {"b": {"c": {"d": "${S}"}}}}, "n": 1}`)).toBe(`{"auth": ${REDACTED}`)
    expect(text(`{"auth": {"type": "basic", "data": "${S}`)).toBe(`{"auth": ${REDACTED}`)
    expect(text(`tokens=[[[["${S}"]]]], "n": 1`)).toBe(`tokens=${REDACTED}`)
  })

  it('reads strings and escapes as text at every level of a secret object or array', () => {
    for (const [open, close] of [
      ['[', ']'],
      ['{', '}'],
    ]) {
      for (const q of ['"', "'"]) {
        // A bracket inside a string, an escaped quote inside a string, and an escaped bracket outside one.
        for (const item of [`${q}a${close}${open}b${q}`, `${q}a\\${q}${close}${q}`, `\\${close}`]) {
          let value = `${open}${item}, ${q}${S}${q}${close}`
          for (let depth = 1; depth <= 3; depth++) {
            expect(text(`password: ${value} n=1`), `${value} at depth ${depth}`).toBe(`password: ${REDACTED} n=1`)
            value = `${open}${item}, ${value}, ${q}x${q}${close}`
          }
        }
      }
    }
  })

  it('reads a backslash before a space or a line break as an escape, at every level of a secret object or array', () => {
    for (const [open, close] of [
      ['[', ']'],
      ['{', '}'],
    ]) {
      for (const q of ['"', "'"]) {
        // A shell-escaped space and a line continuation, in a string and outside one.
        for (const item of [`${q}My\\ Files${q}`, `${q}one\\\ntwo${q}`, '\\ ', '\\\n']) {
          let value = `${open}${item}, ${q}${S}${q}${close}`
          for (let depth = 1; depth <= 3; depth++) {
            expect(text(`password: ${value} n=1`), `${value} at depth ${depth}`).toBe(`password: ${REDACTED} n=1`)
            value = `${open}${item}, ${value}, ${q}x${q}${close}`
          }
        }
      }
    }
  })

  it('does not end a secret object or array at a bracket inside one of its strings', () => {
    expect(text(`{"token": {"hint": "a}b", "value": "${S}"}, "n": 1}`)).toBe(`{"token": ${REDACTED}, "n": 1}`)
    expect(text(`{"auth": {"a": {"b": "}}", "c": "${S}"}}, "n": 1}`)).toBe(`{"auth": ${REDACTED}, "n": 1}`)
    expect(text(`{"token": {"hint": "say \\"}\\"", "value": "${S}"}, "n": 1}`)).toBe(`{"token": ${REDACTED}, "n": 1}`)
    expect(text(`tokens=["a]", "${S}"] ok`)).toBe(`tokens=${REDACTED} ok`)
    expect(text(`{'secret': {'hint': 'a}b', 'value': '${S}'}, 'n': 1}`)).toBe(`{'secret': ${REDACTED}, 'n': 1}`)
    // A quote that never closes: to the end of the text.
    expect(text(`{"token": {"hint": "a}b, "value": ${S}`)).toBe(`{"token": ${REDACTED}`)
  })

  it('does not end a secret object or array of JSON inside JSON at a bracket inside one of its strings', () => {
    // The strings of JSON in a JSON string are quoted by \", those of JSON in that by \\\": a bracket inside one is text.
    for (const value of [{ old: 'a}b', nested: { v: S } }, ['a]b', [T]], { a: 'say "}" \\ {', b: { c: { d: S } } }]) {
      const inner = { apikey: value, n: 1 }
      let written: string = JSON.stringify(inner)
      let expected: string = JSON.stringify({ apikey: '\0', n: 1 }).replace('"\\u0000"', REDACTED)
      for (let level = 1; level <= 2; level++) {
        written = JSON.stringify(written)
        expected = JSON.stringify(expected)
        expect(text(written), written).toBe(expected)
      }
    }
  })

  it('does not end a secret object or array at a bracket inside a string quoted otherwise than plain JSON', () => {
    // A bare name in a JSON string (a message), its value's strings quoted by \" (or \\\"): their level is its first string's.
    for (const level of ['\\', '\\\\\\'])
      for (const name of ['password: ', 'password=', 'password => ']) {
        const q = `${level}"`
        expect(text(`${name}{${q}a${q}:${q}}${q},${q}b${q}:${q}${S}${q}} ok`)).toBe(`${name}${REDACTED} ok`)
        expect(text(`${name}[${q}]${q}, ${q}${S}${q}] ok`)).toBe(`${name}${REDACTED} ok`)
      }
    // Strings in backticks, HTML-escaped quotes or \u0022, as their name is quoted.
    for (const q of ['`', '&quot;', '\\u0022']) {
      const written = `{${q}password${q}: {${q}a${q}: ${q}}${q}, ${q}b${q}: ${q}${S}${q}}, ${q}n${q}: 1}`
      expect(text(written), written).toBe(`{${q}password${q}: ${REDACTED}, ${q}n${q}: 1}`)
    }
  })

  it("reads the API's password rules under failed_requirements name by name: they stay", () => {
    const rules = '{"failed_requirements": {"same_password": {"description": "Must differ"}}}'
    expect(text(rules)).toBe(rules)
    const withSecret = `{"failed_requirements": {"same_password": {"description": "x", "password": "${S}"}}}`
    expect(text(withSecret)).toBe(withSecret.replace(S, REDACTED))
    // Without failed_requirements before it, a password-named object is a secret like any other,
    // and after it, an object under any other secret name is.
    expect(text('{"same_password": {"description": "Must differ"}}')).toBe(`{"same_password": ${REDACTED}}`)
    // Before failed_requirements (or at it), nothing is exempt.
    expect(text('{"same_password": {"description": "x"}, "failed_requirements": {}}')).toBe(
      `{"same_password": ${REDACTED}, "failed_requirements": {}}`,
    )
    expect(text('{"failed_requirements_password": {"description": "x"}}')).toBe(
      `{"failed_requirements_password": ${REDACTED}}`,
    )
    expect(text(`{"failed_requirements": {}, "client_secret": {"value": "${S}"}}`)).toBe(
      `{"failed_requirements": {}, "client_secret": ${REDACTED}}`,
    )
  })

  it('keeps only the objects directly inside failed_requirements: a password object nested deeper, or after it, goes', () => {
    expect(text(`{"failed_requirements":{},"request":{"password":{"old":"${S}"}},"n":1}`)).toBe(
      `{"failed_requirements":{},"request":{"password":${REDACTED}},"n":1}`,
    )
    expect(text(`{"failed_requirements":{"same_password":{"d":"x"}},"new_password":{"v":"${S}"}}`)).toBe(
      `{"failed_requirements":{"same_password":{"d":"x"}},"new_password":${REDACTED}}`,
    )
    expect(text(`{"failed_requirements":{"group":{"old_password":{"v":"${S}"}}}}`)).toBe(
      `{"failed_requirements":{"group":{"old_password":${REDACTED}}}}`,
    )
    // A bracket or a quote inside a string of the rules ends nothing, in JSON and in JSON inside JSON.
    const tricky = `{"failed_requirements":{"same_password":{"d":"use } or ] or \\" or '"},"x":{"password":{"v":"${S}"}}}}`
    expect(text(tricky)).toBe(tricky.replace(`{"v":"${S}"}`, REDACTED))
    expect(text(JSON.stringify({ m: tricky }))).toBe(JSON.stringify({ m: tricky.replace(`{"v":"${S}"}`, REDACTED) }))
    // Rules that stay, as inspect, JSON inside JSON and pretty JSON inside JSON write them.
    const api = { failed_requirements: { same_password: { description: 'x }' } } }
    for (const rules of [
      "{ failed_requirements: { same_password: { description: 'Must differ' }, old_password: { d: 'x' } } }",
      "failed_requirements: {same_password: {description: 'x'}}",
      JSON.stringify({ body: JSON.stringify(api) }),
      JSON.stringify({ body: JSON.stringify(api, null, 2) }),
    ])
      expect(text(rules)).toBe(rules)
    // Only an object is a rule: a value of another kind under a password name inside them goes, and
    // failed_requirements with a value that is no object holds no rules.
    expect(text(`{"failed_requirements": {"password": "${S}"}}`)).toBe(
      `{"failed_requirements": {"password": "${REDACTED}"}}`,
    )
    expect(text('{"failed_requirements": null, "same_password": {"d": 1}}')).toBe(
      `{"failed_requirements": null, "same_password": ${REDACTED}}`,
    )
    // Rules quoted in a way the reader cannot follow go, as any password-named object.
    for (const q of ['&quot;', '\\u0022', '\\"'])
      expect(text(`{"failed_requirements": {${q}same_password${q}: {${q}d${q}: 1}}}`)).toBe(
        `{"failed_requirements": {${q}same_password${q}: ${REDACTED}}}`,
      )
  })

  it("follows the rules' strings to their true end: a bracket inside one counts for nothing, an escaped backslash before a quote ends one", () => {
    // A `}` in a description does not close the object it is in, so a password object after it is
    // still nested deeper than the rules' own objects, and goes.
    const nested = { failed_requirements: { group: { d: 'a}b', old_password: { v: S } } } }
    expect(text(JSON.stringify(nested))).toBe(JSON.stringify(nested).replace(`{"v":"${S}"}`, REDACTED))
    // A description ending in a backslash: in JSON inside JSON, its closing quote follows five
    // backslashes (one level of quoting and an escaped backslash), and the rules after it still stay.
    const rules = { failed_requirements: { same_password: { d: 'a\\' }, old_password: { d: 'x' } } }
    for (const once of [JSON.stringify(rules), JSON.stringify({ body: JSON.stringify(rules) })])
      expect(text(once)).toBe(once)
    // An escaped quote inside a description ends nothing.
    const quoted = { failed_requirements: { same_password: { d: 'say "hi"' }, old_password: { d: 'x' } } }
    for (const once of [JSON.stringify(quoted), JSON.stringify({ body: JSON.stringify(quoted) })])
      expect(text(once)).toBe(once)
    // Three levels of quoting (JSON in JSON in JSON): the rules' strings follow three backslashes.
    const thrice = JSON.stringify({ a: JSON.stringify({ body: JSON.stringify(rules) }) })
    expect(text(thrice)).toBe(thrice)
    // Rules after an escaped line break (inspect output inside JSON) are quoted as plain text is.
    const inspected = JSON.stringify({ m: "{\nfailed_requirements: {min: 'x', same_password: {description: 'y'}}}" })
    expect(text(inspected)).toBe(inspected)
    // A quote escaped otherwise than the rules' own ends them, even when a plain quote follows it.
    expect(text('{"failed_requirements": {\\"x": 1, "same_password": {"d": 1}}}')).toBe(
      `{"failed_requirements": {\\"x": 1, "same_password": ${REDACTED}}}`,
    )
  })

  it('reads long password rules, and text after them, once (linear time)', () => {
    const start = performance.now()
    const rules = `{"failed_requirements": {${'"same_password": {"d": "} ]"}, '.repeat(10_000)}"n": 1}}`
    expect(text(rules)).toBe(rules)
    const after = `{"failed_requirements": {}, ${'"x": {"password": {"a": 1}}, '.repeat(10_000)}"n": 1}`
    expect(text(after)).toBe(`{"failed_requirements": {}, ${`"x": {"password": ${REDACTED}}, `.repeat(10_000)}"n": 1}`)
    expect(performance.now() - start).toBeLessThan(1000)
  })

  it('reads text full of secret names followed by objects in linear time', () => {
    // Each name once: a search back to the start of the text for every one took seconds here.
    const many = 'password:{a} '.repeat(60_000)
    expect(text(many)).toBe(`password:${REDACTED} `.repeat(60_000))
    expect(text(`{"failed_requirements": {${many}}}`)).toBe(`{"failed_requirements": {${many}}}`)
    // Strings inside, closed or not, and nested objects that never close.
    const quoted = 'password:{"a}" \\" } '.repeat(30_000)
    expect(text(quoted)).toBe(`password:${REDACTED} `.repeat(30_000))
    for (const open of [
      'password:{"a ',
      "password:['a ",
      'password:{{{"a ',
      'password:[[[\\',
      '\\"password\\":{\\"a ',
    ]) {
      expect(text(open.repeat(20_000))).toBe(`${open.slice(0, open.indexOf(':') + 1)}${REDACTED}`)
    }
  })

  it('scrubs util.inspect output', () => {
    expect(text(inspect({ accessToken: T, n: 1 }))).toBe(inspect({ accessToken: REDACTED, n: 1 }))
  })

  it('scrubs an array cut off before its closing bracket to the end', () => {
    expect(text('password=["abc123", "def456"')).toBe(`password=${REDACTED}`)
  })

  it('runs an unterminated quoted secret to the end of its line', () => {
    expect(text(`{"password": "${S}\nnext line`)).toBe(`{"password": "${REDACTED}\nnext line`)
  })

  it('ends a value read to the end of its line (after a header name) at the next secret name, whose value goes too', () => {
    // `session` ends as `Authorization` does; the rest of its line stopped at a quote, and took the next name with it.
    expect(text(`&{User:bob Session:${S} Admin:false} #<User id: 1, session: "${T}", admin: false>`)).not.toMatch(
      /hunt3r2|tok3n/,
    )
    expect(text(`Cookie: lang=en; theme=dark, api_token: "${T}" n=1`)).toBe(`Cookie: ${REDACTED}"${REDACTED}" n=1`)
    expect(text(`Cookie: lang=en, password: {"x": "${S}"} n=1`)).toBe(`Cookie: ${REDACTED}${REDACTED} n=1`)
    expect(text(`Cookie: lang=en; sid="${S} x"; theme=dark`)).toBe(`Cookie: ${REDACTED}`)
  })

  it('reads only the headers that hold spaces (Authorization, Authentication, Cookie) to the end of the line: a session is a value', () => {
    expect(text(`session: ${S} password_type=dv1 user=ann`)).toBe(`session: ${REDACTED} password_type=dv1 user=ann`)
    expect(text(`&{User:bob Session:${S} Admin:false} token_type=bearer`)).toBe(
      `&{User:bob Session:${REDACTED} Admin:false} token_type=bearer`,
    )
    expect(text(`SAMLAssertion: ${T} user=ann`)).toBe(`SAMLAssertion: ${REDACTED} user=ann`)
    for (const header of [
      'Authorization',
      'Proxy-Authorization',
      'X-Authorization',
      'Authentication',
      'Cookie',
      'Set-Cookie',
    ])
      expect(text(`${header}: a b=c ${S}\nnext: 1`)).toBe(`${header}: ${REDACTED}\nnext: 1`)
  })

  it('scrubs name: value, name => value, Go and Ruby struct dumps', () => {
    expect(text(`password: ${S}\n  api_key: ${T}\nuser: ann`)).toBe(
      `password: ${REDACTED}\n  api_key: ${REDACTED}\nuser: ann`,
    )
    expect(text(`{Name:ann Password:${S} Host:h}`)).toBe(`{Name:ann Password:${REDACTED} Host:h}`)
    expect(text(`main.Creds{User:"ann", Password:"${S}"}`)).toBe(`main.Creds{User:"ann", Password:"${REDACTED}"}`)
    expect(text(`{:user=>"ann", :password=>"${S}"}`)).toBe(`{:user=>"ann", :password=>"${REDACTED}"}`)
    expect(text(`#<struct user="ann", password="${S}">`)).toBe(`#<struct user="ann", password="${REDACTED}">`)
    expect(text(`{user: "ann", password: "${S}"}`)).toBe(`{user: "ann", password: "${REDACTED}"}`)
  })

  it('ends a bare value after => as after = or :, keeping the next pair (Perl, PHP print_r)', () => {
    expect(text(`password => ${S}, next => keep`)).toBe(`password => ${REDACTED}, next => keep`)
    expect(text(`[password] => ${S}\n    [next] => keep`)).toBe(`[password] => ${REDACTED}\n    [next] => keep`)
  })

  it('scrubs <name>value</name> and HTML form fields', () => {
    expect(text(`<user>ann</user><password>${S}</password> keep`)).toBe(
      `<user>ann</user><password>${REDACTED}</password> keep`,
    )
    // An element's whole text goes, spaces included, however far it starts from the tag.
    for (const gap of ['', ' ', '  '])
      expect(text(`<password>${gap}two words</password>`)).toBe(`<password>${gap}${REDACTED}</password>`)
    expect(text('<password></password>')).toBe('<password></password>')
    expect(text(`<input name="password" type="password" value="${S}"><input name="user" value="ann">`)).toBe(
      `<input name="password" type="password" value="${REDACTED}"><input name="user" value="ann">`,
    )
    // A meta tag's content, as a Rails error page carries its CSRF token.
    expect(text(`<meta name="csrf-token" content="${S}"><meta name="viewport" content="width=1">`)).toBe(
      `<meta name="csrf-token" content="${REDACTED}"><meta name="viewport" content="width=1">`,
    )
  })

  it('scrubs the value of a name/value pair whose name is secret, in JSON, pretty JSON, JSON in JSON and inspect output', () => {
    expect(text(`[{"name":"X-Api-Key","value":"${T}"},{"name":"Accept","value":"text/html"}]`)).toBe(
      `[{"name":"X-Api-Key","value":"${REDACTED}"},{"name":"Accept","value":"text/html"}]`,
    )
    expect(text(`{\n  "Key": "signing_key",\n  "Value": "${T}"\n}`)).toBe(
      `{\n  "Key": "signing_key",\n  "Value": "${REDACTED}"\n}`,
    )
    expect(text(`"{\\"name\\": \\"password\\", \\"value\\": \\"${S}\\"}"`)).toBe(
      `"{\\"name\\": \\"password\\", \\"value\\": \\"${REDACTED}\\"}"`,
    )
    expect(text(`[ { name: 'DB_PASSWORD', value: '${S}' }, { name: 'team', value: 'video' } ]`)).toBe(
      `[ { name: 'DB_PASSWORD', value: '${REDACTED}' }, { name: 'team', value: 'video' } ]`,
    )
    // A validation error's field and the input it rejected (Spring, express-validator, Hibernate Validator).
    expect(text(`{"field":"password","rejectedValue":"${S}"} {"path": "pin", "input": "${T}"}`)).toBe(
      `{"field":"password","rejectedValue":"${REDACTED}"} {"path": "pin", "input": "${REDACTED}"}`,
    )
    expect(text(`{"field":"newPassword","invalidValue":"${S}"}`)).toBe(
      `{"field":"newPassword","invalidValue":"${REDACTED}"}`,
    )
    // Pretty JSON written as a JSON string, once and twice: its line breaks are escapes.
    const once = JSON.stringify(JSON.stringify({ name: 'password', value: S }, null, 2))
    for (const shown of [once, JSON.stringify(once)]) {
      expect(shown).toContain(S)
      expect(text(shown)).not.toContain(S)
    }
    // A pair whose name is data stays.
    const data = '{"name": "session_timeout", "value": 30} {"key": "password_policy", "value": "strict"}'
    expect(text(data)).toBe(data)
  })

  it('scrubs the input a validation error rejected when the last step of its path is secret (pydantic loc), in JSON and Python', () => {
    expect(text(`{"loc":["body","password"],"input":"${S}","n":1}`)).toBe(
      `{"loc":["body","password"],"input":"${REDACTED}","n":1}`,
    )
    expect(text(`[{"loc": ["body", "items", 0, "api_key"], "input": "${T}"}]`)).toBe(
      `[{"loc": ["body", "items", 0, "api_key"], "input": "${REDACTED}"}]`,
    )
    expect(text(`{'loc': ('body', 'password'), 'input': '${S}'}`)).toBe(
      `{'loc': ('body', 'password'), 'input': '${REDACTED}'}`,
    )
    expect(text(JSON.stringify({ m: JSON.stringify({ loc: ['body', 'pin'], input: T }) }))).toBe(
      JSON.stringify({ m: JSON.stringify({ loc: ['body', 'pin'], input: REDACTED }) }),
    )
    // Pretty JSON inside JSON, once and twice (its line breaks escaped, then escaped again), and an
    // index of more than one digit.
    const pretty = { detail: [{ loc: ['body', 'items', 12, 'password'], input: S }] }
    for (const body of [
      JSON.stringify({ m: JSON.stringify(pretty, null, 2) }),
      JSON.stringify({ a: JSON.stringify({ m: JSON.stringify(pretty, null, 2) }) }),
    ])
      expect(text(body)).not.toContain(S)
    // Line breaks before the commas too (a path written comma first), escaped once and twice.
    const commaFirst = `{"loc": [\n  "body"\n  , 12\n  , "password"\n], "input": "${S}"}`
    for (const body of [JSON.stringify({ m: commaFirst }), JSON.stringify({ a: JSON.stringify({ m: commaFirst }) })])
      expect(text(body)).not.toContain(S)
    // A path whose last step is data stays, and so does one that only passes through a secret name.
    for (const line of [
      '{"loc":["body","username"],"input":"bob"}',
      '{"loc":["body","password","length"],"input":"12"}',
      '{"loc":["password",0],"input":"x1"}',
    ])
      expect(text(line)).toBe(line)
  })

  it('reads a long validation path, closed or not, in linear time', () => {
    const start = performance.now()
    for (const items of ['"a",'.repeat(50_000), '0,'.repeat(50_000), '"a", '.repeat(50_000)]) {
      expect(text(`{"loc":[${items}"password"],"input":"${S}"}`)).toBe(
        `{"loc":[${items}"password"],"input":"${REDACTED}"}`,
      )
      expect(text(`{"loc":[${items}`)).toBe(`{"loc":[${items}`)
    }
    const many = `{"loc":["${'{"loc":['.repeat(30_000)}`
    expect(text(many)).toBe(many)
    expect(performance.now() - start).toBeLessThan(1000)
  })

  it('scrubs a form field whose value comes before its name, and keeps the fields around it', () => {
    expect(text(`<input value="ann" name="user"><input type="hidden" value="${T}" name="authenticity_token">`)).toBe(
      `<input value="ann" name="user"><input type="hidden" value="${REDACTED}" name="authenticity_token">`,
    )
    expect(text(`<input value='${S}' id='pw' name='password'> <input value='${S}' name='note'>`)).toBe(
      `<input value='${REDACTED}' id='pw' name='password'> <input value='${S}' name='note'>`,
    )
    // A meta tag's content before its name, and HTML inside a JSON string (its quotes escaped).
    expect(text(`<meta content="${T}" name="csrf-token">`)).toBe(`<meta content="${REDACTED}" name="csrf-token">`)
    expect(text(`{"html": "<input value=\\"${S}\\" name=\\"pwd\\">"}`)).toBe(
      `{"html": "<input value=\\"${REDACTED}\\" name=\\"pwd\\">"}`,
    )
    // The name of another tag does not count.
    expect(text(`<input value="${S}"><input name="password">`)).toBe(`<input value="${S}"><input name="password">`)
  })

  it('scrubs a form field written with spaces around its equals signs, its value before or after its name', () => {
    // HTML allows `name = "…"`: the value goes in either order, as it does without the spaces.
    expect(text(`<input value = "${S}" name = "password">`)).toBe(`<input value = "${REDACTED}" name = "password">`)
    expect(text(`<input value="${S}" name ="password">`)).toBe(`<input value="${REDACTED}" name ="password">`)
    expect(text(`<input name = "password" value = "${S}">`)).toBe(`<input name = "password" value = "${REDACTED}">`)
    expect(text(`<input name\t=\t'password' value='${S}'>`)).toBe(`<input name\t=\t'password' value='${REDACTED}'>`)
    expect(text(`<input value = "${S}" name = "note">`)).toBe(`<input value = "${S}" name = "note">`)
  })

  it('scrubs a form field whose value, before its name, holds a backslash or the other quote', () => {
    // A backslash is a character of an HTML attribute, and a quote other than the attribute's too.
    for (const value of [`a\\${S}`, `it's-${S}`, `${S}\\`])
      expect(text(`<input value="${value}" type="password" name="session">`), value).toBe(
        `<input value="${REDACTED}" type="password" name="session">`,
      )
    // Inside a JSON string: its backslashes and quotes escaped.
    const html = `<input value="a\\${S}" name="pwd">`
    expect(text(JSON.stringify({ html }))).toBe(JSON.stringify({ html: `<input value="${REDACTED}" name="pwd">` }))
  })
})

describe('JSON Web Tokens', () => {
  it('scrubs a bare JSON Web Token (unsigned too), and keeps words that only start like one', () => {
    const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhbm4ifQ.dGhlLXNpZ25hdHVyZQ'
    expect(text(`session ${jwt} expired`)).toBe(`session ${REDACTED} expired`)
    expect(text(jwt)).toBe(REDACTED)
    expect(text('eyJhbGciOiJub25lIn0.eyJzdWIiOiJhbm4ifQ.')).toBe(REDACTED)
    for (const line of ['eyJust a word', 'heyJude.eyJohn.x']) expect(text(line)).toBe(line)
  })

  it('reads a long run of what only starts like a token in linear time', () => {
    // Read from every `eyJ` inside the run, this took about a minute.
    const run = 'eyJ'.repeat(100_000)
    const start = performance.now()
    expect(text(`${run}.eyJ${run}`)).toBe(`${run}.eyJ${run}`)
    expect(performance.now() - start).toBeLessThan(1000)
  })
})

describe('hostile text, read in linear time', () => {
  it('a PEM header whose closing dashes never come, its words repeated', () => {
    // Tried from every PRIVATE KEY after it, 80 KB of this took 0.7 s, and four times as much sixteen times that.
    for (const words of ['PRIVATE KEY', 'PRIVATE KEY ']) {
      const junk = `-----BEGIN ${words.repeat(30_000)}`
      const start = performance.now()
      expect(text(`${junk} kept`)).toBe(`${junk} kept`)
      expect(performance.now() - start).toBeLessThan(1000)
    }
    // A real header still opens a key, its words bounded as real ones are (RSA, ENCRYPTED, OPENSSH).
    expect(text('-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXk\n-----END OPENSSH PRIVATE KEY----- kept')).toBe(
      `${REDACTED} kept`,
    )
  })

  it('a value opened by a run of backslashes and a quote inside a longer run, under a secret name', () => {
    // Each character of the run was compared with the opening run: 78 KB took 0.2 s, growing as its square.
    const k = 100_000
    const start = performance.now()
    const scrubbed = text(`password: ${'\\'.repeat(k)}"${'\\'.repeat(2 * k)}`)
    expect(performance.now() - start).toBeLessThan(1000)
    expect(scrubbed.startsWith('password: ')).toBe(true)
    // JSON inside JSON, five levels deep (31 backslashes before its quote), still opens a value read whole.
    const q = `${'\\'.repeat(31)}"`
    expect(text(`{${q}password${q}: ${q}${S}${q}}`)).toBe(`{${q}password${q}: ${q}${REDACTED}${q}}`)
  })
  it('scrubs a body of 64 KiB of strings in backticks, &quot; or \\u0022 inside an array that never closes in linear time', () => {
    // Each such quote was read as a string or as a character, and every way was tried before the array
    // was found open: 16 strings in backticks (60 characters) took 0.4 s, each two more five times as long.
    const units = ['`a`', '&quot;a&quot;', '\\u0022a\\u0022']
    const time = (n: number) => {
      const start = performance.now()
      for (const unit of units) expect(text(`password: [[${unit.repeat(n)}`)).toBe(`password: ${REDACTED}`)
      return performance.now() - start
    }
    time(4)
    expect(time(16)).toBeLessThan(8 * time(4) + 20)
    const start = performance.now()
    for (const unit of units) {
      const body = `password: [[${unit.repeat(Math.floor(65_536 / unit.length))}`
      expect(text(body)).toBe(`password: ${REDACTED}`)
    }
    expect(performance.now() - start).toBeLessThan(1000)
    // A bracket such a string leaves open is read to the text's end (before, a closing bracket inside
    // the string was tried as the array's end); one that closes after the string ends there.
    expect(text('password: [[`a]], "x`" next')).toBe(`password: ${REDACTED}`)
    expect(text('password: [[`a`]] kept')).toBe(`password: ${REDACTED} kept`)
  })

  it('scrubs a body of 64 KiB of scheme words inside a parameter name before =" in linear time', () => {
    // Each scheme word's credential was read to the `="` that makes it a name, and failed: 64 KiB of
    // `+token+x` took 0.9-1.4 s, four times as long as 16 KiB took, sixteen times.
    const units = ['+token+x', '.bearer+abc', '+token+x//']
    const time = (size: number) => {
      const start = performance.now()
      for (const unit of units) {
        const body = `${unit.repeat(Math.floor(size / unit.length))}="x"`
        expect(text(body)).toBe(body)
      }
      return performance.now() - start
    }
    time(16_384)
    expect(time(65_536)).toBeLessThan(6 * time(16_384) + 20)
    // Read whole, the name still loses a JSON Web Token in it, and userinfo after its last `//` goes.
    const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhbm4ifQ.dGhlLXNpZ25hdHVyZQ'
    expect(text(`Bearer+x.${jwt}+token+y="x"`)).toBe(`Bearer+x.${REDACTED}+token+y="x"`)
    expect(text('+token+a//b+token+cd="x@h')).toBe(`+token+a//${REDACTED}@h`)
  })
})

describe('secret names of two words', () => {
  it('scrubs a value under a name written as two words with a space', () => {
    expect(text('Invalid API key: k_live_9f8e7d6c5b4a')).toBe(`Invalid API key: ${REDACTED}`)
    expect(text(`Session ID: ${T}, retry`)).toBe(`Session ID: ${REDACTED}, retry`)
    expect(text(`Auth key = ${T}`)).toBe(`Auth key = ${REDACTED}`)
    expect(text(`api key=${T}&x=1`)).toBe(`api key=${REDACTED}&x=1`)
    expect(text(`{"API key": "${T}", "n": 1}`)).toBe(`{"API key": "${REDACTED}", "n": 1}`)
    expect(text(`enter the verification code: 123456`)).toBe(`enter the verification code: ${REDACTED}`)
  })

  it('still scrubs a name that is secret alone after another word, and a form field after an attribute', () => {
    expect(text(`GET /x Authorization: ${T}\nHost: h`)).toBe(`GET /x Authorization: ${REDACTED}\nHost: h`)
    expect(text(`the auth: ${T}`)).toBe(`the auth: ${REDACTED}`)
    expect(text(`<input id=pw name="password" value="${S}">`)).toBe(`<input id=pw name="password" value="${REDACTED}">`)
  })

  it('keeps ordinary text whose last words are no secret name', () => {
    for (const line of [
      'Primary key: 12',
      'password reset: done',
      'the key: 12',
      'token type: bearer',
      'session timeout: 30',
    ])
      expect(text(line)).toBe(line)
  })
})

describe('lines and tabs of a JSON string', () => {
  it("reads a name right after JSON's escaped line break or tab, and a value after an escaped tab", () => {
    const lines = `GET / HTTP/1.1\r\nAuthentication: ${T}\r\nCookie: lang=en; auth_key=${T}\r\nAccept: */*\r\n\npassword: ${S}\tnext=1\n`
    expect(text(JSON.stringify({ request: lines }))).toBe(
      JSON.stringify({
        request: `GET / HTTP/1.1\r\nAuthentication: ${REDACTED}\r\nCookie: ${REDACTED}\r\nAccept: */*\r\n\npassword: ${REDACTED}\tnext=1\n`,
      }),
    )
    expect(text(JSON.stringify({ m: `password:\t${S}\tn=1` }))).toBe(
      JSON.stringify({ m: `password:\t${REDACTED}\tn=1` }),
    )
    expect(text(JSON.stringify({ m: `Authentication:\t${T}` }))).toBe(
      JSON.stringify({ m: `Authentication:\t${REDACTED}` }),
    )
    expect(text(JSON.stringify({ m: JSON.stringify({ m: `a\tclient_secret=${S}` }) }))).toBe(
      JSON.stringify({ m: JSON.stringify({ m: `a\tclient_secret=${REDACTED}` }) }),
    )
    // An escape's letter starts no name: `\npassword_hint` is not read as `npassword_hint`, nor `\tx.auth` as `auth`.
    expect(text('"a\\npassword_hint: keep\\tx.auth=keep2"')).toBe('"a\\npassword_hint: keep\\tx.auth=keep2"')
  })
})

describe('\\u-escapes of JSON text', () => {
  it('reads a name right after a \\u-escape, as Go writes & and < in JSON, keeping the pairs around it', () => {
    expect(text(`{"url":"https://x/cb?id=1\\u0026password=${S}\\u0026lang=en"}`)).toBe(
      `{"url":"https://x/cb?id=1\\u0026password=${REDACTED}\\u0026lang=en"}`,
    )
    expect(text(`?id=1\\u0026token=${T}\\u0026b=2`)).toBe(`?id=1\\u0026token=${REDACTED}\\u0026b=2`)
    // An element written with \u003c and \u003e: its text goes, to the closing tag.
    expect(text(`\\u003cuser\\u003eann\\u003c/user\\u003e\\u003cpassword\\u003e${S}\\u003c/password\\u003e`)).toBe(
      `\\u003cuser\\u003eann\\u003c/user\\u003e\\u003cpassword\\u003e${REDACTED}\\u003c/password\\u003e`,
    )
    // Ruby's => written as =\u003e.
    expect(text(`{"password"=\\u003e"${S}", "n"=\\u003e"keep"}`)).toBe(
      `{"password"=\\u003e"${REDACTED}", "n"=\\u003e"keep"}`,
    )
    // Data names after an escape stay, and so do their values; the escape's letter and digits start no name.
    for (const line of ['?x=1\\u0026token_type=bearer\\u0026n=2', '\\u003cnote\\u003ekeep\\u003c/note\\u003e'])
      expect(text(line)).toBe(line)
  })

  it('scrubs JSON text whose quotes are \\u-escaped (\\u0022, \\u0027), keeping the quotes and the pairs around it', () => {
    expect(text(`{\\u0022password\\u0022:\\u0022${S} x\\u0022,\\u0022n\\u0022:1}`)).toBe(
      `{\\u0022password\\u0022:\\u0022${REDACTED}\\u0022,\\u0022n\\u0022:1}`,
    )
    expect(text(`{\\u0027api_key\\u0027: \\u0027${T}\\u0027, \\u0027user\\u0027: \\u0027ann\\u0027}`)).toBe(
      `{\\u0027api_key\\u0027: \\u0027${REDACTED}\\u0027, \\u0027user\\u0027: \\u0027ann\\u0027}`,
    )
    // A header under its name goes whole, as in plain JSON.
    expect(text(`{\\u0022Authorization\\u0022:\\u0022Bearer ${T}\\u0022}`)).toBe(
      `{\\u0022Authorization\\u0022:\\u0022${REDACTED}\\u0022}`,
    )
    const data = '{\\u0022token_type\\u0022:\\u0022bearer\\u0022,\\u0022n\\u0022:\\u0022keep\\u0022}'
    expect(text(data)).toBe(data)
  })

  it('reads long runs of \\u-escapes before names and elements in linear time', () => {
    const start = performance.now()
    for (const run of ['\\u0026'.repeat(50_000), '\\u0026a'.repeat(50_000), '\\u003ca\\u003e'.repeat(20_000)])
      expect(text(`${run}\\u0026password=${S}\\u0026${run}`)).toBe(`${run}\\u0026password=${REDACTED}\\u0026${run}`)
    for (const run of ['\\'.repeat(100_000), 'a\\u0027'.repeat(50_000)])
      expect(text(`\\u0022password\\u0022:\\u0022${run}`)).toBe(`\\u0022password\\u0022:\\u0022${REDACTED}`)
    const quotes = `\\u0022password\\u0022:${'\\u0022'.repeat(50_000)}`
    expect(text(quotes)).toBe(`\\u0022password\\u0022:\\u0022${REDACTED}${'\\u0022'.repeat(49_999)}`)
    const open = '\\u003ca'.repeat(50_000)
    expect(text(`${open}\\u003e`)).toBe(`${open}\\u003e`)
    expect(performance.now() - start).toBeLessThan(1000)
  })
})

describe('markup', () => {
  it('scrubs an element with a namespace prefix', () => {
    expect(text(`<ns:password>${S}</ns:password><ns:user>ann</ns:user>`)).toBe(
      `<ns:password>${REDACTED}</ns:password><ns:user>ann</ns:user>`,
    )
  })

  it('scrubs HTML-escaped JSON, keeping the escaped quotes, named (&quot;) or numbered (&#34;, &#x22;)', () => {
    for (const q of ['&quot;', '&#34;', '&#x22;', '&#034;']) {
      expect(text(`<pre>{${q}password${q}: ${q}${S}${q}, ${q}n${q}: ${q}keep${q}}</pre>`)).toBe(
        `<pre>{${q}password${q}: ${q}${REDACTED}${q}, ${q}n${q}: ${q}keep${q}}</pre>`,
      )
    }
  })
})

describe('quotes of markup and prose', () => {
  it('scrubs a value in HTML-escaped single quotes (a Python dict on an HTML page) or backticks, keeping the quotes', () => {
    for (const q of ['&#39;', '&#x27;', '&apos;', '&#039;', '`'])
      expect(text(`{${q}password${q}: ${q}${S}${q}, ${q}n${q}: ${q}keep${q}}`)).toBe(
        `{${q}password${q}: ${q}${REDACTED}${q}, ${q}n${q}: ${q}keep${q}}`,
      )
  })

  it('scrubs a form field whose quotes are JSON-escaped, as HTML inside JSON', () => {
    const html = JSON.stringify({
      html: `<input type="hidden" name="authenticity_token" value="${T}"><input name="n" value="keep">`,
    })
    expect(text(html)).toBe(
      JSON.stringify({
        html: `<input type="hidden" name="authenticity_token" value="${REDACTED}"><input name="n" value="keep">`,
      }),
    )
  })
})

describe('headers', () => {
  const cases: Array<[string, string]> = [
    ['Authorization', `Bearer ${T}`],
    ['AUTHORIZATION', T],
    ['Proxy-Authorization', `Digest username=ann realm=${T}`],
    ['Authorization', `Digest username="ann", realm="api", nonce="n0nce42", uri="/g/user", response="${T}"`],
    ['Authentication', T],
    ['Cookie', `auth_key=${T}; lang=en`],
    ['Set-Cookie', `auth_key=${T}; Path=/; HttpOnly`],
    // A quoted value under a secret name inside the header: the name's own mark must not end the line's value.
    ['Set-Cookie', `auth_key="${T}"; Path=/`],
    ['Cookie', `sessionid="${T}"; x=1`],
    ['Authorization', `Token token="${T}", nonce="n"`],
    ['Authorization', `OAuth oauth_token="${T}"`],
    ['Proxy-Authorization', `token="${T}"`],
    ['X-Api-Key', T],
    ['X-Auth-Token', T],
    ['X-CSRF-Token', T],
  ]

  it.each(cases)('scrubs a %s header line to its end, and only that line', (name, value) => {
    const raw = `GET /x HTTP/1.1\r\nAccept: application/json\r\n${name}: ${value}\r\nHost: example.com\r\n`
    expect(text(raw)).toBe(
      `GET /x HTTP/1.1\r\nAccept: application/json\r\n${name}: ${REDACTED}\r\nHost: example.com\r\n`,
    )
  })

  it.each(cases)('scrubs %s as a JSON key and inside a JSON string', (name, value) => {
    expect(text(JSON.stringify({ [name]: value, accept: 'json' }))).toBe(
      JSON.stringify({ [name]: REDACTED, accept: 'json' }),
    )
    expect(text(JSON.stringify({ note: `${name}: ${value}`, n: 1 }))).toBe(
      JSON.stringify({ note: `${name}: ${REDACTED}`, n: 1 }),
    )
    const wide = { breakLength: Number.POSITIVE_INFINITY }
    expect(text(inspect({ [name]: value, accept: 'json' }, wide))).toBe(
      inspect({ [name]: REDACTED, accept: 'json' }, wide),
    )
  })

  it('scrubs a header line to its end whatever the space after the colon', () => {
    expect(text('Cookie:theme=dark; sid=abc123')).toBe(`Cookie:${REDACTED}`)
    expect(text('Cookie:  theme=dark; sid=abc123')).toBe(`Cookie:  ${REDACTED}`)
  })

  it('leaves other headers alone', () => {
    const raw = 'Accept: application/json\r\nX-Request-Id: abc123def456\r\nAuthorization-Mode: open'
    expect(text(raw)).toBe(raw)
  })
})

describe('credentials after an auth scheme', () => {
  it.each(['Bearer', 'bearer', 'BASIC', 'Token', 'Digest', 'Negotiate', 'NTLM', 'ApiKey', 'api-key'])(
    'scrubs the credential after %s anywhere in text',
    (scheme) => {
      expect(text(`sent ${scheme} ${T} to the API`)).toBe(`sent ${scheme} ${REDACTED} to the API`)
    },
  )

  it('scrubs the credential after any run of spaces or tabs, and after a run-together ApiKey', () => {
    expect(text(`Bearer  ${T}`)).toBe(`Bearer  ${REDACTED}`)
    expect(text(`Bearer\t\t${T}`)).toBe(`Bearer\t\t${REDACTED}`)
    expect(text(`apikey ${T}`)).toBe(`apikey ${REDACTED}`)
  })

  it('needs 6 token characters that are no plain word: a digit, a token68 symbol, mixed case or length', () => {
    expect(text('auth Basic dXNlcjpwYXNzd29yZA== done')).toBe(`auth Basic ${REDACTED} done`)
    expect(text('Bearer abcdefghijklmnopqrstu')).toBe(`Bearer ${REDACTED}`)
    expect(text('token ABCDEFGHIJK')).toBe(`token ${REDACTED}`)
    expect(text('Bearer abcdefghijklmnopqrst')).toBe('Bearer abcdefghijklmnopqrst')
    expect(text('Bearer abcdefghij')).toBe('Bearer abcdefghij')
    expect(text('Bearer\tabcdef-ghij')).toBe(`Bearer\t${REDACTED}`)
    expect(text('Bearer abcDefgh')).toBe(`Bearer ${REDACTED}`)
    for (const line of [
      'Change the basic settings of the camera.',
      'Change the Basic settings.',
      'Token expired',
      'TOKEN EXPIRED',
      'Bearer abc12',
      'TheBearer abc123def',
    ])
      expect(text(line)).toBe(line)
  })

  it('keeps a plain word of up to 20 letters after a scheme, capitalised or not', () => {
    for (const line of [
      'Basic authentication is not enabled for this account',
      'Bearer authentication required',
      'Token verification failed',
      'Token introspection failed',
      'Token refreshment necessary',
      'Basic authorization header malformed',
      'Bearer Authentication required.',
    ])
      expect(text(line)).toBe(line)
    for (const word of ['authentication2', 'authentiCation', 'authentication_key', 'authentication.x'])
      expect(text(`Bearer ${word}`)).toBe(`Bearer ${REDACTED}`)
  })

  it('takes no scheme word for the credential: the one after the last scheme word goes', () => {
    const jwt = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJib2IifQ.c2ln'
    expect(text(`Invalid token Bearer ${jwt}`)).toBe(`Invalid token Bearer ${REDACTED}`)
    for (const chain of ['token bearer', 'apikey Bearer', 'Bearer apikey', 'Basic Bearer', 'Token\tNegotiate  DPoP'])
      expect(text(`${chain} ${T} end`)).toBe(`${chain} ${REDACTED} end`)
    // A scheme word run into more token characters is a credential.
    expect(text(`token Bearer${T}`)).toBe(`token ${REDACTED}`)
    expect(text('token bearer.abc123')).toBe(`token ${REDACTED}`)
    for (const line of ['token Bearer', 'Invalid token bearer\n', 'token Bearer expired']) expect(text(line)).toBe(line)
  })

  it('scrubs a credential with its padding before a closing quote, as in JSON', () => {
    const basic = 'dXNlcjpwYXNzd29yZA=='
    expect(text(`{"note":"sent Basic ${basic}"}`)).toBe(`{"note":"sent Basic ${REDACTED}"}`)
    expect(text(`sent Basic "${basic}", got 401`)).toBe(`sent Basic "${REDACTED}", got 401`)
    expect(text(`{"body":"{\\"note\\":\\"Basic ${basic}\\"}"}`)).toBe(`{"body":"{\\"note\\":\\"Basic ${REDACTED}\\"}"}`)
    // One '=' of padding, then the string's end: no part of the credential stays.
    const single = 'dXNlcjpwYXNzd29yZDE='
    for (const line of [`{"note":"sent Basic ${single}"}`, `["Basic ${single}", 1]`, `Basic ${single}"`])
      expect(text(line)).toBe(line.replace(single, REDACTED))
  })

  it('keeps a parameter after a scheme whole: a name followed by =" is no credential, nor a part of one', () => {
    for (const line of [
      'WWW-Authenticate: Bearer resource_metadata="https://api.example.com/.well-known/oauth"',
      'WWW-Authenticate: Bearer error_description="The access token expired"',
      'Digest username="", realm="api"',
    ])
      expect(text(line)).toBe(line)
  })

  it('scrubs a double-quoted credential after a scheme, keeping the quotes', () => {
    expect(text(`Bearer "${T}"`)).toBe(`Bearer "${REDACTED}"`)
    expect(text(JSON.stringify({ note: `sent Bearer "${T}"` }))).toBe(
      JSON.stringify({ note: `sent Bearer "${REDACTED}"` }),
    )
    expect(text('sent Bearer "abc123XYZ789", got 401')).toBe(`sent Bearer "${REDACTED}", got 401`)
    expect(text('the Token "expired"')).toBe('the Token "expired"')
  })

  it('scrubs a single-quoted credential after a scheme, also in a header, keeping the quotes', () => {
    expect(text(`got Bearer '${T}' from the client`)).toBe(`got Bearer '${REDACTED}' from the client`)
    for (const line of [`Authorization: Bearer '${T}'`, `Authorization: Basic '${T}' sent`]) {
      expect(text(line)).not.toContain(T)
      expect(text(line)).toMatch(/^Authorization: /)
    }
    // A parameter's name before =' stays, as before =".
    for (const line of ["Digest username='bob', realm='api'", "Bearer resource_metadata='https://x.test/oauth'"])
      expect(text(line)).toBe(line)
    expect(text("the Token 'expired'")).toBe("the Token 'expired'")
  })

  it('scrubs a credential in backticks, typographic quotes or HTML-escaped quotes after a scheme, keeping the quotes', () => {
    for (const [open, close] of [
      ['`', '`'],
      ['\u201c', '\u201d'],
      ['\u2018', '\u2019'],
      ['&quot;', '&quot;'],
      ['&#39;', '&#39;'],
      ['&#x27;', '&#x27;'],
      ['&apos;', '&apos;'],
    ])
      expect(text(`sent Bearer ${open}${T}${close} to the API`)).toBe(
        `sent Bearer ${open}${REDACTED}${close} to the API`,
      )
  })

  it("scrubs a credential after a line break, a form's + or %20, or JSON's escaped tab or line break", () => {
    expect(text(`scheme Bearer\n${T}`)).toBe(`scheme Bearer\n${REDACTED}`)
    expect(text(`q=Bearer+${T}&x=1`)).toBe(`q=Bearer+${REDACTED}&x=1`)
    expect(text(`q=Basic%20${T}&x=1`)).toBe(`q=Basic%20${REDACTED}&x=1`)
    const json = JSON.stringify({ note: `sent\tBearer\t${T}\r\nAccept: */*` })
    expect(text(json)).toBe(JSON.stringify({ note: `sent\tBearer\t${REDACTED}\r\nAccept: */*` }))
    expect(text('"Token\\nexpired"')).toBe('"Token\\nexpired"')
  })

  it('scrubs a credential whose scheme follows a percent-escape or a \\u-escape, as in an encoded header or JSON text', () => {
    expect(text(`Authorization%3A%20Bearer%20${T}&x=1`)).toBe(`Authorization%3A%20Bearer%20${REDACTED}&x=1`)
    expect(text(`state=token%20Bearer%20${T}&lang=en`)).toBe(`state=token%20Bearer%20${REDACTED}&lang=en`)
    expect(text(`{\\u0022note\\u0022:\\u0022Bearer ${T}\\u0022,\\u0022n\\u0022:1}`)).toBe(
      `{\\u0022note\\u0022:\\u0022Bearer ${REDACTED}\\u0022,\\u0022n\\u0022:1}`,
    )
    // A word after an escape is still a word, and a scheme inside a word is none.
    for (const line of ['q=see%20Basic%20settings', '\\u0022Token expired\\u0022', 'x%20subtoken%20abc123def'])
      expect(text(line)).toBe(line)
  })

  it('reads long runs of escapes around scheme words in linear time, scrubbing the credential after them', () => {
    const start = performance.now()
    for (const run of ['%20'.repeat(100_000), '\\u0020'.repeat(50_000), '%20Bearer'.repeat(30_000)])
      expect(text(`${run}%20Bearer%20${T}${run}`)).toBe(`${run}%20Bearer%20${REDACTED}${run}`)
    const chain = `${'%20Bearer'.repeat(30_000)}${'\\u0026Token'.repeat(30_000)}`
    expect(text(chain)).toBe(chain)
    expect(performance.now() - start).toBeLessThan(1000)
  })

  it("reads a header's single-quoted parameter whole, as a double-quoted one", () => {
    expect(text(`Cookie: sid='${T}'; theme=dark`)).toBe(`Cookie: ${REDACTED}`)
    expect(text(`Cookie: sid="${T}"; theme=dark`)).toBe(`Cookie: ${REDACTED}`)
    // The whole value, a quoted parameter of a name that is no secret included, also after an
    // escaped tab in JSON inside JSON inside JSON.
    expect(text(`Authorization: Custom realm='a b', ${T}`)).toBe(`Authorization: ${REDACTED}`)
    const tabbed = JSON.stringify({ a: JSON.stringify({ h: `Cookie:\tx ${T}` }) })
    expect(text(tabbed)).not.toContain(T)
  })
})

describe('the A query parameter', () => {
  it('is scrubbed after ?, & and #, HTML-escaped and percent-encoded, in either case', () => {
    expect(text(`https://x/asset/prev/image.jpeg?id=1&A=${T}&b=2`)).toBe(
      `https://x/asset/prev/image.jpeg?id=1&A=${REDACTED}&b=2`,
    )
    expect(text(`/image.jpeg?a=${T}#A=${T}`)).toBe(`/image.jpeg?a=${REDACTED}#A=${REDACTED}`)
    expect(text(`<img src="/m?id=1&amp;A=${T}&amp;b=2">`)).toBe(`<img src="/m?id=1&amp;A=${REDACTED}&amp;b=2">`)
    expect(text(`next=%2Fm%3FA%3D${T}%26b%3D2 and %2Fm%3Fid%3D1%26a%3D${T}`)).toBe(
      `next=%2Fm%3FA%3D${REDACTED}%26b%3D2 and %2Fm%3Fid%3D1%26a%3D${REDACTED}`,
    )
  })

  it('is scrubbed with its name percent-escaped, and with spaces around its =', () => {
    expect(text(`/m?%41=${T}&b=2 /m?id=1&%61=${T}`)).toBe(`/m?%41=${REDACTED}&b=2 /m?id=1&%61=${REDACTED}`)
    expect(text(`/m?A =${T} and ?A = ${T}&b=2`)).toBe(`/m?A =${REDACTED} and ?A = ${REDACTED}&b=2`)
  })

  it('is scrubbed after the \\u-escaped & or ? of JSON text (Go writes & as \\u0026), keeping what follows', () => {
    expect(text(`{"url":"https://x/image.jpeg?id=1\\u0026A=${T}\\u0026b=2"}`)).toBe(
      `{"url":"https://x/image.jpeg?id=1\\u0026A=${REDACTED}\\u0026b=2"}`,
    )
    expect(text(`{"url":"/m\\u003fA=${T}"} /m\\u003Fa=${T}`)).toBe(
      `{"url":"/m\\u003fA=${REDACTED}"} /m\\u003Fa=${REDACTED}`,
    )
    expect(text(`{"body":"{\\"url\\":\\"/m?A=${T}\\"}"}`)).toBe(`{"body":"{\\"url\\":\\"/m?A=${REDACTED}\\"}"}`)
    expect(text('x\\u0026AB=1 \\u0026Z=2')).toBe('x\\u0026AB=1 \\u0026Z=2')
  })

  it('leaves other a= alone', () => {
    for (const line of ['set a=1 and b=2', 'data=1&b=2', '?ab=1&ba=2', '"a=1"', '?A:1', 'ca=1'])
      expect(text(line)).toBe(line)
  })
})

describe('URL userinfo and private keys', () => {
  it('scrubs the password, or a lone token, of URL userinfo, quoted or not', () => {
    expect(text(`connect https://ann:${S}@example.com/x`)).toBe(`connect https://ann:${REDACTED}@example.com/x`)
    expect(text(`"https://${T}@example.com/x"`)).toBe(`"https://${REDACTED}@example.com/x"`)
    const plain = 'mailto:ann@example.com, https://example.com:8443/x?q=1'
    expect(text(plain)).toBe(plain)
    // An address after a single slash, as in a path, is no userinfo.
    expect(text('GET /users/ann@example.com/devices')).toBe('GET /users/ann@example.com/devices')
    // In JSON whose writer escapes slashes (PHP's json_encode does by default).
    expect(text(`{"dsn":"https:\\/\\/ann:${S}@example.com\\/x"}`)).toBe(
      `{"dsn":"https:\\/\\/ann:${REDACTED}@example.com\\/x"}`,
    )
    expect(text('{"mail":"mailto:ann@example.com","u":"https:\\/\\/example.com\\/x"}')).toBe(
      '{"mail":"mailto:ann@example.com","u":"https:\\/\\/example.com\\/x"}',
    )
  })

  it('scrubs the password of URL userinfo to the last @ before the host, as URLs split it, when it holds a raw @', () => {
    expect(text(`postgres://app:Hq7v@${S}@db:5432/x`)).toBe(`postgres://app:${REDACTED}@db:5432/x`)
    expect(text(`dsn=https://ann@example.com:${S}@host/x?q=1`)).toBe(`dsn=https://${REDACTED}@host/x?q=1`)
    expect(text(`{"dsn":"https:\\/\\/app:a@${S}@db\\/x"}`)).toBe(`{"dsn":"https:\\/\\/app:${REDACTED}@db\\/x"}`)
    // An address after the host, in the path, the query or the next field, is no part of the userinfo.
    expect(text(`{"u":"https://app:${S}@host","mail":"ann@example.com"}`)).toBe(
      `{"u":"https://app:${REDACTED}@host","mail":"ann@example.com"}`,
    )
    expect(text(`\`https://app:${S}@host\`,\`ann@example.com\``)).toBe(
      `\`https://app:${REDACTED}@host\`,\`ann@example.com\``,
    )
    for (const line of ['https://host/users/ann@example.com', 'https://host?to=ann@example.com', 'https://h#a@b'])
      expect(text(line)).toBe(line)
  })

  it('reads no userinfo across the end of a quoted string: a URL before a secret-named value keeps it secret', () => {
    // The userinfo of `https://example.com` does not run on through `","pin":["ab` to the `@` of the next value.
    expect(text(`{"url":"https://example.com","pin":["ab@${S}","${T}"]}`)).toBe(
      `{"url":"https://example.com","pin":${REDACTED}}`,
    )
    expect(text(`{'u':'//h','password':'x@${S}'}`)).toBe(`{'u':'//h','password':'${REDACTED}'}`)
    const mail = '{"url":"https://example.com","email":"ann@example.com"}'
    expect(text(mail)).toBe(mail)
    expect(text(JSON.stringify({ m: mail }))).toBe(JSON.stringify({ m: mail }))
    // A quote inside the password is still part of it.
    expect(text(`https://ann:it's${S}@example.com/x`)).toBe(`https://ann:${REDACTED}@example.com/x`)
  })

  it('reads URL userinfo followed by a long run of @ or of userinfo characters in linear time', () => {
    const start = performance.now()
    for (const run of ['@'.repeat(100_000), 'a@'.repeat(50_000), ':@'.repeat(50_000), '@"'.repeat(50_000)])
      expect(text(`https://app:x@${S}@${run}`)).not.toContain(S)
    expect(text(`${'https://'.repeat(30_000)}x`)).toBe(`${'https://'.repeat(30_000)}x`)
    expect(performance.now() - start).toBeLessThan(1000)
  })

  it('scrubs the password of URL userinfo in JSON inside JSON, its escaped slashes escaped again', () => {
    // PHP's JSON writes `/` as `\/`; that text in a JSON string has `\\/`.
    const php = (secret: string) => JSON.stringify({ url: `https://ann:${secret}@host/x` }).replaceAll('/', '\\/')
    expect(text(JSON.stringify({ m: php(S) }))).toBe(JSON.stringify({ m: php(REDACTED) }))
  })

  it('scrubs a PEM private-key block whole, and keeps what follows', () => {
    const pem = '-----BEGIN RSA PRIVATE KEY-----\nMIIEow\nIBAAK\n-----END RSA PRIVATE KEY-----'
    expect(text(`key:\n${pem}\nafter`)).toBe(`key:\n${REDACTED}\nafter`)
    expect(text('-----BEGIN PRIVATE KEY-----\nMIIE cut off')).toBe(REDACTED)
    const pgp = '-----BEGIN PGP PRIVATE KEY BLOCK-----\nlQOYBF\n-----END PGP PRIVATE KEY BLOCK-----'
    expect(text(`key:\n${pgp}\nafter`)).toBe(`key:\n${REDACTED}\nafter`)
    const cert = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----'
    expect(text(cert)).toBe(cert)
  })
})

describe('a value inside parentheses', () => {
  it('ends before a closing parenthesis that ends the text or a word, so scrubbing again changes nothing', () => {
    const once = text(`failed (server: token=${T}) and (/m?A=${T})`)
    expect(once).toBe(`failed (server: token=${REDACTED}) and (/m?A=${REDACTED})`)
    expect(text(once)).toBe(once)
    expect(text('(server: #A=)')).toBe('(server: #A=)')
    expect(text(`token=${T})x`)).toBe(`token=${REDACTED}`)
    expect(text(`/m?A=${T})x`)).toBe(`/m?A=${REDACTED}`)
    expect(text(`token=${T})`)).toBe(`token=${REDACTED})`)
  })
})

describe('long text', () => {
  it('scrubs a long run of name characters without scanning it again at every step (a quadratic scan would take minutes here)', () => {
    const long = `{"message":"big","pad":"${'x'.repeat(200_000)}","password":"${T}"}`
    expect(text(long)).toBe(`{"message":"big","pad":"${'x'.repeat(200_000)}","password":"${REDACTED}"}`)
    expect(text(`<a${'b'.repeat(200_000)}>`)).toBe(`<a${'b'.repeat(200_000)}>`)
  })

  it('scrubs a quoted secret followed by a long run of backslashes without scanning the run back at every step', () => {
    expect(text(`password: "${'\\'.repeat(200_000)}`)).toBe(`password: "${REDACTED}`)
    expect(text(`{"password": "${'\\'.repeat(200_000)}", "n": 1}`)).toBe(`{"password": "${REDACTED}", "n": 1}`)
    expect(text(`{\\"password\\": \\"${'\\'.repeat(200_000)}\\", n`)).toBe(`{\\"password\\": \\"${REDACTED}\\", n`)
  })

  it("reads a run of + after a scheme once, when a parameter's value follows it (each shorter gap tried took 30 s here)", () => {
    // A form's + is both a gap after the scheme and a credential's character: the gap is read whole.
    const run = '+'.repeat(100_000)
    for (const line of [`Bearer${run}="x"`, `token ${run}='x' kept`]) expect(text(line)).toBe(line)
    expect(text(`Bearer+${T}`)).toBe(`Bearer+${REDACTED}`)
  }, 5_000)

  it('reads long runs of backslashes, escaped tabs or line breaks after a scheme, a name or a URL in linear time', () => {
    for (const run of [
      '\\'.repeat(100_000),
      '\\t'.repeat(50_000),
      '\n'.repeat(100_000),
      '+'.repeat(100_000),
      '-'.repeat(100_000),
    ]) {
      const start = performance.now()
      for (const line of [`Bearer${run}`, `password:${run}`, `https:${run}`, `${run}password=${S}`]) text(line)
      expect(performance.now() - start).toBeLessThan(1000)
    }
  })
})
