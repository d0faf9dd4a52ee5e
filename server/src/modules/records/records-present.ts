import { iso, money } from '../../http/present';
import type { BillingOrderRow } from './billing-orders-store';
import type { DeviceOrderItemRow, DeviceOrderRow } from './records-store';
import type { TopupRecordRow } from './topup-records-store';

// Records on the wire: amounts as decimal strings of their currency, instants as ISO strings. The export
// columns are the list's, zh first (the console's language), English after; states stay as codes so a
// spreadsheet filters on the same words as the API.
export const presentDeviceOrder = (r: DeviceOrderRow) => ({
  id: r.id,
  number: r.number,
  companyId: r.company_id,
  companyName: r.company_name,
  partnerId: r.partner_id,
  partnerName: r.partner_name,
  source: r.source,
  state: r.state,
  paymentMethod: r.payment_method,
  currency: r.currency,
  months: r.months,
  deviceCount: r.device_count,
  total: money(r.total, r.currency),
  renewalAmount: money(r.total - r.value_added_total, r.currency),
  valueAddedAmount: money(r.value_added_total, r.currency),
  createdAt: r.created_at.toISOString(),
  paidAt: iso(r.paid_at),
  paymentDueAt: iso(r.payment_due_at),
});

export const DEVICE_ORDER_HEADER = [
  '订单号 number',
  '公司 company',
  '渠道 partner',
  '来源 source',
  '状态 state',
  '支付方式 payment method',
  '币种 currency',
  '月数 months',
  '设备数 devices',
  '续费金额 renewal',
  '增值金额 value-added',
  '合计 total',
  '创建时间 created',
  '支付时间 paid',
];
export const deviceOrderCsvRow = (r: DeviceOrderRow): unknown[] => {
  const o = presentDeviceOrder(r);
  return [
    o.number,
    o.companyName,
    o.partnerName,
    o.source,
    o.state,
    o.paymentMethod,
    o.currency,
    o.months,
    o.deviceCount,
    o.renewalAmount,
    o.valueAddedAmount,
    o.total,
    o.createdAt,
    o.paidAt,
  ];
};

export const presentDeviceOrderItem = (currency: DeviceOrderRow['currency']) => (r: DeviceOrderItemRow) => ({
  deviceId: r.device_id,
  deviceNo: r.device_no,
  deviceType: r.device_type,
  companyId: r.company_id,
  packageId: r.package_id,
  packageCode: r.package_code,
  packageName: r.package_name,
  renewalAmount: money(r.renewal_amount, currency),
  valueAddedAmount: money(r.value_added_amount, currency),
  amount: money(r.amount, currency),
  expiresBefore: r.expires_before,
  expiresAfter: r.expires_after,
});

export const presentBillingOrder = (r: BillingOrderRow) => ({
  id: r.id,
  type: r.type,
  number: r.number,
  companyId: r.company_id,
  companyName: r.company_name,
  partnerId: r.partner_id,
  partnerName: r.partner_name,
  paymentMethod: r.payment_method,
  currency: r.currency,
  amount: money(r.amount, r.currency),
  renewalAmount: money(r.type === 'topup' ? 0n : r.amount - r.value_added_total, r.currency),
  valueAddedAmount: money(r.value_added_total, r.currency),
  paidAt: r.paid_at.toISOString(),
});

export const BILLING_ORDER_HEADER = [
  '类型 type',
  '订单号 number',
  '公司 company',
  '渠道 partner',
  '支付方式 payment method',
  '币种 currency',
  '金额 amount',
  '续费金额 renewal',
  '增值金额 value-added',
  '支付时间 paid',
];
export const billingOrderCsvRow = (r: BillingOrderRow): unknown[] => {
  const o = presentBillingOrder(r);
  return [
    o.type,
    o.number,
    o.companyName,
    o.partnerName,
    o.paymentMethod,
    o.currency,
    o.amount,
    o.renewalAmount,
    o.valueAddedAmount,
    o.paidAt,
  ];
};

export const presentTopupRecord = (r: TopupRecordRow) => ({
  id: r.id,
  channel: r.channel,
  number: r.number,
  state: r.state,
  status: r.status,
  walletOwnerType: r.wallet_owner_type,
  walletOwnerId: r.wallet_owner_id,
  walletOwnerName: r.wallet_owner_name,
  paymentMethod: r.payment_method,
  currency: r.currency,
  amount: money(r.amount, r.currency),
  at: r.at.toISOString(),
  settledAt: iso(r.settled_at),
});

export const TOPUP_RECORD_HEADER = [
  '充值单号 number',
  '方式 channel',
  '状态 state',
  '原状态 status',
  '钱包 wallet',
  '支付方式 payment method',
  '币种 currency',
  '金额 amount',
  '时间 at',
  '到账时间 settled',
];
export const topupRecordCsvRow = (r: TopupRecordRow): unknown[] => {
  const o = presentTopupRecord(r);
  return [
    o.number,
    o.channel,
    o.state,
    o.status,
    o.walletOwnerName,
    o.paymentMethod,
    o.currency,
    o.amount,
    o.at,
    o.settledAt,
  ];
};
