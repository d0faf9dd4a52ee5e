import type { DeviceOrderJson, DeviceOrderPayment } from '@kaidan/shared/contracts/renewals';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { Alert, Button, Card, Descriptions, Radio, Space, Table, Tag } from 'antd';
import { useCallback, useState } from 'react';
import type { z } from 'zod';
import { api } from '../../api/client';
import type { PaymentMethod } from '../../api/types';
import { useI18n } from '../../i18n';
import { formatDateTime } from '../../ui/format';
import { ProblemAlert } from '../../ui/problem';
import { Money, useLabel } from '../../ui/widgets';
import { AttemptPay } from '../payments/AttemptPay';

type Item = DeviceOrderJson['items'][number];
const STATE_COLOR: Record<DeviceOrderJson['state'], string> = {
  awaiting_payment: 'processing',
  paid: 'success',
  expired: 'default',
};

/**
 * Seed 003's pay step of a renewal order (R20, R28, R29): its number, total, deadline and the methods the
 * server offers this customer now (余额 pays and extends at once; 微信支付, 支付宝, PayPal or the sandbox
 * answer a QR code, shown by the shared AttemptPay, and extend once the provider says paid); then the
 * devices' new expiries.
 */
export function DeviceOrderPage({ id }: { id: string }) {
  const { t, locale } = useI18n();
  const label = useLabel();
  const qc = useQueryClient();
  const key = ['device-orders', id];
  const view = useQuery({
    queryKey: key,
    queryFn: () => api.get<DeviceOrderJson>(`/device-orders/${id}`),
    // A payment may settle from elsewhere (the provider's notification): keep a waiting order fresh.
    refetchInterval: (q) => (q.state.data?.state === 'awaiting_payment' ? 3000 : false),
  });
  const [chosen, setChosen] = useState<PaymentMethod | null>(null);
  const reload = useCallback(() => {
    // the records' 订单记录 list shares the prefix: it shows the order paid too
    void qc.invalidateQueries({ queryKey: ['device-orders'] });
    void qc.invalidateQueries({ queryKey: ['devices'] });
  }, [qc]);
  const pay = useMutation({
    mutationFn: (method: PaymentMethod) =>
      api.post<z.infer<typeof DeviceOrderPayment>>(`/device-orders/${id}/payments`, { method }),
    onSuccess: (r) => {
      qc.setQueryData(['device-orders', id], r.order);
      reload();
    },
  });
  const o = view.data;
  if (view.error) return <ProblemAlert error={view.error} />;
  if (!o) return null;
  const method = chosen ?? o.offered[0];
  const pending = o.attempts.find((a) => a.state === 'pending' && a.provider === method);
  const methodLabel = (m: string) =>
    m === 'wallet' ? t('renewals.method.wallet') : label('orderpay.method', m);
  return (
    <Card
      size="small"
      title={t('renewals.order.title', { number: o.number })}
      extra={<Link to="/renewals">{t('renewals.order.back')}</Link>}
      data-testid="renewal-order"
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        <Descriptions size="small" column={2} bordered>
          <Descriptions.Item label={t('common.state')}>
            <Tag color={STATE_COLOR[o.state]} data-testid="renewal-order-state">
              {t(`renewals.order.state.${o.state}`)}
            </Tag>
          </Descriptions.Item>
          <Descriptions.Item label={t('renewals.total')}>
            <span data-testid="renewal-order-total">
              <Money amount={o.total} currency={o.currency} /> {o.currency}
            </span>
          </Descriptions.Item>
          <Descriptions.Item label={t('renewals.months')}>
            {t('renewals.months.n', { n: o.months })}
          </Descriptions.Item>
          <Descriptions.Item label={t('orderpay.method')}>
            {o.state === 'paid' ? methodLabel(o.paymentMethod) : '—'}
          </Descriptions.Item>
        </Descriptions>
        {o.state === 'awaiting_payment' && (
          <Alert
            type="warning"
            showIcon
            data-testid="renewal-order-due"
            message={t('renewals.order.due', {
              due: o.paymentDueAt ? formatDateTime(o.paymentDueAt, locale) : '—',
            })}
          />
        )}
        {o.state === 'paid' && (
          <Alert type="success" showIcon message={t('renewals.order.paid')} data-testid="renewal-paid" />
        )}
        {o.state === 'expired' && <Alert type="info" showIcon message={t('renewals.order.expired')} />}
        {o.offered.length > 0 && (
          <Radio.Group
            value={method}
            onChange={(e) => {
              setChosen(e.target.value as PaymentMethod);
              pay.reset();
            }}
            optionType="button"
            data-testid="renewal-pay-method"
            options={o.offered.map((m) => ({ value: m, label: methodLabel(m) }))}
          />
        )}
        <ProblemAlert error={pay.error} />
        {method && o.offered.includes(method) && !pending && (
          <Button
            type="primary"
            loading={pay.isPending}
            onClick={() => pay.mutate(method)}
            data-testid="renewal-pay-start"
          >
            {t('renewals.order.pay')}
          </Button>
        )}
        {pending && o.state === 'awaiting_payment' && (
          <AttemptPay
            key={pending.id}
            id={pending.id}
            scan={(amount) => t('renewals.order.scan', { amount })}
            paidText={t('renewals.order.paid')}
            onSettled={reload}
          />
        )}
        <div data-testid="renewal-items">
          <Table<Item>
            size="small"
            rowKey="deviceId"
            pagination={false}
            dataSource={o.items}
            columns={[
              { title: t('devices.deviceNo'), dataIndex: 'deviceNo', width: 120 },
              { title: t('renewals.package'), dataIndex: 'packageCode', width: 110 },
              {
                title: t('renewals.amount'),
                width: 110,
                render: (_, i) => <Money amount={i.amount} currency={o.currency} />,
              },
              {
                title: t('renewals.order.before'),
                width: 120,
                render: (_, i) => (o.state === 'paid' ? i.expiresBefore : i.expiresOn) ?? '—',
              },
              { title: t('renewals.order.after'), width: 120, render: (_, i) => i.expiresAfter ?? '—' },
            ]}
          />
        </div>
      </Space>
    </Card>
  );
}
