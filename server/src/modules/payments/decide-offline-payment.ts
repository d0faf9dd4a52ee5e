import { toDate } from '../../platform/clock';
import { transact } from '../../platform/db/transact';
import type { Deps } from '../../platform/deps';
import { AppError, conflict, notFound } from '../../platform/errors';
import { actorOf, type Principal, requireRole } from '../../platform/principal';
import { appendAudit } from '../audit/audit-store';
import { emitEvent, paymentFailed } from '../webhooks';
import { expireOrderIfClosed } from './expire-order-payment';
import { type AttemptRow, attemptById, lockAttempt, markFailed, setDecision } from './payment-store';
import { settlePaidAttempt } from './settle-attempt';

const ATTEMPT = { zh: '支付记录', en: 'Payment attempt' };

/**
 * R29 offline, duties separate (R25's rule for money coming in): finance confirms a recorded bank
 * transfer — the order is paid exactly as a provider's notification pays it (settlePaidAttempt: Dr
 * offline cash / Cr revenue, the grant) — or declines it with a comment (failed, `payment.failed`, and
 * the order expires if it is past due). Never the one who recorded it. One transaction under the
 * attempt's lock, so two finance users deciding at once decide once.
 */
export async function decideOfflinePayment(
  deps: Deps,
  p: Principal,
  attemptId: string,
  verdict: 'confirm' | 'decline',
  comment: string,
): Promise<AttemptRow> {
  requireRole(p, ['finance'], { zh: '确认银行转账', en: 'confirm bank transfers' });
  return transact(deps.database.db, async (tx) => {
    const a = await lockAttempt(tx, { id: attemptId });
    if (!a) throw notFound(ATTEMPT);
    if (a.provider !== 'offline' || a.state !== 'pending')
      throw conflict(
        'NOT_A_PENDING_TRANSFER',
        { zh: '这不是待确认的银行转账', en: 'This is not a bank transfer awaiting confirmation' },
        { provider: a.provider, state: a.state },
      );
    if (a.created_by === p.userId)
      throw new AppError({
        status: 403,
        code: 'SELF_CONFIRM',
        message: {
          zh: '登记转账的人不能自己确认到账',
          en: 'Whoever recorded the transfer may not confirm it',
        },
        fixes: [{ zh: '请另一位财务确认', en: 'Ask another finance user to decide it' }],
        details: { rule: 'R29', recordedBy: a.created_by },
      });
    const now = toDate(deps.clock.now());
    if (verdict === 'confirm') {
      const paid = { amount: a.amount, currency: a.currency, providerTxnId: a.bank_reference };
      await settlePaidAttempt(tx, deps.clock, { id: a.id }, paid, 'confirm', p);
      await setDecision(tx, a.id, p.userId, comment);
    } else {
      const failed = await markFailed(tx, a.id, now, p.userId, comment);
      if (!failed) throw conflict('NOT_A_PENDING_TRANSFER', { zh: '已被处理', en: 'Already decided' });
      await appendAudit(tx, deps.clock, actorOf(p), {
        objectType: 'payment_attempt',
        objectId: a.id,
        action: 'payment.declined',
        stateBefore: 'pending',
        stateAfter: 'failed',
        reason: comment,
      });
      await emitEvent(tx, deps.clock, paymentFailed(failed, 'declined', now));
      if (failed.order_id) await expireOrderIfClosed(tx, deps.clock, failed.order_id);
    }
    const row = await attemptById(tx, a.id);
    if (!row) throw new Error('attempt vanished');
    return row;
  });
}
