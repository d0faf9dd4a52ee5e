import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { Button, Card, Input, Space, Table } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client';
import type { OrderPaymentAttempt } from '../../api/types';
import { useI18n } from '../../i18n';
import { ProblemAlert } from '../../ui/problem';
import { DateText, Money } from '../../ui/widgets';

/**
 * R29 offline: finance's queue of bank transfers recorded for orders awaiting payment. Confirming pays
 * the order (and delivers it); declining needs a comment. The server refuses the recorder (SELF_CONFIRM).
 */
export function OfflineTransfersCard() {
  const { t } = useI18n();
  const qc = useQueryClient();
  const list = useQuery({
    queryKey: ['payments', 'offline'],
    queryFn: () => api.get<{ items: OrderPaymentAttempt[] }>('/payments/offline?state=pending'),
  });
  const [comment, setComment] = useState<Record<string, string>>({});
  const decide = useMutation({
    mutationFn: (v: { id: string; verb: 'confirm' | 'decline' }) =>
      api.post<OrderPaymentAttempt>(`/payments/attempts/${v.id}/${v.verb}`, { comment: comment[v.id] ?? '' }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['payments', 'offline'] });
      void qc.invalidateQueries({ queryKey: ['orders'] });
    },
  });
  if ((list.data?.items.length ?? 0) === 0 && !list.error) return null;
  return (
    <Card size="small" title={t('orderpay.finance')} data-testid="offline-transfers">
      <ProblemAlert error={list.error ?? decide.error} />
      <Table<OrderPaymentAttempt>
        size="small"
        pagination={false}
        rowKey="id"
        dataSource={list.data?.items ?? []}
        columns={[
          {
            title: t('common.detail'),
            render: (_, a) =>
              a.orderId ? (
                <Link to="/orders/$id" params={{ id: a.orderId }}>
                  {a.merchantOrderNo}
                </Link>
              ) : (
                a.merchantOrderNo
              ),
          },
          { title: t('orderpay.bankReference'), dataIndex: 'bankReference' },
          { title: t('orderpay.evidenceNote'), dataIndex: 'evidenceNote' },
          {
            title: t('common.amount'),
            align: 'right',
            render: (_, a) => <Money amount={a.amount} currency={a.currency} />,
          },
          { title: t('payments.createdAt'), render: (_, a) => <DateText value={a.createdAt} /> },
          {
            title: t('orderpay.comment'),
            render: (_, a) => (
              <Space>
                <Input
                  size="small"
                  style={{ width: 160 }}
                  value={comment[a.id] ?? ''}
                  onChange={(e) => setComment((c) => ({ ...c, [a.id]: e.target.value }))}
                />
                <Button
                  size="small"
                  type="primary"
                  disabled={!comment[a.id]?.trim()}
                  loading={decide.isPending}
                  onClick={() => decide.mutate({ id: a.id, verb: 'confirm' })}
                >
                  {t('orderpay.confirm')}
                </Button>
                <Button
                  size="small"
                  danger
                  disabled={!comment[a.id]?.trim()}
                  loading={decide.isPending}
                  onClick={() => decide.mutate({ id: a.id, verb: 'decline' })}
                >
                  {t('orderpay.decline')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
    </Card>
  );
}
