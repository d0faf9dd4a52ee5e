import type { Currency } from '@kaidan/shared';
import { newId } from '@kaidan/shared';
import { sql } from 'kysely';
import type { Clock } from '../../platform/clock';
import type { Exec } from '../../platform/db/database';

export interface RefundLineRow {
  id: string;
  request_id: string;
  order_id: string;
  order_line_id: string;
  mode: 'refund' | 'settled_offline';
  amount: bigint;
}

export async function insertRefundLines(
  ex: Exec,
  clock: Clock,
  requestId: string,
  lines: Omit<RefundLineRow, 'id' | 'request_id'>[],
): Promise<void> {
  const ms = clock.now().epochMilliseconds;
  const values = lines.map(
    (l) =>
      sql`(${newId('rfl', ms)}, ${requestId}, ${l.order_id}, ${l.order_line_id}, ${l.mode}, ${l.amount})`,
  );
  await sql`insert into refund_lines (id, request_id, order_id, order_line_id, mode, amount) values ${sql.join(values)}`.execute(
    ex,
  );
}

/** A refund line with what a reviewer reads: the order number, line number and plan name. */
export interface NamedRefundLine extends RefundLineRow, PlanName {
  order_number: string;
  line_no: number;
  plan_id: string;
}
export interface PlanName {
  plan_name_zh: string;
  plan_name_en: string | null;
}

export async function refundLinesOf(ex: Exec, requestId: string): Promise<NamedRefundLine[]> {
  const { rows } = await sql<NamedRefundLine>`select r.id, r.request_id, r.order_id, r.order_line_id, r.mode,
      r.amount, o.number as order_number, l.line_no, l.plan_id, p.name_zh as plan_name_zh, p.name_en as plan_name_en
    from refund_lines r join orders o on o.id = r.order_id join order_lines l on l.id = r.order_line_id
    join plans p on p.id = l.plan_id
    where r.request_id = ${requestId} order by o.number, l.line_no`.execute(ex);
  return rows;
}

/** Plan names for a refund preview's lines. */
export async function planNames(ex: Exec, planIds: string[]): Promise<Map<string, PlanName>> {
  if (planIds.length === 0) return new Map();
  const { rows } = await sql<
    PlanName & { id: string }
  >`select id, name_zh as plan_name_zh, name_en as plan_name_en
    from plans where id in (${sql.join([...new Set(planIds)])})`.execute(ex);
  return new Map(rows.map((r) => [r.id, r]));
}

export async function setRefundLineAmount(ex: Exec, id: string, amount: bigint): Promise<void> {
  await sql`update refund_lines set amount = ${amount} where id = ${id}`.execute(ex);
}

/** Order lines already named by an open refund request: a second request for them is refused. */
export async function openRefundLines(
  ex: Exec,
  orderLineIds: string[],
  exceptRequestId?: string,
): Promise<string[]> {
  if (orderLineIds.length === 0) return [];
  const { rows } = await sql<{ order_line_id: string }>`select l.order_line_id from refund_lines l
    join requests r on r.id = l.request_id
    where l.order_line_id in (${sql.join(orderLineIds)}) and r.state in ('draft', 'submitted', 'returned')
      and r.id <> ${exceptRequestId ?? ''}`.execute(ex);
  return rows.map((r) => r.order_line_id);
}

// ── refund_payments: one row per payment a refund touches (R35) ──

export type RefundPaymentState = 'pending' | 'processing' | 'succeeded' | 'failed';

export interface RefundPaymentRow {
  id: string;
  /** null for money that came late: returned without a request (R29) */
  request_id: string | null;
  order_id: string | null;
  attempt_id: string | null;
  channel: string;
  refund_no: string;
  currency: Currency;
  amount: bigint;
  state: RefundPaymentState;
  provider_refund_id: string | null;
  failure: string | null;
  created_at: Date;
  submitted_at: Date | null;
  arrived_at: Date | null;
  version: number;
}

const RP_COLS = sql`id, request_id, order_id, attempt_id, channel, refund_no, currency, amount, state,
  provider_refund_id, failure, created_at, submitted_at, arrived_at, version`;

