import { Card, Typography } from 'antd';
import { useMemo } from 'react';
import type { RefundPaymentRecord } from '../../api/types';
import { useI18n } from '../../i18n';
import { type DataColumn, DataTable, type FilterSpec } from '../../ui/DataTable';
import { DateText, Money, useLabel } from '../../ui/widgets';
import { RefundPaymentState } from './RefundPaymentsTable';

const SORT = { sort: '-created' };
const STATES = ['pending', 'processing', 'succeeded', 'failed'] as const;
const CHANNELS = ['wallet', 'offline', 'sandbox', 'wechatpay', 'alipay', 'paypal'] as const;

/**
 * 退款执行 (R35, R29): finance follows every refund payment to the end — on its way, back with the payer,
 * or failed and still owed (finance returns it by transfer or wallet credit) — and sees late money that
 * went back unasked, with the payment it returned.
 */
export function RefundPaymentsPage() {
  const { t } = useI18n();
  const label = useLabel();
  const filters = useMemo<FilterSpec[]>(
    () => [
      { kind: 'text', key: 'q', placeholder: t('refundPayments.search') },
      { kind: 'dates' },
      {
        kind: 'select',
        key: 'state',
        placeholder: t('refundPayment.state'),
        options: STATES.map((s) => ({ value: s, label: label('refundPayment.state', s) })),
      },
      {
        kind: 'select',
        key: 'channel',
        placeholder: t('refundPayment.channel'),
        options: CHANNELS.map((c) => ({ value: c, label: label('refundPayment.channel', c) })),
      },
      {
        kind: 'select',
        key: 'late',
        placeholder: t('refundPayments.source'),
        options: [
          { value: 'false', label: t('refundPayments.requested') },
          { value: 'true', label: t('refundPayments.late') },
        ],
      },
    ],
    [t, label],
  );
  const columns: DataColumn<RefundPaymentRecord>[] = [
    { title: t('refundPayment.refundNo'), dataIndex: 'refundNo', width: 300 },
    {
      title: t('refundPayments.source'),
      width: 260,
      render: (_, r) =>
        r.late ? (
          <span data-testid={`late-${r.refundNo}`}>
            {t('refundPayments.lateOf', { number: r.merchantOrderNo ?? '—' })}
          </span>
        ) : (
          (r.requestNumber ?? '—')
        ),
    },
    {
      title: t('refundPayment.channel'),
      width: 150,
      render: (_, r) => label('refundPayment.channel', r.channel),
    },
    {
      title: t('common.amount'),
      align: 'right',
      width: 130,
      sortKey: 'amount',
      render: (_, r) => <Money amount={r.amount} currency={r.currency} />,
    },
    { title: t('refundPayment.state'), width: 110, render: (_, r) => <RefundPaymentState state={r.state} /> },
    { title: t('refundPayments.failure'), width: 220, ellipsis: true, render: (_, r) => r.failure ?? '—' },
    {
      title: t('refundPayments.createdAt'),
      width: 150,
      sortKey: 'created',
      render: (_, r) => <DateText value={r.createdAt} />,
    },
    {
      title: t('refundPayment.arrivedAt'),
      width: 150,
      render: (_, r) => (r.arrivedAt ? <DateText value={r.arrivedAt} /> : t('refundPayment.notArrived')),
    },
  ];
  return (
    <Card size="small" title={t('refundPayments.title')}>
      <Typography.Paragraph type="secondary">{t('refundPayments.hint')}</Typography.Paragraph>
      <DataTable<RefundPaymentRecord>
        resource="/refund-payments"
        queryKey={['refund-payments']}
        columns={columns}
        rowKey={(r) => r.id}
        filters={filters}
        defaults={SORT}
        testId="refund-payments-list"
      />
    </Card>
  );
}
