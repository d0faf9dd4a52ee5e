// One fetch wrapper for the console: JSON in and out, the session cookie, an Idempotency-Key on every
// POST (DESIGN §7), and every non-2xx answer turned into a typed ApiProblem (RFC 9457 problem+json).

export interface Text {
  zh: string;
  en: string;
}
export interface ProblemField {
  field: string;
  code?: string;
  message: Text;
}
export interface Problem {
  status: number;
  code: string;
  message: Text;
  fields: ProblemField[];
  fixes: Text[];
  details: Record<string, unknown>;
}

export class ApiProblem extends Error {
  readonly status: number;
  readonly code: string;
  readonly text: Text;
  readonly fields: ProblemField[];
  readonly fixes: Text[];
  readonly details: Record<string, unknown>;
  constructor(p: Problem) {
    super(`${p.code}: ${p.message.en}`);
    this.status = p.status;
    this.code = p.code;
    this.text = p.message;
    this.fields = p.fields;
    this.fixes = p.fixes;
    this.details = p.details;
  }
  /** The field error for a form path such as `lines.0.seats`, if the server named it. */
  fieldError(path: string): ProblemField | undefined {
    return this.fields.find((f) => f.field === path);
  }
}

const isText = (v: unknown): v is Text => typeof v === 'object' && v !== null && 'zh' in v && 'en' in v;

async function toProblem(res: Response): Promise<ApiProblem> {
  const body: unknown = await res.json().catch(() => null);
  const b = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  return new ApiProblem({
    status: res.status,
    code: typeof b.code === 'string' ? b.code : `HTTP_${res.status}`,
    message: isText(b.message)
      ? b.message
      : { zh: `请求失败（${res.status}）`, en: `Request failed (${res.status})` },
    fields: Array.isArray(b.fields) ? (b.fields as ProblemField[]) : [],
    fixes: Array.isArray(b.fixes) ? (b.fixes as Text[]) : [],
    details: (b.details as Record<string, unknown> | undefined) ?? {},
  });
}

async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method === 'POST') headers['idempotency-key'] = crypto.randomUUID();
  let res: Response;
  try {
    res = await fetch(`/api/v1${path}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiProblem({
      status: 0,
      code: 'NETWORK',
      message: { zh: '无法连接服务器', en: 'Cannot reach the server' },
      fields: [],
      fixes: [],
      details: {},
    });
  }
  if (!res.ok) throw await toProblem(res);
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

type Query = Record<string, string | number | undefined>;
const qs = (q?: Query): string => {
  if (!q) return '';
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) if (v !== undefined && v !== '') p.set(k, String(v));
  const s = p.toString();
  return s ? `?${s}` : '';
};

export const api = {
  get: <T>(path: string, query?: Query) => request<T>('GET', `${path}${qs(query)}`),
  post: <T>(path: string, body: unknown = {}) => request<T>('POST', path, body),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  del: <T>(path: string) => request<T>('DELETE', path),
};
