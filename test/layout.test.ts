// The layout promised to a newcomer: every source file can be read in one sitting, and the
// modules import each other without a circle.
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const src = fileURLToPath(new URL('../src/', import.meta.url))
/** Generated data, not read line by line: the endpoint catalog. */
const GENERATED = new Set(['endpoints/catalog.ts'])
const files = readdirSync(src, { recursive: true, encoding: 'utf8' })
  .filter((name) => name.endsWith('.ts'))
  .map((name) => name.split('\\').join('/'))
  .sort()

/** The modules of src/ that `file` imports (values and types alike). */
function importsOf(file: string): string[] {
  const text = readFileSync(join(src, file), 'utf8')
  return [...text.matchAll(/^(?:import|export)\b[^'"]*?from '(\.{1,2}\/[^']+)'/gm)].map(([, specifier]) =>
    relative(src, resolve(dirname(join(src, file)), (specifier as string).replace(/\.js$/, '.ts')))
      .split('\\')
      .join('/'),
  )
}

describe('the source layout', () => {
  it('finds the modules it checks', () => {
    expect(files).toContain('index.ts')
    expect(files).toContain('redact/echoes.ts')
    expect(files.length).toBeGreaterThan(40)
  })

  it('keeps every hand-written source file at 250 lines or fewer', () => {
    const long = files
      .filter((file) => !GENERATED.has(file))
      .map((file) => ({ file, lines: readFileSync(join(src, file), 'utf8').split('\n').length - 1 }))
      .filter(({ lines }) => lines > 250)
    expect(long).toEqual([])
  })

  it('has no import circle', () => {
    const graph = new Map(files.map((file) => [file, importsOf(file)]))
    for (const [file, targets] of graph)
      for (const target of targets) expect(files, `${file} imports ${target}`).toContain(target)
    const circles: string[] = []
    const done = new Set<string>()
    const visit = (file: string, path: string[]) => {
      if (path.includes(file)) return void circles.push([...path.slice(path.indexOf(file)), file].join(' -> '))
      if (done.has(file)) return
      for (const target of graph.get(file) ?? []) visit(target, [...path, file])
      done.add(file)
    }
    for (const file of files) visit(file, [])
    expect(circles).toEqual([])
  })
})
