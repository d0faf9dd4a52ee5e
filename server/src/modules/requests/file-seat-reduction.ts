import { transact } from '../../platform/db/transact';
import { type Deps, within } from '../../platform/deps';
import { invalid } from '../../platform/errors';
import { type Principal, requireRole } from '../../platform/principal';
import { componentsOf } from '../entitlements';
import { findCompanyInScope } from '../parties';
import { openRequest } from './open-request';
import type { Moved } from './request';

export interface SeatReductionInput {
  companyId: string;
  componentId: string;
  seats: number;
  reason: string;
}

/** R13's second fix: ask the order desk to reduce a component to fewer seats before renewing. */
export async function fileSeatReduction(deps: Deps, p: Principal, input: SeatReductionInput): Promise<Moved> {
  requireRole(p, ['partner_agent', 'sales', 'order_desk', 'admin', 'customer'], {
    zh: '申请减少人数',
    en: 'request seat reductions',
  });
  if (!input.reason.trim()) throw invalid('reason', 'REQUIRED', { zh: '请填写原因', en: 'Give a reason' });
  return transact(deps.database.db, async (tx) => {
    const company = await findCompanyInScope(tx, p, input.companyId);
    const comp = (await componentsOf(tx, company.id)).find((c) => c.id === input.componentId);
    if (!comp)
      throw invalid('componentId', 'NO_SUCH_COMPONENT', {
        zh: '该客户没有这个订阅组件',
        en: 'The customer has no such component',
      });
    if (!Number.isInteger(input.seats) || input.seats < 0 || input.seats >= comp.seats) {
      throw invalid('seats', 'SEATS_NOT_REDUCED', {
        zh: `减少后的人数须小于当前的 ${comp.seats} 人`,
        en: `The new seat count must be below the current ${comp.seats}`,
      });
    }
    const payload = {
      componentId: comp.id,
      planName: comp.plan_name_zh,
      seatsBefore: comp.seats,
      seats: input.seats,
      reason: input.reason,
    };
    return openRequest(within(deps, tx), p, {
      category: 'seat_reduction',
      partnerId: company.partner_id,
      companyId: company.id,
      payload,
      reason: input.reason,
      submit: true,
    });
  });
}
