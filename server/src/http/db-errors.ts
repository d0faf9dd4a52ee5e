import { HTTPException } from 'hono/http-exception';
import { AppError } from '../platform/errors';

// A constraint the database enforces is a refusal, not a crash: map SQLSTATEs to a 409/422 problem so bad
// input never surfaces as a 5xx. The constraint name goes into details for support.
const MAP: Record<string, { status: number; code: string; zh: string; en: string }> = {
  '23505': {
    status: 409,
    code: 'ALREADY_EXISTS',
    zh: '记录已存在（唯一约束）',
    en: 'Such a record already exists',
  },
  '23503': {
    status: 422,
    code: 'REFERENCE_MISSING',
    zh: '引用的对象不存在',
    en: 'A referenced object does not exist',
  },
  '23514': {
    status: 422,
    code: 'CONSTRAINT_VIOLATED',
    zh: '数据不满足业务约束',
    en: 'The change breaks a business constraint',
  },
  '23502': { status: 422, code: 'REQUIRED', zh: '缺少必填项', en: 'A required value is missing' },
  '22P02': { status: 422, code: 'MALFORMED_VALUE', zh: '数据格式错误', en: 'A value is malformed' },
  '22003': { status: 422, code: 'OUT_OF_RANGE', zh: '数值超出范围', en: 'A number is out of range' },
  '22007': { status: 422, code: 'MALFORMED_DATE', zh: '日期格式错误', en: 'A date is malformed' },
  '22008': { status: 422, code: 'DATE_OUT_OF_RANGE', zh: '日期超出范围', en: 'A date is out of range' },
  '40001': { status: 409, code: 'RETRY', zh: '并发冲突，请重试', en: 'Concurrent change; retry' },
  '40P01': { status: 409, code: 'RETRY', zh: '并发冲突，请重试', en: 'Concurrent change; retry' },
};

export function fromDbError(err: unknown): AppError | null {
  if (!err || typeof err !== 'object' || !('code' in err) || typeof err.code !== 'string') return null;
  const m = MAP[err.code];
  if (!m) return null;
  const constraint = 'constraint' in err && typeof err.constraint === 'string' ? err.constraint : undefined;
  return new AppError({
    status: m.status,
    code: m.code,
    message: { zh: m.zh, en: m.en },
    details: constraint ? { constraint } : {},
  });
}

/** Hono's own 4xx (e.g. a body that is not JSON) become problem+json like every other refusal. */
export function fromHttpException(err: unknown): AppError | null {
  if (!(err instanceof HTTPException) || err.status >= 500) return null;
  const malformed = /json/i.test(err.message);
  return new AppError({
    status: err.status,
    code: malformed ? 'MALFORMED_JSON' : 'BAD_REQUEST',
    message: malformed
      ? { zh: '请求体不是有效的 JSON', en: 'The request body is not valid JSON' }
      : { zh: '请求无效', en: err.message || 'Bad request' },
    ...(malformed
      ? {
          fixes: [
            { zh: '以 application/json 发送合法的 JSON', en: 'Send a valid JSON body as application/json' },
          ],
        }
      : {}),
  });
}
