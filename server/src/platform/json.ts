// JSON that carries bigints as decimal strings (money on the wire and in jsonb columns).
export function toJson(value: unknown): string {
  return JSON.stringify(value, (_k, v) => (typeof v === 'bigint' ? v.toString() : v));
}

export function plain<T>(value: T): unknown {
  return JSON.parse(toJson(value));
}
