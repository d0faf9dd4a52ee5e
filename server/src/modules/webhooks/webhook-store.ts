import type { WebhookDeliveryState, WebhookEventType } from '@kaidan/shared';
import { type RawBuilder, sql } from 'kysely';
import type { Exec } from '../../platform/db/database';
import { toJson } from '../../platform/json';
import { type KeyedRow, keyset, type Sortable } from '../../platform/keyset';
import type { Principal } from '../../platform/principal';

// SQL of the webhooks module (ADR 0001): endpoints, the event outbox with its fan-out, the delivery log.

export const DELIVER_JOB = 'webhook.deliver';

export interface EndpointRow {
  id: string;
  partner_id: string | null;
  partner_name: string | null;
  url: string;
  description: string;
  event_types: WebhookEventType[];
  enabled: boolean;
  secret: string;
  version: number;
  created_at: Date;
  updated_at: Date;
}

/** Admins see every endpoint; a partner's agent only its own partner's (a vendor-wide one is not its). */
const endpointScope = (p: Principal): RawBuilder<unknown> =>
  p.kind === 'staff' ? sql`true` : sql`e.partner_id = ${p.partnerId ?? ''}`;

const ENDPOINT_COLUMNS = sql`e.id, e.partner_id, pa.name_zh as partner_name, e.url, e.description,
  e.event_types, e.enabled, e.secret, e.version, e.created_at, e.updated_at`;

export async function insertEndpoint(
  ex: Exec,
  e: Omit<EndpointRow, 'partner_name' | 'version' | 'updated_at'> & { created_by: string | null },
): Promise<void> {
  await sql`insert into webhook_endpoints (id, partner_id, url, description, event_types, enabled, secret,
      created_by, created_at, updated_at)
    values (${e.id}, ${e.partner_id}, ${e.url}, ${e.description}, ${e.event_types}::text[], ${e.enabled},
      ${e.secret}, ${e.created_by}, ${e.created_at}, ${e.created_at})`.execute(ex);
}

export async function findEndpoint(ex: Exec, p: Principal, id: string): Promise<EndpointRow | undefined> {
  const { rows } = await sql<EndpointRow>`select ${ENDPOINT_COLUMNS}
    from webhook_endpoints e left join partners pa on pa.id = e.partner_id
    where e.id = ${id} and ${endpointScope(p)}`.execute(ex);
  return rows[0];
}

export async function listEndpoints(ex: Exec, p: Principal): Promise<EndpointRow[]> {
  const { rows } = await sql<EndpointRow>`select ${ENDPOINT_COLUMNS}
    from webhook_endpoints e left join partners pa on pa.id = e.partner_id
    where ${endpointScope(p)} order by e.created_at desc, e.id desc limit 500`.execute(ex);
  return rows;
}

export interface EndpointChange {
  url?: string | undefined;
  event_types?: WebhookEventType[] | undefined;
  description?: string | undefined;
  enabled?: boolean | undefined;
  secret?: string | undefined;
}

/** Conditional on the version the caller read (zero rows: it moved on); returns whether it changed. */
export async function updateEndpoint(
  ex: Exec,
  id: string,
  version: number | null,
  c: EndpointChange,
  now: Date,
): Promise<boolean> {
  const res = await sql`update webhook_endpoints set
      url = coalesce(${c.url ?? null}, url),
      event_types = coalesce(${c.event_types ?? null}::text[], event_types),
      description = coalesce(${c.description ?? null}, description),
      enabled = coalesce(${c.enabled ?? null}, enabled),
      secret = coalesce(${c.secret ?? null}, secret),
      version = version + 1, updated_at = ${now}
    where id = ${id} and (${version}::int is null or version = ${version})`.execute(ex);
  return (res.numAffectedRows ?? 0n) === 1n;
}

export async function deleteEndpoint(ex: Exec, id: string): Promise<void> {
  await sql`delete from webhook_endpoints where id = ${id}`.execute(ex);
}

export async function partnerExists(ex: Exec, partnerId: string): Promise<boolean> {
  const { rows } = await sql`select 1 from partners where id = ${partnerId}`.execute(ex);
  return rows.length === 1;
}

/**
 * The outbox and its fan-out in one statement: the event row only when an enabled endpoint subscribes
 * to it (its own partner's, or a vendor-wide one), a delivery per such endpoint, and a delivery job for
 * each. Answers how many enabled endpoints exist at all, so the caller learns when there are none.
 */
export async function insertEventAndDeliveries(
  ex: Exec,
  e: { id: string; type: WebhookEventType; partnerId: string | null; payload: unknown; now: Date },
): Promise<number> {
  const { rows } = await sql<{ endpoints: number }>`with
    ep as (select id from webhook_endpoints
      where enabled and ${e.type} = any (event_types) and (partner_id is null or partner_id = ${e.partnerId})),
    ev as (insert into webhook_events (id, type, partner_id, payload, created_at)
      select ${e.id}, ${e.type}, ${e.partnerId}, ${toJson(e.payload)}::jsonb, ${e.now}
      where exists (select 1 from ep) returning id),
    d as (insert into webhook_deliveries (id, event_id, endpoint_id, next_attempt_at, created_at, updated_at)
      select 'whd_' || substr(ev.id, 5, 10) || substr(md5(ep.id || ev.id), 1, 16), ev.id, ep.id,
        ${e.now}, ${e.now}, ${e.now}
      from ev cross join ep returning id),
    j as (insert into jobs (id, kind, payload, run_at, created_at)
      select 'job_' || substr(d.id, 5), ${DELIVER_JOB}, jsonb_build_object('deliveryId', d.id, 'n', 1),
        ${e.now}, ${e.now}
      from d)
    select (select count(*)::int from webhook_endpoints where enabled) as endpoints`.execute(ex);
  return rows[0]?.endpoints ?? 0;
}

