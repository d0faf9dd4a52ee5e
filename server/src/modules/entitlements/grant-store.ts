import { newId } from '@kaidan/shared';
import { type RawBuilder, sql } from 'kysely';
import { type Clock, toDate } from '../../platform/clock';
import type { Exec } from '../../platform/db/database';
import type { EventInput } from './entitlement-store';

export interface GrantWrites {
  inserts: {
    id: string;
    subscriptionId: string;
    companyId: string;
    planId: string;
    seats: number;
    start: string;
    end: string;
  }[];
  updates: { id: string; seats: number; end: string }[];
  periods: { componentId: string; orderLineId: string; start: string; end: string }[];
  events: EventInput[];
}

/**
 * Everything a paid order grants in one statement (issue #11): new components, changed ones, their
 * periods and events. Foreign keys between them are checked at the end of the statement.
 */
export async function writeGrant(ex: Exec, clock: Clock, g: GrantWrites): Promise<void> {
  const ms = clock.now().epochMilliseconds;
  const at = toDate(clock.now());
  const parts: RawBuilder<unknown>[] = [];
  if (g.inserts.length > 0) {
    const v = g.inserts.map(
      (
        c,
      ) => sql`(${c.id}, ${c.subscriptionId}, ${c.companyId}, ${c.planId}, ${c.seats}::int, ${c.start}::date,
        ${c.end}::date)`,
    );
    parts.push(sql`ins as (insert into components (id, subscription_id, company_id, plan_id, seats, start_date,
      end_date) values ${sql.join(v)})`);
  }
  if (g.updates.length > 0) {
    const v = g.updates.map((u) => sql`(${u.id}::text, ${u.seats}::int, ${u.end}::date)`);
    parts.push(sql`upd as (update components c set seats = v.seats, end_date = v.end_date, version = c.version + 1
      from (values ${sql.join(v)}) as v (id, seats, end_date) where c.id = v.id)`);
  }
  if (g.periods.length > 0) {
    const v = g.periods.map(
      (p) => sql`(${newId('per', ms)}, ${p.componentId}, ${p.orderLineId}, ${p.start}::date, ${p.end}::date)`,
    );
    parts.push(sql`per as (insert into entitlement_periods (id, component_id, order_line_id, start_date, end_date)
      values ${sql.join(v)})`);
  }
  if (g.events.length > 0) {
    const v = g.events.map(
      (
        e,
      ) => sql`(${newId('evt', ms)}, ${e.componentId}, ${e.companyId}, ${e.kind}, ${e.cause.type}, ${e.cause.id},
        ${e.seatsBefore ?? null}::int, ${e.seatsAfter ?? null}::int, ${e.endBefore ?? null}::date,
        ${e.endAfter ?? null}::date, ${at})`,
    );
    parts.push(sql`evt as (insert into entitlement_events (id, component_id, company_id, kind, cause_type,
      cause_id, seats_before, seats_after, end_before, end_after, at) values ${sql.join(v)})`);
  }
  if (parts.length === 0) return;
  await sql`with ${sql.join(parts)} select 1 as done`.execute(ex);
}
