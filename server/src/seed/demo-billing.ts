import type { PaymentMethodName } from '@kaidan/shared';
import { issueInvoice, requestInvoice, reverseInvoice } from '../modules/invoices';
import { placeOrder } from '../modules/orders';
import {
  decideOfflinePayment,
  type Payments,
  providerOf,
  settlePaidAttempt,
  startOrderPayment,
} from '../modules/payments';
import { decideRequest, fileRefund } from '../modules/requests';
import { transact } from '../platform/db/transact';
import type { Deps } from '../platform/deps';
import type { Principal } from '../platform/principal';

// Issue #12 in the demo: 辉煌's IT user renews its interop add-on self-service and pays it each way the
// demo offers — its wallet, a bank transfer finance confirms, and the sandbox (WeChat Pay's protocol) —
// then the orders are invoiced, red-letter reversed and refunded, so every screen of payments, fapiao and
// refunds has something to show. Real WeChat Pay, Alipay and PayPal need merchant credentials a demo does
// not have (docs/payments.md); their adapters are exercised by their tests against local fakes.

export interface BillingCast {
  customer: Principal;
  desk: Principal;
  finance: Principal;
  sales: Principal;
  companyId: string;
  productId: string;
  planId: string;
}

/** 统一社会信用代码 of 辉煌有限公司 in the demo (a valid GB 32100 check digit). */
export const DEMO_TAX_ID = '91350100M000100Y43';

/**
 * Runs only where the demo runs with the sandbox (`serve --demo`): the suites that seed the demo without
 * payments keep seed 000's state, in which the first order of 辉煌 is still the latest of its chain.
 */
export async function seedBilling(deps: Deps, c: BillingCast, payments: Payments | undefined): Promise<void> {
  const sandbox = payments && providerOf(payments, 'sandbox');
  if (!payments?.sandbox || !sandbox) return;
  const online = [...(payments?.providers.values() ?? [])];
  const renew = (paymentMethod: PaymentMethodName) =>
    placeOrder(
      deps,
      c.customer,
      {
        companyId: c.companyId,
        productId: c.productId,
        orderType: 'renew',
        paymentMethod,
        submit: true,
        lines: [{ planId: c.planId, duration: { unit: 'year', value: 1 } }],
      },
      online,
    );
  const invoice = async (orderId: string) => {
    const r = await requestInvoice(deps, c.customer, {
      orderIds: [orderId],
      type: 'normal',
      buyerTaxId: DEMO_TAX_ID,
    });
    return (await issueInvoice(deps, c.finance, r.id)).invoice;
  };
  const refund = async (p: Principal, orderId: string, reason: string) => {
    const r = await fileRefund(deps, p, { orderIds: [orderId], mode: 'refund', reason });
    await decideRequest(deps, c.finance, { id: r.id, verdict: 'approve', comment: '已核对，同意退款' });
  };

  // Wallet: paid at once, invoiced, then reversed by red-letter so support can refund it (R30).
  const byWallet = await renew('wallet');
  const blue = await invoice(byWallet.id);
  await reverseInvoice(deps, c.finance, blue.id, { reason: 'sales_return', comment: '客户退订' });
  await refund(c.desk, byWallet.id, '客户退订，发票已红冲');

  // Bank transfer: recorded by sales, confirmed by finance (never the recorder), invoiced and kept.
  const byTransfer = await renew('offline');
  const transfer = await startOrderPayment(deps, payments, c.sales, byTransfer.id, {
    method: 'offline',
    bankReference: 'ICBC-20261124-0512',
    evidenceNote: '对公转账回单',
  });
  await decideOfflinePayment(deps, c.finance, transfer.id, 'confirm', '到账已核对');
  await invoice(byTransfer.id);

  // Sandbox: paid online; the payment is settled as the query job settles a lost notification. One order
  // is refunded within 7 days (R33) back to the sandbox (R35: the refund job sends it), one is invoiced.
  for (const keep of [false, true]) {
    const order = await renew('sandbox');
    const attempt = await startOrderPayment(deps, payments, c.customer, order.id, { method: 'sandbox' });
    payments.sandbox.pay(attempt.merchant_order_no);
    const status = await sandbox.queryAttempt(attempt.merchant_order_no);
    if (status.state !== 'paid') throw new Error(`demo: sandbox attempt ${attempt.id} is ${status.state}`);
    await transact(deps.database.db, (tx) =>
      settlePaidAttempt(tx, deps.clock, { id: attempt.id }, status, 'query'),
    );
    if (keep) await invoice(order.id);
    else await refund(c.customer, order.id, '重复购买');
  }
}
