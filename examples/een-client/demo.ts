/**
 * The README's main demo (`npm run demo`): an app signs in, lists cameras and opens one through the
 * example client, against the local simulator of the API. Then the simulator fails in every way the
 * API documents, and for each error the demo prints how the app narrowed it and what a person sees.
 *
 * @module
 */
import { defineMessages, englishMessages, userMessage } from '../../src/index.js'
import { nl } from '../../src/messages/all.js'
import { type EenApiError, EenClient, type EenOperation, isEenApiError } from './client.js'
import { CAMERAS, DEMO_API_KEY, DEMO_USER, SCENARIOS, type Scenario, startSimulator } from './simulator.js'

// ---- The app's side: narrowing and messages ----

/** What the app does about an error: its `switch (e.code)` narrows `e` to one member per code. */
function handle(e: EenApiError): string {
  switch (e.code) {
    case 'UNAUTHORIZED':
      return 'show the sign-in form again'
    case 'ACCOUNT_LOCKED':
      // Only the authorize call has this code; for it 429 is a locked account, not a rate limit.
      return 'show the "account locked" page with a password reset link'
    case 'IP_ADDRESS_INVALID':
      return 'explain that this network is not allowed'
    case 'TFA_OR_TOKEN_INVALID':
      return 'ask for the two-factor code again'
    case 'ACCOUNT_SUSPENDED':
    case 'ACCOUNT_INACTIVE':
    case 'ACCOUNT_PENDING':
    case 'USER_DISABLED':
    case 'USER_PENDING':
      return 'show the account status page'
    case 'TOO_MANY_REQUESTS':
      return `wait ${e.retryAfterMs ?? 1000} ms as the API asked, then retry once`
    case 'NOT_FOUND':
    case 'MOVED':
      return 'reload the camera list'
    case 'DEVICE_UNREACHABLE':
    case 'CAMERA_ATTACH_FAILED':
    case 'DEVICE_UNSUPPORTED':
      return 'mark the camera as unavailable'
    case 'BAD_GATEWAY':
    case 'GATEWAY_TIMEOUT':
      return 'offer a "Try again" button'
    case 'FORBIDDEN':
    case 'REALM_NOT_ROOT':
      return 'hide the action this user may not take'
    case 'RESOURCE_LOCKED':
      return 'show the item as locked'
    case 'BAD_REQUEST':
    case 'METHOD_NOT_ALLOWED':
    case 'EMAIL_ALREADY_REGISTERED':
    case 'INTERNAL_ERROR':
    case 'TAG_MAPS_ERROR':
      return 'report a bug with the request id'
    case 'UNKNOWN':
      return e.retryable ? 'offer a "Try again" button' : 'report a bug with the request id'
    default:
      // Every code is handled: a new one would be a compile error here.
      return e satisfies never
  }
}

/** The app's messages: the built-in English ones, plus the client's own codes. */
const messages = defineMessages<EenOperation>({
  ...englishMessages,
  ACCOUNT_LOCKED: 'Your account is locked after too many sign-in attempts. Reset your password to unlock it.',
  IP_ADDRESS_INVALID: 'You cannot sign in from this network. Ask your administrator which networks are allowed.',
  TFA_OR_TOKEN_INVALID: 'That two-factor code did not work. Sign in again to get a new one.',
})

/** The same in Dutch (een-api-errors/messages), for people who read Dutch: the compiler wants the client's codes too. */
const dutch = defineMessages<EenOperation>({
  ...nl,
  ACCOUNT_LOCKED:
    'Je account is vergrendeld na te veel inlogpogingen. Stel je wachtwoord opnieuw in om het te ontgrendelen.',
  IP_ADDRESS_INVALID: 'Je kunt niet inloggen vanaf dit netwerk. Vraag je beheerder welke netwerken zijn toegestaan.',
  TFA_OR_TOKEN_INVALID: 'Die code voor tweestapsverificatie werkte niet. Log opnieuw in om een nieuwe te krijgen.',
})

// ---- Printing ----

