import { Card, Table, Tag, Typography } from 'antd';
import { useI18n } from '../../i18n';
import type { ExpiringComponent } from './queries';

const urgency = (days: number) => (days <= 7 ? 'red' : days <= 15 ? 'orange' : 'default');

/** Components in scope that end within 30 days, soonest first. */
export function ExpiringTable({ rows }: { rows: ExpiringComponent[] }) {
  const { t, pick } = useI18n();
  return (
    <Card size="small" title={t('dashboard.expiringTitle')}>
      <Table<ExpiringComponent>
        size="small"
        rowKey="componentId"
        dataSource={rows}
        data-testid="expiring"
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        locale={{ emptyText: t('dashboard.expiringEmpty') }}
        columns={[
          {
            title: t('dashboard.company'),
            render: (_, e) => (
              <>
                {pick(e.company)}
                {e.tenantId && (
                  <Typography.Text type="secondary" style={{ marginLeft: 8, fontSize: 12 }}>
                    {e.tenantId}
                  </Typography.Text>
                )}
              </>
            ),
          },
          { title: t('dashboard.component'), render: (_, e) => `${pick(e.product)} / ${pick(e.plan)}` },
          { title: t('common.seats'), dataIndex: 'seats', align: 'right' },
          { title: t('common.endDate'), dataIndex: 'endDate' },
          {
            title: t('dashboard.daysLeft'),
            dataIndex: 'daysLeft',
            align: 'right',
            render: (n: number) => (
              <Tag color={urgency(n)} data-testid="days-left">
                {n === 0 ? t('dashboard.endsToday') : t('dashboard.daysLeftValue', { n })}
              </Tag>
            ),
          },
        ]}
      />
    </Card>
  );
}
