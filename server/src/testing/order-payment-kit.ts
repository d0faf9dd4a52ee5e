import { newId } from '@kaidan/shared';
import { sql } from 'kysely';
import { Temporal } from 'temporal-polyfill';
import { generateSandboxKeys, sandboxPayments } from '../modules/payments';
import { type Clock, toDate } from '../platform/clock';
import type { Db } from '../platform/db/database';

/**
 * The sandbox for refund tests: a WeChat Pay look-alike whose notifications go nowhere (the refund path
 * needs payments that are already paid, not their notification), with its platform side for `arrive`.
 */
export function refundSandbox(clock: Clock) {
  const send: typeof fetch = async () => new Response(null, { status: 204 });
  return sandboxPayments(clock, () => 'http://127.0.0.1:9', generateSandboxKeys(), send);
}

/**
 * Until the order-payment flow lands (helper "orderpay"), an order paid through the sandbox in parts:
 * each part is a real sandbox order, created through the provider and paid on the platform (so the
 * sandbox holds its transaction and refunds against it), recorded as the paid `payment_attempts` row
 * (purpose 'order') that flow writes. The order itself was placed and paid by the wallet; its
 * `payment_method` names the sandbox. Parts are paid a minute apart, in the order given (last = newest).
 */
export async function payOrderThroughSandbox(
  db: Db,
  clock: Clock,
  sandbox: ReturnType<typeof refundSandbox>,
  order: { id: string; company_id: string },
  parts: bigint[],
): Promise<{ id: string; merchantOrderNo: string; amount: bigint }[]> {
  const provider = sandbox.payments.providers.get('sandbox');
  if (!provider) throw new Error('sandbox provider missing');
  const out: { id: string; merchantOrderNo: string; amount: bigint }[] = [];
  const base = clock.now();
  for (const [i, amount] of parts.entries()) {
    const at = base.add({ minutes: i });
    const id = newId('pay', at.epochMilliseconds);
    const no = `KDT${id.slice(4).toUpperCase()}`;
    await provider.createAttempt({
      merchantOrderNo: no,
      amount,
      currency: 'CNY',
      description: 'order',
      expiresAt: at.add(Temporal.Duration.from({ minutes: 30 })),
    });
    sandbox.platform.pay(no);
    await sandbox.platform.idle();
    const txn = sandbox.platform.order(no)?.transactionId ?? null;
    await sql`insert into payment_attempts (id, purpose, order_id, owner_type, owner_id, provider,
        merchant_order_no, amount, currency, state, provider_txn_id, created_at, expires_at, paid_at)
      values (${id}, 'order', ${order.id}, 'company', ${order.company_id}, 'sandbox', ${no}, ${amount}, 'CNY',
        'paid', ${txn}, ${toDate(at)}, ${toDate(at.add({ minutes: 30 }))}, ${toDate(at)})`.execute(db);
    out.push({ id, merchantOrderNo: no, amount });
  }
  await sql`update orders set payment_method = 'sandbox' where id = ${order.id}`.execute(db);
  return out;
}
