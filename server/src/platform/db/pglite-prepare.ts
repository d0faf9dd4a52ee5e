// Issue #11: PGlite parses and plans every statement again in WebAssembly, which for the order path's CTEs
// costs milliseconds each. PGlite's `query` has no named statements, and `EXECUTE` takes no bind
// parameters, so a statement is PREPAREd once per session and then run as `EXECUTE name(literal, …)`
// with its values written as quoted literals that PostgreSQL coerces to the prepared parameter types
// (ADR 0015). Values that are not plain scalars fall back to the ordinary query.
import { createHash } from 'node:crypto';
import type { PGlite } from '@electric-sql/pglite';

/** A session keeps at most this many; beyond, texts run unprepared (as on `pg`, query-hook.ts). */
const MAX_PREPARED = 1_000;

/**
 * A scalar as an SQL literal, or undefined when it cannot be one. With standard_conforming_strings on
 * (checked at start) a quote doubled is the only escape a string literal has; NUL never reaches here
 * (the HTTP edge refuses it, and PostgreSQL text cannot hold it).
 */
export function sqlLiteral(v: unknown): string | undefined {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') return v.includes('\0') ? undefined : `'${v.replaceAll("'", "''")}'`;
  if (typeof v === 'bigint') return `'${v}'`;
  if (typeof v === 'number') return Number.isFinite(v) ? `'${v}'` : undefined;
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? undefined : `'${v.toISOString()}'`;
  return undefined;
}

/** The same PGlite, whose parameterised `query` runs prepared statements. */
export async function preparingPglite(lite: PGlite): Promise<PGlite> {
  const { rows } = await lite.query<{ standard_conforming_strings: string }>(
    'show standard_conforming_strings',
  );
  if (rows[0]?.standard_conforming_strings !== 'on') return lite;
  const prepared = new Map<string, string>();
  const query: PGlite['query'] = async (text, params, options) => {
    const values = params ?? [];
    const literals = values.map(sqlLiteral);
    if (values.length === 0 || literals.some((l) => l === undefined))
      return lite.query(text, params, options);
    let name = prepared.get(text);
    if (!name) {
      if (prepared.size >= MAX_PREPARED) return lite.query(text, params, options);
      name = `k_${createHash('sha1').update(text).digest('hex')}`;
      await lite.exec(`prepare ${name} as ${text}`);
      prepared.set(text, name);
    }
    return lite.query(`execute ${name}(${literals.join(', ')})`, [], options);
  };
  return new Proxy(lite, {
    get(target, prop) {
      if (prop === 'query') return query;
      const v: unknown = Reflect.get(target, prop, target);
      return typeof v === 'function' ? v.bind(target) : v;
    },
  });
}
