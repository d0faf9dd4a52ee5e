import { type RawBuilder, sql } from 'kysely';
import { invalid } from './errors';

// Keyset pagination for every list (DESIGN §7 cursor pagination): rows are ordered by (sort column, id)
// and the next page starts strictly after the last row's pair, so a page boundary never skips or repeats
// a row however many rows tie on the sort column, and deep pages cost the same as the first. The cursor
// is opaque to clients (base64url of [sort, key, id]); it names its sort so a cursor taken under another
// order is refused rather than misread. Keys travel as Postgres text so timestamps keep microseconds.

export type SortType = 'timestamptz' | 'int8' | 'text';
export interface SortColumn {
  /** must never be null: wrap nullable columns in coalesce() */
  expr: RawBuilder<unknown>;
  type: SortType;
}
export type Sortable<K extends string> = Record<K, SortColumn>;
/** `amount` ascending, `-amount` descending. */
export type SortParam<K extends string> = K | `-${K}`;

/** What every keyset list takes besides its own filters: text, business dates, sort, cursor, page size. */
export interface ListFilter<K extends string> {
  q?: string | undefined;
  /** business dates (Asia/Shanghai), inclusive */
  from?: string | undefined;
  to?: string | undefined;
  sort: SortParam<K>;
  after?: string | undefined;
  limit: number;
}

export interface Keyset {
  /** select list addition: the row's key as text (`sort_key`, `sort_id`) for the next cursor */
  select: RawBuilder<unknown>;
  /** where-clause part: `true`, or the rows after the cursor */
  where: RawBuilder<unknown>;
  orderBy: RawBuilder<unknown>;
}

/** Columns `keyset().select` adds to each row. */
export interface KeyedRow {
  /** `list:sort` the row was read under */
  sort_token: string;
  sort_key: string;
  sort_id: string;
}

const BAD_CURSOR = {
  zh: '分页游标无效或与当前排序不符，请从第一页重新加载',
  en: 'The page cursor is invalid or was taken under another sort order; reload from the first page',
};

function decode(after: string): unknown {
  try {
    return JSON.parse(Buffer.from(after, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
}

const cast = (v: string, type: SortType) => sql`${v}::${sql.raw(type)}`;
// A forged cursor must be a 422 on `after`, never a failed cast deep in the database.
const SHAPE: Record<SortType, RegExp> = {
  int8: /^-?\d{1,18}$/,
  timestamptz:
    /^(-?infinity|\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])[ T]([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,6})?([+-]\d\d(:?\d\d)?|Z)?)$/,
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what we refuse
  text: /^[^\u0000-\u001f]{0,200}$/,
};
const fits = (v: unknown, type: SortType): v is string => typeof v === 'string' && SHAPE[type].test(v);

export function keyset<K extends string>(
  /** the list's name: a cursor taken on another list is refused even under a sort of the same name */
  list: string,
  cols: Sortable<K>,
  id: SortColumn,
  sort: SortParam<K>,
  after?: string,
): Keyset {
  const desc = sort.startsWith('-');
  const col = cols[(desc ? sort.slice(1) : sort) as K];
  if (!col) throw invalid('sort', 'BAD_SORT', { zh: '不支持的排序', en: 'Unsupported sort' });
  const dir = sql.raw(desc ? 'desc' : 'asc');
  let where: RawBuilder<unknown> = sql`true`;
  if (after !== undefined) {
    const c = decode(after);
    const ok =
      Array.isArray(c) &&
      c.length === 3 &&
      c[0] === `${list}:${sort}` &&
      fits(c[1], col.type) &&
      fits(c[2], id.type);
    if (!ok) throw invalid('after', 'BAD_CURSOR', BAD_CURSOR);
    const op = sql.raw(desc ? '<' : '>');
    where = sql`(${col.expr}, ${id.expr}) ${op} (${cast(c[1], col.type)}, ${cast(c[2], id.type)})`;
  }
  return {
    select: sql`${`${list}:${sort}`}::text as sort_token, ${col.expr}::text as sort_key, ${id.expr}::text as sort_id`,
    where,
    orderBy: sql`${col.expr} ${dir}, ${id.expr} ${dir}`,
  };
}

export const cursorOf = (row: KeyedRow): string =>
  Buffer.from(JSON.stringify([row.sort_token, row.sort_key, row.sort_id]), 'utf8').toString('base64url');

/** Business-date range (Asia/Shanghai, both ends inclusive) on an instant column. */
export function onBusinessDates(
  expr: RawBuilder<unknown>,
  from?: string,
  to?: string,
): RawBuilder<unknown>[] {
  const out: RawBuilder<unknown>[] = [];
  if (from) out.push(sql`${expr} >= (${from}::date)::timestamp at time zone 'Asia/Shanghai'`);
  if (to) out.push(sql`${expr} < (${to}::date + 1)::timestamp at time zone 'Asia/Shanghai'`);
  return out;
}

/** `q` as a case-insensitive substring of any of the expressions; LIKE wildcards in `q` match literally. */
export function textMatch(q: string | undefined, exprs: RawBuilder<unknown>[]): RawBuilder<unknown>[] {
  const t = q?.trim();
  if (!t) return [];
  const pattern = `%${t.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
  return [
    sql`(${sql.join(
      exprs.map((e) => sql`${e} ilike ${pattern}`),
      sql` or `,
    )})`,
  ];
}
