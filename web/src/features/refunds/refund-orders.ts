import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { ListedOrder, Page } from '../../api/types';
import { useI18n } from '../../i18n';
import { formatAmount } from '../../ui/format';
import { useMe } from '../auth/session';

/** GET /refunds/self-service (requests/self-service-refund-routes.ts): what R33 lets a customer refund now. */
export interface RefundableOrder {
  id: string;
  number: string;
  companyId: string;
  companyName: string;
  currency: string;
  total: string;
  paidAt: string | null;
  refundableUntil: string;
}

/**
 * The orders the refund form offers: the paid orders a partner's own wallet paid (R32; an order paid
 * before a transfer is the order desk's to refund, docs/transfers.md), any paid order for staff, or a
 * customer's own self-service orders still inside the R33 window, as the server decides it (the browser's
 * clock is not the rule's).
 */
export function useRefundOrders(customer: boolean) {
  const { t } = useI18n();
  const partnerId = useMe().data?.partner?.id;
  const paid = useQuery({
    queryKey: ['orders', 'paid', partnerId],
    queryFn: () =>
      api.get<Page<ListedOrder>>('/orders', {
        state: 'paid',
        limit: 200,
        ...(partnerId ? { partnerId } : {}),
      }),
    enabled: !customer,
  });
  // Under 'requests' so that filing a request (which invalidates it) takes the order off the list.
  const own = useQuery({
    queryKey: ['requests', 'refundable-orders'],
    queryFn: () => api.get<{ items: RefundableOrder[] }>('/refunds/self-service'),
    enabled: customer,
  });
  const list = customer ? own : paid;
  const options = customer
    ? (own.data?.items ?? []).map((o) => ({
        value: o.id,
        label: `${o.number} · ${o.companyName} · ${formatAmount(o.total, o.currency)} · ${t(
          'desk.refunds.customer.until',
          { date: o.refundableUntil },
        )}`,
      }))
    : (paid.data?.items ?? []).map((o) => ({
        value: o.id,
        label: `${o.number} · ${o.companyName} · ${o.total}`,
      }));
  const numbers = customer ? own.data?.items : paid.data?.items;
  return {
    options,
    numberOf: new Map((numbers ?? []).map((o) => [o.id, o.number])),
    isPending: list.isPending,
    error: list.error,
    /** loaded, and nothing to offer */
    empty: !list.isPending && options.length === 0,
  };
}
