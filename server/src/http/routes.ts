import { registerAuditRoutes } from '../modules/audit/audit-routes';
import { registerCatalogRoutes } from '../modules/catalog/catalog-routes';
import { registerEntitlementRoutes } from '../modules/entitlements/entitlement-routes';
import { registerNotificationRoutes } from '../modules/notifications/notification-routes';
import { registerOrderRoutes } from '../modules/orders/order-routes';
import { registerPartiesRoutes } from '../modules/parties/parties-routes';
import { registerReportRoutes } from '../modules/reports/report-routes';
import { registerRequestRoutes } from '../modules/requests/request-routes';
import { registerWalletRoutes } from '../modules/wallets/wallet-routes';
import type { RegisterRoutes } from './env';

// Every module's routes, in one list: the HTTP half of the wiring root.
export const routeModules: RegisterRoutes[] = [
  registerPartiesRoutes,
  registerCatalogRoutes,
  registerOrderRoutes,
  registerWalletRoutes,
  registerRequestRoutes,
  registerEntitlementRoutes,
  registerNotificationRoutes,
  registerAuditRoutes,
  registerReportRoutes,
];
