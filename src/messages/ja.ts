/**
 * Japanese messages for people (日本語), in the polite です/ます form.
 *
 * @module
 */
import { byClass } from './by-class.js'
import type { LanguageCatalog } from './types.js'
import { waitMessage } from './wait.js'

/** The Japanese catalog: an entry for every error code, and messages by class for anything else. */
export const ja: LanguageCatalog = /* @__PURE__ */ Object.freeze({
  MOVED: 'この項目は移動されました。ページを再読み込みして、もう一度お試しください。',
  BAD_REQUEST: 'このリクエストに問題がありました。入力内容を確認して、もう一度お試しください。',
  UNAUTHORIZED: 'セッションの有効期限が切れたか、サインイン情報が正しくありません。もう一度サインインしてください。',
  ACCOUNT_SUSPENDED: 'アカウントは停止されています。管理者にお問い合わせください。',
  FORBIDDEN: 'この操作を行う権限がありません。管理者にアクセス権を依頼してください。',
  NOT_FOUND: 'お探しのものが見つかりませんでした。移動または削除された可能性があります。',
  METHOD_NOT_ALLOWED: 'この操作はここでは利用できません。',
  REALM_NOT_ROOT: 'この操作はメインアカウントからのみ行えます。',
  EMAIL_ALREADY_REGISTERED: 'このメールアドレスのアカウントはすでに存在します。代わりにサインインしてください。',
  CAMERA_ATTACH_FAILED:
    'カメラをブリッジに接続できませんでした。両方がオンラインであることを確認して、もう一度お試しください。',
  USER_DISABLED: 'このユーザーは無効になっています。管理者にお問い合わせください。',
  DEVICE_UNSUPPORTED: 'このデバイスはサポートされていません。',
  RESOURCE_LOCKED: 'この項目は現在ロックされています。しばらくしてからもう一度お試しください。',
  TOO_MANY_REQUESTS: /* @__PURE__ */ waitMessage(
    'ja',
    (s) => `操作が速すぎます。${s}秒待ってから、もう一度お試しください。`,
    '操作が速すぎます。少し待ってから、もう一度お試しください。',
  ),
  ACCOUNT_INACTIVE: 'アカウントは非アクティブです。管理者にお問い合わせください。',
  ACCOUNT_PENDING:
    'アカウントはまだ有効になっていません。しばらくしてからもう一度お試しいただくか、管理者にお問い合わせください。',
  USER_PENDING: 'ユーザーアカウントはまだ有効化されていません。メールに届いた有効化リンクを確認してください。',
  DEVICE_UNREACHABLE:
    '現在、カメラまたはブリッジに接続できません。オンラインであることを確認するか、サポートにお問い合わせください。',
  INTERNAL_ERROR: 'こちらで問題が発生しました。問題が続く場合は、サポートにお問い合わせください。',
  BAD_GATEWAY: 'データを読み込めませんでした。もう一度お試しください。',
  TAG_MAPS_ERROR: 'カメラのタグで問題が発生しました。問題が続く場合は、サポートにお問い合わせください。',
  GATEWAY_TIMEOUT: '処理に時間がかかっています。もう一度お試しください。',
  UNKNOWN: /* @__PURE__ */ byClass({
    retry: '問題が発生しました。少し待ってから、もう一度お試しください。',
    server: 'こちらで問題が発生しました。しばらくしてからもう一度お試しください。',
    client: 'このリクエストを完了できませんでした。内容を確認して、もう一度お試しください。',
    other: '問題が発生しました。もう一度お試しください。',
  }),
})
