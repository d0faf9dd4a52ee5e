import { useQuery } from '@tanstack/react-query';
import { Card, Table } from 'antd';
import { api } from '../../api/client';
import type { Page, ReviewRequest } from '../../api/types';
import { useI18n } from '../../i18n';
import { DateText, StateTag } from '../../ui/widgets';
import { DueText } from '../review/DueText';

/** The refund requests the partner or customer filed, with their R34 deadlines and states. */
export function MyRefunds({ title }: { title: string }) {
  const { t } = useI18n();
  const mine = useQuery({
    queryKey: ['requests', 'refund', 'mine'],
    queryFn: () => api.get<Page<ReviewRequest>>('/requests', { category: 'refund', limit: 100 }),
  });
  return (
    <Card size="small" title={title}>
      <Table<ReviewRequest>
        size="small"
        rowKey="id"
        loading={mine.isPending}
        dataSource={mine.data?.items ?? []}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        data-testid="refund-mine"
        columns={[
          { title: t('common.number'), dataIndex: 'number' },
          {
            title: t('common.reason'),
            render: (_, r) => (typeof r.payload.reason === 'string' ? r.payload.reason : ''),
          },
          {
            title: t('queue.submitted'),
            dataIndex: 'submittedAt',
            render: (v: string | null) => <DateText value={v} />,
          },
          {
            title: t('queue.due'),
            dataIndex: 'dueAt',
            render: (_: string | null, r) => <DueText r={r} />,
          },
          { title: t('common.state'), dataIndex: 'state', render: (s: string) => <StateTag state={s} /> },
        ]}
      />
    </Card>
  );
}
