// Plain CommonJS: `require` resolves the package's "require" condition (dist/index.cjs).
const { ApiError, describe, isApiError, isRetryable, STATUS_CODES, Status } = require('een-api-errors')
const { findEndpoint, forgotPassword } = require('een-api-errors/endpoints')

async function main() {
  const e = await ApiError.fromResponse(
    new Response('{"status_code": 402, "message": "Account is suspended"}', {
      status: 402,
      headers: { 'content-type': 'application/json', 'x-request-id': 'cjs-1' },
    }),
  )
  console.log(
    JSON.stringify({
      format: typeof require === 'undefined' ? 'esm' : 'cjs',
      build: require.resolve('een-api-errors').split('/').slice(-2).join('/'),
      describe: describe(Status.ACCOUNT_SUSPENDED),
      row: STATUS_CODES[463].code,
      retryable: [isRetryable(429), isRetryable(503)],
      error: [isApiError(e), e instanceof ApiError, e.code, e.requestId, e.serverMessage],
      endpoint: endpointCheck(),
    }),
  )
}

// The second entry point, `een-api-errors/endpoints`, from the same build format.
function endpointCheck() {
  const operation = findEndpoint('post', 'https://c001.eagleeyenetworks.com/g/aaa/forgot_password?x=1')
  const error = new ApiError(406, { operation })
  return [
    operation === forgotPassword,
    error.code,
    isApiError(error),
    require.resolve('een-api-errors/endpoints').split('/').slice(-2).join('/'),
  ]
}

main().catch((error) => {
  console.error(error)
  process.exitCode = 1
})
