// Plain ESM: `import` resolves the package's "import" condition (dist/index.js).
import { ApiError, describe, isApiError, isRetryable, STATUS_CODES, Status } from 'een-api-errors'

const e = await ApiError.fromResponse(
  new Response('{"status_code": 402, "message": "Account is suspended"}', {
    status: 402,
    headers: { 'content-type': 'application/json', 'x-request-id': 'esm-1' },
  }),
)
console.log(
  JSON.stringify({
    format: typeof require === 'undefined' ? 'esm' : 'cjs',
    build: import.meta.resolve('een-api-errors').split('/').slice(-2).join('/'),
    describe: describe(Status.ACCOUNT_SUSPENDED),
    row: STATUS_CODES[463].code,
    retryable: [isRetryable(429), isRetryable(503)],
    error: [isApiError(e), e instanceof ApiError, e.code, e.requestId, e.serverMessage],
  }),
)
