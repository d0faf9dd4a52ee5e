import { newId, type PaymentMethodName } from '@kaidan/shared';
import type { Temporal } from 'temporal-polyfill';
import { toDate } from '../../platform/clock';
import { transact } from '../../platform/db/transact';
import type { Deps } from '../../platform/deps';
import { type AppError, conflict, invalid, notFound } from '../../platform/errors';
import { type Principal, requireRole } from '../../platform/principal';
import {
  awaitingPayment,
  findOrder,
  lockOrderById,
  type OrderRow,
  offeredMethods,
  payerOf,
  refuseMethod,
  setPaymentMethod,
} from '../orders';
import { openAttemptOf, providerAttempt, recordAttempt } from './online-attempt';
import { type AttemptRow, attemptsOfOrder } from './payment-store';
import type { Payments } from './provider';

export interface OrderPaymentInput {
  method: Exclude<PaymentMethodName, 'wallet'>;
  bankReference?: string | undefined;
  evidenceNote?: string | undefined;
}

const ORDER = { zh: '订单', en: 'Order' };

/** R29: only an approved order awaiting a non-wallet payment, before it is due, takes a payment. */
function notAwaiting(o: OrderRow, now: Temporal.Instant): AppError | null {
  if (!awaitingPayment(o))
    return conflict(
      'ORDER_NOT_AWAITING_PAYMENT',
      {
        zh: `订单当前为 ${o.state}，不在待付款状态`,
        en: `The order is ${o.state}; it is not awaiting payment`,
      },
      { state: o.state, paymentMethod: o.payment_method },
    );
  if (o.payment_due_at && o.payment_due_at.getTime() <= now.epochMilliseconds)
    return conflict(
      'ORDER_PAYMENT_OVERDUE',
      {
        zh: '订单已过付款期限，将自动作废；请重新下单',
        en: 'The order is past its payment deadline; place it again',
      },
      { paymentDueAt: o.payment_due_at.toISOString() },
    );
  return null;
}

/**
 * R28, R29: pay an order that waits for payment. Online (a customer user of the order's company, on its
 * self-service order): the provider's QR code, an attempt that expires with the QR code or the order's
 * deadline, whichever is first, and its query job; a pending attempt of the same provider is reused, so
 * reopening the pay screen shows the same code. Offline (the customer, or sales for it): the bank transfer
 * recorded with its reference for finance to confirm (never the recorder). The method must be one the
 * order offers; switching between them is allowed while it waits. The attempt, its job and the audit row
 * are one transaction under the order's lock, after the provider answered.
 */
export async function startOrderPayment(
  deps: Deps,
  payments: Payments,
  p: Principal,
  orderId: string,
  input: OrderPaymentInput,
): Promise<AttemptRow> {
  const offline = input.method === 'offline';
  requireRole(p, offline ? ['customer', 'sales'] : ['customer'], {
    zh: offline ? '登记订单的银行转账' : '在线支付订单',
    en: offline ? 'record a bank transfer for an order' : 'pay an order online',
  });
  const db = deps.database.db;
  const seen = await findOrder(db, p, orderId);
  if (!seen) throw notFound(ORDER);
  const refused = notAwaiting(seen, deps.clock.now());
  if (refused) throw refused;
  const offered = offeredMethods(seen, [...payments.providers.values()]);
  if (!offered.includes(input.method)) throw refuseMethod(input.method, offered, seen, 'method');
  if (input.method === 'offline') return recordTransfer(deps, p, seen, input);

  const provider = payments.providers.get(input.method);
  if (!provider) throw refuseMethod(input.method, offered, seen, 'method');
  const now = deps.clock.now();
  const open = openAttemptOf(await attemptsOfOrder(db, seen.id), provider, now);
  if (open) return open;
  const { id, merchantOrderNo, codeUrl, expiresAt } = await providerAttempt(
    provider,
    now,
    seen.payment_due_at,
    {
      amount: seen.total,
      currency: seen.currency,
      description: `开单订单 ${seen.number} Kaidan order`,
    },
  );
  return transact(db, async (tx) => {
    const order = await lockOrderById(tx, seen.id);
    const late = order ? notAwaiting(order, deps.clock.now()) : notFound(ORDER);
    if (late || !order) throw late;
    if (order.payment_method !== provider.name) await setPaymentMethod(tx, order.id, provider.name);
    return recordAttempt(
      tx,
      deps,
      p,
      {
        ...orderAttempt(order, p, now),
        id,
        provider: provider.name,
        merchant_order_no: merchantOrderNo,
        code_url: codeUrl,
        expires_at: toDate(expiresAt),
      },
      expiresAt,
      { orderId: order.id },
    );
  });
}

/** Offline (R29, R43): the transfer's evidence, pending until finance confirms or declines it. */
function recordTransfer(
  deps: Deps,
  p: Principal,
  seen: OrderRow,
  input: OrderPaymentInput,
): Promise<AttemptRow> {
  const bankReference = input.bankReference?.trim();
  if (!bankReference)
    throw invalid(
      'bankReference',
      'BANK_REFERENCE_REQUIRED',
      { zh: '请填写银行转账流水号', en: 'Give the bank transfer reference' },
      [{ zh: '填写银行回单上的流水号', en: 'Copy the reference from the bank slip' }],
    );
  return transact(deps.database.db, async (tx) => {
    const now = deps.clock.now();
    const order = await lockOrderById(tx, seen.id);
    const late = order ? notAwaiting(order, now) : notFound(ORDER);
    if (late || !order) throw late;
    const open = (await attemptsOfOrder(tx, order.id)).find(
      (a) => a.provider === 'offline' && a.state === 'pending',
    );
    if (open)
      throw conflict(
        'OFFLINE_PAYMENT_PENDING',
        {
          zh: `该订单已登记银行转账（${open.bank_reference}），待财务确认`,
          en: `A bank transfer (${open.bank_reference}) is already recorded for this order and awaits finance`,
        },
        { attemptId: open.id },
      );
    if (order.payment_method !== 'offline') await setPaymentMethod(tx, order.id, 'offline');
    const id = newId('pay', now.epochMilliseconds);
    return recordAttempt(
      tx,
      deps,
      p,
      {
        ...orderAttempt(order, p, now),
        id,
        provider: 'offline',
        merchant_order_no: `KD${id.slice(4).toUpperCase()}`,
        code_url: null,
        // Finance decides it however long that takes; the order's due job waits for the decision.
        expires_at: order.payment_due_at ?? toDate(now),
        bank_reference: bankReference,
        evidence_note: input.evidenceNote?.trim() || null,
      },
      null,
      { orderId: order.id },
    );
  });
}

/** What every payment attempt of an order records: the order, its payer, its sum, who started it. */
function orderAttempt(order: OrderRow, p: Principal, now: Temporal.Instant) {
  const payer = payerOf(order);
  return {
    purpose: 'order' as const,
    order_id: order.id,
    owner_type: payer.ownerType,
    owner_id: payer.ownerId,
    amount: order.total,
    currency: order.currency,
    created_by: p.userId,
    created_at: toDate(now),
  };
}
