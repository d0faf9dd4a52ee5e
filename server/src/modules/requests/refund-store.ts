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

export async function refundLinesOf(ex: Exec, requestId: string): Promise<RefundLineRow[]> {
  const { rows } = await sql<RefundLineRow>`select id, request_id, order_id, order_line_id, mode, amount
    from refund_lines where request_id = ${requestId} order by order_id, order_line_id`.execute(ex);
  return rows;
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
