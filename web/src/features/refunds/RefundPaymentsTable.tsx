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

/** A refund payment's state (R35): sent, on its way, back with the payer, or failed and still owed. */
export function RefundPaymentState({ state }: { state: RefundPayment['state'] }) {
  const label = useLabel();
  return (
    <Tag color={COLOR[state]} data-state={state}>
      {label('refundPayment.state', state)}
    </Tag>
  );
}

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
            render: (_, r) => <RefundPaymentState state={r.state} />,
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
