import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client';
import type { Filed, ListedOrder, Page, RefundPreview, ReviewRequest } from '../../api/types';
import { useI18n } from '../../i18n';
import { ProblemAlert, useFieldStatus } from '../../ui/problem';
import { DateText, Money, StateTag } from '../../ui/widgets';
import { planLabel, type RefundLineNamed } from './refund-lines';

/** R32: a partner asks for 返款 on one or many paid orders; the refundable amount per line shows first. */
export function RefundsPage() {
  const { t, pick } = useI18n();
  const qc = useQueryClient();
  const [orderIds, setOrderIds] = useState<string[]>([]);
  const [reason, setReason] = useState('');
  const paid = useQuery({
    queryKey: ['orders', 'paid'],
    queryFn: () => api.get<Page<ListedOrder>>('/orders', { state: 'paid', limit: 200 }),
  });
  const preview = useQuery({
    queryKey: ['refund-preview', orderIds],
    queryFn: () => api.post<RefundPreview>('/refunds/preview', { orderIds, mode: 'refund' }),
    enabled: orderIds.length > 0,
    retry: false,
  });
  const mine = useQuery({
    queryKey: ['requests', 'refund', 'mine'],
    queryFn: () => api.get<Page<ReviewRequest>>('/requests', { category: 'refund', limit: 100 }),
  });
  const file = useMutation({
    mutationFn: () => api.post<Filed>('/refunds', { orderIds, mode: 'refund', reason, submit: true }),
    onSuccess: () => {
      setOrderIds([]);
      setReason('');
      void qc.invalidateQueries({ queryKey: ['requests'] });
    },
  });
  const status = useFieldStatus(file.error ?? preview.error);
  const numberOf = new Map(paid.data?.items.map((o) => [o.id, o.number]));
  const cur = preview.data?.currency ?? 'CNY';
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={12}>
      <Card size="small" title={t('refunds.title')}>
        <Form layout="vertical" onFinish={() => file.mutate()}>
          <Form.Item label={t('refunds.orders')} required {...status('orderIds')}>
            <Select
              mode="multiple"
              value={orderIds}
              onChange={(v) => {
                file.reset();
                setOrderIds(v);
              }}
              data-testid="refund-orders"
              optionFilterProp="label"
              options={paid.data?.items.map((o) => ({
                value: o.id,
                label: `${o.number} · ${o.companyName} · ${o.total}`,
              }))}
            />
          </Form.Item>
          {orderIds.length === 0 ? (
            <Typography.Text type="secondary">{t('refunds.pickOrders')}</Typography.Text>
          ) : (
            <>
              <ProblemAlert error={preview.error} shownFields={['orderIds']} />
              <Table<RefundLineNamed>
                size="small"
                pagination={false}
                rowKey="orderLineId"
                loading={preview.isPending}
                dataSource={preview.data?.lines ?? []}
                data-testid="refund-preview"
                columns={[
                  {
                    title: t('orders.title'),
                    render: (_, l) => l.orderNumber ?? numberOf.get(l.orderId) ?? l.orderId,
                  },
                  { title: t('refunds.line'), dataIndex: 'lineNo' },
                  { title: t('order.plan'), render: (_, l) => planLabel(l, pick) },
                  {
                    title: t('refunds.preview'),
                    align: 'right',
                    render: (_, l) => <Money amount={l.amount} currency={cur} />,
                  },
                ]}
                summary={() =>
                  preview.data ? (
                    <Table.Summary.Row>
                      <Table.Summary.Cell index={0} colSpan={3}>
                        <strong>{t('common.total')}</strong>
                      </Table.Summary.Cell>
                      <Table.Summary.Cell index={1} align="right">
                        <strong data-testid="refund-total">
                          <Money amount={preview.data.total} currency={cur} />
                        </strong>
                      </Table.Summary.Cell>
                    </Table.Summary.Row>
                  ) : null
                }
              />
            </>
          )}
          <Form.Item label={t('refunds.reason')} required style={{ marginTop: 12 }} {...status('reason')}>
            <Input.TextArea
              rows={2}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              data-testid="refund-reason"
            />
          </Form.Item>
          <ProblemAlert error={file.error} shownFields={['orderIds', 'reason']} />
          {file.data && (
            <Alert
              type="success"
              showIcon
              data-testid="refund-filed"
              message={t('refunds.filed', { number: file.data.number })}
            />
          )}
          <Button
            type="primary"
            htmlType="submit"
            loading={file.isPending}
            disabled={orderIds.length === 0}
            style={{ marginTop: 12 }}
            data-testid="refund-submit"
          >
            {t('refunds.submit')}
          </Button>
        </Form>
      </Card>
      <Card size="small" title={t('refunds.mine')}>
        <Table<ReviewRequest>
          size="small"
          rowKey="id"
          loading={mine.isPending}
          dataSource={mine.data?.items ?? []}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          columns={[
            { title: t('common.number'), dataIndex: 'number' },
            {
              title: t('common.reason'),
              render: (_, r) => (typeof r.payload.reason === 'string' ? r.payload.reason : ''),
            },
            {
              title: t('queue.submitted'),
              dataIndex: 'submittedAt',
              render: (v: string | null) => <DateText value={v} />,
            },
            {
              title: t('queue.due'),
              dataIndex: 'dueAt',
              render: (v: string | null) => <DateText value={v} />,
            },
            { title: t('common.state'), dataIndex: 'state', render: (s: string) => <StateTag state={s} /> },
          ]}
        />
      </Card>
    </Space>
  );
}
