import { randomBytes } from 'node:crypto';
import type { Role } from '@kaidan/shared';
import { AppError, type FieldError, fieldError, type Text } from '../../platform/errors';

// The rules of an endpoint, apart from storage: who may manage them, what a URL may be, the secret.

/** Admins manage every endpoint (and vendor-wide ones); a partner's agents manage their own partner's. */
export const MANAGE_WEBHOOKS: Role[] = ['admin', 'partner_agent'];
export const ENDPOINT: Text = { zh: 'Webhook 端点', en: 'Webhook endpoint' };
export const DELIVERY: Text = { zh: 'Webhook 投递', en: 'Webhook delivery' };
export const MANAGE: Text = { zh: '管理 Webhook', en: 'manage webhooks' };

// Plain http only to this machine: a local receiver during development; anything else travels signed
// but readable, so production endpoints must be https.
const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

export function checkUrl(raw: string): FieldError[] {
  let u: URL;
  try {
    u = new URL(raw.trim());
  } catch {
    return [fieldError('url', 'URL_INVALID', '地址不是有效的 URL', 'The URL is not valid')];
  }
  if (u.username || u.password)
    return [
      fieldError(
        'url',
        'URL_HAS_CREDENTIALS',
        '地址中不能含用户名或密码',
        'The URL must not carry a user or password',
      ),
    ];
  if (u.protocol === 'https:') return [];
  if (u.protocol === 'http:' && LOCAL_HOSTS.has(u.hostname)) return [];
  return [
    fieldError(
      'url',
      'URL_NOT_HTTPS',
      '地址必须使用 https（仅本机开发可用 http://127.0.0.1 或 http://localhost）',
      'The URL must be https (plain http only to http://127.0.0.1 or http://localhost, for development)',
    ),
  ];
}

/** `whsec_` + 32 random bytes in base64, the Standard Webhooks secret format. */
export const newSecret = (): string => `whsec_${randomBytes(32).toString('base64')}`;

/** Enough of a secret to tell two apart after a rotation; reveals 4 of its 256 bits' worth of characters. */
export const secretHint = (secret: string): string => `${secret.slice(0, 10)}…`;

export const partnerRequired = (): AppError =>
  new AppError({
    status: 422,
    code: 'PARTNER_UNKNOWN',
    message: { zh: '渠道不存在', en: 'No such partner' },
    fields: [fieldError('partnerId', 'PARTNER_UNKNOWN', '渠道不存在', 'No such partner')],
    fixes: [
      {
        zh: '选择一个已有渠道，或留空以接收全部事件',
        en: 'Pick an existing partner, or leave it empty for every event',
      },
    ],
  });
