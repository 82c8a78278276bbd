// The safe cause: a new plain Error standing for a thrown value, with its name, message, stack and
// code scrubbed, and its own cause chain kept to three links.
import { describe, expect, it } from 'vitest'
import { safeCause } from '../../src/error/cause.js'

const scrub = (text: string) => text.replaceAll('hunter22', '[REDACTED]')

describe('safeCause', () => {
  it('stands for a primitive, null included, by its text', () => {
    expect(safeCause(null, scrub).message).toBe('null')
    expect(safeCause(undefined, scrub).message).toBe('undefined')
    expect(safeCause('pw hunter22', scrub).message).toBe('pw [REDACTED]')
  })

  it('keeps the original’s name, even an empty one; a plain Error gets no name of its own', () => {
    expect(safeCause({ name: '', message: 'm' }, scrub).name).toBe('')
    expect(safeCause({ name: 'TypeError hunter22', message: 'm' }, scrub).name).toBe('TypeError [REDACTED]')
    const plain = safeCause(new Error('m'), scrub)
    expect(plain.name).toBe('Error')
    expect(Object.keys(plain)).toEqual([])
  })

  it('without the original’s stack, its stack is the first line: name and message', () => {
    expect(safeCause({ name: 'TypeError', message: 'boom' }, scrub).stack).toBe('TypeError: boom')
    expect(safeCause({ message: 'boom', stack: 'at hunter22' }, scrub).stack).toBe('at [REDACTED]')
  })

  it('keeps the cause chain to three links, each scrubbed; a null or missing cause adds none', () => {
    let chain: Error = new Error('link 5')
    for (let n = 4; n >= 1; n--) chain = new Error(`link ${n} hunter22`, { cause: chain })
    const first = safeCause(chain, scrub)
    const second = first.cause as Error
    const third = second.cause as Error
    expect([first.message, second.message, third.message]).toEqual([
      'link 1 [REDACTED]',
      'link 2 [REDACTED]',
      'link 3 [REDACTED]',
    ])
    expect(third).not.toHaveProperty('cause')
    expect(safeCause({ message: 'm', cause: null }, scrub)).not.toHaveProperty('cause')
    expect(safeCause(new Error('m'), scrub)).not.toHaveProperty('cause')
    const cyclic: { message: string; cause?: unknown } = { message: 'loop' }
    cyclic.cause = cyclic
    expect(((safeCause(cyclic, scrub).cause as Error).cause as Error).cause as Error | undefined).toBeUndefined()
  })

  it('keeps the first 16,384 characters of a name, message, stack or code, scrubbed before the cut', () => {
    const long = `hunter22 ${'x'.repeat(4_000_000)}`
    const cause = safeCause({ name: long, message: long, stack: long, code: long }, scrub) as Error & { code: string }
    const kept = `[REDACTED] ${'x'.repeat(16_384 - '[REDACTED] '.length)}`
    expect([cause.name, cause.message, cause.stack, cause.code]).toEqual([kept, kept, kept, kept])
    // A secret that straddles the cut goes whole: scrubbed with what follows the cut.
    const straddling = `${'x'.repeat(16_380)} hunter22`
    expect(safeCause(new Error(straddling), scrub).message).toBe(`${'x'.repeat(16_380)} [RE`)
  })
})
