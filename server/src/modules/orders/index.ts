// Orders own orders and their lines: quote (R1), place and submit with a wallet hold (R2), review by
// policy (R3), approve with capture and entitlement grant, reject, void and delete (R5), and the
// refunded amount per line (invariant 3); archiving, after which only a void request voids (R5).
export { approveOrder } from './approve-order';
export { archiveOrder } from './archive-order';
export { cancelContractArrival } from './cancel-contract-arrival';
export { deleteOrder } from './delete-order';
export { getOrder } from './get-order';
export type { OrderLineRow, OrderRow, OrderState, OrderType, SalesChannel } from './order';
export { payerOf, voidRequestable } from './order';
export {
  addRefunded,
  findOrder,
  linesOf,
  listOrders,
  markSettledOffline,
  orderScope,
  undecidedOrdersOf,
} from './order-store';
export { placeOrder } from './place-order';
export type { OrderInput, Quote } from './quote-order';
export { quoteOrder } from './quote-order';
export { receiveOrder } from './receive-order';
export { recordContractArrival } from './record-contract-arrival';
export { rejectOrder } from './reject-order';
export { setCompanyRename } from './set-company-rename';
export { submitOrder } from './submit-order';
export { voidOrder } from './void-order';
