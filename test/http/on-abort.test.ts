// Waiting on an abort signal: every wait on one signal shares one listener, which goes with the
// last wait, and an abort stops every wait at once.
import { getEventListeners } from 'node:events'
import { describe, expect, it } from 'vitest'
import { onAbort } from '../../src/http/on-abort.js'

const listenerCount = (signal: AbortSignal) => getEventListeners(signal, 'abort').length

describe('onAbort', () => {
  it('adds one listener to a signal however many waits share it, and removes it with the last', () => {
    const { signal } = new AbortController()
    const dones = Array.from({ length: 50 }, () => onAbort(signal, () => {}))
    expect(listenerCount(signal)).toBe(1)
    for (const done of dones.slice(1)) done()
    expect(listenerCount(signal)).toBe(1)
    dones[0]!()
    expect(listenerCount(signal)).toBe(0)
  })

  it('stops every wait when the signal aborts, and not one that has ended', () => {
    const controller = new AbortController()
    const stopped: number[] = []
    const dones = [0, 1, 2].map((n) => onAbort(controller.signal, () => stopped.push(n)))
    dones[1]!()
    controller.abort()
    expect(stopped).toEqual([0, 2])
  })

  it('listens again once every earlier wait has ended', () => {
    const controller = new AbortController()
    onAbort(controller.signal, () => {})()
    let stopped = false
    const done = onAbort(controller.signal, () => {
      stopped = true
    })
    expect(listenerCount(controller.signal)).toBe(1)
    controller.abort()
    expect(stopped).toBe(true)
    done()
    expect(listenerCount(controller.signal)).toBe(0)
  })

  it('keeps each signal to its own waits', () => {
    const [a, b] = [new AbortController(), new AbortController()]
    const stopped: string[] = []
    onAbort(a.signal, () => stopped.push('a'))
    onAbort(b.signal, () => stopped.push('b'))
    b.abort()
    expect(stopped).toEqual(['b'])
  })

  it('keeps nothing for a signal whose addEventListener throws, so a later wait tries again', () => {
    let calls = 0
    const signal = {
      addEventListener() {
        calls++
        throw new Error('add')
      },
    } as unknown as AbortSignal
    expect(() => onAbort(signal, () => {})).toThrow('add')
    expect(() => onAbort(signal, () => {})).toThrow('add')
    expect(calls).toBe(2)
  })
})
