import type { Currency } from '@kaidan/shared';
import { type RawBuilder, sql } from 'kysely';
import type { Exec } from '../../platform/db/database';
import { toJson } from '../../platform/json';
import {
  type KeyedRow,
  keyset,
  onBusinessDates,
  type Sortable,
  type SortParam,
  textMatch,
} from '../../platform/keyset';
import { hasRole, type Principal } from '../../platform/principal';
import { inCompanyScope } from '../parties';

export type AttemptState = 'pending' | 'paid' | 'closed' | 'failed';

export interface AttemptRow {
  id: string;
  /** 'topup' credits the owner's wallet; 'order' pays `order_id` (R29); 'device_order' a renewal (R20) */
  purpose: 'topup' | 'order' | 'device_order';
  order_id: string | null;
  device_order_id: string | null;
  owner_type: 'partner' | 'company';
  owner_id: string;
  provider: string;
  merchant_order_no: string;
  amount: bigint;
  currency: Currency;
  state: AttemptState;
  code_url: string | null;
  provider_txn_id: string | null;
  created_by: string | null;
  created_at: Date;
  expires_at: Date;
  paid_at: Date | null;
  closed_at: Date | null;
  /** an offline transfer's evidence (R43) and finance's decision on it (ADR 0020) */
  bank_reference: string | null;
  evidence_note: string | null;
  decided_by: string | null;
  decision_comment: string | null;
  version: number;
}

const COLS = sql`id, purpose, order_id, device_order_id, owner_type, owner_id, provider, merchant_order_no, amount, currency,
  state, code_url, provider_txn_id, created_by, created_at, expires_at, paid_at, closed_at, bank_reference,
  evidence_note, decided_by, decision_comment, version`;

export type NewAttempt = Omit<
  AttemptRow,
  | 'state'
  | 'provider_txn_id'
  | 'paid_at'
  | 'closed_at'
  | 'version'
  | 'order_id'
  | 'device_order_id'
  | 'bank_reference'
  | 'evidence_note'
  | 'decided_by'
  | 'decision_comment'
> &
  Partial<Pick<AttemptRow, 'order_id' | 'device_order_id' | 'bank_reference' | 'evidence_note'>>;

export async function insertAttempt(ex: Exec, a: NewAttempt): Promise<void> {
  await sql`insert into payment_attempts (id, purpose, order_id, device_order_id, owner_type, owner_id,
      provider, merchant_order_no, amount, currency, code_url, created_by, created_at, expires_at,
      bank_reference, evidence_note)
    values (${a.id}, ${a.purpose}, ${a.order_id ?? null}, ${a.device_order_id ?? null}, ${a.owner_type}, ${a.owner_id}, ${a.provider},
      ${a.merchant_order_no}, ${a.amount}, ${a.currency}, ${a.code_url}, ${a.created_by}, ${a.created_at},
      ${a.expires_at}, ${a.bank_reference ?? null}, ${a.evidence_note ?? null})`.execute(ex);
}

/** An order's attempts, newest first (the pay screen, and whether one is still open). */
export async function attemptsOfOrder(ex: Exec, orderId: string): Promise<AttemptRow[]> {
  const { rows } = await sql<AttemptRow>`select ${COLS} from payment_attempts
    where order_id = ${orderId} order by created_at desc, id desc`.execute(ex);
  return rows;
}

/** A renewal order's attempts, newest first (its pay screen; whether one is still open). */
export async function attemptsOfDeviceOrder(ex: Exec, orderId: string): Promise<AttemptRow[]> {
  const { rows } = await sql<AttemptRow>`select ${COLS} from payment_attempts
    where device_order_id = ${orderId} order by created_at desc, id desc`.execute(ex);
  return rows;
}

