/**
 * German messages for people (Deutsch), addressing the reader as "Sie".
 *
 * @module
 */
import { byClass } from './by-class.js'
import type { LanguageCatalog } from './types.js'
import { waitMessage } from './wait.js'

/** The German catalog: an entry for every error code, and messages by class for anything else. */
export const de: LanguageCatalog = /* @__PURE__ */ Object.freeze({
  MOVED: 'Dieses Element wurde verschoben. Laden Sie die Seite neu und versuchen Sie es erneut.',
  BAD_REQUEST: 'Bei dieser Anfrage stimmte etwas nicht. Prüfen Sie Ihre Eingaben und versuchen Sie es erneut.',
  UNAUTHORIZED:
    'Ihre Sitzung ist abgelaufen oder Ihre Anmeldedaten sind nicht korrekt. Bitte melden Sie sich erneut an.',
  ACCOUNT_SUSPENDED: 'Ihr Konto ist gesperrt. Wenden Sie sich an Ihren Administrator.',
  FORBIDDEN: 'Sie haben keine Berechtigung dafür. Bitten Sie Ihren Administrator um Zugriff.',
  NOT_FOUND: 'Das Gesuchte wurde nicht gefunden. Es wurde möglicherweise verschoben oder gelöscht.',
  METHOD_NOT_ALLOWED: 'Diese Aktion ist hier nicht verfügbar.',
  REALM_NOT_ROOT: 'Das ist nur über Ihr Hauptkonto möglich.',
  EMAIL_ALREADY_REGISTERED: 'Es gibt bereits ein Konto mit dieser E-Mail-Adresse. Melden Sie sich stattdessen an.',
  CAMERA_ATTACH_FAILED:
    'Die Kamera konnte nicht mit ihrer Bridge verbunden werden. Prüfen Sie, ob beide online sind, und versuchen Sie es erneut.',
  USER_DISABLED: 'Dieser Benutzer ist deaktiviert. Wenden Sie sich an Ihren Administrator.',
  DEVICE_UNSUPPORTED: 'Dieses Gerät wird nicht unterstützt.',
  RESOURCE_LOCKED: 'Dieses Element ist gerade gesperrt. Versuchen Sie es später erneut.',
  TOO_MANY_REQUESTS: /* @__PURE__ */ waitMessage(
    'de',
    (s, n) =>
      `Das ging etwas zu schnell. Warten Sie ${s} ${n === 1 ? 'Sekunde' : 'Sekunden'} und versuchen Sie es dann erneut.`,
    'Das ging etwas zu schnell. Warten Sie einen Moment und versuchen Sie es dann erneut.',
  ),
  ACCOUNT_INACTIVE: 'Ihr Konto ist inaktiv. Wenden Sie sich an Ihren Administrator.',
  ACCOUNT_PENDING:
    'Ihr Konto ist noch nicht aktiv. Versuchen Sie es später erneut oder wenden Sie sich an Ihren Administrator.',
  USER_PENDING: 'Ihr Benutzerkonto ist noch nicht aktiviert. Den Aktivierungslink finden Sie in Ihrer E-Mail.',
  DEVICE_UNREACHABLE:
    'Die Kamera oder Bridge ist gerade nicht erreichbar. Prüfen Sie, ob sie online ist, oder wenden Sie sich an den Support.',
  INTERNAL_ERROR: 'Bei uns ist etwas schiefgelaufen. Wenden Sie sich an den Support, wenn das weiterhin passiert.',
  BAD_GATEWAY: 'Das konnte gerade nicht geladen werden. Bitte versuchen Sie es erneut.',
  TAG_MAPS_ERROR:
    'Bei den Kamera-Tags ist etwas schiefgelaufen. Wenden Sie sich an den Support, wenn das weiterhin passiert.',
  GATEWAY_TIMEOUT: 'Das dauert länger als erwartet. Bitte versuchen Sie es erneut.',
  UNKNOWN: /* @__PURE__ */ byClass({
    retry: 'Etwas ist schiefgelaufen. Warten Sie einen Moment und versuchen Sie es dann erneut.',
    server: 'Bei uns ist etwas schiefgelaufen. Versuchen Sie es später erneut.',
    client: 'Diese Anfrage konnte nicht ausgeführt werden. Prüfen Sie sie und versuchen Sie es erneut.',
    other: 'Etwas ist schiefgelaufen. Bitte versuchen Sie es erneut.',
  }),
})
