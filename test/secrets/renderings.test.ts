// The renderings the leak tests search reach every place a secret could hide: if one of them
// missed a place, a leak there would pass unseen.
import { describe, expect, it } from 'vitest'
import { renderings, renderingsWith } from './renderings.js'

describe('renderings', () => {
  it('show what an Error holds (its message, an enumerable field) in every rendering but the cause', () => {
    const error = Object.assign(new Error('marker-message-1'), { detail: 'marker-message-1' })
    expect(renderingsWith(error, 'marker-message-1').sort()).toEqual(
      Object.keys(renderings(error))
        .filter((name) => name !== 'cause')
        .sort(),
    )
  })

  it('reach a non-enumerable property of the cause, and one nested in it', () => {
    const cause = new Error('plain')
    Object.defineProperty(cause, 'hidden', { value: { deeper: 'marker-hidden-2' }, enumerable: false })
    const error = new Error('outer', { cause })
    expect(renderingsWith(error, 'marker-hidden-2')).toEqual(expect.arrayContaining(['cause', 'own properties']))
  })

  it('walk inherited enumerable properties as a for…in logger does', () => {
    const error = Object.create({ inherited: 'marker-inherited-3' }) as object
    expect(renderingsWith(error, 'marker-inherited-3')).toContain('enumerable properties')
  })

  it('note a rendering that throws instead of throwing', () => {
    const error = {
      toJSON() {
        throw new Error('marker-throw-4')
      },
    }
    expect(renderings(error)['JSON.stringify']).toContain('<rendering threw: Error: marker-throw-4>')
  })

  it('note a getter that throws during a walk, and go on', () => {
    const error = Object.defineProperty({ after: 'marker-after-5' }, 'boom', {
      enumerable: true,
      get() {
        throw new Error('getter')
      },
    })
    expect(renderings(error)['enumerable properties']).toContain('<getter threw: Error: getter>')
    expect(renderingsWith(error, 'marker-after-5')).toContain('enumerable properties')
  })
})