/** pending → failed with who decided and why (finance declining a transfer), conditional like markPaid. */
export async function markFailed(
  ex: Exec,
  id: string,
  at: Date,
  by: string | null,
  comment: string,
): Promise<AttemptRow | undefined> {
  const { rows } = await sql<AttemptRow>`update payment_attempts set state = 'failed', closed_at = ${at},
      decided_by = ${by}, decision_comment = ${comment}, version = version + 1
    where id = ${id} and state = 'pending' returning ${COLS}`.execute(ex);
  return rows[0];
}

/** Finance's confirmation on a transfer it settled (markPaid moved the state in the same transaction). */
export async function setDecision(ex: Exec, id: string, by: string | null, comment: string): Promise<void> {
  await sql`update payment_attempts set decided_by = ${by}, decision_comment = ${comment}
    where id = ${id}`.execute(ex);
}

/** Offline transfers for orders (R29), finance's queue: the pending ones first, oldest first. */
export async function listOfflineAttempts(ex: Exec, state: AttemptState | undefined): Promise<AttemptRow[]> {
  const { rows } = await sql<AttemptRow>`select ${COLS} from payment_attempts
    where provider = 'offline' ${state ? sql`and state = ${state}` : sql``}
    order by created_at, id limit 200`.execute(ex);
  return rows;
}

export async function attemptById(ex: Exec, id: string): Promise<AttemptRow | undefined> {
  const { rows } = await sql<AttemptRow>`select ${COLS} from payment_attempts where id = ${id}`.execute(ex);
  return rows[0];
}

/** The attempt under a row lock: settling it and a racing query or notification queue up here. */
export async function lockAttempt(
  ex: Exec,
  by: { id: string } | { merchantOrderNo: string },
): Promise<AttemptRow | undefined> {
  const where = 'id' in by ? sql`id = ${by.id}` : sql`merchant_order_no = ${by.merchantOrderNo}`;
  const { rows } = await sql<AttemptRow>`select ${COLS} from payment_attempts where ${where}
    for update`.execute(ex);
  return rows[0];
}

/** pending → paid, conditional: zero rows when it already moved, so the money moves at most once. */
export async function markPaid(
  ex: Exec,
  id: string,
  at: Date,
  providerTxnId: string | null,
): Promise<AttemptRow | undefined> {
  const { rows } = await sql<AttemptRow>`update payment_attempts set state = 'paid', paid_at = ${at},
      provider_txn_id = ${providerTxnId}, version = version + 1
    where id = ${id} and state = 'pending' returning ${COLS}`.execute(ex);
  return rows[0];
}

/** pending → closed (abandoned: not paid by its expiry), conditional like markPaid. */
export async function markClosed(ex: Exec, id: string, at: Date): Promise<AttemptRow | undefined> {
  const { rows } = await sql<AttemptRow>`update payment_attempts set state = 'closed', closed_at = ${at},
      version = version + 1
    where id = ${id} and state = 'pending' returning ${COLS}`.execute(ex);
  return rows[0];
}

/** The provider's transaction of money that came late, kept for its refund (R29). */
export async function noteProviderTxn(ex: Exec, id: string, txnId: string | null): Promise<void> {
  if (txnId === null) return;
  await sql`update payment_attempts set provider_txn_id = coalesce(provider_txn_id, ${txnId})
    where id = ${id}`.execute(ex);
}

export interface NotificationInput {
  id: string;
  provider: string;
  notificationId: string | null;
  headers: Record<string, string>;
  rawBody: string;
  verified: boolean;
  outcome: string;
  receivedAt: Date;
}

/**
 * Stores a notification. A verified one claims (provider, notification id) and is stored once: for a
 * duplicate this returns false and stores nothing (the first delivery's row stays the record). A second
 * delivery racing the first waits on the unique index until the first commits, then sees it.
 */
export async function insertNotification(ex: Exec, n: NotificationInput): Promise<boolean> {
  const { rows } = await sql<{ id: string }>`insert into payment_notifications (id, provider,
      notification_id, headers, raw_body, verified, outcome, received_at)
    values (${n.id}, ${n.provider}, ${n.notificationId}, ${toJson(n.headers)}::jsonb, ${n.rawBody},
      ${n.verified}, ${n.outcome}, ${n.receivedAt})
    on conflict (provider, notification_id) where verified do nothing returning id`.execute(ex);
  return rows.length === 1;
}

