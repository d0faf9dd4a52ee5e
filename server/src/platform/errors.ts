// Every refusal is an AppError: a stable code, a message in zh and en, the fields it concerns and,
// where there is one, the fix. The HTTP layer turns it into RFC 9457 problem+json.
export interface Text {
  zh: string;
  en: string;
}

export interface FieldError {
  field: string;
  code: string;
  message: Text;
}

export interface AppErrorInit {
  status: number;
  code: string;
  message: Text;
  fields?: FieldError[];
  fixes?: Text[];
  details?: Record<string, unknown>;
}

export class AppError extends Error {
  readonly status: number;
  readonly code: string;
  readonly text: Text;
  readonly fields: FieldError[];
  readonly fixes: Text[];
  readonly details: Record<string, unknown>;
  constructor(init: AppErrorInit) {
    super(`${init.code}: ${init.message.en}`);
    this.status = init.status;
    this.code = init.code;
    this.text = init.message;
    this.fields = init.fields ?? [];
    this.fixes = init.fixes ?? [];
    this.details = init.details ?? {};
  }
}

export const notFound = (what: Text): AppError =>
  new AppError({
    status: 404,
    code: 'NOT_FOUND',
    message: { zh: `${what.zh}不存在或无权访问`, en: `${what.en} not found` },
  });

export const conflict = (code: string, message: Text, details?: Record<string, unknown>): AppError =>
  new AppError({ status: 409, code, message, ...(details ? { details } : {}) });

export const invalid = (field: string, code: string, message: Text, fixes?: Text[]): AppError =>
  new AppError({
    status: 422,
    code,
    message,
    fields: [{ field, code, message }],
    ...(fixes ? { fixes } : {}),
  });

export const forbidden = (message: Text): AppError =>
  new AppError({ status: 403, code: 'FORBIDDEN', message });

export const fieldError = (field: string, code: string, zh: string, en: string): FieldError => ({
  field,
  code,
  message: { zh, en },
});

/** Refuse a save with every problem at once (R6: field-level messages), or do nothing when there is none. */
export function refuseIfAny(fields: FieldError[], fixes: Text[] = []): void {
  if (fields.length === 0) return;
  throw new AppError({
    status: 422,
    code: 'VALIDATION_FAILED',
    message: {
      zh: `有 ${fields.length} 项资料缺失或无效：${fields.map((f) => f.message.zh).join('；')}`,
      en: `${fields.length} field(s) missing or invalid: ${fields.map((f) => f.message.en).join('; ')}`,
    },
    fields,
    fixes,
  });
}

/** Optimistic concurrency: the row moved on since the caller read `currentVersion`. */
export const versionConflict = (what: Text, currentVersion: number): AppError =>
  new AppError({
    status: 409,
    code: 'VERSION_CONFLICT',
    message: {
      zh: `${what.zh}已被他人修改，请刷新后重试`,
      en: `The ${what.en} was changed meanwhile; reload and retry`,
    },
    fixes: [{ zh: '刷新后基于最新内容重新修改', en: 'Reload and make the change on the latest version' }],
    details: { currentVersion },
  });