/** Runs the demo, writing lines to `print`. Resolves when the simulator is closed. */
export async function main(print: (line: string) => void = console.log): Promise<void> {
  const sim = await startSimulator()
  try {
    const app = new EenClient({ baseUrl: sim.url, apiKey: DEMO_API_KEY })
    print('een-api-errors demo: an app uses a small Eagle Eye Networks client (examples/een-client/)')
    print(`against a local simulator of the API at ${sim.url}. Nothing leaves this machine.`)

    print('\n1. Everything works')
    const user = await app.login(DEMO_USER.username, DEMO_USER.password)
    print(
      `  ✓ login('${DEMO_USER.username}', …)  authenticate, authorize: signed in as ${user.firstName} ${user.lastName}`,
    )
    const cameras = await app.listCameras()
    print(`  ✓ listCameras()  ${cameras.length} cameras: ${cameras.map((c) => c.name).join(', ')}`)
    const first = await app.getCamera(CAMERAS[0]!.id)
    print(`  ✓ getCamera('${first.id}')  ${first.name}`)

    const stories = SCENARIOS.filter((s) => !s.title.startsWith('GET '))
    const rest = SCENARIOS.filter((s) => s.title.startsWith('GET '))

    print('\n2. When the API says no: how the app narrows each error, and what a person sees (in English and Dutch)')
    for (const scenario of stories) {
      const error = await failureOf(app, scenario)
      print(`\n  ✗ ${scenario.title}: ${callText(scenario)}`)
      if (!isEenApiError(error)) throw error
      const branch = handle(error)
      print(`    error       ${error.message}`)
      print(`    app         switch (e.code) → case '${error.code}': ${branch}`)
      print(`    retry       ${retryText(error)}`)
      if (error.reason !== undefined) print(`    reason      ${error.reason} (the API's own field)`)
      if (scenario.title.includes('echo')) {
        print(`    server said ${error.serverMessage}`)
        print(`    body        ${JSON.stringify(error.body)}`)
      }
      print(`    request id  ${error.requestId ?? '–'}`)
      print(`    user sees   "${userMessage(error, messages)}"`)
      print(`    in Dutch    "${userMessage(error, dutch)}"`)
      if (error.code === 'TOO_MANY_REQUESTS') {
        await new Promise((resolve) => setTimeout(resolve, error.retryAfterMs ?? 1000))
        const again = await app.listCameras()
        print(`    then        waited ${error.retryAfterMs ?? 1000} ms and retried: ${again.length} cameras`)
      }
    }

    print('\n3. Every other error status the API documents, and the case of the same switch it takes')
    print('   (the simulator answers GET /g/device?id=fault-<status> with that status)\n')
    for (const scenario of rest) {
      const error = await failureOf(app, scenario)
      if (!isEenApiError(error)) throw error
      print(`  ${error.status} ${error.code.padEnd(25)} → ${handle(error)}; retry: ${retryText(error)}`)
      print(`      user sees "${userMessage(error, messages)}"`)
      print(`      in Dutch  "${userMessage(error, dutch)}"`)
    }
    print('\nThe code: examples/een-client/client.ts (the client), examples/een-client/demo.ts (the app).')
  } finally {
    await sim.close()
  }
}

/** Runs the client call of `scenario` and returns what it threw; a call that succeeds is a bug in the demo. */
async function failureOf(app: EenClient, scenario: Scenario): Promise<unknown> {
  const [a = '', b = ''] = scenario.args
  try {
    if (scenario.call === 'login') await app.login(a, b)
    else if (scenario.call === 'listCameras') await app.listCameras()
    else await app.getCamera(a)
  } catch (error) {
    return error
  }
  throw new Error(`The simulator did not fail: ${scenario.title}`)
}

/** The call, without its password. */
function callText(scenario: Scenario): string {
  const [a = ''] = scenario.args
  return scenario.call === 'login' ? `login('${a}', …)` : `${scenario.call}(${a === '' ? '' : `'${a}'`})`
}

function retryText(e: EenApiError): string {
  if (!e.retryable) return 'no'
  return e.retryAfterMs === undefined ? 'yes' : `yes, after ${e.retryAfterMs} ms (Retry-After)`
}
