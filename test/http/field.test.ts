import { afterEach, expect, it } from 'vitest'
import { fieldOf } from '../../src/http/field.js'

afterEach(() => {
  delete (Object.prototype as Record<string, unknown>).status
})

it("reads a value's own field and its class's, never one that a polluted Object.prototype holds", () => {
  ;(Object.prototype as Record<string, unknown>).status = 500
  const response = new Response('', { status: 404 })
  expect([fieldOf({}, 'status'), fieldOf({ status: 201 }, 'status'), fieldOf(response, 'status')]).toEqual([
    undefined,
    201,
    404,
  ])
  expect([fieldOf(Object.create({ status: 302 }), 'status'), fieldOf(undefined, 'status')]).toEqual([302, undefined])
  // Without a prototype: nothing to inherit, its own field or none.
  const bare = Object.create(null) as Record<string, unknown>
  expect(fieldOf(bare, 'status')).toBeUndefined()
  bare.status = 418
  expect(fieldOf(bare, 'status')).toBe(418)
})

it('reads any field as it is while Object.prototype holds no such key', () => {
  expect([fieldOf({ status: 201 }, 'status'), fieldOf(Object.create({ status: 302 }), 'status')]).toEqual([201, 302])
  expect(fieldOf(Object.create(null), 'status')).toBeUndefined()
})
