import type { Context } from 'hono';
import { AppError } from '../platform/errors';

// RFC 9457 problem+json carrying the stable code, both languages, field errors and fixes.
export function problem(c: Context, err: unknown): Response {
  if (err instanceof AppError) {
    return c.json(
      {
        type: `https://kaidan.dev/problems/${err.code}`,
        title: err.text.en,
        status: err.status,
        code: err.code,
        message: err.text,
        fields: err.fields,
        fixes: err.fixes,
        details: err.details,
      },
      err.status as 400,
      {
        'content-type': 'application/problem+json',
        ...(typeof err.details.retryAfterSeconds === 'number'
          ? { 'retry-after': String(err.details.retryAfterSeconds) }
          : {}),
      },
    );
  }
  return c.json(
    {
      type: 'https://kaidan.dev/problems/INTERNAL',
      title: 'Internal error',
      status: 500,
      code: 'INTERNAL',
      message: { zh: '服务器内部错误，已记录', en: 'Internal error; it has been logged' },
    },
    500,
    { 'content-type': 'application/problem+json' },
  );
}
