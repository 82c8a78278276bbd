// The README's main command (npm run demo): the table and a few lookups, through the built package.
import { describe, isClientError, isRetryable, STATUS_CODES, Status } from '../dist/index.js'

console.log('The Eagle Eye Networks Cloud API documents these statuses:\n')
for (const { status, code, meaning } of Object.values(STATUS_CODES)) {
  console.log(`  ${status}  ${code.padEnd(24)}  ${meaning}`)
}

console.log('\nA few lookups:\n')
for (const status of [Status.ACCOUNT_SUSPENDED, 429, 503, 418, 502]) {
  const kind = isClientError(status) ? 'client error' : 'server error'
  console.log(`  ${status}: ${describe(status)}  [${kind}; retry: ${isRetryable(status) ? 'yes' : 'no'}]`)
}
