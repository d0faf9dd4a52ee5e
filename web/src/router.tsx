import { createRouter, Navigate, parseSearchWith, stringifySearchWith } from '@tanstack/react-router';
import { adminRoutes } from './features/admin/routes';
import { navFor, useMe } from './features/auth/session';
import { page, root } from './route-root';

function Home() {
  const me = useMe();
  const first = me.data ? navFor(me.data.roles)[0] : undefined;
  return first ? <Navigate to={`/${first}`} replace /> : null;
}

const routeTree = root.addChildren([
  page('/', async () => ({ Home }), 'Home'),
  page('/dashboard', () => import('./features/dashboard/DashboardPage'), 'DashboardPage'),
  page('/order', () => import('./features/orders/OrderPage'), 'OrderPage'),
  page('/customers', () => import('./features/customers/CustomersPage'), 'CustomersPage'),
  page('/orders', () => import('./features/orders/OrdersPage'), 'OrdersPage'),
  page('/orders/$id', () => import('./features/orders/OrderDetailRoute'), 'OrderDetailRoute'),
  page('/wallet', () => import('./features/wallets/WalletPages'), 'MyWalletPage'),
  page('/refunds', () => import('./features/refunds/RefundsPage'), 'RefundsPage'),
  page('/invoices', () => import('./features/invoices/InvoicesPage'), 'InvoicesPage'),
  page('/queue', () => import('./features/review/QueuePage'), 'QueuePage'),
  page('/ledgers', () => import('./features/wallets/WalletPages'), 'LedgersPage'),
  page('/calendar', () => import('./features/calendar/CalendarPage'), 'CalendarPage'),
  page('/notifications', () => import('./features/notifications/NotificationsPage'), 'NotificationsPage'),
  page('/webhooks', () => import('./features/webhooks/WebhooksPage'), 'WebhooksPage'),
  page('/devices', () => import('./features/devices/DevicesPage'), 'DevicesPage'),
  page('/packages', () => import('./features/devices/PackagesPage'), 'PackagesPage'),
  ...adminRoutes,
  page('/billing', () => import('./features/billing/BillingPage'), 'BillingPage'),
  page('/statements', () => import('./features/billing/StatementsPage'), 'StatementsPage'),
  page('/device-orders', () => import('./features/records/DeviceOrdersPage'), 'DeviceOrdersPage'),
  page('/billing-orders', () => import('./features/records/BillingOrdersPage'), 'BillingOrdersPage'),
  page('/topup-records', () => import('./features/records/TopupRecordsPage'), 'TopupRecordsPage'),
  page('/refund-payments', () => import('./features/refunds/RefundPaymentsPage'), 'RefundPaymentsPage'),
  page('/renewals', () => import('./features/renewals/RenewalsPage'), 'RenewalsPage'),
  page('/renewals/$id', () => import('./features/renewals/DeviceOrderRoute'), 'DeviceOrderRoute'),
]);

// Every search value is a plain string (filters, sort, ids): the URL reads `?mine=true&q=123`, not the
// router's default JSON (`?mine=%22true%22`), so shared links stay readable and hand-written ones work.
export const router = createRouter({
  routeTree,
  parseSearch: parseSearchWith((value) => value),
  stringifySearch: stringifySearchWith(String),
});

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