/** Saved in the approving transaction, so the refund number exists before any provider call. */
export async function insertRefundPayments(
  ex: Exec,
  rows: Pick<
    RefundPaymentRow,
    | 'id'
    | 'request_id'
    | 'order_id'
    | 'attempt_id'
    | 'channel'
    | 'refund_no'
    | 'currency'
    | 'amount'
    | 'state'
    | 'created_at'
    | 'arrived_at'
  >[],
): Promise<void> {
  if (rows.length === 0) return;
  const values = rows.map(
    (r) =>
      sql`(${r.id}, ${r.request_id}, ${r.order_id}, ${r.attempt_id}, ${r.channel}, ${r.refund_no}, ${r.currency},
        ${r.amount}, ${r.state}, ${r.created_at}, ${r.arrived_at})`,
  );
  await sql`insert into refund_payments (id, request_id, order_id, attempt_id, channel, refund_no, currency,
      amount, state, created_at, arrived_at) values ${sql.join(values)}`.execute(ex);
}

/**
 * R29: the one refund of money that came late for an attempt; a second run (a redelivered notification)
 * finds it made and inserts nothing.
 */
export async function insertLateRefund(
  ex: Exec,
  r: Pick<RefundPaymentRow, 'id' | 'channel' | 'refund_no' | 'currency' | 'amount' | 'created_at'> & {
    attempt_id: string;
  },
): Promise<boolean> {
  const { rows } = await sql<{ id: string }>`insert into refund_payments (id, request_id, order_id,
      attempt_id, channel, refund_no, currency, amount, state, created_at)
    values (${r.id}, null, null, ${r.attempt_id}, ${r.channel}, ${r.refund_no}, ${r.currency}, ${r.amount},
      'pending', ${r.created_at})
    on conflict (attempt_id) where request_id is null do nothing returning id`.execute(ex);
  return rows.length > 0;
}

/** What each payment has refunded so far; a failed provider refund returned nothing through it. */
export async function refundedByAttempt(ex: Exec, attemptIds: string[]): Promise<Map<string, bigint>> {
  if (attemptIds.length === 0) return new Map();
  const { rows } = await sql<{ attempt_id: string; refunded: bigint }>`select attempt_id,
      sum(amount)::bigint as refunded from refund_payments
    where attempt_id in (${sql.join(attemptIds)}) and state <> 'failed' group by attempt_id`.execute(ex);
  return new Map(rows.map((r) => [r.attempt_id, r.refunded]));
}

/** A refund request's payments: each has its request and order (the table's check). */
export type RequestRefundPaymentRow = RefundPaymentRow & { request_id: string; order_id: string };

export async function refundPaymentsOf(ex: Exec, requestId: string): Promise<RequestRefundPaymentRow[]> {
  const { rows } = await sql<RequestRefundPaymentRow>`select ${RP_COLS} from refund_payments
    where request_id = ${requestId} order by created_at, id`.execute(ex);
  return rows;
}

export async function refundPaymentById(ex: Exec, id: string): Promise<RefundPaymentRow | undefined> {
  const { rows } =
    await sql<RefundPaymentRow>`select ${RP_COLS} from refund_payments where id = ${id}`.execute(ex);
  return rows[0];
}

/**
 * A lifecycle step (refund-payment.ts), conditional on the state it leaves: zero rows means another run
 * moved it first, and this one changes nothing.
 */
export async function moveRefundPayment(
  ex: Exec,
  id: string,
  from: readonly RefundPaymentState[],
  to: RefundPaymentState,
  set: { providerRefundId?: string | null; failure?: string; submittedAt?: Date; arrivedAt?: Date },
): Promise<RefundPaymentRow | undefined> {
  const { rows } = await sql<RefundPaymentRow>`update refund_payments set state = ${to},
      provider_refund_id = coalesce(${set.providerRefundId ?? null}, provider_refund_id),
      failure = coalesce(${set.failure ?? null}, failure),
      submitted_at = coalesce(submitted_at, ${set.submittedAt ?? null}::timestamptz),
      arrived_at = coalesce(${set.arrivedAt ?? null}::timestamptz, arrived_at),
      version = version + 1
    where id = ${id} and state in (${sql.join([...from])}) returning ${RP_COLS}`.execute(ex);
  return rows[0];
}