export async function setNotificationOutcome(
  ex: Exec,
  id: string,
  outcome: string,
  attemptId: string | null,
): Promise<void> {
  await sql`update payment_notifications set outcome = ${outcome}, attempt_id = ${attemptId}
    where id = ${id}`.execute(ex);
}

export interface NotificationRow {
  id: string;
  notification_id: string | null;
  verified: boolean;
  outcome: string;
  received_at: Date;
}

export async function notificationsOf(ex: Exec, provider: string): Promise<NotificationRow[]> {
  const { rows } = await sql<NotificationRow>`select id, notification_id, verified, outcome, received_at
    from payment_notifications where provider = ${provider} order by id`.execute(ex);
  return rows;
}

export type AttemptSort = 'created' | 'amount';
export const ATTEMPT_SORTS: Sortable<AttemptSort> = {
  created: { expr: sql`a.created_at`, type: 'timestamptz' },
  amount: { expr: sql`a.amount`, type: 'int8' },
};

export interface AttemptFilter {
  /** whose attempts: see attemptScope */
  principal: Principal;
  state?: AttemptState | undefined;
  /** business dates (Asia/Shanghai), inclusive */
  from?: string | undefined;
  to?: string | undefined;
  /** merchant order number or provider transaction id */
  q?: string | undefined;
  sort: SortParam<AttemptSort>;
  after?: string | undefined;
  limit: number;
}

/** Online top-ups (R26): pending, paid and abandoned, with state, date and number filters, by keyset. */
export async function listAttempts(ex: Exec, f: AttemptFilter): Promise<(AttemptRow & KeyedRow)[]> {
  const k = keyset('payment_attempts', ATTEMPT_SORTS, { expr: sql`a.id`, type: 'text' }, f.sort, f.after);
  const conds = [sql`a.purpose = 'topup'`, attemptScope(f.principal), k.where];
  if (f.state) conds.push(sql`a.state = ${f.state}`);
  conds.push(...onBusinessDates(sql`a.created_at`, f.from, f.to));
  conds.push(...textMatch(f.q, [sql`a.merchant_order_no`, sql`coalesce(a.provider_txn_id, '')`]));
  const { rows } = await sql<AttemptRow & KeyedRow>`select ${COLS}, ${k.select} from payment_attempts a
    where ${sql.join(conds, sql` and `)} order by ${k.orderBy} limit ${f.limit}`.execute(ex);
  return rows;
}

/**
 * Who sees an online top-up, as for wallets: a partner's agents their partner's, customer users their
 * company's and its subsidiaries', finance, order desk, sales and admins any; support none.
 */
export function attemptScope(p: Principal): RawBuilder<unknown> {
  if (p.kind === 'partner') return sql`a.owner_type = 'partner' and a.owner_id = ${p.partnerId}`;
  if (p.kind === 'customer')
    return sql`a.owner_type = 'company' and ${inCompanyScope(p, sql.ref('a.owner_id'))}`;
  return hasRole(p, 'finance', 'admin', 'order_desk', 'sales') ? sql`true` : sql`false`;
}

export async function attemptInScope(ex: Exec, p: Principal, id: string): Promise<AttemptRow | undefined> {
  const { rows } = await sql<AttemptRow>`select ${COLS} from payment_attempts a
    where a.id = ${id} and ${attemptScope(p)}`.execute(ex);
  return rows[0];
}

/** The attempt of a merchant order number (unlocked): for PayPal's approval and its order id. */
export async function attemptByMerchantOrderNo(ex: Exec, no: string): Promise<AttemptRow | undefined> {
  const { rows } = await sql<AttemptRow>`select ${COLS} from payment_attempts
    where merchant_order_no = ${no}`.execute(ex);
  return rows[0];
}
