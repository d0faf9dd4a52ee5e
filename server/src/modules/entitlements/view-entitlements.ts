import { transact } from '../../platform/db/transact';
import type { Deps } from '../../platform/deps';
import { notFound } from '../../platform/errors';
import { actorOf, type Principal, requireRole } from '../../platform/principal';
import { appendAudit } from '../audit/audit-store';
import { findCompanyInScope } from '../parties';
import {
  type ComponentView,
  componentsOf,
  type EventRow,
  eventsOf,
  lockComponent,
  setExternalEnd,
} from './entitlement-store';

/** R12: a customer's components, each with its own seats and end date, and the events behind them. */
export async function companyEntitlements(
  deps: Deps,
  p: Principal,
  companyId: string,
): Promise<{ components: ComponentView[]; events: EventRow[] }> {
  const ex = deps.database.db;
  const company = await findCompanyInScope(ex, p, companyId);
  const [components, events] = await Promise.all([componentsOf(ex, company.id), eventsOf(ex, company.id)]);
  return { components, events };
}

/** R15: record the related external licence's end date so orders can show it and co-term to it. */
export async function recordExternalEnd(
  deps: Deps,
  p: Principal,
  componentId: string,
  date: string | null,
): Promise<void> {
  requireRole(p, ['partner_agent', 'order_desk', 'sales', 'admin'], {
    zh: '登记外部许可到期日',
    en: 'record external licence end dates',
  });
  await transact(deps.database.db, async (tx) => {
    const c = await lockComponent(tx, componentId);
    if (!c) throw notFound({ zh: '订阅组件', en: 'Component' });
    await findCompanyInScope(tx, p, c.company_id);
    await setExternalEnd(tx, c.id, date);
    await appendAudit(tx, deps.clock, actorOf(p), {
      objectType: 'component',
      objectId: c.id,
      action: 'external_end',
      before: { externalEnd: c.external_end },
      after: { externalEnd: date },
    });
  });
}
