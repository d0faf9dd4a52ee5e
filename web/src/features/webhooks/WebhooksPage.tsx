import type { WebhookEndpoint } from '@kaidan/shared/contracts/webhooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Modal, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client';
import { useI18n } from '../../i18n';
import { ProblemAlert } from '../../ui/problem';
import { DateText, useLabel } from '../../ui/widgets';
import { DeliveriesDrawer } from './DeliveriesDrawer';
import { EndpointForm } from './EndpointForm';

const KEY = ['webhooks', 'endpoints'];

/** Issue #12: the caller's webhook endpoints (a partner's own; an admin's all), the secret shown once. */
export function WebhooksPage() {
  const { t } = useI18n();
  const label = useLabel();
  const qc = useQueryClient();
  const [editing, setEditing] = useState<WebhookEndpoint | 'new' | null>(null);
  const [secret, setSecret] = useState<string | null>(null);
  const [log, setLog] = useState<WebhookEndpoint | null>(null);
  const endpoints = useQuery({
    queryKey: KEY,
    queryFn: () => api.get<{ items: WebhookEndpoint[] }>('/webhooks/endpoints'),
  });
  const refresh = () => void qc.invalidateQueries({ queryKey: KEY });
  const rotate = useMutation({
    mutationFn: (id: string) => api.post<{ secret: string }>(`/webhooks/endpoints/${id}/rotate-secret`, {}),
    onSuccess: (r) => {
      setSecret(r.secret);
      refresh();
    },
  });
  const remove = useMutation({
    mutationFn: (id: string) => api.del<{ ok: boolean }>(`/webhooks/endpoints/${id}`),
    onSuccess: refresh,
  });
  return (
    <Card
      size="small"
      title={t('webhooks.title')}
      extra={
        <Button type="primary" onClick={() => setEditing('new')} data-testid="webhook-new">
          {t('webhooks.new')}
        </Button>
      }
    >
      <ProblemAlert error={endpoints.error ?? rotate.error ?? remove.error} />
      <Table<WebhookEndpoint>
        size="small"
        rowKey="id"
        pagination={false}
        loading={endpoints.isPending}
        dataSource={endpoints.data?.items ?? []}
        data-testid="webhook-endpoints"
        columns={[
          { title: t('webhooks.url'), dataIndex: 'url', ellipsis: true },
          {
            title: t('webhooks.events'),
            render: (_, e) => e.eventTypes.map((x) => <Tag key={x}>{label('webhooks.event', x)}</Tag>),
          },
          { title: t('webhooks.scope'), render: (_, e) => e.partnerName ?? t('webhooks.vendorWide') },
          {
            title: t('common.state'),
            render: (_, e) =>
              e.enabled ? (
                <Tag color="success">{t('webhooks.enabled')}</Tag>
              ) : (
                <Tag>{t('webhooks.disabled')}</Tag>
              ),
          },
          { title: t('webhooks.secretHint'), render: (_, e) => <code>{e.secretHint}</code> },
          { title: t('common.createdAt'), render: (_, e) => <DateText value={e.createdAt} /> },
          {
            title: t('common.actions'),
            render: (_, e) => (
              <Space size={0} wrap>
                <Button
                  type="link"
                  size="small"
                  onClick={() => setLog(e)}
                  data-testid={`webhook-log-${e.id}`}
                >
                  {t('webhooks.deliveries')}
                </Button>
                <Button type="link" size="small" onClick={() => setEditing(e)}>
                  {t('webhooks.edit')}
                </Button>
                <Popconfirm
                  title={t('webhooks.rotateConfirm')}
                  okText={t('common.confirm')}
                  cancelText={t('common.cancel')}
                  onConfirm={() => rotate.mutate(e.id)}
                >
                  <Button type="link" size="small">
                    {t('webhooks.rotate')}
                  </Button>
                </Popconfirm>
                <Popconfirm
                  title={t('webhooks.deleteConfirm')}
                  okText={t('common.confirm')}
                  cancelText={t('common.cancel')}
                  onConfirm={() => remove.mutate(e.id)}
                >
                  <Button type="link" size="small" danger>
                    {t('webhooks.delete')}
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      {editing && (
        <EndpointForm
          endpoint={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(null)}
          onSaved={(s) => {
            setEditing(null);
            setSecret(s);
            refresh();
          }}
        />
      )}
      {secret && (
        <Modal
          open
          title={t('webhooks.secretTitle')}
          onCancel={() => setSecret(null)}
          onOk={() => setSecret(null)}
          okText={t('common.confirm')}
          cancelButtonProps={{ style: { display: 'none' } }}
        >
          <Alert type="warning" showIcon message={t('webhooks.secretBody')} />
          <Typography.Paragraph
            copyable={{ text: secret }}
            code
            data-testid="webhook-secret"
            style={{ marginTop: 12 }}
          >
            {secret}
          </Typography.Paragraph>
        </Modal>
      )}
      {log && <DeliveriesDrawer endpoint={log} onClose={() => setLog(null)} />}
    </Card>
  );
}
