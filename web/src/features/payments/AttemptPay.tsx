import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, QRCode, Space, Typography } from 'antd';
import { useEffect } from 'react';
import { api } from '../../api/client';
import type { PaymentAttempt } from '../../api/types';
import { useI18n } from '../../i18n';
import { ProblemAlert } from '../../ui/problem';
import { StateTag } from '../../ui/widgets';

/**
 * One online payment attempt as the payer sees it, shared by wallet top-ups (R25) and order payments (R29):
 * the QR code of its code_url, its state polled while pending, and in a demo the sandbox's "pay" button
 * that plays the payer. `onSettled` runs once the attempt leaves pending, so the caller reloads what moved.
 */
export function AttemptPay({
  id,
  scan,
  paidText,
  onSettled,
}: {
  id: string;
  /** the line under the QR code, e.g. "scan to pay 100.00" */
  scan: (amount: string) => string;
  paidText: string;
  onSettled?: (state: PaymentAttempt['state']) => void;
}) {
  const { t } = useI18n();
  const attempt = useQuery({
    queryKey: ['payments', 'attempt', id],
    queryFn: () => api.get<PaymentAttempt>(`/payments/attempts/${id}`),
    refetchInterval: (q) => (q.state.data?.state === 'pending' ? 1500 : false),
  });
  const a = attempt.data;
  const settled = a && a.state !== 'pending' ? a.state : null;
  const pay = useMutation({ mutationFn: () => api.post<PaymentAttempt>(`/sandbox/payments/${id}/pay`) });
  useEffect(() => {
    if (settled) onSettled?.(settled);
  }, [settled, onSettled]);
  return (
    <>
      <ProblemAlert error={attempt.error ?? pay.error} />
      {a && (
        <Space direction="vertical" align="center" style={{ width: '100%' }}>
          {a.state === 'pending' && a.codeUrl && <QRCode value={a.codeUrl} data-testid="pay-qr" />}
          <Typography.Text>{scan(a.amount)}</Typography.Text>
          <Typography.Text type="secondary">
            {t('payments.orderNo')}: {a.merchantOrderNo}
          </Typography.Text>
          <StateTag state={a.state} />
          {a.state === 'pending' && a.provider === 'sandbox' && (
            <>
              <Button
                type="primary"
                onClick={() => pay.mutate()}
                loading={pay.isPending}
                disabled={pay.isSuccess}
                data-testid="pay-sandbox"
              >
                {t('payments.paySandbox')}
              </Button>
              <Typography.Text type="secondary">{t('payments.sandboxNote')}</Typography.Text>
            </>
          )}
          {a.state === 'pending' && pay.isSuccess && (
            <Typography.Text>{t('payments.waiting')}</Typography.Text>
          )}
          {a.state === 'paid' && <Alert type="success" showIcon message={paidText} data-testid="pay-done" />}
          {a.state === 'closed' && <Alert type="info" showIcon message={t('payments.closedDone')} />}
        </Space>
      )}
    </>
  );
}
