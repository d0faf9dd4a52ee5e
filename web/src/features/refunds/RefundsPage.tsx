import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { ApiProblem, api } from '../../api/client';
import type { Filed, RefundPreview } from '../../api/types';
import { useI18n } from '../../i18n';
import { ProblemAlert, useFieldStatus } from '../../ui/problem';
import { Money } from '../../ui/widgets';
import { useMe } from '../auth/session';
import { MyRefunds } from './MyRefunds';
import { RefundPolicyView } from './RefundPolicyView';
import { planLabel, type RefundLineNamed } from './refund-lines';
import { useRefundOrders } from './refund-orders';

/** A refusal naming the orders (`orderIds` or `orderIds.2`, as R32 and R33 answer) goes under the picker. */
const orderFields = (e: unknown) =>
  e instanceof ApiProblem
    ? e.fields.filter((f) => f.field === 'orderIds' || f.field.startsWith('orderIds.'))
    : [];

/**
 * R32: a partner asks for 返款 on one or many paid orders; R33: a customer asks for a refund of what it
 * bought itself within 7 days. Either way the policy's verdict per line (amount, or the rule and the fix)
 * shows first, and filing is offered only when it would be accepted; then finance reviews.
 */
export function RefundsPage() {
  const { t, pick } = useI18n();
  const qc = useQueryClient();
  const me = useMe();
  const customer = me.data?.kind === 'customer';
  const [orderIds, setOrderIds] = useState<string[]>([]);
  const [reason, setReason] = useState('');
  const orders = useRefundOrders(customer);
  const preview = useQuery({
    queryKey: ['refund-preview', orderIds],
    queryFn: () => api.post<RefundPreview>('/refunds/preview', { orderIds, mode: 'refund' }),
    enabled: orderIds.length > 0,
    retry: false,
  });
  const file = useMutation({
    mutationFn: () => api.post<Filed>('/refunds', { orderIds, mode: 'refund', reason, submit: true }),
    onSuccess: () => {
      setOrderIds([]);
      setReason('');
      void qc.invalidateQueries({ queryKey: ['requests'] });
    },
  });
  const error = file.error ?? preview.error;
  const status = useFieldStatus(error);
  const onOrders = orderFields(error);
  const shown = ['orderIds', 'reason', ...onOrders.map((f) => f.field)];
  const cur = preview.data?.currency ?? 'CNY';
  const text = (partnerKey: 'title' | 'reason' | 'submit' | 'pickOrders') =>
    customer
      ? t(`desk.refunds.customer.${partnerKey === 'pickOrders' ? 'pick' : partnerKey}`)
      : t(`refunds.${partnerKey}`);
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={12}>
      <Card size="small" title={text('title')}>
        {customer && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            message={t('desk.refunds.customer.intro')}
            data-testid="refund-policy"
          />
        )}
        <ProblemAlert error={orders.error} />
        <Form layout="vertical" onFinish={() => file.mutate()}>
          <Form.Item
            label={t('refunds.orders')}
            required
            validateStatus={onOrders.length > 0 ? 'error' : undefined}
            help={
              onOrders.length > 0 ? (
                <span data-field-error="orderIds">{onOrders.map((f) => pick(f.message)).join('；')}</span>
              ) : undefined
            }
          >
            <Select
              mode="multiple"
              value={orderIds}
              loading={orders.isPending}
              onChange={(v) => {
                file.reset();
                setOrderIds(v);
              }}
              data-testid="refund-orders"
              optionFilterProp="label"
              options={orders.options}
            />
          </Form.Item>
          {customer && orders.empty && (
            <Typography.Paragraph type="secondary" data-testid="refund-none">
              {t('desk.refunds.customer.none')}
            </Typography.Paragraph>
          )}
          {orderIds.length === 0 ? (
            <Typography.Text type="secondary">{text('pickOrders')}</Typography.Text>
          ) : (
            <>
              <ProblemAlert error={preview.error} shownFields={shown} />
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
                    render: (_, l) => l.orderNumber ?? orders.numberOf.get(l.orderId) ?? l.orderId,
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
              {preview.data && <RefundPolicyView policy={preview.data.policy} currency={cur} />}
            </>
          )}
          <Form.Item label={text('reason')} required style={{ marginTop: 12 }} {...status('reason')}>
            <Input.TextArea
              rows={2}
              value={reason}
              onChange={(e) => {
                setReason(e.target.value);
                status.edited('reason');
              }}
              data-testid="refund-reason"
            />
          </Form.Item>
          <ProblemAlert error={file.error} shownFields={shown} />
          {file.data && (
            <Alert
              type="success"
              showIcon
              data-testid="refund-filed"
              message={t(customer ? 'desk.refunds.customer.filed' : 'refunds.filed', {
                number: file.data.number,
              })}
            />
          )}
          <Button
            type="primary"
            htmlType="submit"
            loading={file.isPending}
            disabled={orderIds.length === 0 || preview.data?.policy.fileable === false}
            style={{ marginTop: 12 }}
            data-testid="refund-submit"
          >
            {text('submit')}
          </Button>
        </Form>
      </Card>
      <MyRefunds title={customer ? t('desk.refunds.customer.mine') : t('refunds.mine')} />
    </Space>
  );
}
