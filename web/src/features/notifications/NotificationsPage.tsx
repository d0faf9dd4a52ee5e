import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Table, Tag } from 'antd';
import { api } from '../../api/client';
import type { Notification } from '../../api/types';
import { useI18n } from '../../i18n';
import { ProblemAlert } from '../../ui/problem';
import { DateText } from '../../ui/widgets';

/** R4: decisions on what the user submitted. */
export function NotificationsPage() {
  const { t, pick } = useI18n();
  const qc = useQueryClient();
  const list = useQuery({
    queryKey: ['notifications'],
    queryFn: () => api.get<{ items: Notification[] }>('/notifications'),
  });
  const read = useMutation({
    mutationFn: (id: string) => api.post<{ ok: boolean }>(`/notifications/${id}/read`),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['notifications'] }),
  });
  return (
    <Card size="small" title={t('notifications.title')}>
      <ProblemAlert error={list.error ?? read.error} />
      <Table<Notification>
        size="small"
        rowKey="id"
        loading={list.isPending}
        dataSource={list.data?.items ?? []}
        data-testid="notifications"
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          {
            title: t('audit.at'),
            dataIndex: 'createdAt',
            width: 150,
            render: (v: string) => <DateText value={v} />,
          },
          {
            title: t('queue.summary'),
            render: (_, n) => (
              <>
                {!n.readAt && <Tag color="blue">{t('notifications.unread')}</Tag>}
                {pick(n.title)}
              </>
            ),
          },
          { title: t('wallet.ref'), render: (_, n) => `${n.refType} · ${n.refId}` },
          {
            title: t('common.actions'),
            render: (_, n) =>
              !n.readAt && (
                <Button size="small" type="link" onClick={() => read.mutate(n.id)}>
                  {t('notifications.markRead')}
                </Button>
              ),
          },
        ]}
      />
    </Card>
  );
}
