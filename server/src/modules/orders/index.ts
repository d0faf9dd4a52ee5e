// Orders own orders and their lines: quote (R1), place and submit with a wallet hold (R2), review by
// policy (R3), approve with capture and entitlement grant, reject, void and delete (R5), and the
// refunded amount per line (invariant 3); archiving, after which only a void request voids (R5); the
// payment method offered and the wait for a non-wallet payment, its settlement and expiry (R28, R29).
export { approveOrder } from './approve-order';
export { archiveOrder } from './archive-order';
export { cancelContractArrival } from './cancel-contract-arrival';
export { deleteOrder } from './delete-order';
export { expireUnpaidOrder } from './expire-order';
export { getOrder, type OrderDetailPorts } from './get-order';
export type { OrderLineRow, OrderRow, OrderState, OrderType, SalesChannel } from './order';
export { payerOf, voidRequestable } from './order';
export {
  awaitingPayment,
  type OnlineOffer,
  ORDER_DUE_JOB,
  offeredMethods,
  refuseMethod,
} from './order-payment';
export {
  addRefunded,
  findOrder,
  linesOf,
  listOrders,
  lockOrderById,
  markSettledOffline,
  orderScope,
  setPaymentMethod,
  undecidedOrdersOf,
} from './order-store';
export { placeOrder } from './place-order';
export type { OrderInput, Quote } from './quote-order';
export { quoteOrder } from './quote-order';
export { receiveOrder } from './receive-order';
export { recordContractArrival } from './record-contract-arrival';
export { rejectOrder } from './reject-order';
export { setCompanyRename } from './set-company-rename';
export { type OrderPayment, type OrderSettlement, settleOrderPayment } from './settle-order-payment';
export { submitOrder } from './submit-order';
export { voidOrder } from './void-order';
