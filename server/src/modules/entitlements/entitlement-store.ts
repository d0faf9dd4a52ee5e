import { newId } from '@kaidan/shared';
import { sql } from 'kysely';
import { type Clock, toDate } from '../../platform/clock';
import type { Exec } from '../../platform/db/database';

export interface ComponentRow {
  id: string;
  subscription_id: string;
  company_id: string;
  plan_id: string;
  seats: number;
  start_date: string;
  end_date: string;
  external_end: string | null;
  version: number;
}

export interface ComponentView extends ComponentRow {
  product_id: string;
  plan_code: string;
  plan_name_zh: string;
  plan_name_en: string | null;
  plan_kind: string;
  plan_seat_max: number | null;
}

export type EventKind =
  | 'granted'
  | 'extended'
  | 'seats_added'
  | 'seats_reduced'
  | 'shortened'
  | 'revoked'
  | 'transferred'
  | 'coterm';

export interface EventInput {
  componentId: string;
  companyId: string;
  kind: EventKind;
  cause: { type: string; id: string };
  seatsBefore?: number | null;
  seatsAfter?: number | null;
  endBefore?: string | null;
  endAfter?: string | null;
}

const COLS = sql`c.id, c.subscription_id, c.company_id, c.plan_id, c.seats, c.start_date, c.end_date,
  c.external_end, c.version`;

export async function componentsOf(
  ex: Exec,
  companyId: string,
  productId?: string,
  lock = false,
): Promise<ComponentView[]> {
  const { rows } = await sql<ComponentView>`select ${COLS}, s.product_id, p.code as plan_code,
      p.name_zh as plan_name_zh, p.name_en as plan_name_en, p.kind as plan_kind,
      p.seat_max as plan_seat_max
    from components c join subscriptions s on s.id = c.subscription_id join plans p on p.id = c.plan_id
    where c.company_id = ${companyId} ${productId ? sql`and s.product_id = ${productId}` : sql``}
    order by s.product_id, p.kind, p.code ${lock ? sql`for update of c` : sql``}`.execute(ex);
  return rows;
}

export async function lockComponent(ex: Exec, id: string): Promise<ComponentRow | undefined> {
  const { rows } =
    await sql<ComponentRow>`select ${COLS} from components c where c.id = ${id} for update`.execute(ex);
  return rows[0];
}

export async function ensureSubscription(
  ex: Exec,
  clock: Clock,
  companyId: string,
  productId: string,
): Promise<string> {
  const id = newId('sub', clock.now().epochMilliseconds);
  const { rows } = await sql<{
    id: string;
  }>`insert into subscriptions (id, company_id, product_id, created_at)
    values (${id}, ${companyId}, ${productId}, ${toDate(clock.now())})
    on conflict (company_id, product_id) do update set company_id = excluded.company_id
    returning id`.execute(ex);
  return rows[0]?.id ?? id;
}

export async function insertComponent(
  ex: Exec,
  clock: Clock,
  c: { subscriptionId: string; companyId: string; planId: string; seats: number; start: string; end: string },
): Promise<string> {
  const id = newId('cmpn', clock.now().epochMilliseconds);
  await sql`insert into components (id, subscription_id, company_id, plan_id, seats, start_date, end_date)
    values (${id}, ${c.subscriptionId}, ${c.companyId}, ${c.planId}, ${c.seats}, ${c.start}, ${c.end})`.execute(
    ex,
  );
  return id;
}

export async function updateComponent(
  ex: Exec,
  id: string,
  set: { seats?: number; end?: string; start?: string },
): Promise<void> {
  await sql`update components set seats = coalesce(${set.seats ?? null}::int, seats),
      end_date = coalesce(${set.end ?? null}::date, end_date),
      start_date = coalesce(${set.start ?? null}::date, start_date), version = version + 1
    where id = ${id}`.execute(ex);
}

export async function insertPeriods(
  ex: Exec,
  clock: Clock,
  periods: { componentId: string; orderLineId: string; start: string; end: string }[],
): Promise<void> {
  if (periods.length === 0) return;
  const ms = clock.now().epochMilliseconds;
  const values = periods.map(
    (p) => sql`(${newId('per', ms)}, ${p.componentId}, ${p.orderLineId}, ${p.start}, ${p.end})`,
  );
  await sql`insert into entitlement_periods (id, component_id, order_line_id, start_date, end_date)
    values ${sql.join(values)}`.execute(ex);
}

