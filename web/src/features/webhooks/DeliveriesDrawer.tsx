import type {
  WebhookDelivery,
  WebhookDeliveryDetail,
  WebhookDeliveryPage,
  WebhookEndpoint,
} from '@kaidan/shared/contracts/webhooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Drawer, Space, Table, Tag, Typography } from 'antd';
import { api } from '../../api/client';
import { useI18n } from '../../i18n';
import { ProblemAlert } from '../../ui/problem';
import { DateText, useLabel } from '../../ui/widgets';

const COLOR = { pending: 'processing', delivered: 'success', failed: 'error' } as const;

/** One delivery's attempts: status code or error, excerpt of the answer, duration; replays marked. */
function Attempts({ id }: { id: string }) {
  const { t } = useI18n();
  const detail = useQuery({
    queryKey: ['webhooks', 'delivery', id],
    queryFn: () => api.get<WebhookDeliveryDetail>(`/webhooks/deliveries/${id}`),
  });
  if (!detail.data) return <ProblemAlert error={detail.error} />;
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid={`webhook-attempts-${id}`}>
      <Typography.Text strong>{t('webhooks.attemptLog')}</Typography.Text>
      {detail.data.attemptLog.map((a) => (
        <div key={`${a.n}-${a.at}`}>
          <Space wrap>
            <span>{t('webhooks.attemptN', { n: a.n })}</span>
            {a.replay && <Tag>{t('webhooks.replayTag')}</Tag>}
            <DateText value={a.at} />
            <Tag color={a.statusCode && a.statusCode < 300 ? 'success' : 'error'}>
              {a.statusCode ?? t('webhooks.noAnswer')}
            </Tag>
            <span>{t('webhooks.duration', { ms: a.durationMs })}</span>
          </Space>
          {(a.error ?? a.responseExcerpt) && (
            <Typography.Paragraph type="secondary" code ellipsis={{ rows: 2 }} style={{ marginBottom: 0 }}>
              {a.error ?? a.responseExcerpt}
            </Typography.Paragraph>
          )}
        </div>
      ))}
      <Typography.Text strong>{t('webhooks.payload')}</Typography.Text>
      <Typography.Paragraph code style={{ whiteSpace: 'pre-wrap' }}>
        {JSON.stringify(detail.data.payload, null, 2)}
      </Typography.Paragraph>
    </Space>
  );
}

/** An endpoint's delivery log, newest first, with a replay button on each delivery. */
export function DeliveriesDrawer({ endpoint, onClose }: { endpoint: WebhookEndpoint; onClose: () => void }) {
  const { t } = useI18n();
  const label = useLabel();
  const qc = useQueryClient();
  const list = useQuery({
    queryKey: ['webhooks', 'deliveries', endpoint.id],
    queryFn: () => api.get<WebhookDeliveryPage>(`/webhooks/endpoints/${endpoint.id}/deliveries?limit=100`),
    refetchInterval: 3_000,
  });
  const replay = useMutation({
    mutationFn: (id: string) => api.post<{ queued: boolean }>(`/webhooks/deliveries/${id}/replay`, {}),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['webhooks'] }),
  });
  return (
    <Drawer open width={880} title={`${t('webhooks.deliveries')} · ${endpoint.url}`} onClose={onClose}>
      <ProblemAlert error={list.error ?? replay.error} />
      {replay.isSuccess && <Alert type="success" showIcon message={t('webhooks.replayed')} />}
      <Table<WebhookDelivery>
        size="small"
        rowKey="id"
        pagination={false}
        loading={list.isPending}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: t('webhooks.empty') }}
        data-testid="webhook-deliveries"
        expandable={{ expandedRowRender: (d) => <Attempts id={d.id} /> }}
        columns={[
          { title: t('common.createdAt'), width: 150, render: (_, d) => <DateText value={d.createdAt} /> },
          { title: t('webhooks.events'), render: (_, d) => label('webhooks.event', d.eventType) },
          {
            title: t('common.state'),
            render: (_, d) => (
              <Tag color={COLOR[d.state]} data-testid={`webhook-delivery-state-${d.id}`}>
                {label('webhooks.state', d.state)}
              </Tag>
            ),
          },
          { title: t('webhooks.attempts'), dataIndex: 'attempts' },
          { title: t('webhooks.lastStatus'), render: (_, d) => d.lastStatus ?? '—' },
          { title: t('webhooks.nextAttempt'), render: (_, d) => <DateText value={d.nextAttemptAt} /> },
          {
            title: t('common.actions'),
            render: (_, d) => (
              <Button
                size="small"
                type="link"
                loading={replay.isPending && replay.variables === d.id}
                onClick={() => replay.mutate(d.id)}
                data-testid={`webhook-replay-${d.id}`}
              >
                {t('webhooks.replay')}
              </Button>
            ),
          },
        ]}
      />
    </Drawer>
  );
}
