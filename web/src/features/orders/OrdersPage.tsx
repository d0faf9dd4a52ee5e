import { ORDER_TYPES } from '@kaidan/shared/vocabulary';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { Card, Typography } from 'antd';
import { useMemo } from 'react';
import { api } from '../../api/client';
import type { ListedOrder, Page, Partner } from '../../api/types';
import { useI18n } from '../../i18n';
import { type DataColumn, DataTable, type FilterSpec } from '../../ui/DataTable';
import { DateText, Money, StateTag, useLabel } from '../../ui/widgets';
import { useMe } from '../auth/session';
import { OfflineTransfersCard } from '../payments/OfflineTransfersCard';

const ORDER_STATES = ['draft', 'submitted', 'approved', 'paid', 'rejected', 'voided'];
const SORT = { sort: '-created' };

/** Every order in scope: search, filters and sort kept in the URL; pages load as the user scrolls. */
export function OrdersPage() {
  const { t } = useI18n();
  const columns = useOrderColumns();
  const filters = useOrderFilters();
  const finance = useMe().data?.roles.includes('finance') ?? false;
  return (
    <Card title={t('orders.title')} size="small">
      {finance && <OfflineTransfersCard />}
      <DataTable<ListedOrder>
        resource="/orders"
        exportResource="/orders/export"
        queryKey={['orders']}
        columns={columns}
        rowKey={(o) => o.id}
        filters={filters}
        defaults={SORT}
        testId="orders-list"
      />
    </Card>
  );
}

export function useOrderFilters(): FilterSpec[] {
  const { t, pick } = useI18n();
  const label = useLabel();
  const me = useMe();
  const staff = me.data?.kind === 'staff';
  const partners = useQuery({
    queryKey: ['partners', 'options'],
    queryFn: () => api.get<Page<Partner>>('/partners', { limit: 200 }),
    enabled: staff,
    staleTime: 60_000,
  });
  return useMemo(() => {
    const out: FilterSpec[] = [
      { kind: 'text', key: 'q', placeholder: t('lists.search.orders') },
      {
        kind: 'select',
        key: 'state',
        placeholder: t('lists.allStates'),
        options: ORDER_STATES.map((s) => ({ value: s, label: label('state', s) })),
      },
      {
        kind: 'select',
        key: 'orderType',
        placeholder: t('lists.allTypes'),
        options: ORDER_TYPES.map((s) => ({ value: s, label: label('orderType', s) })),
      },
      {
        kind: 'select',
        key: 'currency',
        width: 110,
        placeholder: t('lists.allCurrencies'),
        options: ['CNY', 'USD'].map((c) => ({ value: c, label: c })),
      },
    ];
    if (staff && partners.data) {
      out.push({
        kind: 'select',
        key: 'partnerId',
        width: 220,
        placeholder: t('wallet.partner'),
        options: partners.data.items.map((p) => ({
          value: p.id,
          label: pick({ zh: p.nameZh, en: p.nameEn }),
        })),
      });
    }
    out.push({ kind: 'dates' });
    return out;
  }, [t, pick, label, staff, partners.data]);
}

export function useOrderColumns(): DataColumn<ListedOrder>[] {
  const { t } = useI18n();
  const label = useLabel();
  return [
    {
      title: t('common.number'),
      dataIndex: 'number',
      width: 170,
      render: (n: string, o) => (
        <Link to="/orders/$id" params={{ id: o.id }}>
          {n}
        </Link>
      ),
    },
    {
      title: t('common.customer'),
      dataIndex: 'companyName',
      width: 240,
      ellipsis: true,
      render: (name: string, o) => (
        <>
          {name}
          {o.tenantId && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {' '}
              {o.tenantId}
            </Typography.Text>
          )}
        </>
      ),
    },
    {
      title: t('order.type'),
      dataIndex: 'orderType',
      width: 90,
      render: (v: string) => label('orderType', v),
    },
    {
      title: t('common.total'),
      dataIndex: 'total',
      align: 'right',
      width: 150,
      sortKey: 'amount',
      render: (_, o) => <Money amount={o.total} currency={o.currency} />,
    },
    {
      title: t('common.state'),
      dataIndex: 'state',
      width: 110,
      sortKey: 'state',
      render: (s: string) => <StateTag state={s} />,
    },
    {
      title: t('lists.createdAt'),
      dataIndex: 'createdAt',
      width: 150,
      sortKey: 'created',
      render: (v: string) => <DateText value={v} />,
    },
    {
      title: t('orderDetail.submittedAt'),
      dataIndex: 'submittedAt',
      width: 150,
      render: (v: string | null) => <DateText value={v} />,
    },
  ];
}
