import { Table, Tag, Typography } from 'antd';
import type { RefundPayment } from '../../api/types';
import { useI18n } from '../../i18n';
import { DateText, Money, useLabel } from '../../ui/widgets';

const COLOR: Record<RefundPayment['state'], string> = {
  pending: 'default',
  processing: 'processing',
  succeeded: 'success',
  failed: 'error',
};

/** R35: where an approved refund went back, per payment, with its refund number, state and arrival. */
export function RefundPaymentsTable({ rows, currency }: { rows: RefundPayment[]; currency: string }) {
  const { t } = useI18n();
  const label = useLabel();
  return (
    <div style={{ marginTop: 12 }}>
      <Typography.Title level={5}>{t('refundPayment.title')}</Typography.Title>
      <Table<RefundPayment>
        size="small"
        pagination={false}
        rowKey="id"
        dataSource={rows}
        data-testid="refund-payments"
        columns={[
          { title: t('refundPayment.channel'), render: (_, r) => label('refundPayment.channel', r.channel) },
          { title: t('refundPayment.refundNo'), dataIndex: 'refundNo' },
          {
            title: t('common.amount'),
            align: 'right',
            render: (_, r) => <Money amount={r.amount} currency={currency} />,
          },
          {
            title: t('refundPayment.state'),
            render: (_, r) => (
              <Tag color={COLOR[r.state]} data-state={r.state}>
                {label('refundPayment.state', r.state)}
              </Tag>
            ),
          },
          {
            title: t('refundPayment.arrivedAt'),
            render: (_, r) =>
              r.arrivedAt ? <DateText value={r.arrivedAt} /> : t('refundPayment.notArrived'),
          },
        ]}
      />
    </div>
  );
}
