// Renewals (issue #13, R20, seed 003 充值续费): a customer's batch renewal of its devices as one device
// order — quoted, confirmed a second time, paid by balance or online through the payments module — and
// delivered by extending every device's expiry in one set-based statement. See docs/renewals.md, ADR 0024.
export { AUTO_RENEW_LEAD_DAYS, type AutoRenewal, autoRenewCompany } from './auto-renew';
export { deliverRenewal } from './deliver-renewal';
export { notPayable, payRenewalFromWallet } from './pay-renewal';
export { type PlaceRenewalInput, placeRenewal, recordRenewal } from './place-renewal';
export { MAX_RENEWAL_DEVICES, priceRenewal } from './price-renewal';
export { quoteRenewal, type RenewalInput, type RenewalQuote } from './quote-renewal';
export {
  DEVICE_ORDER,
  DEVICE_ORDER_DUE_JOB,
  type DeviceOrderRow,
  MONTH_CHOICES,
  RENEW_DEVICES,
  renewalMethod,
  renewedExpiry,
} from './renewal';
export { renewalRoutes } from './renewal-routes';
export {
  type DeviceOrderItemRow,
  expireDeviceOrder,
  findDeviceOrder,
  lockDeviceOrder,
  setDeviceOrderMethod,
} from './renewal-store';
export { type RenewalSettlement, settleRenewalPayment } from './settle-renewal';
export { type DeviceOrderView, viewDeviceOrder } from './view-device-order';
