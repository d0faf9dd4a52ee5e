import { createRootRoute, createRoute, createRouter, Navigate } from '@tanstack/react-router';
import { navFor, useMe } from './features/auth/session';
import { CustomersPage } from './features/customers/CustomersPage';
import { NotificationsPage } from './features/notifications/NotificationsPage';
import { OrderDetailPage } from './features/orders/OrderDetailPage';
import { OrderPage } from './features/orders/OrderPage';
import { OrdersPage } from './features/orders/OrdersPage';
import { RefundsPage } from './features/refunds/RefundsPage';
import { QueuePage } from './features/review/QueuePage';
import { Shell } from './features/shell/Shell';
import { LedgersPage, MyWalletPage } from './features/wallets/WalletPages';

// Code-based routes: few screens, and no generator step in the build.
const root = createRootRoute({ component: Shell });

function Home() {
  const me = useMe();
  const first = me.data ? navFor(me.data.roles)[0] : undefined;
  return first ? <Navigate to={`/${first}`} replace /> : null;
}

const page = <P extends string>(path: P, component: () => React.ReactNode) =>
  createRoute({ getParentRoute: () => root, path, component });

const orderDetail = createRoute({
  getParentRoute: () => root,
  path: '/orders/$id',
  component: function OrderDetailRoute() {
    const { id } = orderDetail.useParams();
    return <OrderDetailPage id={id} />;
  },
});

const routeTree = root.addChildren([
  page('/', Home),
  page('/order', OrderPage),
  page('/customers', CustomersPage),
  page('/orders', OrdersPage),
  orderDetail,
  page('/wallet', MyWalletPage),
  page('/refunds', RefundsPage),
  page('/queue', QueuePage),
  page('/ledgers', LedgersPage),
  page('/notifications', NotificationsPage),
]);

export const router = createRouter({ routeTree });

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
