import { Col, Row, Space, Spin, Typography } from 'antd';
import { useI18n } from '../../i18n';
import { ProblemAlert } from '../../ui/problem';
import { useMe } from '../auth/session';
import { ExpiringTable } from './ExpiringTable';
import { MoneyCard } from './MoneyChart';
import { OrdersCard } from './OrdersChart';
import { useDashboard } from './queries';
import { WaitingCards } from './WaitingCards';

/** The first screen of every role: what waits for me, money this month, orders by state, what expires. */
export function DashboardPage() {
  const { t } = useI18n();
  const me = useMe();
  const dashboard = useDashboard();
  const d = dashboard.data;
  if (dashboard.error) return <ProblemAlert error={dashboard.error} />;
  if (!d || !me.data) return <Spin style={{ margin: 40 }} />;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={12} data-testid="dashboard">
      <Typography.Text type="secondary" data-testid="dashboard-month">
        {t('dashboard.month', { from: d.monthStart, to: d.monthEnd })}
      </Typography.Text>
      <WaitingCards me={me.data} data={d} />
      <Row gutter={[12, 12]}>
        <Col xs={24} xl={15}>
          <MoneyCard series={d.moneyByDay} />
        </Col>
        <Col xs={24} xl={9}>
          <OrdersCard orders={d.ordersByState} />
        </Col>
      </Row>
      <ExpiringTable rows={d.expiringSoon} />
    </Space>
  );
}
