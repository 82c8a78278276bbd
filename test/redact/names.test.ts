import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { describe, expect, it } from 'vitest'
import { names } from './fresh.js'

const secret = (name: unknown): boolean => names.nameTest([])(name)

describe('secret names', () => {
  it.each([
    // The last word is a secret word (or a plural of one).
    'password',
    'current_password',
    'newPassword',
    'PASSWORDS',
    'passwd',
    'pwd',
    'pass',
    'passphrase',
    'passcode',
    'client_secret',
    'secrets',
    'refreshToken',
    'access-token',
    'id.token',
    'tokens',
    'credential',
    'credentials',
    'otp',
    'pin',
    'pins',
    'signature',
    'sig',
    'hmac',
    'saml assertion',
    'code_verifier',
    'cookie',
    'Set-Cookie',
    'cookies',
    // key after api, auth, access, secret, private, signing, encryption, client, tfa or mfa.
    'api_key',
    'X-API-KEY',
    'apiKeys',
    'auth_key',
    'AWSAccessKey',
    'secret-key',
    'private_key',
    'signing_key',
    'encryptionKey',
    'client_key',
    'tfa_key',
    'mfaKey',
    // code after tfa, mfa, 2fa, otp, auth, authentication or verification.
    'two_factor_authentication_code',
    'tfa_code',
    'mfaCode',
    '2fa_code',
    // 2FA in capitals, camelCase: `2FACode` splits as `2 fa code`.
    '2FACode',
    'user_2FACode',
    'MFACode',
    'otp-code',
    'authCode',
    'verification_code',
    // session, session id, session key, sid.
    'session',
    'user_session',
    'session_id',
    'sessionId',
    'SESSION-KEY',
    'sid',
    'x-sid',
    // exactly auth, and the run-together forms in any case.
    'auth',
    'AUTH',
    'x-apikey',
    'APIKEY',
    'authkey',
    'secretkey',
    'sessionid',
    'JSESSIONID',
    // PHP's session cookie and its short form, as they travel in a query.
    'PHPSESSID',
    'sessid',
    // the secret headers.
    'Authorization',
    'proxy-authorization',
    'Authentication',
    // any case: a camelCase split must not hide the word.
    'PASSword',
    'AuthoriZation',
    // a secret word followed by digits (Django's password1 and password2), a password confirmation,
    // and any header ending in Authorization.
    'password1',
    'password2',
    'pin2',
    // or by a word of digits alone (GitHub's webhook signature header).
    'X-Hub-Signature-256',
    'password_2',
    'api-key-1',
    'password_confirmation',
    'passwordConfirm',
    'X-Authorization',
    'x-forwarded-authorization',
    'Proxy-Authorization',
    // letters and digits beyond ASCII do not hide a secret word.
    'password_ü',
    'passwordé',
    'token²',
    'api_key_é',
  ])('%s is secret', (name) => {
    expect(secret(name)).toBe(true)
  })

  it.each([
    'token_type',
    'inactive_session_timeout',
    'password_management_rules',
    'is_two_factor_authentication_enabled',
    'failed_requirements',
    'secretary',
    'keyboard',
    'public_key',
    'monkey',
    'key',
    'code',
    'status_code',
    'zip_code',
    'x-auth',
    'author',
    'authorization_mode',
    'password_hint',
    'password_confirmation_required',
    'requires_authorization',
    'pending_authorization',
    'tokenizer',
    'x2password',
    'token_type_2',
    'password_v2_rules',
    'passport',
    'description',
    'id',
    '',
  ])('%s is data', (name) => {
    expect(secret(name)).toBe(false)
  })

  it('reads a name that is not a string as its string', () => {
    for (const name of [undefined, null, 42, {}]) expect(secret(name)).toBe(false)
    expect(secret(new String('password'))).toBe(true)
  })

  it('adds extra names, matched by their words at the end of a name, in any case and spelling', () => {
    const withExtra = names.nameTest(['customer ref', 'session xid'])
    // As the built-in words: a plural, or digits right after it, too (a list of them is as secret).
    for (const name of [
      'customer_ref',
      'customerRef',
      'CUSTOMER-REF',
      'my.customer.ref',
      'sessionXid',
      'customer_refs',
      'customerRef2',
    ])
      expect(withExtra(name)).toBe(true)
    for (const name of ['customer', 'ref', 'customer_ref_count', 'customer_refund']) expect(withExtra(name)).toBe(false)
    // The built-in names stay secret.
    expect(withExtra('password')).toBe(true)
  })

  it('splits a camelCase name with letters beyond ASCII into its words, keeping those letters', () => {
    const withExtra = names.nameTest(['contraseña'])
    for (const name of ['userContraseña', 'newContraseña', 'X-Contraseña']) expect(withExtra(name)).toBe(true)
    expect(withExtra('contraseñaHint')).toBe(false)
    // Capitals beyond ASCII start a word too.
    const cyrillic = names.nameTest(['пароль'])
    for (const name of ['userПароль', 'новыйПароль', 'USERПароль']) expect(cyrillic(name)).toBe(true)
    for (const name of ['ПарольHint', 'парольПодсказка']) expect(cyrillic(name)).toBe(false)
  })
})

it('gives the same answer for a name however often it is asked, also past the names it remembers', () => {
  const test = names.nameTest([])
  const asked = ['password', 'token_type', 'apiKey', 'status_code', 'X-Api-Key', 'message']
  const first = asked.map(test)
  expect(first).toEqual([true, false, true, false, true, false])
  // Thousands of other names in between, each asked twice.
  for (let i = 0; i < 3000; i++) expect(test(`field_${i}_token`)).toBe(test(`field_${i}_token`))
  expect(asked.map(test)).toEqual(first)
  expect(asked.map(test)).toEqual(first)
})

it('does not keep long names it was asked about: a body of long keys leaves no megabytes behind', () => {
  setFlagsFromString('--expose-gc')
  const gc = runInNewContext('gc') as () => void
  const heap = () => {
    gc()
    return process.memoryUsage().heapUsed
  }
  const test = names.nameTest([])
  const before = heap()
  // 1,000 distinct keys of about 40 KB each, as a server's bodies may hold (40 MB if kept).
  for (let i = 0; i < 1000; i++) test(`key${i}_`.repeat(5000))
  const grown = heap() - before
  expect(test('password')).toBe(true)
  expect(grown).toBeLessThan(10 * 1024 * 1024)
})

describe('words', () => {
  it('splits at separators and camelCase, lower-cased', () => {
    expect(names.words('XApiKey', true)).toBe('x api key')
    expect(names.words('two_factor-authentication.code', true)).toBe('two factor authentication code')
    expect(names.words('  --user  Password__ ', true)).toBe('user password')
    expect(names.words('userPassword')).toBe('userpassword')
    expect(names.words('x2Fa', true)).toBe('x2 fa')
  })

  it('in every script, joins the words by one space whatever run of other characters parts them', () => {
    expect(names.words('Código - Secreto!', true, true)).toBe('código secreto')
    expect(names.words('мой  пароль', true, true)).toBe('мой пароль')
    expect(names.words('  __密码__  ', true, true)).toBe('密码')
  })
})
