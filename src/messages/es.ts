/**
 * Spanish messages for people (español), addressing the reader as "tú", as modern apps
 * commonly do.
 *
 * @module
 */
import { byClass } from './by-class.js'
import type { LanguageCatalog } from './types.js'
import { waitMessage } from './wait.js'

/** The Spanish catalog: an entry for every error code, and messages by class for anything else. */
export const es: LanguageCatalog = /* @__PURE__ */ Object.freeze({
  MOVED: 'Este elemento se ha movido. Actualiza la página e inténtalo de nuevo.',
  BAD_REQUEST: 'Algo no estaba bien en esta solicitud. Revisa lo que has introducido e inténtalo de nuevo.',
  UNAUTHORIZED: 'Tu sesión ha caducado o tus datos de acceso no son correctos. Vuelve a iniciar sesión.',
  ACCOUNT_SUSPENDED: 'Tu cuenta está suspendida. Ponte en contacto con tu administrador.',
  FORBIDDEN: 'No tienes permiso para hacer esto. Pide acceso a tu administrador.',
  NOT_FOUND: 'No hemos encontrado lo que buscabas. Puede que se haya movido o eliminado.',
  METHOD_NOT_ALLOWED: 'Esta acción no está disponible aquí.',
  REALM_NOT_ROOT: 'Esto solo se puede hacer desde tu cuenta principal.',
  EMAIL_ALREADY_REGISTERED: 'Ya existe una cuenta con este correo electrónico. Prueba a iniciar sesión.',
  CAMERA_ATTACH_FAILED:
    'No hemos podido conectar la cámara a su bridge. Comprueba que ambos estén en línea e inténtalo de nuevo.',
  USER_DISABLED: 'Este usuario está desactivado. Ponte en contacto con tu administrador.',
  DEVICE_UNSUPPORTED: 'Este dispositivo no es compatible.',
  RESOURCE_LOCKED: 'Este elemento está bloqueado en este momento. Inténtalo de nuevo más tarde.',
  TOO_MANY_REQUESTS: /* @__PURE__ */ waitMessage(
    'es',
    (s, n) => `Vas un poco rápido. Espera ${s} ${n === 1 ? 'segundo' : 'segundos'} e inténtalo de nuevo.`,
    'Vas un poco rápido. Espera un momento e inténtalo de nuevo.',
  ),
  ACCOUNT_INACTIVE: 'Tu cuenta está inactiva. Ponte en contacto con tu administrador.',
  ACCOUNT_PENDING:
    'Tu cuenta aún no está activa. Inténtalo de nuevo más tarde o ponte en contacto con tu administrador.',
  USER_PENDING: 'Tu cuenta de usuario aún no está activada. Busca el enlace de activación en tu correo electrónico.',
  DEVICE_UNREACHABLE:
    'No podemos conectar con la cámara o el bridge en este momento. Comprueba que esté en línea o ponte en contacto con soporte.',
  INTERNAL_ERROR: 'Algo ha fallado por nuestra parte. Ponte en contacto con soporte si vuelve a ocurrir.',
  BAD_GATEWAY: 'No hemos podido cargar esto ahora mismo. Inténtalo de nuevo.',
  TAG_MAPS_ERROR:
    'Algo ha fallado con las etiquetas de las cámaras. Ponte en contacto con soporte si vuelve a ocurrir.',
  GATEWAY_TIMEOUT: 'Esto está tardando más de lo normal. Inténtalo de nuevo.',
  UNKNOWN: /* @__PURE__ */ byClass({
    retry: 'Algo ha fallado. Espera un momento e inténtalo de nuevo.',
    server: 'Algo ha fallado por nuestra parte. Inténtalo de nuevo más tarde.',
    client: 'No hemos podido completar esta solicitud. Revísala e inténtalo de nuevo.',
    other: 'Algo ha fallado. Inténtalo de nuevo.',
  }),
})
