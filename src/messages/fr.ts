/**
 * French messages for people (français), addressing the reader as "vous".
 *
 * @module
 */
import { byClass } from './by-class.js'
import type { LanguageCatalog } from './types.js'
import { waitMessage } from './wait.js'

/** The French catalog: an entry for every error code, and messages by class for anything else. */
export const fr: LanguageCatalog = /* @__PURE__ */ Object.freeze({
  MOVED: 'Cet élément a été déplacé. Actualisez la page et réessayez.',
  BAD_REQUEST: 'Quelque chose ne va pas dans cette demande. Vérifiez votre saisie et réessayez.',
  UNAUTHORIZED: 'Votre session a expiré ou vos identifiants sont incorrects. Veuillez vous reconnecter.',
  ACCOUNT_SUSPENDED: 'Votre compte est suspendu. Contactez votre administrateur.',
  FORBIDDEN: 'Vous n’avez pas l’autorisation de faire cela. Demandez l’accès à votre administrateur.',
  NOT_FOUND: 'Nous n’avons pas trouvé ce que vous cherchiez. Il a peut-être été déplacé ou supprimé.',
  METHOD_NOT_ALLOWED: 'Cette action n’est pas disponible ici.',
  REALM_NOT_ROOT: 'Cette opération n’est possible que depuis votre compte principal.',
  EMAIL_ALREADY_REGISTERED: 'Un compte existe déjà avec cette adresse e-mail. Essayez plutôt de vous connecter.',
  CAMERA_ATTACH_FAILED:
    'Nous n’avons pas pu connecter la caméra à son bridge. Vérifiez que les deux sont en ligne et réessayez.',
  USER_DISABLED: 'Cet utilisateur est désactivé. Contactez votre administrateur.',
  DEVICE_UNSUPPORTED: 'Cet appareil n’est pas pris en charge.',
  RESOURCE_LOCKED: 'Cet élément est verrouillé pour le moment. Réessayez plus tard.',
  TOO_MANY_REQUESTS: /* @__PURE__ */ waitMessage(
    'fr',
    (s, n) => `Vous allez un peu vite. Attendez ${s} ${n === 1 ? 'seconde' : 'secondes'}, puis réessayez.`,
    'Vous allez un peu vite. Attendez un instant, puis réessayez.',
  ),
  ACCOUNT_INACTIVE: 'Votre compte est inactif. Contactez votre administrateur.',
  ACCOUNT_PENDING: 'Votre compte n’est pas encore actif. Réessayez plus tard ou contactez votre administrateur.',
  USER_PENDING: 'Votre compte utilisateur n’est pas encore activé. Le lien d’activation se trouve dans vos e-mails.',
  DEVICE_UNREACHABLE:
    'Nous ne parvenons pas à joindre la caméra ou le bridge pour le moment. Vérifiez qu’il est en ligne ou contactez l’assistance.',
  INTERNAL_ERROR: 'Un problème est survenu de notre côté. Contactez l’assistance si cela se reproduit.',
  BAD_GATEWAY: 'Nous n’avons pas pu charger ceci pour le moment. Veuillez réessayer.',
  TAG_MAPS_ERROR:
    'Un problème est survenu avec les étiquettes des caméras. Contactez l’assistance si cela se reproduit.',
  GATEWAY_TIMEOUT: 'Cela prend plus de temps que prévu. Veuillez réessayer.',
  UNKNOWN: /* @__PURE__ */ byClass({
    retry: 'Un problème est survenu. Attendez un instant, puis réessayez.',
    server: 'Un problème est survenu de notre côté. Réessayez plus tard.',
    client: 'Nous n’avons pas pu traiter cette demande. Vérifiez-la et réessayez.',
    other: 'Un problème est survenu. Veuillez réessayer.',
  }),
})
