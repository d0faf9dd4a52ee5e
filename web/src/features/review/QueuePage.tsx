import { useQuery } from '@tanstack/react-query';
import { Card, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client';
import type { ListedOrder, Page, ReviewRequest } from '../../api/types';
import { useI18n } from '../../i18n';
import { ProblemAlert } from '../../ui/problem';
import { DateText, Money, StateTag, useLabel } from '../../ui/widgets';
import { teamOf, useMe } from '../auth/session';
import { OrderTable } from '../orders/OrdersPage';
import { RequestDrawer } from './RequestDrawer';

/** R11/R34: the team's queue with owner and deadline; the order desk also reviews submitted orders. */
export function QueuePage() {
  const { t } = useI18n();
  const label = useLabel();
  const me = useMe();
  const roles = me.data?.roles ?? [];
  const team = teamOf(roles);
  const showOrders = roles.includes('order_desk') || roles.includes('admin');
  const [open, setOpen] = useState<string | null>(null);
  const orders = useQuery({
    queryKey: ['orders', 'submitted'],
    queryFn: () => api.get<Page<ListedOrder>>('/orders', { state: 'submitted', limit: 200 }),
    enabled: showOrders,
  });
  const requests = useQuery({
    queryKey: ['requests', 'submitted', team],
    queryFn: () =>
      api.get<Page<ReviewRequest>>('/requests', { state: 'submitted', ownerTeam: team, limit: 200 }),
  });
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={12}>
      {showOrders && (
        <Card size="small" title={t('queue.orders')}>
          <ProblemAlert error={orders.error} />
          <OrderTable rows={orders.data?.items ?? []} loading={orders.isPending} />
        </Card>
      )}
      <Card size="small" title={t('queue.requests')}>
        <ProblemAlert error={requests.error} />
        <Table<ReviewRequest>
          size="small"
          rowKey="id"
          loading={requests.isPending}
          dataSource={requests.data?.items ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          data-testid="request-queue"
          onRow={(r) => ({ onClick: () => setOpen(r.id), style: { cursor: 'pointer' } })}
          columns={[
            {
              title: t('common.number'),
              dataIndex: 'number',
              render: (n: string) => <Typography.Link>{n}</Typography.Link>,
            },
            {
              title: t('queue.category'),
              dataIndex: 'category',
              render: (c: string) => label('category', c),
            },
            { title: t('queue.owner'), dataIndex: 'ownerTeam', render: (c: string) => label('team', c) },
            {
              title: t('queue.summary'),
              render: (_, r) =>
                r.topup ? (
                  <Money amount={r.topup.amount} currency={r.topup.currency} />
                ) : typeof r.payload.reason === 'string' ? (
                  r.payload.reason
                ) : (
                  ''
                ),
            },
            {
              title: t('queue.submitted'),
              dataIndex: 'submittedAt',
              render: (v: string | null) => <DateText value={v} />,
            },
            {
              title: t('queue.due'),
              dataIndex: 'dueAt',
              render: (v: string | null, r) => (
                <>
                  <DateText value={v} /> {r.overdue && <Tag color="red">{t('queue.overdue')}</Tag>}
                </>
              ),
            },
            { title: t('common.state'), dataIndex: 'state', render: (s: string) => <StateTag state={s} /> },
          ]}
        />
      </Card>
      <RequestDrawer
        id={open}
        onClose={() => setOpen(null)}
        canDecide={team !== undefined || roles.includes('admin')}
      />
    </Space>
  );
}
