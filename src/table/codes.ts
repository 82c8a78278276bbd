/**
 * The API's name for each status it documents, one row per line, in the order of `meanings.ts`.
 * Data only.
 *
 * @module
 */

/** Status -> the API's code. */
export const CODES = {
  200: 'OK',
  201: 'CREATED',
  202: 'ACCEPTED',
  204: 'LOGGED_OUT',
  301: 'MOVED',
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  402: 'ACCOUNT_SUSPENDED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  406: 'REALM_NOT_ROOT',
  409: 'EMAIL_ALREADY_REGISTERED',
  410: 'CAMERA_ATTACH_FAILED',
  412: 'USER_DISABLED',
  415: 'DEVICE_UNSUPPORTED',
  423: 'RESOURCE_LOCKED',
  429: 'TOO_MANY_REQUESTS',
  460: 'ACCOUNT_INACTIVE',
  461: 'ACCOUNT_PENDING',
  462: 'USER_PENDING',
  463: 'DEVICE_UNREACHABLE',
  500: 'INTERNAL_ERROR',
  502: 'BAD_GATEWAY',
  503: 'TAG_MAPS_ERROR',
  504: 'GATEWAY_TIMEOUT',
} as const
