import { beforeEach, expect, describe as group, it, vi } from 'vitest'
import type { STATUS_CODES as StatusCodes, Status as StatusNames } from '../src/table/index.js'
import { documentedRows } from './fixtures/api-doc.js'

// Each test loads the table afresh, so that how the module builds it at load is tested too.
let STATUS_CODES: typeof StatusCodes
let Status: typeof StatusNames
beforeEach(async () => {
  vi.resetModules()
  ;({ STATUS_CODES, Status } = await import('../src/table/index.js'))
})

group('STATUS_CODES', () => {
  it('holds exactly the 26 documented rows, byte for byte', () => {
    expect(documentedRows).toHaveLength(26)
    expect(Object.keys(STATUS_CODES).map(Number)).toEqual(documentedRows.map((row) => row.status))
    for (const row of documentedRows) {
      expect(STATUS_CODES[row.status as keyof typeof STATUS_CODES]).toEqual(row)
    }
  })

  it("keeps the API's double spaces after full stops", () => {
    expect(STATUS_CODES[429].meaning).toContain('requests.  Client')
    expect(STATUS_CODES[504].meaning.split('.  ')).toHaveLength(3)
  })

  it('is frozen at every depth', () => {
    const unfrozen: string[] = []
    const walk = (value: unknown, path: string) => {
      if (typeof value !== 'object' || value === null) return
      if (!Object.isFrozen(value)) unfrozen.push(path)
      for (const [key, child] of Object.entries(value)) walk(child, `${path}.${key}`)
    }
    walk(STATUS_CODES, 'STATUS_CODES')
    walk(Status, 'Status')
    expect(unfrozen).toEqual([])
    expect(() => {
      ;(STATUS_CODES[402] as { meaning: string }).meaning = 'changed'
    }).toThrow(TypeError)
    expect(() => {
      ;(STATUS_CODES as unknown as Record<number, unknown>)[418] = {}
    }).toThrow(TypeError)
    expect(STATUS_CODES[402].meaning).toBe('Account is suspended')
  })
})

group('Status', () => {
  it('maps every documented code to its status and nothing else', () => {
    expect(Object.entries(Status)).toEqual(documentedRows.map((row) => [row.code, row.status]))
    expect(Status.DEVICE_UNREACHABLE).toBe(463)
  })
})
