import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Radio, Space } from 'antd';
import { useCallback, useState } from 'react';
import { api } from '../../api/client';
import type { OrderPaymentAttempt, OrderPayments, PaymentMethod } from '../../api/types';
import { useI18n } from '../../i18n';
import { formatDateTime } from '../../ui/format';
import { ProblemAlert, useFieldStatus } from '../../ui/problem';
import { Money, useLabel } from '../../ui/widgets';
import { AttemptPay } from './AttemptPay';

type Method = Exclude<PaymentMethod, 'wallet'>;

/**
 * R29 the order's pay screen, in the placement flow and on the order detail: "awaiting payment, due at …",
 * the methods the server offers this caller now (R28), the QR code of an online attempt (the shared
 * AttemptPay with its sandbox button), or the bank transfer form; then the return state — paid and
 * delivered, expired, or a declined transfer. Renders nothing for an order paid from the wallet.
 */
export function OrderPayCard({ orderId }: { orderId: string }) {
  const { t, locale } = useI18n();
  const label = useLabel();
  const qc = useQueryClient();
  const view = useQuery({
    queryKey: ['orders', orderId, 'payments'],
    queryFn: () => api.get<OrderPayments>(`/orders/${orderId}/payments`),
    // While it waits, a payment may settle from elsewhere (the notification, finance): keep it fresh.
    refetchInterval: (q) => (q.state.data?.state === 'approved' ? 3000 : false),
  });
  const [chosen, setChosen] = useState<Method | null>(null);
  const [form] = Form.useForm<{ bankReference: string; evidenceNote?: string }>();
  const reload = useCallback(() => {
    void qc.invalidateQueries({ queryKey: ['orders'] });
    void qc.invalidateQueries({ queryKey: ['entitlements'] });
  }, [qc]);
  const start = useMutation({
    mutationFn: (body: { method: Method; bankReference?: string; evidenceNote?: string }) =>
      api.post<OrderPaymentAttempt>(`/orders/${orderId}/payments`, body),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['orders', orderId, 'payments'] }),
  });
  const status = useFieldStatus(start.error);
  const v = view.data;
  if (view.error) return <ProblemAlert error={view.error} />;
  if (!v || v.paymentMethod === 'wallet') return null;
  const offered = v.offered.filter((m): m is Method => m !== 'wallet');
  const method =
    chosen ?? (offered.includes(v.paymentMethod as Method) ? (v.paymentMethod as Method) : offered[0]);
  const pending = v.attempts.find(
    (a) => a.state === 'pending' && (method === undefined || a.provider === method),
  );
  const declined = v.attempts.find((a) => a.state === 'failed');
  return (
    <Card size="small" title={t('orderpay.title')} data-testid="order-pay">
      <Space direction="vertical" style={{ width: '100%' }}>
        {v.state === 'paid' && (
          <Alert type="success" showIcon message={t('orderpay.paid')} data-testid="order-paid" />
        )}
        {v.state === 'voided' && <Alert type="info" showIcon message={t('orderpay.expired')} />}
        {v.state === 'approved' && (
          <Alert
            type="warning"
            showIcon
            data-testid="order-awaiting"
            message={t('orderpay.awaiting', {
              due: v.paymentDueAt ? formatDateTime(v.paymentDueAt, locale) : '—',
            })}
            description={<Money amount={v.total} currency={v.currency} />}
          />
        )}
        {declined && v.state === 'approved' && (
          <Alert
            type="error"
            showIcon
            message={t('orderpay.declined', { comment: declined.decisionComment ?? '' })}
          />
        )}
        {offered.length > 0 && (
          <Radio.Group
            value={method}
            onChange={(e) => {
              setChosen(e.target.value as Method);
              start.reset();
            }}
            optionType="button"
            data-testid="order-pay-method"
            options={offered.map((m) => ({ value: m, label: label('orderpay.method', m) }))}
          />
        )}
        <ProblemAlert error={start.error} shownFields={['bankReference']} />
        {method && method !== 'offline' && offered.includes(method) && !pending && (
          <Button
            type="primary"
            loading={start.isPending}
            onClick={() => start.mutate({ method })}
            data-testid="order-pay-start"
          >
            {t('orderpay.pay')}
          </Button>
        )}
        {pending && pending.provider !== 'offline' && (
          <AttemptPay
            key={pending.id}
            id={pending.id}
            scan={(amount) => t('orderpay.scanOrder', { amount })}
            paidText={t('orderpay.paid')}
            onSettled={reload}
          />
        )}
        {pending && pending.provider === 'offline' && (
          <Alert
            type="info"
            showIcon
            message={t('orderpay.transferPending', { ref: pending.bankReference ?? '' })}
          />
        )}
        {method === 'offline' && offered.includes('offline') && !pending && (
          <Form
            form={form}
            layout="inline"
            onFinish={(f) =>
              start.mutate({
                method: 'offline',
                bankReference: f.bankReference.trim(),
                ...(f.evidenceNote?.trim() ? { evidenceNote: f.evidenceNote.trim() } : {}),
              })
            }
          >
            <Form.Item
              name="bankReference"
              label={t('orderpay.bankReference')}
              rules={[{ required: true }]}
              {...status('bankReference')}
            >
              <Input style={{ width: 200 }} data-testid="order-pay-bankref" />
            </Form.Item>
            <Form.Item name="evidenceNote" label={t('orderpay.evidenceNote')}>
              <Input style={{ width: 200 }} />
            </Form.Item>
            <Button htmlType="submit" loading={start.isPending} data-testid="order-pay-record">
              {t('orderpay.record')}
            </Button>
          </Form>
        )}
      </Space>
    </Card>
  );
}
