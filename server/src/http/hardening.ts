import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { AppError, type FieldError } from '../platform/errors';
import type { HttpConfig } from './env';
import { problem } from './problem';

// S-13: JSON bodies are small (the largest real one, a batch refund of many orders, is a few kB). A
// spreadsheet upload (R21's expiry import: 100,000 rows are a few MB of .xlsx) is the one larger body; it
// is recognised by its content type, so the kit still knows no module.
export const MAX_JSON_BYTES = 1024 * 1024;
export const MAX_UPLOAD_BYTES = 32 * 1024 * 1024;
const UPLOAD_TYPES = ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'text/csv'];

const limitOf = (maxSize: number): MiddlewareHandler =>
  bodyLimit({
    maxSize,
    onError: (c) =>
      problem(
        c,
        new AppError({
          status: 413,
          code: 'PAYLOAD_TOO_LARGE',
          message: {
            zh: `请求内容超过 ${maxSize / 1024 / 1024} MB 上限`,
            en: `The request body is larger than ${maxSize / 1024 / 1024} MB`,
          },
          fixes: [{ zh: '分批提交', en: 'Send it in smaller parts' }],
          details: { maxBytes: maxSize },
        }),
      ),
  });

export const limitBodies = (): MiddlewareHandler => {
  const json = limitOf(MAX_JSON_BYTES);
  const upload = limitOf(MAX_UPLOAD_BYTES);
  return (c, next) => {
    const type = (c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
    return (UPLOAD_TYPES.includes(type) ? upload : json)(c, next);
  };
};

const nulField = (field: string): FieldError => ({
  field,
  code: 'nul',
  message: { zh: '不能包含 NUL 字符（\\u0000）', en: 'must not contain a NUL character (\\u0000)' },
});

function nulPaths(value: unknown, at: string[], out: string[]): void {
  if (typeof value === 'string') {
    if (value.includes('\0')) out.push(at.join('.'));
  } else if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) nulPaths(v, [...at, String(i)], out);
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k.includes('\0')) out.push([...at, k].join('.'));
      else nulPaths(v, [...at, k], out);
    }
  }
}

const decoded = (s: string) => {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
};

/**
 * S-14: PostgreSQL text cannot hold NUL, so a NUL anywhere would fail deep in a store as a 500. Refused here,
 * once for every route, naming the path segment, query parameter or JSON field that carries it.
 */
export const rejectNul = (): MiddlewareHandler => async (c, next) => {
  const fields: string[] = [];
  if (decoded(c.req.path).includes('\0')) fields.push('path');
  for (const [k, vs] of Object.entries(c.req.queries())) {
    if (k.includes('\0') || vs.some((v) => v.includes('\0'))) fields.push(k);
  }
  if ((c.req.header('content-type') ?? '').includes('json') && c.req.raw.body) {
    const text = await c.req.text();
    if (text.includes('\\u0000') || text.includes('\0')) {
      try {
        nulPaths(JSON.parse(text), [], fields);
      } catch {
        // Not JSON: the route's validator answers that.
      }
    }
  }
  if (fields.length === 0) return next();
  return problem(
    c,
    new AppError({
      status: 400,
      code: 'NUL_IN_TEXT',
      message: {
        zh: `${fields.join('、')} 含有 NUL 字符（\\u0000）`,
        en: `${fields.join(', ')} contain(s) a NUL character (\\u0000)`,
      },
      fields: fields.map(nulField),
      fixes: [{ zh: '删除文本中的 NUL 字符', en: 'Remove the NUL characters from the text' }],
    }),
  );
};

// S-16: the console is built by Vite with no inline script; antd writes inline styles, hence style-src
// 'unsafe-inline'. Nothing may frame Kaidan (clickjacking of approve buttons).
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export const securityHeaders =
  (config: HttpConfig = {}): MiddlewareHandler =>
  async (c, next) => {
    await next();
    const h = c.res.headers;
    h.set('content-security-policy', CSP);
    h.set('x-content-type-options', 'nosniff');
    h.set('x-frame-options', 'DENY');
    h.set('referrer-policy', 'same-origin');
    // HSTS only when the deployment says it is served over https; sent over plain http it would be a lie.
    if (config.publicUrl?.startsWith('https:'))
      h.set('strict-transport-security', 'max-age=31536000; includeSubDomains');
  };
