import { type AppDeps, createHttpApp } from './http/app';
import type { App, RegisterRoutes } from './http/env';
import { registerAuditRoutes } from './modules/audit/audit-routes';
import { registerBillingRoutes } from './modules/billing/billing-routes';
import { registerCalendarRoutes } from './modules/calendar/calendar-routes';
import { registerCatalogRoutes } from './modules/catalog/catalog-routes';
import { registerDeviceImportRoutes } from './modules/devices/device-import-routes';
import { registerDeviceRoutes } from './modules/devices/device-routes';
import { registerPackageRoutes } from './modules/devices/package-routes';
import { registerEntitlementRoutes } from './modules/entitlements/entitlement-routes';
import { registerInvoiceRoutes } from './modules/invoices/invoice-routes';
import { registerNotificationRoutes } from './modules/notifications/notification-routes';
import { orderRoutes } from './modules/orders/order-routes';
import { principalOfRequest } from './modules/parties';
import { registerPartiesRoutes } from './modules/parties/parties-routes';
import {
  deviceOrderPaymentRoutes,
  NO_PAYMENTS,
  orderPaymentRoutes,
  type Payments,
  paymentRoutes,
} from './modules/payments';
import { registerRecordRoutes } from './modules/records/records-routes';
import { refundRoutes, registerRefundPaymentRoutes } from './modules/refunds';
import { renewalRoutes } from './modules/renewals';
import { registerReportRoutes } from './modules/reports/report-routes';
import { openRequestOn } from './modules/requests';
import { registerRequestRoutes } from './modules/requests/request-routes';
import { registerWalletRoutes } from './modules/wallets/wallet-routes';
import { registerWebhookRoutes } from './modules/webhooks/webhook-routes';

export type { AppDeps } from './http/app';

// The HTTP half of the wiring root (main.ts builds the dependencies, this assembles the app from them):
// http/ is a kit that knows no module, and each module registers its routes on it. Tests build the app
// here too, so they exercise the same assembly the server runs.
// The order routes come from `createApp`: they offer the configured providers as payment methods (R28).
export const routeModules: readonly RegisterRoutes[] = [
  registerPartiesRoutes,
  registerCatalogRoutes,
  registerWalletRoutes,
  registerRequestRoutes,
  registerEntitlementRoutes,
  registerNotificationRoutes,
  registerAuditRoutes,
  registerReportRoutes,
  registerWebhookRoutes,
  registerCalendarRoutes,
  registerInvoiceRoutes,
  registerPackageRoutes,
  registerDeviceRoutes,
  renewalRoutes,
  registerDeviceImportRoutes,
  registerBillingRoutes,
  registerRecordRoutes,
  registerRefundPaymentRoutes,
];

/** What the server runs with beyond the kit's deps: the payment providers from its configuration. */
export interface ServerDeps extends AppDeps {
  payments?: Payments;
}

/**
 * The whole API: the HTTP kit with every module's routes, the payments routes for the configured
 * providers (none by default: no online payment), and parties' principal resolver.
 */
export function createApp(deps: ServerDeps, modules: readonly RegisterRoutes[] = routeModules): App {
  const payments = deps.payments ?? NO_PAYMENTS;
  const routes = [
    orderRoutes([...payments.providers.values()], {
      openVoidRequest: (ex, orderId) => openRequestOn(ex, { category: 'void', orderId }),
    }),
    ...modules,
    paymentRoutes(payments),
    orderPaymentRoutes(payments),
    deviceOrderPaymentRoutes(payments),
    refundRoutes(payments),
  ];
  return createHttpApp(deps, { routes, resolvePrincipal: principalOfRequest(deps) });
}
