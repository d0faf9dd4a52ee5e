import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { Card, Table } from 'antd';
import { api } from '../../api/client';
import type { ListedOrder, Page } from '../../api/types';
import { useI18n } from '../../i18n';
import { ProblemAlert } from '../../ui/problem';
import { DateText, Money, StateTag, useLabel } from '../../ui/widgets';

export function OrdersPage() {
  const { t } = useI18n();
  const orders = useQuery({
    queryKey: ['orders', 'all'],
    queryFn: () => api.get<Page<ListedOrder>>('/orders', { limit: 200 }),
  });
  return (
    <Card title={t('orders.title')} size="small">
      <ProblemAlert error={orders.error} />
      <OrderTable rows={orders.data?.items ?? []} loading={orders.isPending} />
    </Card>
  );
}

export function OrderTable({ rows, loading }: { rows: ListedOrder[]; loading?: boolean }) {
  const { t } = useI18n();
  const label = useLabel();
  return (
    <Table<ListedOrder>
      size="small"
      rowKey="id"
      loading={loading}
      dataSource={rows}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      columns={[
        {
          title: t('common.number'),
          dataIndex: 'number',
          render: (n: string, o) => (
            <Link to="/orders/$id" params={{ id: o.id }}>
              {n}
            </Link>
          ),
        },
        { title: t('common.customer'), dataIndex: 'companyName' },
        { title: t('order.type'), dataIndex: 'orderType', render: (v: string) => label('orderType', v) },
        {
          title: t('common.total'),
          align: 'right',
          render: (_, o) => <Money amount={o.total} currency={o.currency} />,
        },
        { title: t('common.state'), dataIndex: 'state', render: (s: string) => <StateTag state={s} /> },
        {
          title: t('orderDetail.submittedAt'),
          dataIndex: 'submittedAt',
          render: (v: string | null) => <DateText value={v} />,
        },
      ]}
    />
  );
}
