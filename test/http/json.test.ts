import fc from 'fast-check'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { parseBody as ParseBodyFn } from '../../src/http/json.js'

// Each test loads the module afresh, so that what it builds at load (the patterns that find strings, brackets and what to repair) is tested too.
let parseBody: typeof ParseBodyFn
beforeEach(async () => {
  vi.resetModules()
  ;({ parseBody } = await import('../../src/http/json.js'))
})

describe('which text is tried as JSON', () => {
  it('parses JSON content types, with parameters and in any case', () => {
    for (const type of [
      'application/json',
      'Application/JSON; charset=utf-8',
      'application/problem+json',
      'application/vnd.een.v1+json ; q=1',
      'text/json',
      ' application/json',
      '\tapplication/json',
    ]) {
      expect(parseBody('"text"', type)).toBe('text')
      expect(parseBody('12', type)).toBe(12)
      expect(parseBody('null', type)).toBeNull()
    }
  })

  it('keeps text that is not JSON by type and does not start with { or [, even when it would parse', () => {
    for (const type of [
      'text/plain',
      'text/html, application/json',
      'application/jsonp',
      'application/json-seq',
      'json',
      '',
      null,
      undefined,
    ]) {
      expect(parseBody('12', type)).toBe('12')
    }
    expect(parseBody('"a[b"', 'text/plain')).toBe('"a[b"')
    expect(parseBody('true')).toBe('true')
  })

  it('parses by the first non-space character, { or [, whatever the content type says', () => {
    expect(parseBody(' \n\t{"message": "Bad request"}', 'text/plain')).toStrictEqual({ message: 'Bad request' })
    expect(parseBody('[1]')).toStrictEqual([1])
    expect(parseBody('<html>Bad Gateway</html>', 'application/json')).toBe('<html>Bad Gateway</html>')
  })

  it('gives undefined for empty or blank text', () => {
    for (const text of ['', '   ', '\n', '\uFEFF']) expect(parseBody(text, 'application/json')).toBeUndefined()
  })
})

describe('parse first, then repair', () => {
  it('gives valid JSON exactly as JSON.parse does, commas in its strings untouched', () => {
    const text = '{"message": "a,}", "list": ["x,]", "y"], "quote": "q\\",}"}'
    expect(parseBody(text, 'application/json')).toStrictEqual({ message: 'a,}', list: ['x,]', 'y'], quote: 'q",}' })
    fc.assert(
      fc.property(fc.json(), (json) => {
        expect(parseBody(json, 'application/json')).toStrictEqual(JSON.parse(json))
      }),
      { seed: 7 },
    )
  })

  it("drops the trailing commas of the API docs' examples, outside strings only", () => {
    expect(
      parseBody('{\n  "status_code": 402,\n  "message": "Account is suspended",\n  "data": [1, 2,],\n}\n'),
    ).toStrictEqual({
      status_code: 402,
      message: 'Account is suspended',
      data: [1, 2],
    })
    expect(parseBody('{"a": [1, 2 , ] ,\r\n\t}')).toStrictEqual({ a: [1, 2] })
    expect(parseBody('{"s": "x,]", "t": "q\\",}", "u": 1,}')).toStrictEqual({ s: 'x,]', t: 'q",}', u: 1 })
    expect(parseBody('\uFEFF{"bom": true}')).toStrictEqual({ bom: true })
    // An escaped backslash ends its string: the comma after it is outside and is dropped.
    expect(parseBody('{"s": "a\\\\", "t": 1,}')).toStrictEqual({ s: 'a\\', t: 1 })
  })

  it('drops a byte order mark only at the start', () => {
    for (const text of ['{"a":\uFEFF 1}', '{"a": 1}\uFEFF', '[1,\uFEFF]']) expect(parseBody(text)).toBe(text)
  })

  it('keeps malformed JSON as text, never throwing', () => {
    for (const text of [
      '{',
      '[1, 2',
      '{"a": }',
      '{a: 1}',
      "{'a': 1}",
      '[1,,]',
      '{"a": 1,',
      '{"s": "x,]',
      '{"s": "x,]"',
    ])
      expect(parseBody(text, 'application/json')).toBe(text)
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.option(fc.string()), (text, type) => {
        parseBody(text, type)
      }),
      { seed: 7 },
    )
  })

  it('parses huge numbers as JSON.parse does', () => {
    const body = parseBody(`{"id": 123456789012345678901234567890, "big": 1e400, "tiny": 1e-400}`) as Record<
      string,
      number
    >
    expect(body).toStrictEqual({ id: 1.2345678901234568e29, big: Number.POSITIVE_INFINITY, tiny: 0 })
  })
})

describe('nesting', () => {
  const nested = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`

  it('parses up to 1,000 levels and keeps deeper JSON as text', () => {
    expect(typeof parseBody(nested(1_000))).toBe('object')
    expect(parseBody(nested(1_001))).toBe(nested(1_001))
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`
    expect(parseBody(deep)).toBe(deep)
    // Brackets inside strings are no nesting.
    const quoted = `{"a": "${'['.repeat(3_000)}", "b": "\\"${'{'.repeat(3_000)}"}`
    expect(parseBody(quoted)).toStrictEqual(JSON.parse(quoted))
    // A string ending in an escaped backslash ends there: the brackets after it are nesting.
    const afterEscape = `{"k": "a\\\\", "d": ${'['.repeat(1_000)}${']'.repeat(1_000)}}`
    expect(parseBody(afterEscape)).toBe(afterEscape)
  })

  it('never throws, even on a string of ten million characters', () => {
    const huge = `{"a": "${'x'.repeat(10_000_000)}"}`
    // Too long for the depth scan to read: kept as the text it is, as the doc says.
    expect(parseBody(huge, 'application/json')).toBe(huge)
  })

  it('counts depth, not length: thousands of siblings are shallow', () => {
    const wide = `{"a": [${'{"b": []},'.repeat(2_000)}1]}`
    expect(parseBody(wide)).toStrictEqual(JSON.parse(wide))
  })
})
