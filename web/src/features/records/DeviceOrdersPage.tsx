import { DEVICE_ORDER_SOURCES, DEVICE_ORDER_STATES } from '@kaidan/shared/vocabulary';
import { Link } from '@tanstack/react-router';
import { Card, Tag, Typography } from 'antd';
import { useI18n } from '../../i18n';
import { type DataColumn, DataTable } from '../../ui/DataTable';
import { DateText, Money } from '../../ui/widgets';
import { DeviceOrderItems } from './DeviceOrderItems';
import { paidAtColumn, shareColumns } from './record-columns';
import { useRecordFilters } from './record-filters';
import type { DeviceOrderRecord } from './types';

const SORT = { sort: '-created' };
const STATE_COLOR: Record<string, string> = {
  awaiting_payment: 'processing',
  paid: 'success',
  expired: 'default',
};
// Device orders are paid by wallet or online, never by bank transfer (migration 1600).
const METHODS = ['wallet', 'sandbox', 'wechatpay', 'alipay', 'paypal'] as const;
const SPEC = {
  search: 'records.search',
  selects: [
    { key: 'state', prefix: 'records.orderState', values: DEVICE_ORDER_STATES, placeholder: 'records.state' },
    { key: 'source', prefix: 'records.source', values: DEVICE_ORDER_SOURCES, placeholder: 'records.source' },
  ],
  methods: METHODS,
} as const;

/** 订单记录 (seed 003, R39): device orders, paid and unpaid, in scope; a row opens its devices. */
export function DeviceOrdersPage() {
  const { t } = useI18n();
  const filters = useRecordFilters(SPEC);
  const columns: DataColumn<DeviceOrderRecord>[] = [
    {
      title: t('records.number'),
      width: 190,
      // The order's own screen: its devices, and for the paying customer the pay step while it waits.
      render: (_, o) => (
        <Link to="/renewals/$id" params={{ id: o.id }} data-testid="device-order-open">
          {o.number}
        </Link>
      ),
    },
    { title: t('records.company'), dataIndex: 'companyName', width: 170, ellipsis: true },
    {
      title: t('records.state'),
      width: 100,
      render: (_, o) => <Tag color={STATE_COLOR[o.state]}>{t(`records.orderState.${o.state}`)}</Tag>,
    },
    { title: t('records.method'), width: 100, render: (_, o) => t(`records.method.${o.paymentMethod}`) },
    { title: t('records.currency'), dataIndex: 'currency', width: 70 },
    { title: t('records.source'), width: 90, render: (_, o) => t(`records.source.${o.source}`) },
    { title: t('records.months'), dataIndex: 'months', width: 60 },
    { title: t('records.devices'), dataIndex: 'deviceCount', width: 70 },
    ...shareColumns<DeviceOrderRecord>(t),
    {
      title: t('records.total'),
      width: 120,
      sortKey: 'total',
      render: (_, o) => <Money amount={o.total} currency={o.currency} />,
    },
    {
      title: t('records.createdAt'),
      width: 140,
      sortKey: 'created',
      render: (_, o) => <DateText value={o.createdAt} />,
    },
    paidAtColumn<DeviceOrderRecord>(t),
  ];
  return (
    <Card size="small" title={t('records.deviceOrders.title')}>
      <Typography.Paragraph type="secondary">{t('records.deviceOrders.hint')}</Typography.Paragraph>
      <DataTable<DeviceOrderRecord>
        resource="/device-orders"
        exportResource="/device-orders/export"
        queryKey={['device-orders']}
        columns={columns}
        rowKey={(o) => o.id}
        filters={filters}
        defaults={SORT}
        virtual={false}
        expandable={{ expandedRowRender: (o) => <DeviceOrderItems order={o} /> }}
        testId="device-orders-list"
      />
    </Card>
  );
}
