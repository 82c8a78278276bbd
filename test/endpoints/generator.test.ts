// The generator (scripts/endpoints.mjs) on small pieces of Markdown written as the API docs write
// them: what it reads, what it joins, and that it names every call it cannot read.
import { expect, describe as group, it } from 'vitest'
import { buildCatalog, camelName } from '../../scripts/endpoints/build.mjs'
import { emitCatalog, emitRoutes } from '../../scripts/endpoints/emit.mjs'
import { parseFile, pathOf } from '../../scripts/endpoints/parse.mjs'

const DOC = `# AAA

<h2 id=create-account-h2>Create Account</h2>

### HTTP Request

\`POST https://login.eagleeyenetworks.com/g/aaa/create_account\`

### HTTP Status Codes

HTTP Status Code | Description
---------------- | -----------
202 | Account has been created
400\t| Unexpected or non-identifiable arguments are supplied
412\\*\t| User is disabled

\\*Code 412 is also returned if the account is locked

## Get Video

### HTTP Request

\`GET https://[active_brand_subdomain].eagleeyenetworks.com/asset/play/video.flv\`

\`GET https://[active_brand_subdomain]/eagleeyenetworks.com/asset/play/video.mp4?x={y}\`

### HTTP Status Codes

HTTP Status Code | Description
---------------- | -----------
404\t| Camera not provisioned
404\t| Camera get error

## Search Recordings

### HTTP Request

\`TODO\`

## Statistics

### Total Number of Bridges

### HTTP Request

\`GET https://c001.eagleeyenetworks.com/g/stats/bridges\`

### Total Number of Cameras

### HTTP Request

- \`GET https://c001.eagleeyenetworks.com/g/stats/cameras\`
- \`GET rtsp://c001.eagleeyenetworks.com:554/stream\`

**When using TFA**

HTTP Status Code | Description
---------------- | -----------
200 | Request succeeded
`

const table = { 200: 'OK', 400: 'BAD_REQUEST', 404: 'NOT_FOUND', 412: 'USER_DISABLED', 202: 'ACCEPTED' }
const judgements = {
  names: { 'GET /asset/play/video.flv': 'getVideoFlv', 'GET /asset/play/video.mp4': 'getVideoMp4' },
  merged: {},
  paths: {},
  moveTables: [],
  leftOut: {},
  table: [
    '202 Account has been created',
    '400 Unexpected or non-identifiable arguments are supplied',
    '412 User is disabled. Code 412 is also returned if the account is locked',
    '404 Camera not provisioned / Camera get error',
    '200 Request succeeded',
  ],
  own: {},
}

