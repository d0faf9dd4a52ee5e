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
export async function openRefundLines(ex: Exec, orderLineIds: string[]): Promise<string[]> {
  if (orderLineIds.length === 0) return [];
  const { rows } = await sql<{ order_line_id: string }>`select l.order_line_id from refund_lines l
    join requests r on r.id = l.request_id
    where l.order_line_id in (${sql.join(orderLineIds)}) and r.state in ('draft', 'submitted', 'returned')`.execute(
    ex,
  );
  return rows.map((r) => r.order_line_id);
}
