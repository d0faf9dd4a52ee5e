import { useInfiniteQuery } from '@tanstack/react-query';
import { Button, Table } from 'antd';
import { api } from '../../api/client';
import { useI18n } from '../../i18n';
import { ProblemAlert } from '../../ui/problem';
import { Money } from '../../ui/widgets';
import type { DeviceOrderItem, DeviceOrderRecord, ItemsPage } from './types';

const PAGE = 100;

/** An order's devices, a page at a time: an order may renew 100 000 devices. */
export function DeviceOrderItems({ order }: { order: DeviceOrderRecord }) {
  const { t } = useI18n();
  const items = useInfiniteQuery({
    queryKey: ['device-orders', order.id, 'items'],
    queryFn: ({ pageParam }) =>
      api.get<ItemsPage>(`/device-orders/${order.id}/items`, { limit: PAGE, after: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const rows = items.data?.pages.flatMap((p) => p.items) ?? [];
  const money = (v: string) => <Money amount={v} currency={order.currency} />;
  return (
    <div data-testid={`device-order-items-${order.number}`}>
      <ProblemAlert error={items.error} />
      <Table<DeviceOrderItem>
        size="small"
        rowKey={(i) => i.deviceId}
        loading={items.isPending}
        dataSource={rows}
        pagination={false}
        title={() => t('records.items')}
        columns={[
          { title: t('records.deviceNo'), dataIndex: 'deviceNo' },
          { title: t('records.deviceType'), dataIndex: 'deviceType' },
          { title: t('records.package'), render: (_, i) => `${i.packageCode} ${i.packageName ?? ''}` },
          {
            title: `${t('records.renewalAmount')} / ${t('records.perMonth')}`,
            render: (_, i) => money(i.renewalAmount),
          },
          {
            title: `${t('records.valueAddedAmount')} / ${t('records.perMonth')}`,
            render: (_, i) => money(i.valueAddedAmount),
          },
          { title: t('records.amount'), render: (_, i) => money(i.amount) },
          { title: t('records.expiresBefore'), render: (_, i) => i.expiresBefore ?? '—' },
          { title: t('records.expiresAfter'), render: (_, i) => i.expiresAfter ?? '—' },
        ]}
      />
      {items.hasNextPage && (
        <Button size="small" loading={items.isFetchingNextPage} onClick={() => void items.fetchNextPage()}>
          {t('records.items.more')}
        </Button>
      )}
    </div>
  );
}
