/**
 * Secrets planted in every part of a request, the data planted next to them, and a server that
 * echoes the request back in the API's JSON error (its `message` and its body), in one encoding.
 *
 * Every secret is unique and holds alphanumeric runs of 6 or more characters ("cores") that occur
 * nowhere else: a rendering leaks a secret when it holds any of its cores, whatever escaping the
 * rest went through. Secrets carried encoded by the client (query, form, userinfo) are URL-safe,
 * so the echo escapes them once, as a server would; those carried raw hold `@ & < > + / =` and
 * spaces, so each escaping of the echo changes them.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'

/** The secrets, by where they are planted. */
export const SECRET = {
  bearer: 'tkna81f3c9d2e.x_y~z+w/v=',
  basicPassword: 'bpw4d7e1c9@&<q>bpz6m3',
  authentication: 'authn5e7d1b @&<x>=authz8k2',
  apiKeyHeader: 'xak93b7c1e&=/+ xaz5n1q8',
  cookie: 'ck4c0ffee9d2',
  queryA: 'qa7e2f9c4b1',
  queryAccessToken: 'qat5d8e3a60f',
  queryPassword: 'qpw2c9b4e7',
  fragment: 'frg6b3a9d1e',
  jsonPassword: 'jpw8d1c5b3 @&<x>jpz4k7m2',
  json2fa: '582039174',
  jsonApiKey: 'jak4f7a2c9e+/=jaz2w9',
  formPassword: 'fpw1b6d3e8',
  formApiKey: 'fak7c2e9d4',
  form2fa: '739104826',
  multipartPassword: 'mpw5e9c2a7 @&<>mpz3v6',
  multipartApiKey: 'mak3d8b1f6',
  clientPassword: 'xpw6a1d9c4q',
  setCookie: 'sck8e1f4a7b',
} as const

/** Data planted next to the secrets: none of it may be scrubbed. */
export const DATA = {
  queryCameraId: 'cam-nonsecret-q1',
  headerCameraId: 'cam-nonsecret-h1',
  jsonTokenType: 'nonsecret-tt-j1',
  jsonTimeout: 'nonsecret-ist-j1',
  jsonRules: 'nonsecret-pmr-j1',
  formTokenType: 'nonsecret-tt-f1',
  multipartCameraId: 'cam-nonsecret-m1',
} as const

/** The alphanumeric runs of 6 or more characters of a secret: any of them in a rendering is a leak. */
export function cores(secret: string): string[] {
  return secret.match(/[a-z0-9]{6,}/gi) ?? []
}

/** The query of every request: the API's `A` key, an OAuth token, a password, and a camera id. */
export const QUERY = {
  camera_id: DATA.queryCameraId,
  A: SECRET.queryA,
  access_token: SECRET.queryAccessToken,
  password: SECRET.queryPassword,
}

/** Request headers, names in odd cases; `Authorization` is added per client. */
export const HEADERS = {
  authentication: SECRET.authentication,
  'X-Api-KEY': SECRET.apiKeyHeader,
  Cookie: `auth_key=${SECRET.cookie}`,
  'X-Camera-Id': DATA.headerCameraId,
}

export const BASIC_USER = 'camadmin'
export const BEARER = `Bearer ${SECRET.bearer}`
export const BASIC = `Basic ${Buffer.from(`${BASIC_USER}:${SECRET.basicPassword}`).toString('base64')}`

/** The bodies a client sends, by kind. */
export type BodyKind = 'json' | 'form' | 'multipart'
export const BODY_KINDS: readonly BodyKind[] = ['json', 'form', 'multipart']

export const JSON_BODY = {
  password: SECRET.jsonPassword,
  two_factor_authentication_code: SECRET.json2fa,
  api_key: SECRET.jsonApiKey,
  token_type: DATA.jsonTokenType,
  inactive_session_timeout: DATA.jsonTimeout,
  password_management_rules: DATA.jsonRules,
}

export const FORM_BODY = {
  password: SECRET.formPassword,
  api_key: SECRET.formApiKey,
  two_factor_authentication_code: SECRET.form2fa,
  token_type: DATA.formTokenType,
}

export function multipartBody(): FormData {
  const form = new FormData()
  form.append('password', SECRET.multipartPassword)
  form.append('api_key', SECRET.multipartApiKey)
  form.append('camera_id', DATA.multipartCameraId)
  return form
}

/** The secrets and data a body of `kind` carries. */
export function bodyPlants(kind: BodyKind): { secrets: string[]; data: string[] } {
  if (kind === 'json')
    return {
      secrets: [SECRET.jsonPassword, SECRET.json2fa, SECRET.jsonApiKey],
      data: [DATA.jsonTokenType, DATA.jsonTimeout, DATA.jsonRules],
    }
  if (kind === 'form')
    return { secrets: [SECRET.formPassword, SECRET.formApiKey, SECRET.form2fa], data: [DATA.formTokenType] }
  return { secrets: [SECRET.multipartPassword, SECRET.multipartApiKey], data: [DATA.multipartCameraId] }
}

/** How the server escapes its echo. */
export type Encoding = 'raw' | 'percent' | 'form' | 'json' | 'html'
export const ENCODINGS: readonly Encoding[] = ['raw', 'percent', 'form', 'json', 'html']

const ENCODE: Record<Encoding, (text: string) => string> = {
  raw: (text) => text,
  percent: (text) => encodeURIComponent(text),
  form: (text) => new URLSearchParams({ q: text }).toString().slice(2),
  json: (text) => JSON.stringify(text),
  html: (text) =>
    text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c),
}

/** What the server echoes: the request line only, or the whole request. */
export type Echo = 'url' | 'all'

/**
 * Answers `/echo/<encoding>/<echo>/…` with a 401 in the API's JSON shape whose `message` and
 * `data.echo` are the request (line, headers with a decoded Basic credential, body) in that
 * encoding, and a session cookie of its own in `Set-Cookie`.
 */
export async function echoHandler(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  const [, , encoding, echo] = (req.url ?? '').split(/[/?]/) as [string, string, Encoding, Echo]
  const lines = [`${req.method} ${req.url} HTTP/1.1`]
  if (echo === 'all') {
    for (let i = 0; i < req.rawHeaders.length; i += 2) lines.push(`${req.rawHeaders[i]}: ${req.rawHeaders[i + 1]}`)
    const basic = /^basic (.+)$/i.exec(req.headers.authorization ?? '')
    if (basic) lines.push(`Authenticated as: ${Buffer.from(basic[1] as string, 'base64').toString()}`)
    lines.push('', Buffer.concat(chunks).toString())
  }
  const text = (ENCODE[encoding] ?? ENCODE.raw)(lines.join('\n'))
  res.writeHead(401, {
    'content-type': 'application/json',
    'set-cookie': `auth_key=${SECRET.setCookie}; Path=/; HttpOnly`,
    'x-request-id': 'echo-request-1',
  })
  res.end(JSON.stringify({ status_code: 401, message: text, reason: 'InvalidCredentials', data: { echo: text } }))
}