group('the endpoint generator', () => {
  const { calls, problems } = parseFile(DOC, '_api_test.md')

  it('reads each request line with its method, its path without host or query, and its status rows', () => {
    expect(calls.map((c: { method: string; path: string }) => `${c.method} ${c.path}`)).toEqual([
      'POST /g/aaa/create_account',
      'GET /asset/play/video.flv',
      'GET /asset/play/video.mp4',
      'GET /g/stats/bridges',
      'GET /g/stats/cameras',
    ])
    // Table padding (tabs, spaces) trimmed; the footnote under the table joins the row marked \\*.
    expect(calls[0].tables[0].rows).toEqual([
      { status: 202, meaning: 'Account has been created' },
      { status: 400, meaning: 'Unexpected or non-identifiable arguments are supplied' },
      { status: 412, meaning: 'User is disabled. Code 412 is also returned if the account is locked' },
    ])
    expect(calls[4].tables[0].label).toBe('When using TFA')
  })

  it('names a call by its ## heading, or by its ### heading when the section holds several', () => {
    expect(calls.map((c: { title: string }) => c.title)).toEqual([
      'Create Account',
      'Get Video',
      'Get Video',
      'Total Number of Bridges',
      'Total Number of Cameras',
    ])
    expect(camelName("Get Camera's RTSP URLs")).toBe('getCamerasRtspUrls')
    expect(camelName('WebSocket Polling')).toBe('webSocketPolling')
    expect(camelName('Add Bridge to EEVB')).toBe('addBridgeToEevb')
  })

  it('reports by name a request it cannot read, and makes a call without a status table an operation without rows', () => {
    expect(problems).toEqual([
      '_api_test.md:36 "Search Recordings": no HTTP request line under its HTTP Request heading',
    ])
    const built = buildCatalog(calls, table, judgements)
    const bridges = built.operations.find((o: { path: string }) => o.path === '/g/stats/bridges')
    expect(bridges).toMatchObject({ name: 'totalNumberOfBridges', method: 'GET', rows: [], untabled: true })
    expect(built.routes).toContain('totalNumberOfBridges')
    expect(emitCatalog(built.operations, { repo: 'EENCloud/api-docs', commit: 'c0ffee', files: 1 })).toContain(
      '"Total Number of Bridges" in the API docs, which give it no status table',
    )
  })

  it('joins two meanings of one status with " / " and keeps the table code where judged so', () => {
    const built = buildCatalog(calls, table, judgements)
    expect(built.problems).toEqual([])
    const video = built.operations.find((o: { name: string }) => o.name === 'getVideoFlv')
    expect(video!.rows).toEqual([{ status: 404, meaning: 'Camera not provisioned / Camera get error' }])
  })

  it('fails on a row nobody judged, a duplicate route without a merged name, and a stale judgement', () => {
    const built = buildCatalog(calls, table, {
      ...judgements,
      names: { ...judgements.names, 'GET /asset/play/video.mp4': 'getVideoFlv' },
      table: judgements.table.filter((t) => !t.startsWith('412')).concat('404 Gone'),
    })
    expect(built.problems).toEqual([
      'createAccount: no judgement for "412 User is disabled. Code 412 is also returned if the account is locked"',
      'the name getVideoFlv is given to 2 operations',
      'judgements.json table: "404 Gone" matches nothing in the docs',
    ])
    const twice = buildCatalog([calls[0], { ...calls[0] }], table, judgements)
    expect(twice.problems[0]).toMatch(/POST \/g\/aaa\/create_account is documented 2 times .*name its merged operation/)
  })

  it("gives a call the second path its docs' example URLs request, and fails on an alias of no call of its method", () => {
    const aliases = { 'GET /asset/play/video.flv.x': { of: 'GET /asset/play/video.flv' } }
    const built = buildCatalog(calls, table, { ...judgements, aliases })
    expect(built.problems).toEqual([])
    expect(built.aliases).toEqual([['GET /asset/play/video.flv.x', 'getVideoFlv']])
    expect(
      emitRoutes(built.routes, { repo: 'EENCloud/api-docs', commit: 'c0ffee', files: 1 }, built.aliases),
    ).toContain('  "GET /asset/play/video.flv.x": catalog.getVideoFlv,')
    for (const of of ['POST /asset/play/video.flv', 'GET /asset/play/nothing']) {
      const wrong = buildCatalog(calls, table, { ...judgements, aliases: { 'POST /x': { of } } })
      expect(wrong.problems).toEqual([`judgements.json aliases: "POST /x" is of "${of}", no call of its method`])
    }
    expect(buildCatalog(calls, table, judgements).aliases).toEqual([])
  })

  it('requires an own code for a status outside the table', () => {
    const built = buildCatalog(calls, { ...table, 412: undefined }, judgements)
    expect(built.problems).toContain(
      'createAccount: 412 is outside the table, so "412 User is disabled. Code 412 is also returned if the account is locked" needs an own code',
    )
  })

  it("reads a request line left as TODO from the call's one curl example, and only from one", () => {
    const doc = (curls: string) => `## Search Recordings

\`\`\`shell
${curls}
\`\`\`

### HTTP Request

\`TODO\`

HTTP Status Code | Description
---------------- | -----------
200 | Request succeeded
`
    const one = parseFile(
      doc('curl -X GET https://[active_brand_subdomain].eagleeyenetworks.com/g/search/recordings -d "value=[V]" -G'),
      '_api_search.md',
    )
    expect(one.problems).toEqual([])
    expect(one.calls).toMatchObject([{ title: 'Search Recordings', method: 'GET', path: '/g/search/recordings' }])
    expect(one.calls[0].tables[0].rows).toEqual([{ status: 200, meaning: 'Request succeeded' }])
    const two = parseFile(
      doc('curl -X GET https://c001.eagleeyenetworks.com/g/a\ncurl -X PUT https://c001.eagleeyenetworks.com/g/a'),
      'x.md',
    )
    expect(two.calls).toEqual([])
    expect(two.problems).toEqual(['x.md:8 "Search Recordings": no HTTP request line under its HTTP Request heading'])
  })

  it("takes the path after the docs' host, also where the docs slip a / for the .", () => {
    expect(pathOf('https://[active_brand_subdomain]/eagleeyenetworks.com/g/layout')).toBe('/g/layout')
    expect(pathOf('https://c001.eagleeyenetworks.com/api/v2/media/{camera_id}/Snapshot?timestamp={t}')).toBe(
      '/api/v2/media/{camera_id}/Snapshot',
    )
    expect(pathOf('/api/v2/Device/00001007/Events')).toBe('/api/v2/Device/00001007/Events')
  })
})
