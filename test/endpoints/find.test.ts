import { readFileSync } from 'node:fs'
import fc from 'fast-check'
import { expect, describe as group, it } from 'vitest'
import { type Endpoint, endpoints, findEndpoint } from '../../src/endpoints/index.js'

/** Every request line of the docs with a status table, the URL as the docs print it (test data). */
interface DocsRequest {
  method: string
  url: string
  statuses: number[]
  docs: string
}
const requests: DocsRequest[] = JSON.parse(
  readFileSync(new URL('./docs-requests.json', import.meta.url), 'utf8'),
).requests

group('findEndpoint', () => {
  it('finds every call by its request line exactly as the docs print it, answering each status of its table', () => {
    expect(requests.length).toBeGreaterThan(90)
    for (const { method, url, statuses, docs } of requests) {
      const found = findEndpoint(method, url)
      expect(found?.method, docs).toBe(method)
      const answered = { ...found!.rows, ...found!.successes }
      for (const status of statuses) expect(answered[status], `${docs} ${status}`).toBeDefined()
    }
  })

  it('reads the host as the docs write it: a placeholder in brackets, no scheme, or a slash for the dot', () => {
    const docsHost = 'https://[active_brand_subdomain].eagleeyenetworks.com'
    expect(findEndpoint('GET', `${docsHost}/g/device/list`)).toBe(endpoints.getListOfDevices)
    expect(findEndpoint('GET', `${docsHost}/annt/annt/get`)).toBe(endpoints.getAnnotation)
    expect(findEndpoint('GET', `${docsHost}/api/v2/media/{camera_id}/Snapshot?timestamp={timestamp}`)).toBe(
      endpoints.getSnapshotOfRecording,
    )
    expect(findEndpoint('GET', 'https://<branded_sub_domain>.eagleeyenetworks.com/g/aaa/sso/SAML2/SSO')).toBe(
      endpoints.ssoAuthenticateRequest,
    )
    // _api_layout.md:236 prints `https://[active_brand_subdomain]/eagleeyenetworks.com/g/layout`.
    expect(findEndpoint('POST', 'https://[active_brand_subdomain]/eagleeyenetworks.com/g/layout')).toBe(
      endpoints.updateLayout,
    )
    expect(findEndpoint('POST', 'login.eagleeyenetworks.com/g/aaa/authorize')).toBe(endpoints.authorize)
    // A dot in a later segment is a file name, not a host.
    expect(findEndpoint('GET', '/pngspan/etag.png')).toBe(endpoints.getPngSpan)
    expect(findEndpoint('GET', 'etag.png')).toBeUndefined()
    expect(findEndpoint('GET', '/')).toBeUndefined()
  })

  it('finds a call by the request URL of the docs, host included', () => {
    // The docs' curl examples.
    expect(findEndpoint('POST', 'https://login.eagleeyenetworks.com/g/aaa/create_account')).toBe(
      endpoints.createAccount,
    )
    expect(findEndpoint('POST', 'https://c001.eagleeyenetworks.com/g/aaa/forgot_password')).toBe(
      endpoints.forgotPassword,
    )
    expect(findEndpoint('GET', 'https://c001.eagleeyenetworks.com/g/account/statistics/bridges')).toBe(
      endpoints.totalNumberOfBridges,
    )
    // A templated path of the docs, /pngspan/{pngspan_type}.png.
    expect(findEndpoint('GET', 'https://c001.eagleeyenetworks.com/pngspan/etag.png?id=100e1e23')).toBe(
      endpoints.getPngSpan,
    )
    expect(findEndpoint('GET', 'https://c001.eagleeyenetworks.com/pngspan/etagxpng')).toBeUndefined()
  })

  it('matches the method in any case', () => {
    expect(findEndpoint('post', 'https://c001.eagleeyenetworks.com/g/aaa/logout')).toBe(endpoints.logout)
    expect(findEndpoint('Get', '/g/aaa/isauth')).toBe(endpoints.checkAuthenticationIsValid)
  })

  it('ignores the query, the fragment and a trailing slash', () => {
    const url = 'https://c001.eagleeyenetworks.com/asset/asset/image.jpeg?id=100e1e23&timestamp=now&asset_class=pre'
    expect(findEndpoint('GET', url)).toBe(endpoints.getImage)
    expect(findEndpoint('GET', 'https://c001.eagleeyenetworks.com/g/device/list/?A=c001~abc')).toBe(
      endpoints.getListOfDevices,
    )
    expect(findEndpoint('GET', '/g/layout/#top')).toBe(endpoints.getLayout)
    expect(findEndpoint('GET', '//c001.eagleeyenetworks.com/g/user/list')).toBe(endpoints.getListOfUsers)
    // A host without a dot after `//`, a query with a blank in it.
    expect(findEndpoint('GET', '//localhost/g/user/list')).toBe(endpoints.getListOfUsers)
    expect(findEndpoint('GET', '/g/user?name=Ann Lee#a b')).toBe(endpoints.getUser)
  })

  it('reads a first segment with a dot as a host only where no host came before it', () => {
    // After a scheme and host, or at the start of a path, a dotted segment is part of the path.
    expect(findEndpoint('GET', 'https://c001.eagleeyenetworks.com/foo.bar/g/device')).toBeUndefined()
    expect(findEndpoint('GET', 'https://c001.eagleeyenetworks.com/image.jpeg/g/user')).toBeUndefined()
    expect(findEndpoint('GET', '//c001.eagleeyenetworks.com/v1.2/g/device')).toBeUndefined()
    expect(findEndpoint('GET', '/static.v2/g/device')).toBeUndefined()
    expect(findEndpoint('GET', 'c001.eagleeyenetworks.com/g/device')).toBe(endpoints.getDevice)
    // A host is only at the start: `//` later (in the query) makes none.
    expect(findEndpoint('POST', 'login.eagleeyenetworks.com/g/aaa/authorize?next=//x')).toBe(endpoints.authorize)
    // The docs' slip after a host, with or without a scheme, with the host's own name before it.
    expect(findEndpoint('POST', '//[x]/eagleeyenetworks.com/g/layout')).toBe(endpoints.updateLayout)
    expect(findEndpoint('POST', 'https://[x]/login.eagleeyenetworks.com/g/aaa/authorize')).toBe(endpoints.authorize)
    // Only right after the host: a later segment named like the host is part of the path.
    expect(findEndpoint('GET', 'https://c001.eagleeyenetworks.com/g/eagleeyenetworks.com/device')).toBeUndefined()
    expect(findEndpoint('GET', '//[x]/g/c001.eagleeyenetworks.com/device')).toBeUndefined()
  })

  it('resolves dot segments as a request sends the path, also percent-encoded', () => {
    expect(findEndpoint('GET', 'https://c001.eagleeyenetworks.com/g/../g/device')).toBe(endpoints.getDevice)
    expect(findEndpoint('GET', '/g/./device')).toBe(endpoints.getDevice)
    expect(findEndpoint('GET', '/g/%2E%2e/g/%2e/device/.')).toBe(endpoints.getDevice)
    // Above the root stays at the root, as in the URL parser.
    expect(findEndpoint('GET', '/../../g/device')).toBe(endpoints.getDevice)
    expect(findEndpoint('GET', '/g/device/..')).toBeUndefined()
    expect(findEndpoint('GET', '/g/device/x/..')).toBe(endpoints.getDevice)
    // Only a whole segment of dots: a name with dots in it is a name.
    expect(findEndpoint('GET', '/g/device/...')).toBeUndefined()
    expect(findEndpoint('GET', '/g/.device')).toBeUndefined()
    for (const path of ['/g/device', '/g/./device', '/x/../g/device']) {
      expect(findEndpoint('GET', path), path).toBe(findEndpoint('GET', new URL(path, 'https://h').pathname))
    }
  })

  it('reads a percent-encoded letter, digit, "-", ".", "_" or "~" as the character itself (RFC 3986 6.2.2.2)', () => {
    // The same request to the server: an unreserved character and its %XX are equivalent, in either case of hex.
    expect(findEndpoint('POST', 'https://c001.eagleeyenetworks.com/g/aaa/forgot%5Fpassword')).toBe(
      endpoints.forgotPassword,
    )
    expect(findEndpoint('GET', '/g/us%65r/list')).toBe(endpoints.getListOfUsers)
    expect(findEndpoint('GET', '/g/aaa/sso/SAML2/SS%4f?identity_provider=x')).toBe(endpoints.ssoAuthenticateRequest)
    expect(findEndpoint('GET', 'https://c001.eagleeyenetworks.com/pngspan/etag%2Epng')).toBe(endpoints.getPngSpan)
    // No documented path has a literal "-" or "~"; in a {param} any text matches, decoded or not.
    expect(findEndpoint('GET', '/api/v2/media/cam%2D01%7E2/Snapshot')).toBe(endpoints.getSnapshotOfRecording)
    // A reserved character stays encoded: %2F is no separator, %3F no query, %23 no fragment.
    expect(findEndpoint('GET', '/g/user%2Flist')).toBeUndefined()
    expect(findEndpoint('GET', '/g/user%3Fid=1')).toBeUndefined()
    expect(findEndpoint('GET', '/g/user%23top')).toBeUndefined()
    expect(findEndpoint('GET', '/api/v2/media/100e1e23%2FSnapshot')).toBeUndefined()
    expect(findEndpoint('GET', '/api/v2/media/a%2Fb/Snapshot')).toBe(endpoints.getSnapshotOfRecording)
    // Not a character at all: a lone % or a bad escape is literal text.
    expect(findEndpoint('GET', '/g/user%')).toBeUndefined()
    expect(findEndpoint('GET', '/g/user%zz')).toBeUndefined()
  })

  it('takes a path without its leading slash, and reads a later // as part of the path', () => {
    expect(findEndpoint('POST', 'g/aaa/authorize')).toBe(endpoints.authorize)
    expect(findEndpoint('GET', '//localhost/g/user//extra')).toBeUndefined()
    expect(findEndpoint('GET', '/g/user//c001.eagleeyenetworks.com')).toBeUndefined()
  })

  it('reads a URL as fetch and the URL parser do: blanks around it, tabs and line breaks in it, a backslash for a slash', () => {
    const host = 'https://c001.eagleeyenetworks.com'
    for (const url of [
      `${host}\\g\\aaa\\forgot_password`,
      `${host}/g\t/aaa/forgot_password`,
      `${host}/g/aaa/forgot_pass\r\nword`,
      ` ${host}/g/aaa/forgot_password\n`,
      '\t/g/aaa/forgot_password ',
      '\u0000\u001f/g/aaa/forgot_password\u0001',
    ]) {
      expect(new URL(url, host).pathname, JSON.stringify(url)).toBe('/g/aaa/forgot_password')
      expect(findEndpoint('POST', url)?.name, JSON.stringify(url)).toBe('forgotPassword')
    }
    // Only controls and spaces go: other blanks (no-break space, BOM, line separator) are encoded, another path.
    for (const url of [
      '/g/aaa/forgot_password\u00a0',
      '\ufeff/g/aaa/forgot_password',
      '/g/aaa/forgot_password\u2028',
    ]) {
      expect(new URL(url, host).pathname, JSON.stringify(url)).not.toBe('/g/aaa/forgot_password')
      expect(findEndpoint('POST', url), JSON.stringify(url)).toBeUndefined()
    }
  })

  it('tells the method apart on one path', () => {
    expect(findEndpoint('GET', '/g/user')).toBe(endpoints.getUser)
    expect(findEndpoint('PUT', '/g/user')).toBe(endpoints.createUser)
    expect(findEndpoint('POST', '/g/user')).toBe(endpoints.updateUser)
    expect(findEndpoint('DELETE', '/g/user')).toBe(endpoints.deleteUser)
    expect(findEndpoint('PATCH', '/g/user')).toBeUndefined()
  })

  it('lets a {param} of the docs match any text within one segment, also inside a segment', () => {
    const snapshot = 'https://c001.eagleeyenetworks.com/api/v2/media/100e1e23/Snapshot?timestamp=20181001000000.000'
    expect(findEndpoint('GET', snapshot)).toBe(endpoints.getSnapshotOfRecording)
    expect(findEndpoint('GET', '/api/v2/media/cameras/100e1e23/streams?A=c001~x')).toBe(endpoints.getLiveStreamRtsp)
    expect(findEndpoint('GET', 'https://c001.eagleeyenetworks.com/pngspan/etag.png')).toBe(endpoints.getPngSpan)
    expect(findEndpoint('GET', 'wss://c000.eagleeyenetworks.com/api/v2/Device/00001007/Events')).toBe(
      endpoints.webSocketPolling,
    )
    // One segment only, and not an empty one; the literal text around a parameter must be there.
    expect(findEndpoint('GET', '/api/v2/media/a/b/Snapshot')).toBeUndefined()
    expect(findEndpoint('GET', '/api/v2/media//Snapshot')).toBeUndefined()
    expect(findEndpoint('GET', '/pngspan/etag.jpeg')).toBeUndefined()
    expect(findEndpoint('GET', '/pngspan/etagxpng')).toBeUndefined()
  })

  it("finds Get List of Images by the path its docs' examples request, /asset/list/image.jpeg", () => {
    // _api_asset.md:45, 48, 51 (Retrieve List of Images); the request line is /asset/list/image.
    const url = 'https://c001.eagleeyenetworks.com/asset/list/image.jpeg?id=100676b2&count=500&asset_class=all'
    expect(findEndpoint('GET', url)).toBe(endpoints.getListOfImages)
    expect(findEndpoint('GET', '/asset/list/image.jpeg/')).toBe(endpoints.getListOfImages)
    // Only that path, and only for its method.
    expect(findEndpoint('POST', url)).toBeUndefined()
    expect(findEndpoint('GET', '/asset/list/imageXjpeg')).toBeUndefined()
    expect(findEndpoint('GET', '/asset/list/image.png')).toBeUndefined()
    expect(findEndpoint('GET', '/asset/list/video.jpeg')).toBeUndefined()
  })

  it('takes a URL object', () => {
    const url = new URL('https://login.eagleeyenetworks.com/g/aaa/authorize?x=1')
    expect(findEndpoint('POST', url)).toBe(endpoints.authorize)
  })

  it('answers every status of both steps where the docs document one method and path twice', () => {
    const authorize = findEndpoint('POST', 'https://login.eagleeyenetworks.com/g/aaa/authorize')!
    expect(authorize).toBe(endpoints.authorize)
    const steps = [endpoints.authorizeSimple, endpoints.authorizeTfa]
    const documented = new Set(steps.flatMap((step) => [...Object.keys(step.rows), ...Object.keys(step.successes)]))
    expect([...Object.keys(authorize.rows), ...Object.keys(authorize.successes)].sort()).toEqual([...documented].sort())
    expect(authorize.rows[429]?.code).toBe('ACCOUNT_LOCKED')
    // GET /g/device: the bridge's 404 with the camera's rows.
    const device = findEndpoint('GET', '/g/device')!
    expect(device).toBe(endpoints.getDevice)
    expect(device.rows[404]?.meaning).toBe(endpoints.getBridge.rows[404]?.meaning)
    expect(Object.keys(endpoints.getCamera.rows)).not.toContain('404')
  })

  it('returns undefined for a call the docs do not have', () => {
    expect(findEndpoint('GET', 'https://c001.eagleeyenetworks.com/g/nothing')).toBeUndefined()
    expect(findEndpoint('GET', '')).toBeUndefined()
    expect(findEndpoint('', '/g/user')).toBeUndefined()
    expect(findEndpoint('GET', '/G/USER')).toBeUndefined()
  })

  it('never throws, whatever it is given', () => {
    const junk: unknown[] = [undefined, null, 42, {}, [], Symbol('x'), () => 1, { pathname: 5 }, new Proxy({}, {})]
    for (const a of junk) {
      expect(findEndpoint(a as string, '/g/user')).toBeUndefined()
      expect(findEndpoint('GET', a as string)).toBeUndefined()
    }
    const hostile = {
      get pathname(): string {
        throw new Error('no')
      },
    }
    expect(findEndpoint('GET', hostile as unknown as URL)).toBeUndefined()
    // Neither a string nor a URL, though it reads as a documented call when made a string.
    for (const url of [['/g/user'], { toString: () => '/g/user' }, { [Symbol.toPrimitive]: () => '/g/user' }]) {
      expect(findEndpoint('GET', url as unknown as string), String(url)).toBeUndefined()
    }
    expect(findEndpoint(['GET'] as unknown as string, '/g/user')).toBeUndefined()
    expect(findEndpoint({ toUpperCase: () => 'GET' } as unknown as string, '/g/user')).toBeUndefined()
    // No method of HTTP: a token is ASCII, and 'poſt' is upper-cased to 'POST' by Unicode's rules only.
    expect(findEndpoint('poſt', '/g/aaa/logout')).toBeUndefined()
    fc.assert(
      fc.property(fc.string(), fc.string(), (method, url) => {
        const found = findEndpoint(method, url)
        return found === undefined || (Object.values(endpoints) as Endpoint[]).includes(found)
      }),
      { seed: 15 },
    )
  })

  it('reads a long URL in linear time', () => {
    // A first segment of 100,000 dots and no slash after it: tried as a host from every dot, it took seconds.
    for (const path of [
      'a.'.repeat(50_000),
      `/g/user${'.a'.repeat(50_000)}`,
      `${'/.'.repeat(50_000)}x`,
      `/g/user${' '.repeat(100_000)}x`,
    ]) {
      expect(findEndpoint('GET', `https://c001.eagleeyenetworks.com/${path}`)).toBeUndefined()
      expect(findEndpoint('GET', path)).toBeUndefined()
    }
    expect(findEndpoint('GET', `${'a.'.repeat(50_000)}/g/user`)).toBe(endpoints.getUser)
  })
})
