import type { Clock } from '../../platform/clock';
import type { Tx } from '../../platform/db/database';
import { depsIn } from '../../platform/deps';
import type { Principal } from '../../platform/principal';
import { reduceSeats } from '../entitlements';
import { voidOrder } from '../orders';
import { applyCompanyRename } from '../parties';
import { acceptRefund } from '../refunds';
import { creditWallet } from '../wallets';
import { applyTransfer } from './apply-transfer';
import type { RequestRow } from './request';
import { topupsOf } from './topup-store';

/** The effect of an approved request, in the approving transaction. */
export async function applyApproval(tx: Tx, clock: Clock, p: Principal, r: RequestRow): Promise<void> {
  const cause = { type: 'request', id: r.id };
  switch (r.category) {
    case 'topup': {
      const [t] = await topupsOf(tx, [r.id]);
      if (!t) throw new Error(`top-up ${r.id} has no details`);
      await creditWallet(tx, clock, {
        ownerType: t.wallet_owner_type,
        ownerId: t.wallet_owner_id,
        currency: t.currency,
        amount: t.amount,
        kind: 'topup',
        from: 'offline_cash',
        ref: { type: 'request', id: r.id },
        memo: `${r.number} ${t.bank_ref}`,
      });
      return;
    }
    case 'refund':
      return acceptRefund(tx, clock, p, r);
    case 'seat_reduction': {
      const pl = r.payload as { componentId: string; seats: number };
      await reduceSeats(tx, clock, pl.componentId, pl.seats, cause);
      return;
    }
    case 'transfer':
      return applyTransfer(tx, clock, p, r);
    case 'void':
      return applyVoid(tx, clock, p, r);
    case 'rename': {
      const pl = r.payload as { companyId: string; nameZh: string; nameEn: string | null };
      await applyCompanyRename(tx, clock, p, pl.companyId, pl, `R7: ${r.number}`);
      return;
    }
  }
}

/** R5: the desk accepted the evidence; the archived order is voided and its hold released, if still unpaid. */
async function applyVoid(tx: Tx, clock: Clock, p: Principal, r: RequestRow): Promise<void> {
  const pl = r.payload as { orderId: string; reference: string };
  await voidOrder(depsIn(tx, clock), p, pl.orderId, `${r.number} · ${pl.reference}`, true);
}
