/**
 * English messages for people: plain words and what they can do next, no status numbers, no
 * jargon. The default catalog of `userMessage`.
 *
 * @module
 */
import { byClass } from './by-class.js'
import type { LanguageCatalog } from './types.js'
import { waitMessage } from './wait.js'

/** @internal English messages by class, for errors a catalog does not cover. */
export const englishByClass = /* @__PURE__ */ byClass({
  retry: 'Something went wrong. Wait a moment, then try again.',
  server: 'Something went wrong on our side. Try again later.',
  client: 'We could not complete this request. Check it and try again.',
  other: 'Something went wrong. Please try again.',
})

/**
 * The built-in English catalog, written for end users. Spread it into a catalog of your own to
 * change a few entries or to add an operation's codes.
 *
 * @example
 * ```ts
 * userMessage(new ApiError(402), englishMessages) // 'Your account is suspended. Contact your administrator.'
 * ```
 */
export const englishMessages: LanguageCatalog = /* @__PURE__ */ Object.freeze({
  MOVED: 'This item has moved. Refresh the page and try again.',
  BAD_REQUEST: 'Something in this request was not right. Check what you entered and try again.',
  UNAUTHORIZED: 'Your session has ended or your sign-in details are not right. Please sign in again.',
  ACCOUNT_SUSPENDED: 'Your account is suspended. Contact your administrator.',
  FORBIDDEN: 'You do not have permission to do this. Ask your administrator for access.',
  NOT_FOUND: 'We could not find what you were looking for. It may have been moved or deleted.',
  METHOD_NOT_ALLOWED: 'This action is not available here.',
  REALM_NOT_ROOT: 'This can only be done from your main account.',
  EMAIL_ALREADY_REGISTERED: 'An account with this email address already exists. Try signing in instead.',
  CAMERA_ATTACH_FAILED: 'We could not connect the camera to its bridge. Check that both are online and try again.',
  USER_DISABLED: 'This user is disabled. Contact your administrator.',
  DEVICE_UNSUPPORTED: 'This device is not supported.',
  RESOURCE_LOCKED: 'This item is locked right now. Try again later.',
  TOO_MANY_REQUESTS: /* @__PURE__ */ waitMessage(
    'en',
    (s, n) => `You are going a little fast. Wait ${s} ${n === 1 ? 'second' : 'seconds'}, then try again.`,
    'You are going a little fast. Wait a moment, then try again.',
  ),
  ACCOUNT_INACTIVE: 'Your account is inactive. Contact your administrator.',
  ACCOUNT_PENDING: 'Your account is not active yet. Try again later or contact your administrator.',
  USER_PENDING: 'Your user account is not activated yet. Check your email for the activation link.',
  DEVICE_UNREACHABLE: 'We cannot reach the camera or bridge right now. Check that it is online, or contact support.',
  INTERNAL_ERROR: 'Something went wrong on our side. Contact support if it keeps happening.',
  BAD_GATEWAY: 'We could not load this just now. Please try again.',
  TAG_MAPS_ERROR: 'Something went wrong with the camera tags. Contact support if it keeps happening.',
  GATEWAY_TIMEOUT: 'This is taking longer than it should. Please try again.',
  UNKNOWN: englishByClass,
})
