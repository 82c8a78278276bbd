// The README's main command runs to completion, names every error its simulator produces, and
// prints none of the secrets the simulated login uses. It runs against dist/ (`npm test` builds first).
import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { beforeAll, expect, it } from 'vitest'
import { operations } from '../examples/een-client/client.js'
import { PLANTED_SECRETS, SCENARIOS } from '../examples/een-client/simulator.js'
import { ApiError, STATUS_CODES } from '../src/index.js'
import { nl } from '../src/messages/all.js'

const root = fileURLToPath(new URL('..', import.meta.url))
const DEMO_TIMEOUT_MS = 30_000

interface Run {
  readonly exitCode: number | null
  readonly stdout: string
  readonly stderr: string
}

/** Runs `node examples/demo.mjs --no-build`, killed after {@link DEMO_TIMEOUT_MS}. */
function runDemo(): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['examples/demo.mjs', '--no-build'], {
      cwd: root,
      env: { ...process.env, NO_COLOR: '1' },
    })
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk
    })
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk
    })
    const timer = setTimeout(() => child.kill('SIGKILL'), DEMO_TIMEOUT_MS)
    child.on('error', (error) => {
      clearTimeout(timer)
      reject(error)
    })
    child.on('close', (exitCode) => {
      clearTimeout(timer)
      resolve({ exitCode, stdout, stderr })
    })
  })
}

let run: Run

beforeAll(async () => {
  run = await runDemo()
}, DEMO_TIMEOUT_MS + 5_000)

it('runs to completion', () => {
  expect(run.stderr).toBe('')
  expect(run.exitCode).toBe(0)
  expect(run.stdout).toContain('The code: examples/een-client/client.ts')
})

it('simulates every error status of the table, and every code of the example client’s calls the table has not', () => {
  const simulated = new Set(SCENARIOS.map((s) => `${s.operation} ${s.status}`))
  for (const { status } of Object.values(STATUS_CODES)) {
    if (status >= 300) expect(SCENARIOS.map((s) => s.status)).toContain(status)
  }
  for (const operation of Object.values(operations)) {
    for (const [status, row] of Object.entries(operation.rows)) {
      if (row.code !== undefined) expect(simulated).toContain(`${operation.name} ${status}`)
    }
  }
})

it('names every error it simulates, with its status, its code and the message a person sees', () => {
  for (const scenario of SCENARIOS) {
    const { status, code } = new ApiError(scenario.status, { operation: operations[scenario.operation] })
    expect(code).not.toBe('UNKNOWN')
    expect(run.stdout, `${scenario.title}: ${status} ${code}`).toContain(`${status} ${code}`)
  }
  expect(run.stdout.match(/user sees/g)).toHaveLength(SCENARIOS.length)
  // Beside each English message, the Dutch one: the built-in catalog, and the client's own codes.
  expect(run.stdout.match(/in Dutch/g)).toHaveLength(SCENARIOS.length)
  expect(run.stdout).toContain(`in Dutch    "${nl.ACCOUNT_SUSPENDED}"`)
  expect(run.stdout).toContain('in Dutch    "Je account is vergrendeld na te veel inlogpogingen.')
  expect(run.stdout).toContain("case 'ACCOUNT_LOCKED'")
})

it('waits as the rate limit asks, then retries', () => {
  expect(run.stdout).toMatch(/retry +yes, after 1000 ms \(Retry-After\)/)
  expect(run.stdout).toMatch(/waited 1000 ms and retried: \d+ cameras/)
})

it('prints what the README shows of its output', () => {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8')
  const section = readme.slice(readme.indexOf('## Two commands'))
  const excerpt = /```text\n([\s\S]*?)\n```/.exec(section)?.[1]
  expect(excerpt, 'a ```text block in "Two commands"').toBeDefined()
  const lines = new Set(run.stdout.split('\n').map((line) => line.trimEnd()))
  for (const line of excerpt!.split('\n')) if (line !== '…') expect(lines, line).toContain(line.trimEnd())
})

it('prints no secret the simulated login uses, even where the simulator echoes one', () => {
  expect(PLANTED_SECRETS.length).toBeGreaterThan(0)
  for (const secret of PLANTED_SECRETS) {
    expect(run.stdout).not.toContain(secret)
    expect(run.stderr).not.toContain(secret)
  }
  expect(run.stdout).toContain('[REDACTED]')
})
