import { type Currency, formatAmount } from '@kaidan/shared';
import { cursorOf, type KeyedRow } from '../platform/keyset';

// Wire shapes: amounts as decimal strings of their currency, instants as ISO strings.
export const money = (v: bigint, c: Currency): string => formatAmount(v, c);
export const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

export interface Paged<T> {
  items: T[];
  nextCursor: string | null;
}

/** Keyset page: ask for limit + 1 rows; the extra one only says there is a next page. */
export function paged<R extends { id: string }, T>(rows: R[], limit: number, map: (r: R) => T): Paged<T> {
  const items = rows.slice(0, limit);
  return { items: items.map(map), nextCursor: rows.length > limit ? (items.at(-1)?.id ?? null) : null };
}

/** A keyset page (platform/keyset.ts): the cursor carries the list and sort, the last row's key and id. */
export function pagedBy<R extends KeyedRow, T>(rows: R[], limit: number, map: (r: R) => T): Paged<T> {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items: items.map(map), nextCursor: rows.length > limit && last ? cursorOf(last) : null };
}

/** The columns of an audit trail entry the wire shows (audit-store's AuditRow has them; the kit names no module). */
export interface TrailEntry {
  action: string;
  actor_kind: string;
  actor_id: string | null;
  actor_name?: string | null;
  channel: string;
  state_before: string | null;
  state_after: string | null;
  reason: string | null;
  at: Date;
}

export const presentAudit = (a: TrailEntry) => ({
  action: a.action,
  actorKind: a.actor_kind,
  actorId: a.actor_id,
  actorName: a.actor_name ?? null,
  channel: a.channel,
  stateBefore: a.state_before,
  stateAfter: a.state_after,
  reason: a.reason,
  at: a.at.toISOString(),
});
