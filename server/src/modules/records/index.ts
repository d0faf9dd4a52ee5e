// Records own no table: they are read-only lists over other modules' rows for seed 003's 订单记录 (device
// orders, paid and unpaid, with their items), 订单管理 (finance's paid top-up, renewal and value-added
// orders) and 充值记录 (online and offline top-ups, settled and pending), each filtered, keyset-paged and
// exported as CSV/XLSX (R26, R39). Scope is parties' one rule on every row.
export { BILLING_READERS, exportBillingOrders, viewBillingOrders } from './view-billing-orders';
export {
  EXPORT_LIMIT,
  exportDeviceOrders,
  viewDeviceOrderItems,
  viewDeviceOrders,
} from './view-device-orders';
export { exportTopupRecords, viewTopupRecords } from './view-topup-records';
