import type { Currency } from '@kaidan/shared';
import { sql } from 'kysely';
import type { Exec } from '../../platform/db/database';
import { onBusinessDates } from '../../platform/keyset';
import type { Principal } from '../../platform/principal';
import type { OrderRow } from '../orders';
import { inCompanyScope } from '../parties';

export type SelfServiceOrderRow = Pick<
  OrderRow,
  'id' | 'number' | 'channel' | 'company_id' | 'total' | 'paid_at' | 'decided_at' | 'created_at'
> & { currency: Currency; company_name: string };

/**
 * A customer's paid self-service orders (in its scope: its company and subsidiaries) paid on or after `since`, with a
 * refundable line not yet refunded nor named by an open refund request (R32, invariant 3).
 */
export async function selfServiceOrdersSince(
  ex: Exec,
  p: Principal,
  since: string,
): Promise<SelfServiceOrderRow[]> {
  const conds = [
    inCompanyScope(p, sql.ref('o.company_id')),
    sql`o.channel = 'self_service'`,
    sql`o.state = 'paid'`,
    ...onBusinessDates(sql`o.paid_at`, since),
    sql`exists (select 1 from order_lines l where l.order_id = o.id and not l.pass_through and l.refundable
      and l.refunded < l.amount and not exists (select 1 from refund_lines rl join requests r on r.id = rl.request_id
        where rl.order_line_id = l.id and r.state in ('draft', 'submitted', 'returned')))`,
  ];
  const { rows } = await sql<SelfServiceOrderRow>`select o.id, o.number, o.channel, o.company_id, o.currency,
      o.total, o.paid_at, o.decided_at, o.created_at, c.name_zh as company_name
    from orders o join companies c on c.id = o.company_id
    where ${sql.join(conds, sql` and `)} order by o.paid_at desc, o.id desc limit 200`.execute(ex);
  return rows;
}
