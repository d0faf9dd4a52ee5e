import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Tag } from 'antd';
import { useMemo } from 'react';
import { api } from '../../api/client';
import type { Notification } from '../../api/types';
import { useI18n } from '../../i18n';
import { type DataColumn, DataTable, type FilterSpec } from '../../ui/DataTable';
import { ProblemAlert } from '../../ui/problem';
import { DateText } from '../../ui/widgets';
import { RefLink } from '../review/RefLink';

const DEFAULTS = { sort: '-created' };

/** R4: decisions on what the user submitted; unread first to spot, searchable, exportable. */
export function NotificationsPage() {
  const { t, pick } = useI18n();
  const qc = useQueryClient();
  const read = useMutation({
    mutationFn: (id: string) => api.post<{ ok: boolean }>(`/notifications/${id}/read`),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['notifications'] }),
  });
  const filters = useMemo<FilterSpec[]>(
    () => [
      { kind: 'text', key: 'q', placeholder: t('lists.search.notifications') },
      { kind: 'switch', key: 'unread', label: t('lists.unreadOnly') },
      { kind: 'dates' },
    ],
    [t],
  );
  const columns: DataColumn<Notification>[] = [
    {
      title: t('audit.at'),
      dataIndex: 'createdAt',
      width: 150,
      sortKey: 'created',
      render: (v: string) => <DateText value={v} />,
    },
    {
      title: t('queue.summary'),
      width: 420,
      ellipsis: true,
      render: (_, n) => (
        <>
          {!n.readAt && <Tag color="blue">{t('notifications.unread')}</Tag>}
          {pick(n.title)}
        </>
      ),
    },
    { title: t('wallet.ref'), width: 200, ellipsis: true, render: (_, n) => <RefLink {...n} /> },
    {
      title: t('common.actions'),
      width: 110,
      render: (_, n) =>
        !n.readAt && (
          <Button size="small" type="link" onClick={() => read.mutate(n.id)}>
            {t('notifications.markRead')}
          </Button>
        ),
    },
  ];
  return (
    <Card size="small" title={t('notifications.title')}>
      <ProblemAlert error={read.error} />
      <DataTable<Notification>
        resource="/notifications"
        exportResource="/notifications/export"
        queryKey={['notifications']}
        columns={columns}
        rowKey={(n) => n.id}
        filters={filters}
        defaults={DEFAULTS}
        testId="notifications"
      />
    </Card>
  );
}
