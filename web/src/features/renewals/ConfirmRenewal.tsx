import type { DeviceOrderSummary, RenewalQuoteJson } from '@kaidan/shared/contracts/renewals';
import { useMutation } from '@tanstack/react-query';
import { Descriptions, Modal, Space, Table, Typography } from 'antd';
import type { z } from 'zod';
import { api } from '../../api/client';
import { useI18n } from '../../i18n';
import { ProblemAlert } from '../../ui/problem';
import { Money } from '../../ui/widgets';

export type Confirming = { quote: RenewalQuoteJson; deviceIds: string[] };
type Quoted = RenewalQuoteJson['devices'][number];

/**
 * Seed 003 二次确认订单: the quote as the server priced it — how many devices, each one's current and new
 * expiry and price, the total and its currency. 确认下单 sends the confirmed total and the quote's instant
 * back; the server prices again and refuses a total that moved (TOTAL_MISMATCH) or a device renewed since
 * (DEVICE_RENEWED_SINCE_QUOTE), shown here for the customer to decide again.
 */
export function ConfirmRenewal({
  confirming: { quote, deviceIds },
  onClose,
  onPlaced,
}: {
  confirming: Confirming;
  onClose: () => void;
  onPlaced: (orderId: string) => void;
}) {
  const { t } = useI18n();
  const place = useMutation({
    mutationFn: () =>
      api.post<z.infer<typeof DeviceOrderSummary>>('/device-orders', {
        deviceIds,
        months: quote.months,
        expectedTotal: quote.total,
        quotedAt: quote.quotedAt,
      }),
    onSuccess: (o) => onPlaced(o.id),
  });
  return (
    <Modal
      open
      width={760}
      title={t('renewals.confirm.title')}
      okText={t('renewals.confirm.place')}
      cancelText={t('common.cancel')}
      onOk={() => place.mutate()}
      onCancel={onClose}
      confirmLoading={place.isPending}
      okButtonProps={{ 'data-testid': 'renewals-place' } as Record<string, string>}
    >
      <div data-testid="renewals-confirm">
        <Space direction="vertical" style={{ width: '100%' }}>
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label={t('renewals.confirm.devices')}>
              <span data-testid="confirm-summary">
                {t('renewals.confirm.summary', { n: quote.deviceCount, months: quote.months })}
              </span>
            </Descriptions.Item>
            <Descriptions.Item label={t('renewals.total')}>
              <span data-testid="confirm-total">
                <Money amount={quote.total} currency={quote.currency} /> {quote.currency}
              </span>
            </Descriptions.Item>
          </Descriptions>
          <div data-testid="confirm-devices">
            <Table<Quoted>
              size="small"
              rowKey="id"
              pagination={false}
              scroll={{ y: 320 }}
              dataSource={quote.devices}
              columns={[
                { title: t('devices.deviceNo'), dataIndex: 'deviceNo', width: 120 },
                { title: t('renewals.package'), dataIndex: 'packageCode', width: 110 },
                { title: t('renewals.current'), width: 110, render: (_, d) => d.expiresOn ?? '—' },
                { title: t('renewals.renewsTo'), dataIndex: 'renewsTo', width: 120 },
                {
                  title: t('renewals.monthly'),
                  width: 100,
                  render: (_, d) => <Money amount={d.monthly} currency={quote.currency} />,
                },
                {
                  title: t('renewals.amount'),
                  width: 110,
                  render: (_, d) => <Money amount={d.amount} currency={quote.currency} />,
                },
              ]}
            />
          </div>
          {quote.devices.length < quote.deviceCount && (
            <Typography.Text type="secondary">
              {t('renewals.confirm.more', { shown: quote.devices.length, n: quote.deviceCount })}
            </Typography.Text>
          )}
          <ProblemAlert error={place.error} />
        </Space>
      </div>
    </Modal>
  );
}
