import { Link } from '@tanstack/react-router';
import { Button } from 'antd';
import type { Order } from '../../api/types';
import { useI18n } from '../../i18n';
import { useMe } from '../auth/session';

/**
 * On a paid order's page: "request an invoice" opens the invoice form with the order chosen (R29: shown for
 * paid orders only; orders a partner wallet paid are invoiced to the partner, not from here).
 */
export function InvoiceRequestLink({ order }: { order: Pick<Order, 'id' | 'state' | 'channel'> }) {
  const { t } = useI18n();
  const roles = useMe().data?.roles ?? [];
  if (order.state !== 'paid' || order.channel === 'partner') return null;
  if (!roles.includes('customer') && !roles.includes('finance')) return null;
  return (
    <Link to="/invoices" search={{ invoiceOrder: order.id }} data-testid="order-request-invoice">
      <Button size="small">{t('invoices.requestNew')}</Button>
    </Link>
  );
}
