import type { z } from '@hono/zod-openapi';
import type { DeviceOrderItem, DeviceOrderSummary, RenewalQuote } from '@kaidan/shared/contracts/renewals';
import { iso, money } from '../../http/present';
import type { RenewalQuote as Quote } from './quote-renewal';
import type { DeviceOrderRow } from './renewal';
import type { DeviceOrderItemRow } from './renewal-store';

export const presentDeviceOrder = (o: DeviceOrderRow): z.infer<typeof DeviceOrderSummary> => ({
  id: o.id,
  number: o.number,
  companyId: o.company_id,
  source: o.source,
  months: o.months,
  currency: o.currency,
  total: money(o.total, o.currency),
  deviceCount: o.device_count,
  state: o.state,
  paymentMethod: o.payment_method,
  paymentDueAt: iso(o.payment_due_at),
  createdAt: o.created_at.toISOString(),
  paidAt: iso(o.paid_at),
  closedAt: iso(o.closed_at),
});

export const presentItem =
  (o: DeviceOrderRow) =>
  (i: DeviceOrderItemRow): z.infer<typeof DeviceOrderItem> => ({
    deviceId: i.device_id,
    deviceNo: i.device_no,
    type: i.type,
    packageCode: i.package_code,
    amount: money(i.amount, o.currency),
    expiresOn: i.expires_on,
    expiresBefore: i.expires_before,
    expiresAfter: i.expires_after,
  });

export const presentQuote = (q: Quote): z.infer<typeof RenewalQuote> => ({
  deviceCount: q.deviceCount,
  months: q.months,
  currency: q.currency,
  total: money(q.total, q.currency),
  quotedAt: q.quotedAt.toString(),
  devices: q.devices.map((d) => ({
    id: d.id,
    deviceNo: d.device_no,
    companyId: d.company_id,
    packageCode: d.package_code,
    expiresOn: d.expires_on,
    renewsTo: d.renews_to,
    monthly: money((d.renewal_amount ?? 0n) + d.value_added_amount, q.currency),
    amount: money(d.amount, q.currency),
  })),
});
