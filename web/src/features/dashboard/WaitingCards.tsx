import { Link } from '@tanstack/react-router';
import { Card, Col, Row, Space, Statistic, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { Me } from '../../api/types';
import { useI18n } from '../../i18n';
import type { MessageKey } from '../../i18n/zh-CN';
import { useLabel } from '../../ui/widgets';
import { navFor } from '../auth/session';
import type { DashboardData, QueueCount } from './queries';

type Target = '/queue' | '/orders';

interface CountCardProps {
  id: string;
  title: MessageKey;
  value: number;
  to: Target | undefined;
  warn?: boolean;
  children?: ReactNode;
}

/** One figure that waits for someone, linking to the list where it is worked. */
function CountCard({ id, title, value, to, warn, children }: CountCardProps) {
  const { t } = useI18n();
  return (
    <Col xs={24} sm={12} lg={6}>
      <Card size="small" data-testid={`waiting-${id}`} style={{ height: '100%' }}>
        <Statistic
          title={t(title)}
          value={value}
          valueStyle={warn && value > 0 ? { color: '#cf1322' } : undefined}
          valueRender={(node) => <span data-testid={`waiting-${id}-count`}>{node}</span>}
        />
        <Space direction="vertical" size={4} style={{ marginTop: 4 }}>
          {children}
          {to && (
            <Link to={to} data-testid={`waiting-${id}-link`}>
              {t('dashboard.open')} →
            </Link>
          )}
        </Space>
      </Card>
    </Col>
  );
}

function Categories({ items }: { items: QueueCount[] }) {
  const { t } = useI18n();
  const label = useLabel();
  if (items.length === 0) return null;
  return (
    <Space size={[4, 4]} wrap>
      {items.map((q) => (
        <Tag key={q.category} data-testid={`waiting-category-${q.category}`} data-count={q.count}>
          {label('category', q.category)} {q.count}
          {q.overdue > 0 && (
            <Typography.Text type="danger">
              {' '}
              · {t('dashboard.overdueCount', { n: q.overdue })}
            </Typography.Text>
          )}
        </Tag>
      ))}
    </Space>
  );
}

/** Staff see their team's queue; partners and customers what they wait for from the vendor. */
export function WaitingCards({ me, data }: { me: Me; data: DashboardData }) {
  const { t } = useI18n();
  const nav = navFor(me.roles);
  const link = (to: Target) => (nav.includes(to.slice(1) as (typeof nav)[number]) ? to : undefined);
  const w = data.waiting;
  const isDesk = me.roles.includes('order_desk') || me.roles.includes('admin');
  const decides = isDesk || me.roles.includes('finance');
  const cards: ReactNode[] = [];
  if (data.scope === 'staff') {
    if (decides) {
      cards.push(
        <CountCard
          key="req"
          id="requests"
          title="dashboard.requestsToDecide"
          value={w.requestsToDecide}
          to={link('/queue')}
        >
          <Categories items={w.requests} />
        </CountCard>,
        <CountCard
          key="due"
          id="overdue"
          title="dashboard.overdue"
          value={w.overdue}
          to={link('/queue')}
          warn
        >
          <Typography.Text type="secondary">
            {w.overdue > 0 ? t('dashboard.overdueHint') : t('dashboard.noneOverdue')}
          </Typography.Text>
        </CountCard>,
      );
    }
    if (!decides) {
      // sales and support decide nothing; what they filed (offline top-ups) waits for others
      cards.push(
        <CountCard
          key="mine"
          id="mine"
          title="dashboard.myOpen"
          value={w.myOpenRequests}
          to={link('/queue')}
        />,
      );
    }
    if (isDesk) {
      cards.push(
        <CountCard
          key="ord"
          id="orders"
          title="dashboard.ordersToReview"
          value={w.ordersToReview}
          to={link('/queue')}
        />,
      );
    }
  } else {
    const waiting = w.requests.reduce((s, q) => s + q.count, 0);
    cards.push(
      <CountCard
        key="req"
        id="requests"
        title="dashboard.myRequestsWaiting"
        value={waiting}
        to={link('/queue')}
      >
        <Categories items={w.requests} />
      </CountCard>,
      <CountCard
        key="ord"
        id="orders"
        title="dashboard.ordersAwaitingReview"
        value={w.ordersToReview}
        to={link('/orders')}
      />,
    );
  }
  if (!decides || w.myReturnedRequests > 0) {
    cards.push(
      <CountCard
        key="ret"
        id="returned"
        title="dashboard.myReturned"
        value={w.myReturnedRequests}
        to={link('/queue')}
        warn
      />,
    );
  }
  return (
    <Row gutter={[12, 12]} data-testid="waiting">
      {cards}
    </Row>
  );
}
