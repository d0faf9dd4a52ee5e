import { sql } from 'kysely';
import type { Db } from '../platform/db/database';

// DESIGN §4 invariants as queries: each returns the rows that break it, so a passing check is [].
export async function brokenInvariants(db: Db): Promise<Record<string, unknown[]>> {
  const q = async (s: ReturnType<typeof sql>) => (await s.execute(db)).rows;
  return {
    unbalancedEntries: await q(sql`select e.id from journal_entries e join postings p on p.entry_id = e.id
      group by e.id having sum(p.amount) <> 0`),
    walletCacheDrift: await q(sql`select w.id, w.balance, coalesce(-sum(p.amount), 0) as ledger from wallets w
      left join postings p on p.account_id = w.account_id group by w.id having w.balance <> coalesce(-sum(p.amount), 0)`),
    holdCacheDrift:
      await q(sql`select w.id from wallets w left join holds h on h.wallet_id = w.id and h.state = 'active'
      group by w.id having w.held <> coalesce(sum(h.amount), 0)`),
    negativeAvailable: await q(sql`select id from wallets where balance - held < 0`),
    overRefunded: await q(sql`select id from order_lines where refunded > amount or refunded < 0`),
    refundNotMatchingLedger: await q(sql`select l.id from order_lines l
      where l.refunded <> coalesce((select sum(rl.amount) from refund_lines rl join requests r on r.id = rl.request_id
        where rl.order_line_id = l.id and r.state = 'approved'), 0)`),
    // R35, invariant 3 per payment: what a payment refunded (failed provider refunds returned nothing) ≤ what it paid
    overRefundedPayments:
      await q(sql`select a.id from payment_attempts a join refund_payments r on r.attempt_id = a.id
      where r.state <> 'failed' group by a.id, a.amount having sum(r.amount) > a.amount`),
    // what an approved refund sends back through its payments is what its lines refunded
    refundPaymentsNotMatchingLines: await q(sql`select q.id from requests q where q.category = 'refund'
      and q.state = 'approved' and exists (select 1 from refund_payments where request_id = q.id)
      and (select sum(amount) from refund_payments where request_id = q.id)
        <> (select sum(amount) from refund_lines where request_id = q.id)`),
    negativeSeats: await q(sql`select id from components where seats < 0`),
    overlappingPeriods: await q(sql`select a.id from entitlement_periods a join entitlement_periods b
      on a.component_id = b.component_id and a.id < b.id and a.state = 'active' and b.state = 'active'
      and a.start_date <= b.end_date and b.start_date <= a.end_date`),
    grantedUnpaid:
      await q(sql`select distinct o.id from entitlement_events e join orders o on o.id = e.cause_id
      where e.cause_type = 'order' and o.state <> 'paid'`),
    stateChangesWithoutAudit: await q(sql`select o.id from orders o where o.state <> 'draft' and not exists
      (select 1 from audit_log a where a.object_type = 'order' and a.object_id = o.id and a.state_after = o.state)`),
  };
}
