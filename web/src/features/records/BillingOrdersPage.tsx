import { BILLING_ORDER_TYPES } from '@kaidan/shared/vocabulary';
import { Card, Tag, Typography } from 'antd';
import { useI18n } from '../../i18n';
import { type DataColumn, DataTable } from '../../ui/DataTable';
import { Money } from '../../ui/widgets';
import { paidAtColumn, shareColumns } from './record-columns';
import { useRecordFilters } from './record-filters';
import type { BillingOrder } from './types';

const SORT = { sort: '-paid' };
const TYPE_COLOR: Record<string, string> = { topup: 'blue', renewal: 'green', value_added: 'purple' };
const SPEC = {
  search: 'records.searchBilling',
  selects: [
    { key: 'type', prefix: 'records.type', values: BILLING_ORDER_TYPES, placeholder: 'records.type' },
  ],
} as const;

/** 订单管理 (seed 003, R39): finance's paid top-up, renewal and value-added orders, filtered and exported. */
export function BillingOrdersPage() {
  const { t } = useI18n();
  const filters = useRecordFilters(SPEC);
  const columns: DataColumn<BillingOrder>[] = [
    {
      title: t('records.type'),
      width: 100,
      render: (_, o) => <Tag color={TYPE_COLOR[o.type]}>{t(`records.type.${o.type}`)}</Tag>,
    },
    { title: t('records.number'), dataIndex: 'number', width: 200 },
    { title: t('records.company'), width: 170, ellipsis: true, render: (_, o) => o.companyName ?? '—' },
    { title: t('records.partner'), width: 170, ellipsis: true, render: (_, o) => o.partnerName ?? '—' },
    { title: t('records.method'), width: 100, render: (_, o) => t(`records.method.${o.paymentMethod}`) },
    { title: t('records.currency'), dataIndex: 'currency', width: 70 },
    {
      title: t('records.amount'),
      width: 120,
      sortKey: 'amount',
      render: (_, o) => <Money amount={o.amount} currency={o.currency} />,
    },
    ...shareColumns<BillingOrder>(t),
    paidAtColumn<BillingOrder>(t),
  ];
  return (
    <Card size="small" title={t('records.billingOrders.title')}>
      <Typography.Paragraph type="secondary">{t('records.billingOrders.hint')}</Typography.Paragraph>
      <DataTable<BillingOrder>
        resource="/billing-orders"
        exportResource="/billing-orders/export"
        queryKey={['billing-orders']}
        columns={columns}
        rowKey={(o) => o.id}
        filters={filters}
        defaults={SORT}
        testId="billing-orders-list"
      />
    </Card>
  );
}
