import { ORDER_ACTIONS, type OrderAction } from '@kaidan/shared/contracts/orders';
import { hasRole, type Principal } from '../../platform/principal';
import {
  archivable,
  contractExpected,
  deleteVerdict,
  mayCommitWallet,
  type OrderRow,
  renamable,
  voidRequestable,
  voidVerdict,
} from './order';

export { ORDER_ACTIONS, type OrderAction };

/**
 * What the caller may do to the order now, decided by the same rules the use cases enforce (R3, R5), so
 * the console shows only buttons that will be accepted. The use cases still check under a lock.
 */
export function allowedActions(o: OrderRow, p: Principal): OrderAction[] {
  const desk = hasRole(p, 'order_desk', 'admin');
  const open = o.state === 'submitted';
  const allowed: Record<OrderAction, boolean> = {
    // R2: the payer's own users commit its wallet; R5: a draft is its creator's.
    submit: o.state === 'draft' && o.created_by === p.userId && mayCommitWallet(p, o),
    approve: desk && open,
    reject: desk && open,
    receive: desk && (open || o.state === 'approved') && !o.received_at,
    contractArrived: desk && contractExpected(o),
    cancelContractArrival:
      desk && o.contract_arrived_at !== null && !o.archived_at && (open || o.state === 'approved'),
    archive: desk && archivable(o),
    void: voidVerdict(o, p.userId).ok,
    delete: deleteVerdict(o, p.userId).ok,
    // Its creator or the desk files it; the desk decides it (never the one who filed it).
    requestVoid: voidRequestable(o) && (desk || o.created_by === p.userId),
    rename: renamable(o) && (desk || o.created_by === p.userId),
  };
  return ORDER_ACTIONS.filter((a) => allowed[a]);
}
