import { describe, expect, it } from 'vitest'
import { createRedactor, REDACTED } from '../../src/redact/index.js'

const { value } = createRedactor()

describe('value: plain JSON data', () => {
  it('replaces the whole value under a secret name: a string, a number, an array, an object', () => {
    const data = {
      password: 'hunt3r2',
      pin: 1234,
      tokens: ['a', 'b'],
      credentials: { user: 'ann', pass: 'x' },
      otp: true,
      user: 'ann',
    }
    expect(value(data)).toEqual({
      password: REDACTED,
      pin: REDACTED,
      tokens: REDACTED,
      credentials: REDACTED,
      otp: REDACTED,
      user: 'ann',
    })
  })

  it('keeps null under a secret name, and data names that only contain a secret word', () => {
    const data = {
      token: null,
      token_type: 'bearer',
      inactive_session_timeout: 30,
      password_management_rules: { min_length: 8 },
      is_two_factor_authentication_enabled: true,
    }
    expect(value(data)).toEqual(data)
  })

  it("keeps the API's password-rule objects under failed_requirements, but not a string there", () => {
    const data = {
      status_code: 400,
      failed_requirements: {
        same_password: { description: 'Must differ from the last 5 passwords' },
        password_length: { description: 'At least 8 characters' },
        password: 'hunt3r2',
        passwords: ['hunt3r2'],
      },
      nested: { same_password: { description: 'x' } },
    }
    expect(value(data)).toEqual({
      status_code: 400,
      failed_requirements: {
        same_password: { description: 'Must differ from the last 5 passwords' },
        password_length: { description: 'At least 8 characters' },
        password: REDACTED,
        passwords: REDACTED,
      },
      nested: { same_password: REDACTED },
    })
  })

  it('replaces the value of a name/value pair whose name is secret: HAR headers, Kubernetes variables, AWS tags', () => {
    const data = {
      headers: [
        { name: 'X-Api-Key', value: 'k_live_9f8e7d6c' },
        { name: 'Accept', value: 'application/json' },
      ],
      env: [{ name: 'DB_PASSWORD', value: { secretKeyRef: 'db' } }],
      Tags: [
        { Key: 'signing_key', Value: 'sk-4f3e2d1c' },
        { Key: 'team', Value: 'video' },
      ],
      settings: [{ name: 'session_timeout', value: 30 }],
    }
    expect(value(data)).toEqual({
      headers: [
        { name: 'X-Api-Key', value: REDACTED },
        { name: 'Accept', value: 'application/json' },
      ],
      env: [{ name: 'DB_PASSWORD', value: REDACTED }],
      Tags: [
        { Key: 'signing_key', Value: REDACTED },
        { Key: 'team', Value: 'video' },
      ],
      settings: [{ name: 'session_timeout', value: 30 }],
    })
    // Only the key that is `value` goes; a name that is no string (nor a path ending in one) names nothing.
    const pair = { name: 'api_key', value: 'k_live_9f8e7d6c', value_type: 'string', values_seen: 2, default_value: 'x' }
    expect(value(pair)).toEqual({ ...pair, value: REDACTED })
    for (const name of [[['password']], { last: 'password' }, 12345678]) {
      expect(value({ name, value: 'kept' })).toEqual({ name, value: 'kept' })
    }
  })

  it("replaces the rejected input of a validation error whose field is secret, in each framework's shape", () => {
    const pw = 'hunt3r2-pw'
    const body = {
      // Spring
      errors: [
        { field: 'password', rejectedValue: pw, defaultMessage: 'too short' },
        { field: 'email', rejectedValue: 'ann@example', defaultMessage: 'invalid' },
      ],
      // pydantic (FastAPI)
      detail: [
        { loc: ['body', 'user', 'password'], msg: 'too short', input: pw },
        { loc: ['body', 'age'], msg: 'too low', input: 3 },
      ],
      // express-validator, class-validator (NestJS), Joi
      express: [{ type: 'field', value: pw, msg: 'too short', path: 'password', location: 'body' }],
      nest: [{ property: 'newPassword', value: pw, constraints: { minLength: 'too short' } }],
      joi: { context: { label: 'pin', key: 'pin', value: 123456 } },
      // Hibernate Validator
      hibernate: [{ field: 'newPassword', invalidValue: pw }],
    }
    expect(value(body)).toEqual({
      errors: [
        { field: 'password', rejectedValue: REDACTED, defaultMessage: 'too short' },
        { field: 'email', rejectedValue: 'ann@example', defaultMessage: 'invalid' },
      ],
      detail: [
        { loc: ['body', 'user', 'password'], msg: 'too short', input: REDACTED },
        { loc: ['body', 'age'], msg: 'too low', input: 3 },
      ],
      express: [{ type: 'field', value: REDACTED, msg: 'too short', path: 'password', location: 'body' }],
      nest: [{ property: 'newPassword', value: REDACTED, constraints: { minLength: 'too short' } }],
      joi: { context: { label: 'pin', key: 'pin', value: REDACTED } },
      hibernate: [{ field: 'newPassword', invalidValue: REDACTED }],
    })
    // A field whose name only starts or ends like one of those names nothing.
    for (const data of [
      { username: 'pin', value: 'kept' },
      { keyword: 'password', value: 'kept' },
    ]) {
      expect(value(data)).toEqual(data)
    }
  })

  it('replaces a JSON Web Token wherever it stands, under any name', () => {
    const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhbm4ifQ.dGhlLXNpZ25hdHVyZQ'
    expect(value({ jwt, id_jwt: [jwt], note: `Invalid JWT: ${jwt}` })).toEqual({
      jwt: REDACTED,
      id_jwt: [REDACTED],
      note: `Invalid JWT: ${REDACTED}`,
    })
  })

  it('scrubs every other string as text, at any depth, keys too', () => {
    const data = [{ message: 'sent Bearer abc123def to the API', list: [['see ?A=key123456&id=7']] }, 'token=abc123']
    expect(value(data)).toEqual([
      { message: `sent Bearer ${REDACTED} to the API`, list: [[`see ?A=${REDACTED}&id=7`]] },
      `token=${REDACTED}`,
    ])
    expect(value({ 'password=hunt3r2': 1 })).toEqual({ [`password=${REDACTED}`]: 1 })
  })

  it('returns scalars as they are and leaves the input unchanged', () => {
    for (const scalar of [null, undefined, 0, 42, true, false]) expect(value(scalar)).toBe(scalar)
    const data = { password: 'hunt3r2', list: ['token=abc123'] }
    const copy = structuredClone(data)
    expect(value(data)).not.toBe(data)
    expect(data).toEqual(copy)
  })

  it('leaves out an own __proto__ key of parsed JSON: it never becomes the prototype of the copy', () => {
    const data = JSON.parse('{"__proto__": {"token": "abc123"}, "n": 1}')
    const out = value(data) as Record<string, unknown>
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype)
    expect(Object.hasOwn(out, '__proto__')).toBe(false)
    expect(out).toEqual({ n: 1 })
    expect((out as { token?: unknown }).token).toBeUndefined()
  })

  it('replaces what is nested deeper than 100 levels, without overflowing the stack', () => {
    const deep = JSON.parse(`${'['.repeat(20_000)}"x"${']'.repeat(20_000)}`)
    let out = value(deep)
    for (let depth = 0; depth <= 100; depth++) {
      expect(Array.isArray(out)).toBe(true)
      out = (out as unknown[])[0]
    }
    expect(out).toBe(REDACTED)
    let shallow: unknown = 'kept'
    for (let depth = 0; depth < 100; depth++) shallow = [shallow]
    expect(JSON.stringify(value(shallow))).toContain('"kept"')
  })
})
