// Wire shapes, taken from the shared zod contracts as types only (no zod in the bundle). Responses the
// server declares inline in its route files are restated here; keep them in step with those files.
import type * as B from '@kaidan/shared/contracts/billing';
import type * as Cal from '@kaidan/shared/contracts/calendar';
import type * as C from '@kaidan/shared/contracts/catalog';
import type { AuditEntry as AuditEntryC } from '@kaidan/shared/contracts/common';
import type * as D from '@kaidan/shared/contracts/devices';
import type * as OP from '@kaidan/shared/contracts/order-payments';
import type * as O from '@kaidan/shared/contracts/orders';
import type * as P from '@kaidan/shared/contracts/parties';
import type * as RF from '@kaidan/shared/contracts/refunds';
import type * as R from '@kaidan/shared/contracts/requests';
import type * as W from '@kaidan/shared/contracts/wallets';
import type { z } from 'zod';

export type Page<T> = { items: T[]; nextCursor: string | null };
export type Me = z.infer<typeof P.Me>;
export type Role = z.infer<typeof P.RoleName>;
export type Company = z.infer<typeof P.Company>;
export type Partner = z.infer<typeof P.Partner>;
export type Product = z.infer<typeof C.Product>;
export type ProductDetail = z.infer<typeof C.ProductDetail>;
export type OrderInput = z.input<typeof O.PlaceOrderInput>;
export type OrderType = z.infer<typeof O.OrderType>;
export type DurationUnit = z.infer<typeof O.DurationUnit>;
export type Quote = z.infer<typeof O.Quote>;
export type PlacedOrder = z.infer<typeof O.PlacedOrder>;
export type ListedOrder = z.infer<typeof O.ListedOrder>;
export type Order = z.infer<typeof O.Order>;
export type PaymentMethod = z.infer<typeof O.PaymentMethod>;
export type OrderPayments = z.infer<typeof OP.OrderPayments>;
export type OrderPaymentAttempt = z.infer<typeof OP.OrderPaymentAttempt>;
/** GET /payments/attempts/{id} (payment-routes.ts PaymentAttempt, declared in the route file) */
export interface PaymentAttempt {
  id: string;
  purpose: 'topup' | 'order';
  orderId: string | null;
  ownerType: 'partner' | 'company';
  ownerId: string;
  provider: string;
  merchantOrderNo: string;
  amount: string;
  currency: string;
  state: 'pending' | 'paid' | 'closed' | 'failed';
  codeUrl: string | null;
  providerTxnId: string | null;
  createdAt: string;
  expiresAt: string;
  paidAt: string | null;
  closedAt: string | null;
}
export type OrderLine = z.infer<typeof O.OrderLine>;
export type OrderDecision = z.infer<typeof O.OrderDecision>;
export type AuditEntry = z.infer<typeof AuditEntryC>;
export type Wallet = z.infer<typeof W.Wallet>;
export type WalletDetail = z.infer<typeof W.WalletDetail>;
export type LedgerLine = z.infer<typeof W.LedgerLine>;
export type ReviewRequest = z.infer<typeof R.Request>;
export type CalendarYear = z.infer<typeof Cal.CalendarYear>;
export type CalendarOverride = z.infer<typeof Cal.CalendarOverride>;
export type DayKind = z.infer<typeof Cal.DayKind>;
export type RequestDetail = z.infer<typeof R.RequestDetail>;
export type RefundPreview = z.infer<typeof R.RefundPreview>;
export type RefundPolicy = z.infer<typeof RF.RefundPolicy>;
export type RefundPayment = z.infer<typeof RF.RefundPayment>;
export type RefundPaymentRecord = z.infer<typeof RF.RefundPaymentRecord>;
export type Filed = z.infer<typeof R.Filed>;
export type Device = z.infer<typeof D.Device>;
export type DevicePackage = z.infer<typeof D.DevicePackage>;
export type PackageClass = z.infer<typeof D.PackageClass>;
export type PackageKind = z.infer<typeof D.PackageKind>;
export type DeviceBatchResult = z.infer<typeof D.DeviceBatchResult>;
export type BindResult = z.infer<typeof D.BindResult>;

/** GET /orders/{id} (order-routes.ts OrderDetail). */
export interface OrderDetail {
  order: Order;
  lines: OrderLine[];
  holds: { id: string; amount: string; state: string; createdAt: string }[];
  effects: {
    componentId: string;
    kind: string;
    seatsBefore: number | null;
    seatsAfter: number | null;
    endBefore: string | null;
    endAfter: string | null;
  }[];
  trail: AuditEntry[];
}

/** GET /companies/{id}/entitlements (entitlement-routes.ts). */
export interface Component {
  id: string;
  productId: string;
  planId: string;
  planCode: string;
  planName: { zh: string; en: string | null };
  planKind: string;
  seats: number;
  startDate: string;
  endDate: string;
  externalEnd: string | null;
  version: number;
}
export interface Entitlements {
  components: Component[];
}

/** GET /notifications (notification-routes.ts). */
export interface Notification {
  id: string;
  kind: string;
  title: { zh: string; en: string };
  refType: string;
  refId: string;
  /** the number of the order or request it is about */
  refNumber: string | null;
  readAt: string | null;
  createdAt: string;
}
export type BillingConfig = z.infer<typeof B.BillingConfig>;
export type BillingSettings = z.infer<typeof B.BillingSettings>;
export type BillingConfigBatchResult = z.infer<typeof B.BillingConfigBatchResult>;
export type BillingStatement = z.infer<typeof B.BillingStatement>;
