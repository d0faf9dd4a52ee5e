// Hostile request bodies derived from an operation's JSON schema (as /openapi.json publishes it): a
// plausible body first, then the same body with one field at a time replaced by a boundary or an attack.

export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
}

const typeOf = (s: JsonSchema): string | undefined =>
  Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type;

/** A value the schema accepts, as far as its shape goes (the server's rules may still refuse it). */
export function sample(s: JsonSchema, ids: Record<string, string>, name = ''): unknown {
  const alt = s.anyOf?.[0] ?? s.oneOf?.[0];
  if (alt) return sample(alt, ids, name);
  if (s.enum) return s.enum[0];
  switch (typeOf(s)) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(s.properties ?? {})) out[k] = sample(v, ids, k);
      return out;
    }
    case 'array':
      return Array.from({ length: Math.max(1, s.minItems ?? 1) }, () => sample(s.items ?? {}, ids, name));
    case 'integer':
    case 'number':
      return s.minimum ?? 1;
    case 'boolean':
      return true;
    case 'string': {
      if (s.format === 'date') return '2026-12-01';
      if (s.format === 'date-time') return '2026-12-01T02:00:00Z';
      if (s.pattern?.startsWith('^ww')) return 'wwb0e22cefc85a80d3';
      const id = Object.entries(ids).find(([k]) => name.toLowerCase().includes(k.toLowerCase()))?.[1];
      if (id) return id;
      if (name.toLowerCase().includes('email')) return 'fuzz@example.com';
      if (/amount|price/i.test(name)) return '1.00';
      const length = Math.max(3, s.minLength ?? 0);
      return 'x'.repeat(Math.min(length, s.maxLength ?? length));
    }
    default:
      return 'x';
  }
}

let deep: unknown = 'bottom';
for (let i = 0; i < 200; i++) deep = { n: [deep] };

/** What attackers and broken clients send in place of any one value. */
export const HOSTILE: unknown[] = [
  '9223372036854775808',
  '-9223372036854775809',
  '99999999999999999999999.99',
  '-0.01',
  '1e400',
  'NaN',
  -1,
  0,
  Number.MAX_SAFE_INTEGER + 2,
  1e308,
  -1e308,
  1.5,
  '',
  ' ',
  'a\u0000b',
  'x'.repeat(100_000),
  '２０２６-１２-０１',
  '2026-02-30',
  "' or 1=1; drop table orders; --",
  true,
  null,
  {},
  [],
  [null],
  deep,
];

/** Every path to a leaf or branch of a sample body ("lines.0.seats"), the body itself excluded. */
export function pathsOf(v: unknown, at: (string | number)[] = []): (string | number)[][] {
  const out: (string | number)[][] = at.length ? [at] : [];
  if (Array.isArray(v)) for (const [i, x] of v.entries()) out.push(...pathsOf(x, [...at, i]));
  else if (v && typeof v === 'object')
    for (const [k, x] of Object.entries(v)) out.push(...pathsOf(x, [...at, k]));
  return out;
}

export function replaced(body: unknown, path: (string | number)[], value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  if (Array.isArray(body)) return body.map((x, i) => (i === head ? replaced(x, rest, value) : x));
  if (body && typeof body === 'object' && head !== undefined) {
    const o: Record<string, unknown> = { ...body };
    o[String(head)] = replaced(o[String(head)], rest, value);
    return o;
  }
  return body;
}

export function without(body: unknown, key: string): unknown {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return body;
  return Object.fromEntries(Object.entries(body).filter(([k]) => k !== key));
}

/** The schema of the value at a sample path. */
export function schemaAt(s: JsonSchema, path: (string | number)[]): JsonSchema {
  let at: JsonSchema = s;
  for (const step of path) {
    const alt = at.anyOf?.[0] ?? at.oneOf?.[0];
    if (alt) at = alt;
    at = (typeof step === 'number' ? at.items : at.properties?.[step]) ?? {};
  }
  return at;
}

/** Boundary cases of one schema: one past each limit it declares. */
export function boundaries(s: JsonSchema): unknown[] {
  const out: unknown[] = [];
  if (s.maxLength !== undefined) out.push('x'.repeat(s.maxLength), 'x'.repeat(s.maxLength + 1));
  if (s.minLength !== undefined && s.minLength > 0) out.push('x'.repeat(s.minLength - 1));
  if (s.minimum !== undefined) out.push(s.minimum - 1);
  if (s.maximum !== undefined) out.push(s.maximum + 1);
  if (s.maxItems !== undefined) out.push(Array.from({ length: s.maxItems + 1 }, () => 'x'));
  if (s.minItems !== undefined && s.minItems > 0) out.push([]);
  return out;
}
