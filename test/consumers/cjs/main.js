// Plain CommonJS: `require` resolves the package's "require" condition (dist/index.cjs).
const { ApiError, describe, isApiError, isRetryable, STATUS_CODES, Status, userMessage } = require('een-api-errors')
const { findEndpoint, forgotPassword } = require('een-api-errors/endpoints')
const { de, messagesFor, nl } = require('een-api-errors/messages')

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
      error: [isApiError(e), e instanceof ApiError, e.code, e.requestId, e.serverMessage, e.constructor.name, e.name],
      endpoint: endpointCheck(),
      messages: messagesCheck(),
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

// The third entry point, `een-api-errors/messages`, rendered by the main entry's userMessage.
function messagesCheck() {
  const catalog = messagesFor('nl-BE,nl;q=0.9,en;q=0.8')
  return [
    catalog === nl,
    userMessage(new ApiError(402), catalog),
    userMessage(new ApiError(429, { retryAfterMs: 3000 }), de),
    require.resolve('een-api-errors/messages').split('/').slice(-2).join('/'),
  ]
}

main().catch((error) => {
  console.error(error)
  process.exitCode = 1
})
