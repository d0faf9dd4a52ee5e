import { TOPUP_CHANNELS, TOPUP_RECORD_STATES } from '@kaidan/shared/vocabulary';
import { Card, Tag, Typography } from 'antd';
import { useI18n } from '../../i18n';
import { type DataColumn, DataTable } from '../../ui/DataTable';
import { DateText, Money } from '../../ui/widgets';
import { useRecordFilters } from './record-filters';
import type { TopupRecord } from './types';

const SORT = { sort: '-at' };
const STATE_COLOR: Record<string, string> = { pending: 'processing', settled: 'success', closed: 'default' };
// Top-ups come online through a provider or offline by bank transfer, never from a wallet.
const METHODS = ['offline', 'sandbox', 'wechatpay', 'alipay', 'paypal'] as const;
const SPEC = {
  search: 'records.searchTopup',
  selects: [
    { key: 'state', prefix: 'records.topupState', values: TOPUP_RECORD_STATES, placeholder: 'records.state' },
    { key: 'channel', prefix: 'records.channel', values: TOPUP_CHANNELS, placeholder: 'records.channel' },
  ],
  methods: METHODS,
} as const;

/** 充值记录 (seed 003, R26): settled and pending top-ups, online and offline, of the wallets in scope. */
export function TopupRecordsPage() {
  const { t } = useI18n();
  const filters = useRecordFilters(SPEC);
  const columns: DataColumn<TopupRecord>[] = [
    { title: t('records.number'), dataIndex: 'number', width: 210 },
    { title: t('records.channel'), width: 90, render: (_, r) => t(`records.channel.${r.channel}`) },
    {
      title: t('records.state'),
      width: 90,
      render: (_, r) => <Tag color={STATE_COLOR[r.state]}>{t(`records.topupState.${r.state}`)}</Tag>,
    },
    { title: t('records.wallet'), dataIndex: 'walletOwnerName', width: 180, ellipsis: true },
    { title: t('records.method'), width: 100, render: (_, r) => t(`records.method.${r.paymentMethod}`) },
    { title: t('records.currency'), dataIndex: 'currency', width: 70 },
    {
      title: t('records.amount'),
      width: 120,
      sortKey: 'amount',
      render: (_, r) => <Money amount={r.amount} currency={r.currency} />,
    },
    { title: t('records.at'), width: 140, sortKey: 'at', render: (_, r) => <DateText value={r.at} /> },
    { title: t('records.settledAt'), width: 140, render: (_, r) => <DateText value={r.settledAt} /> },
  ];
  return (
    <Card size="small" title={t('records.topups.title')}>
      <Typography.Paragraph type="secondary">{t('records.topups.hint')}</Typography.Paragraph>
      <DataTable<TopupRecord>
        resource="/topup-records"
        exportResource="/topup-records/export"
        queryKey={['topup-records']}
        columns={columns}
        rowKey={(r) => r.id}
        filters={filters}
        defaults={SORT}
        testId="topup-records-list"
      />
    </Card>
  );
}
