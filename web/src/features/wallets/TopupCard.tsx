import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Select, Space } from 'antd';
import { useMemo } from 'react';
import { api } from '../../api/client';
import type { Filed, ReviewRequest } from '../../api/types';
import { useI18n } from '../../i18n';
import { type DataColumn, DataTable } from '../../ui/DataTable';
import { ProblemAlert, useFieldStatus } from '../../ui/problem';
import { DateText, Money, StateTag } from '../../ui/widgets';
import { DueText } from '../review/DueText';
import { useOpenRequest } from '../review/open-request';
import { RequestDrawer } from '../review/RequestDrawer';
import { useStateDateFilters } from './state-filters';

interface TopupValues {
  payer: string;
  currency: 'CNY' | 'USD';
  amount: string;
  bankRef: string;
}

const STATES = ['draft', 'submitted', 'approved', 'returned', 'declined', 'withdrawn'];
const DEFAULTS = { sort: '-submitted' };

/**
 * R25/R26: apply for an offline top-up of a partner wallet (sent to finance at once), and the list of
 * top-ups, settled and pending, as a server list (the wallet ledger shares the screen, hence the `t.` keys);
 * a row opens the application, where its filer corrects and resubmits it once returned.
 * The amount stays the string the user typed; the server checks its scale.
 */
export function TopupCard({ partnerId }: { partnerId: string }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const [form] = Form.useForm<TopupValues>();
  const fixed = useMemo(() => ({ category: 'topup', partnerId }), [partnerId]);
  const columns = useTopupColumns();
  const filters = useStateDateFilters(STATES);
  const [open, setOpen] = useOpenRequest();
  const file = useMutation({
    mutationFn: (v: TopupValues) =>
      api.post<Filed>('/topups', {
        walletOwnerType: 'partner',
        walletOwnerId: partnerId,
        ...v,
        amount: v.amount.trim(),
        submit: true,
      }),
    onSuccess: () => {
      form.resetFields();
      void qc.invalidateQueries({ queryKey: ['requests'] });
    },
  });
  const status = useFieldStatus(file.error);
  return (
    <Card size="small" title={t('topups.apply')}>
      <Form<TopupValues>
        form={form}
        layout="inline"
        initialValues={{ currency: 'CNY' }}
        onFinish={(v) => file.mutate(v)}
        onValuesChange={() => file.reset()}
      >
        <Form.Item name="payer" label={t('topups.payer')} rules={[{ required: true }]} {...status('payer')}>
          <Input style={{ width: 160 }} data-testid="topup-payer" />
        </Form.Item>
        <Form.Item name="currency" label={t('common.currency')} {...status('currency')}>
          <Select style={{ width: 80 }} options={[{ value: 'CNY' }, { value: 'USD' }]} />
        </Form.Item>
        <Form.Item
          name="amount"
          label={t('common.amount')}
          rules={[{ required: true }]}
          {...status('amount')}
        >
          <Input
            style={{ width: 140 }}
            inputMode="decimal"
            placeholder="10000.00"
            data-testid="topup-amount"
          />
        </Form.Item>
        <Form.Item
          name="bankRef"
          label={t('topups.bankRef')}
          rules={[{ required: true }]}
          {...status('bankRef')}
        >
          <Input style={{ width: 180 }} data-testid="topup-bankref" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={file.isPending} data-testid="topup-submit">
          {t('common.submit')}
        </Button>
      </Form>
      <Space direction="vertical" style={{ width: '100%', marginTop: 8 }}>
        <ProblemAlert error={file.error} shownFields={['payer', 'currency', 'amount', 'bankRef']} />
        {file.data && (
          <Alert
            type="success"
            showIcon
            data-testid="topup-filed"
            message={t('topups.filed', { number: file.data.number })}
          />
        )}
        <DataTable<ReviewRequest>
          resource="/requests"
          exportResource="/requests/export"
          queryKey={['requests', 'topup', partnerId]}
          ns="t."
          columns={columns}
          rowKey={(r) => r.id}
          filters={filters}
          defaults={DEFAULTS}
          fixed={fixed}
          height={320}
          testId="topup-list"
          onRow={(r) => ({ onClick: () => setOpen(r.id), style: { cursor: 'pointer' } })}
        />
      </Space>
      {/* R25: the filer opens an application to read finance's comment and correct or resubmit it. */}
      <RequestDrawer id={open} onClose={() => setOpen(null)} canDecide={false} />
    </Card>
  );
}

function useTopupColumns(): DataColumn<ReviewRequest>[] {
  const { t } = useI18n();
  return [
    { title: t('common.number'), dataIndex: 'number', width: 170 },
    {
      title: t('common.amount'),
      align: 'right',
      width: 140,
      render: (_, r) => r.topup && <Money amount={r.topup.amount} currency={r.topup.currency} />,
    },
    { title: t('topups.payer'), width: 180, ellipsis: true, render: (_, r) => r.topup?.payer },
    { title: t('topups.bankRef'), width: 180, ellipsis: true, render: (_, r) => r.topup?.bankRef },
    {
      title: t('queue.submitted'),
      dataIndex: 'submittedAt',
      width: 150,
      sortKey: 'submitted',
      render: (v: string | null) => <DateText value={v} />,
    },
    {
      title: t('queue.due'),
      dataIndex: 'dueAt',
      width: 200,
      sortKey: 'due',
      render: (_: string | null, r) => <DueText r={r} />,
    },
    {
      title: t('common.state'),
      dataIndex: 'state',
      width: 100,
      render: (s: string) => <StateTag state={s} />,
    },
  ];
}
