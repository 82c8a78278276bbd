/**
 * Dutch messages for people (Nederlands), addressing the reader as "je", as Dutch software
 * commonly does.
 *
 * @module
 */
import { byClass } from './by-class.js'
import type { LanguageCatalog } from './types.js'
import { waitMessage } from './wait.js'

/** The Dutch catalog: an entry for every error code, and messages by class for anything else. */
export const nl: LanguageCatalog = /* @__PURE__ */ Object.freeze({
  MOVED: 'Dit item is verplaatst. Vernieuw de pagina en probeer het opnieuw.',
  BAD_REQUEST: 'Er klopte iets niet in dit verzoek. Controleer wat je hebt ingevuld en probeer het opnieuw.',
  UNAUTHORIZED: 'Je sessie is verlopen of je inloggegevens kloppen niet. Log opnieuw in.',
  ACCOUNT_SUSPENDED: 'Je account is opgeschort. Neem contact op met je beheerder.',
  FORBIDDEN: 'Je hebt geen toestemming om dit te doen. Vraag je beheerder om toegang.',
  NOT_FOUND: 'We konden niet vinden wat je zocht. Het is misschien verplaatst of verwijderd.',
  METHOD_NOT_ALLOWED: 'Deze actie is hier niet beschikbaar.',
  REALM_NOT_ROOT: 'Dit kan alleen vanuit je hoofdaccount.',
  EMAIL_ALREADY_REGISTERED: 'Er bestaat al een account met dit e-mailadres. Probeer in plaats daarvan in te loggen.',
  CAMERA_ATTACH_FAILED:
    'We konden de camera niet met de bridge verbinden. Controleer of beide online zijn en probeer het opnieuw.',
  USER_DISABLED: 'Deze gebruiker is uitgeschakeld. Neem contact op met je beheerder.',
  DEVICE_UNSUPPORTED: 'Dit apparaat wordt niet ondersteund.',
  RESOURCE_LOCKED: 'Dit item is op dit moment vergrendeld. Probeer het later opnieuw.',
  TOO_MANY_REQUESTS: /* @__PURE__ */ waitMessage(
    'nl',
    (s, n) => `Je gaat iets te snel. Wacht ${s} ${n === 1 ? 'seconde' : 'seconden'} en probeer het dan opnieuw.`,
    'Je gaat iets te snel. Wacht even en probeer het dan opnieuw.',
  ),
  ACCOUNT_INACTIVE: 'Je account is niet actief. Neem contact op met je beheerder.',
  ACCOUNT_PENDING: 'Je account is nog niet actief. Probeer het later opnieuw of neem contact op met je beheerder.',
  USER_PENDING: 'Je gebruikersaccount is nog niet geactiveerd. Kijk in je e-mail voor de activeringslink.',
  DEVICE_UNREACHABLE:
    'We kunnen de camera of bridge nu niet bereiken. Controleer of het apparaat online is, of neem contact op met support.',
  INTERNAL_ERROR: 'Er ging bij ons iets mis. Neem contact op met support als dit blijft gebeuren.',
  BAD_GATEWAY: 'We konden dit nu niet laden. Probeer het opnieuw.',
  TAG_MAPS_ERROR: 'Er ging iets mis met de cameratags. Neem contact op met support als dit blijft gebeuren.',
  GATEWAY_TIMEOUT: 'Dit duurt langer dan zou moeten. Probeer het opnieuw.',
  UNKNOWN: /* @__PURE__ */ byClass({
    retry: 'Er ging iets mis. Wacht even en probeer het dan opnieuw.',
    server: 'Er ging bij ons iets mis. Probeer het later opnieuw.',
    client: 'We konden dit verzoek niet uitvoeren. Controleer het en probeer het opnieuw.',
    other: 'Er ging iets mis. Probeer het opnieuw.',
  }),
})