export async function insertPeriod(
  ex: Exec,
  clock: Clock,
  p: { componentId: string; orderLineId: string; start: string; end: string },
): Promise<void> {
  const id = newId('per', clock.now().epochMilliseconds);
  await sql`insert into entitlement_periods (id, component_id, order_line_id, start_date, end_date)
    values (${id}, ${p.componentId}, ${p.orderLineId}, ${p.start}, ${p.end})`.execute(ex);
}

export interface PeriodRow {
  id: string;
  component_id: string;
  order_line_id: string;
  start_date: string;
  end_date: string;
  state: 'active' | 'revoked';
}

export async function periodsOf(ex: Exec, componentId: string): Promise<PeriodRow[]> {
  const { rows } = await sql<PeriodRow>`select id, component_id, order_line_id, start_date, end_date, state
    from entitlement_periods where component_id = ${componentId} order by start_date, id`.execute(ex);
  return rows;
}

export async function periodOfLine(ex: Exec, orderLineId: string): Promise<PeriodRow | undefined> {
  const { rows } = await sql<PeriodRow>`select id, component_id, order_line_id, start_date, end_date, state
    from entitlement_periods where order_line_id = ${orderLineId} and state = 'active'`.execute(ex);
  return rows[0];
}

export async function setPeriod(
  ex: Exec,
  id: string,
  end: string,
  state: 'active' | 'revoked',
): Promise<void> {
  await sql`update entitlement_periods set end_date = ${end}, state = ${state} where id = ${id}`.execute(ex);
}

export async function insertEvents(ex: Exec, clock: Clock, events: EventInput[]): Promise<void> {
  if (events.length === 0) return;
  const at = toDate(clock.now());
  const values = events.map(
    (e) => sql`(${newId('evt', clock.now().epochMilliseconds)}, ${e.componentId}, ${e.companyId}, ${e.kind},
      ${e.cause.type}, ${e.cause.id}, ${e.seatsBefore ?? null}, ${e.seatsAfter ?? null}, ${e.endBefore ?? null},
      ${e.endAfter ?? null}, ${at})`,
  );
  await sql`insert into entitlement_events (id, component_id, company_id, kind, cause_type, cause_id,
      seats_before, seats_after, end_before, end_after, at) values ${sql.join(values)}`.execute(ex);
}

export interface EventRow {
  id: string;
  component_id: string;
  kind: EventKind;
  cause_type: string;
  cause_id: string;
  seats_before: number | null;
  seats_after: number | null;
  end_before: string | null;
  end_after: string | null;
  at: Date;
}

export async function eventsOf(ex: Exec, companyId: string): Promise<EventRow[]> {
  const { rows } = await sql<EventRow>`select id, component_id, kind, cause_type, cause_id, seats_before,
      seats_after, end_before, end_after, at from entitlement_events where company_id = ${companyId}
    order by at, id`.execute(ex);
  return rows;
}

export async function setExternalEnd(ex: Exec, id: string, date: string | null): Promise<void> {
  await sql`update components set external_end = ${date}, version = version + 1 where id = ${id}`.execute(ex);
}

export async function eventsByCause(ex: Exec, cause: { type: string; id: string }): Promise<EventRow[]> {
  const { rows } = await sql<EventRow>`select id, component_id, kind, cause_type, cause_id, seats_before,
      seats_after, end_before, end_after, at from entitlement_events
    where cause_type = ${cause.type} and cause_id = ${cause.id} order by at, id`.execute(ex);
  return rows;
}

/** The order whose active period of a component follows a date: the next link of a renewal chain. */
export async function orderAfter(ex: Exec, componentId: string, date: string): Promise<string | undefined> {
  const { rows } = await sql<{ number: string }>`select o.number from entitlement_periods p
      join order_lines l on l.id = p.order_line_id join orders o on o.id = l.order_id
    where p.component_id = ${componentId} and p.state = 'active' and p.start_date > ${date}
    order by p.start_date limit 1`.execute(ex);
  return rows[0]?.number;
}
