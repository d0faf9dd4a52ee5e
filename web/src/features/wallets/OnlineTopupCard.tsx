import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Form, Input, Modal, Space, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { api } from '../../api/client';
import type { PaymentAttempt } from '../../api/types';
import { useI18n } from '../../i18n';
import { type DataColumn, DataTable } from '../../ui/DataTable';
import { ProblemAlert, useFieldStatus } from '../../ui/problem';
import { DateText, Money, StateTag, useLabel } from '../../ui/widgets';
import { AttemptPay } from '../payments/AttemptPay';
import { useStateDateFilters } from './state-filters';

type Attempt = PaymentAttempt;

const STATES = ['pending', 'paid', 'closed'];
const DEFAULTS = { sort: '-created' };

/**
 * R25 online, R26: top up one's own wallet online (the server picks CNY and the provider), shown as a QR
 * code to scan, with the attempt's state polled until it settles; in the demo a "pay in sandbox" button
 * plays the payer. Below, the online top-ups (pending, paid, closed), a list of their own beside the
 * offline applications, with the same filters.
 */
export function OnlineTopupCard({ ownerId }: { ownerId: string }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const [form] = Form.useForm<{ amount: string }>();
  const [openId, setOpenId] = useState<string | null>(null);
  const start = useMutation({
    mutationFn: (v: { amount: string }) => api.post<Attempt>('/payments/topups', { amount: v.amount.trim() }),
    onSuccess: (a) => {
      form.resetFields();
      setOpenId(a.id);
      void qc.invalidateQueries({ queryKey: ['payments'] });
    },
  });
  const status = useFieldStatus(start.error);
  const columns = useColumns();
  const filters = useStateDateFilters(STATES);
  return (
    <Card size="small" title={t('payments.online')}>
      <Form
        form={form}
        layout="inline"
        onFinish={(v) => start.mutate(v)}
        onValuesChange={() => start.reset()}
      >
        <Form.Item
          name="amount"
          label={t('common.amount')}
          rules={[{ required: true }]}
          extra={t('payments.onlineHint')}
          {...status('amount')}
        >
          <Input
            style={{ width: 140 }}
            inputMode="decimal"
            placeholder="100.00"
            data-testid="online-amount"
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={start.isPending} data-testid="online-start">
          {t('payments.start')}
        </Button>
      </Form>
      <Space direction="vertical" style={{ width: '100%', marginTop: 8 }}>
        <ProblemAlert error={start.error} shownFields={['amount']} />
        <Typography.Text strong>{t('payments.list')}</Typography.Text>
        <DataTable<Attempt>
          resource="/payments/topups"
          queryKey={['payments', 'topups', ownerId]}
          ns="o."
          columns={columns}
          rowKey={(r) => r.id}
          filters={filters}
          defaults={DEFAULTS}
          height={280}
          testId="online-topup-list"
          onRow={(r) => ({ onClick: () => setOpenId(r.id), style: { cursor: 'pointer' } })}
        />
      </Space>
      {openId && <PayDialog id={openId} onClose={() => setOpenId(null)} />}
    </Card>
  );
}

/** The top-up's QR code and state (the shared AttemptPay); once settled, the wallet and the list reload. */
function PayDialog({ id, onClose }: { id: string; onClose: () => void }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  // Once settled, the balance, the ledger lines and the list move: reload what shows them.
  const settled = useCallback(() => {
    void qc.invalidateQueries({ queryKey: ['wallets'] });
    void qc.invalidateQueries({ queryKey: ['payments', 'topups'] });
  }, [qc]);
  return (
    <Modal open title={t('payments.dialog')} onCancel={onClose} footer={null} data-testid="pay-dialog">
      <AttemptPay
        id={id}
        scan={(amount) => t('payments.scan', { amount })}
        paidText={t('payments.paidDone')}
        onSettled={settled}
      />
    </Modal>
  );
}

function useColumns(): DataColumn<Attempt>[] {
  const { t } = useI18n();
  const label = useLabel();
  return [
    { title: t('payments.orderNo'), dataIndex: 'merchantOrderNo', width: 250 },
    {
      title: t('common.amount'),
      align: 'right',
      width: 130,
      sortKey: 'amount',
      render: (_, r) => <Money amount={r.amount} currency={r.currency} />,
    },
    {
      title: t('payments.provider'),
      dataIndex: 'provider',
      width: 170,
      render: (v: string) => label('payments.provider', v),
    },
    {
      title: t('payments.createdAt'),
      dataIndex: 'createdAt',
      width: 150,
      sortKey: 'created',
      render: (v: string) => <DateText value={v} />,
    },
    {
      title: t('payments.paidAt'),
      dataIndex: 'paidAt',
      width: 150,
      render: (v: string | null) => <DateText value={v} />,
    },
    {
      title: t('common.state'),
      dataIndex: 'state',
      width: 100,
      render: (s: string) => <StateTag state={s} />,
    },
  ];
}