export interface DeliveryRow {
  id: string;
  event_id: string;
  endpoint_id: string;
  event_type: WebhookEventType;
  state: WebhookDeliveryState;
  attempts: number;
  last_status: number | null;
  next_attempt_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

const DELIVERY_COLUMNS = sql`d.id, d.event_id, d.endpoint_id, ev.type as event_type, d.state, d.attempts,
  d.last_status, d.next_attempt_at, d.created_at, d.updated_at`;

/** What a delivery job needs to send: the event, and the endpoint's address and secret as they are now. */
export async function deliveryToSend(
  ex: Exec,
  id: string,
): Promise<
  | (DeliveryRow & {
      payload: Record<string, unknown>;
      event_at: Date;
      url: string;
      secret: string;
      enabled: boolean;
    })
  | undefined
> {
  const { rows } = await sql<
    DeliveryRow & {
      payload: Record<string, unknown>;
      event_at: Date;
      url: string;
      secret: string;
      enabled: boolean;
    }
  >`select ${DELIVERY_COLUMNS}, ev.payload, ev.created_at as event_at, e.url, e.secret, e.enabled
    from webhook_deliveries d join webhook_events ev on ev.id = d.event_id
    join webhook_endpoints e on e.id = d.endpoint_id where d.id = ${id}`.execute(ex);
  return rows[0];
}

export interface AttemptRecord {
  id: string;
  deliveryId: string;
  replay: boolean;
  statusCode: number | null;
  error: string | null;
  excerpt: string;
  durationMs: number;
  at: Date;
  /** the delivery's state after this attempt */
  state: WebhookDeliveryState;
  /** a retry job to enqueue: its id, attempt number and when */
  retry: { jobId: string; n: number; at: Date } | null;
}

/**
 * One attempt in one statement: its log row, the delivery's state and counters, and the next attempt's
 * job when one is due — so even outside a transaction the log and the schedule never disagree.
 */
export async function recordAttempt(ex: Exec, a: AttemptRecord): Promise<void> {
  const retry = a.retry;
  await sql`with
    d as (update webhook_deliveries set state = ${a.state},
        attempts = attempts + (case when ${a.replay} then 0 else 1 end),
        last_status = ${a.statusCode}, updated_at = ${a.at},
        -- a replay that failed leaves a pending delivery's own schedule alone
        next_attempt_at = case when ${a.replay} and ${a.state} = 'pending' then next_attempt_at
          else ${retry?.at ?? null}::timestamptz end
      where id = ${a.deliveryId} returning attempts),
    a as (insert into webhook_attempts (id, delivery_id, n, replay, status_code, error, response_excerpt,
        duration_ms, attempted_at)
      select ${a.id}, ${a.deliveryId},
        (select count(*)::int + 1 from webhook_attempts where delivery_id = ${a.deliveryId}), ${a.replay},
        ${a.statusCode}, ${a.error}, ${a.excerpt}, ${a.durationMs}, ${a.at} from d)
    insert into jobs (id, kind, payload, run_at, created_at)
    select ${retry?.jobId ?? ''}, ${DELIVER_JOB},
      jsonb_build_object('deliveryId', ${a.deliveryId}::text, 'n', ${retry?.n ?? 0}::int), ${retry?.at ?? a.at}, ${a.at}
    where ${retry !== null}`.execute(ex);
}

export interface DeliveryFilter {
  state?: WebhookDeliveryState | undefined;
  after?: string | undefined;
  limit: number;
}

const DELIVERY_SORT: Sortable<'created'> = { created: { expr: sql`d.created_at`, type: 'timestamptz' } };
const DELIVERY_ID = { expr: sql`d.id`, type: 'text' } as const;

/** An endpoint's delivery log, newest first, as a keyset page. */
export async function listDeliveries(
  ex: Exec,
  endpointId: string,
  f: DeliveryFilter,
): Promise<(DeliveryRow & KeyedRow)[]> {
  const page = keyset('webhook-deliveries', DELIVERY_SORT, DELIVERY_ID, '-created', f.after);
  const conds = [sql`d.endpoint_id = ${endpointId}`, page.where];
  if (f.state) conds.push(sql`d.state = ${f.state}`);
  const { rows } = await sql<DeliveryRow & KeyedRow>`select ${DELIVERY_COLUMNS}, ${page.select}
    from webhook_deliveries d join webhook_events ev on ev.id = d.event_id
    where ${sql.join(conds, sql` and `)} order by ${page.orderBy} limit ${f.limit}`.execute(ex);
  return rows;
}

/** A delivery the principal may see: through its endpoint's scope. */
export async function findDelivery(
  ex: Exec,
  p: Principal,
  id: string,
): Promise<(DeliveryRow & { payload: Record<string, unknown> }) | undefined> {
  const { rows } = await sql<DeliveryRow & { payload: Record<string, unknown> }>`select ${DELIVERY_COLUMNS},
      ev.payload
    from webhook_deliveries d join webhook_events ev on ev.id = d.event_id
    join webhook_endpoints e on e.id = d.endpoint_id where d.id = ${id} and ${endpointScope(p)}`.execute(ex);
  return rows[0];
}

export interface AttemptRow {
  n: number;
  replay: boolean;
  status_code: number | null;
  error: string | null;
  response_excerpt: string;
  duration_ms: number;
  attempted_at: Date;
}

export async function attemptsOf(ex: Exec, deliveryId: string): Promise<AttemptRow[]> {
  const { rows } = await sql<AttemptRow>`select n, replay, status_code, error, response_excerpt, duration_ms,
      attempted_at from webhook_attempts where delivery_id = ${deliveryId}
    order by attempted_at, id limit 200`.execute(ex);
  return rows;
}
