/**
 * Whether the API's own words for each status invite a retry: "slow down" and "please try again"
 * do, "contact support" does not (this API's 503 is a tag-maps error, not "Service Unavailable").
 * One row per line, in the order of `meanings.ts`. Data only: `isRetryable` and `isKnownStatus`
 * read this object and nothing else, so they carry neither codes nor meanings.
 *
 * @module
 */

/** Status -> whether a request that failed with it may succeed if sent again. */
export const RETRYABLE = {
  200: false,
  201: false,
  202: false,
  204: false,
  301: false,
  400: false,
  401: false,
  402: false,
  403: false,
  404: false,
  405: false,
  406: false,
  409: false,
  410: false,
  412: false,
  415: false,
  423: false,
  429: true,
  460: false,
  461: false,
  462: false,
  463: false,
  500: false,
  502: true,
  503: false,
  504: true,
} as const
