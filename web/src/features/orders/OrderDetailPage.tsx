import { Link } from '@tanstack/react-router';
import { Card, Descriptions, Result, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import type { OrderLine } from '../../api/types';
import { useI18n } from '../../i18n';
import { AuditTrail } from '../../ui/AuditTrail';
import { ProblemAlert } from '../../ui/problem';
import { DateText, Money, StateTag, useLabel } from '../../ui/widgets';
import { InvoiceRequestLink } from '../invoices/InvoiceRequestLink';
import { OrderPayCard } from '../payments/OrderPayCard';
import { OrderActions } from './OrderActions';
import { type OrderView, useEntitlements, useOrder } from './queries';

type Effect = OrderView['effects'][number];
type Hold = OrderView['holds'][number];

/** The order desk's one screen per order: header, lines, holds, entitlement effects and the trail (R40). */
export function OrderDetailPage({ id }: { id: string }) {
  const { t, pick } = useI18n();
  const label = useLabel();
  const detail = useOrder(id);
  const [deleted, setDeleted] = useState<string | null>(null);
  const d = detail.data;
  // Effects name components; the customer's components name their plans.
  const ents = useEntitlements(d && d.effects.length > 0 ? d.order.companyId : undefined);
  if (deleted) {
    return (
      <div data-testid="order-deleted">
        <Result
          status="success"
          title={t('desk.order.deleted', { number: deleted })}
          extra={<Link to="/orders">{t('orders.title')}</Link>}
        />
      </div>
    );
  }
  if (detail.error) return <ProblemAlert error={detail.error} />;
  if (!d) return <Card loading size="small" />;
  const o = d.order;
  const planName = (planId: string) => {
    const n = d.labels?.planNames[planId];
    return n ? pick(n) : planId;
  };
  const componentName = (componentId: string) => {
    const c = ents.data?.components.find((x) => x.id === componentId);
    return c ? pick(c.planName) : componentId;
  };
  const change = (before: string | number | null, after: string | number | null) =>
    before === after ? `${after ?? '—'}` : `${before ?? '—'} → ${after ?? '—'}`;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={12} data-testid="order-detail">
      <Card
        title={t('orderDetail.title', { number: o.number })}
        size="small"
        extra={
          <span data-testid="order-state">
            <StateTag state={o.state} />
          </span>
        }
      >
        <Descriptions size="small" column={3} bordered>
          <Descriptions.Item label={t('common.customer')}>
            <span data-testid="order-customer">{d.labels?.companyName ?? o.companyId}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('customers.tenant')}>{d.labels?.tenantId ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('common.product')}>
            {d.labels ? pick(d.labels.productName) : o.productId}
          </Descriptions.Item>
          <Descriptions.Item label={t('order.type')}>{label('orderType', o.orderType)}</Descriptions.Item>
          <Descriptions.Item label={t('desk.order.channel')}>
            {label('desk.channel', o.channel)}
          </Descriptions.Item>
          <Descriptions.Item label={t('common.total')}>
            <Money amount={o.total} currency={o.currency} />
          </Descriptions.Item>
          <Descriptions.Item label={t('desk.order.effective')}>{o.effectiveDate}</Descriptions.Item>
          <Descriptions.Item label={t('orderDetail.submittedAt')}>
            <DateText value={o.submittedAt} />
          </Descriptions.Item>
          <Descriptions.Item label={t('desk.order.receivedAt')}>
            <DateText value={o.receivedAt} />
          </Descriptions.Item>
          <Descriptions.Item label={t('desk.order.decidedAt')}>
            <DateText value={o.decidedAt} />
          </Descriptions.Item>
          {o.renameTo && (
            <Descriptions.Item label={t('desk.order.renameTo')}>
              <span data-testid="order-rename-to">{pick(o.renameTo)}</span>
            </Descriptions.Item>
          )}
          {o.archivedAt && (
            <Descriptions.Item label={t('desk.order.archivedAt')}>
              <DateText value={o.archivedAt} />
            </Descriptions.Item>
          )}
          <Descriptions.Item label={t('orderpay.method')}>
            <span data-testid="order-method-shown">{label('orderpay.method', o.paymentMethod)}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('desk.order.paidAt')}>
            <DateText value={o.paidAt} />
          </Descriptions.Item>
          <Descriptions.Item label={t('orderDetail.decision')}>
            <span data-testid="order-decision">{o.decisionComment ?? '—'}</span>
          </Descriptions.Item>
        </Descriptions>
        <OrderActions view={d} onDeleted={() => setDeleted(o.number)} />
        <InvoiceRequestLink order={o} />
      </Card>
      {o.paymentMethod !== 'wallet' && <OrderPayCard orderId={o.id} />}
      <Card title={t('orderDetail.lines')} size="small">
        <Table<OrderLine>
          size="small"
          pagination={false}
          rowKey="id"
          dataSource={d.lines}
          data-testid="order-lines"
          columns={[
            { title: '#', dataIndex: 'lineNo', width: 40 },
            {
              title: t('order.plan'),
              render: (_, l) => (
                <>
                  {planName(l.planId)}
                  {l.passThrough && <Tag style={{ marginLeft: 6 }}>{t('order.passThrough')}</Tag>}
                </>
              ),
            },
            { title: t('order.seats'), dataIndex: 'seats' },
            { title: t('order.period'), render: (_, l) => `${l.periodStart} ~ ${l.periodEnd}` },
            {
              title: t('order.duration'),
              render: (_, l) =>
                l.durationUnit && l.durationValue
                  ? `${l.durationValue} ${t(`unit.${l.durationUnit}`)} · ${t('common.days', { n: l.days })}`
                  : t('common.days', { n: l.days }),
            },
            {
              title: t('order.unitPrice'),
              align: 'right',
              render: (_, l) => <Money amount={l.unitAmount} currency={o.currency} />,
            },
            {
              title: t('order.lineAmount'),
              align: 'right',
              render: (_, l) => <Money amount={l.amount} currency={o.currency} />,
            },
            {
              title: t('orderDetail.refunded'),
              align: 'right',
              render: (_, l) => <Money amount={l.refunded} currency={o.currency} />,
            },
          ]}
        />
      </Card>
      <Card title={t('orderDetail.holds')} size="small">
        <Table<Hold>
          size="small"
          pagination={false}
          rowKey="id"
          dataSource={d.holds}
          data-testid="order-holds"
          locale={{ emptyText: t('desk.order.noHolds') }}
          columns={[
            {
              title: t('common.amount'),
              align: 'right',
              render: (_, h) => <Money amount={h.amount} currency={o.currency} />,
            },
            {
              title: t('common.state'),
              dataIndex: 'state',
              render: (s: string) => (
                <Tag color={s === 'active' ? 'processing' : 'default'}>{label('desk.hold', s)}</Tag>
              ),
            },
            {
              title: t('common.createdAt'),
              dataIndex: 'createdAt',
              render: (v: string) => <DateText value={v} />,
            },
          ]}
        />
      </Card>
      <Card title={t('orderDetail.effects')} size="small">
        <Table<Effect>
          size="small"
          pagination={false}
          rowKey={(e) => `${e.componentId}-${e.kind}-${e.endAfter}`}
          dataSource={d.effects}
          data-testid="order-effects"
          locale={{ emptyText: t('desk.order.noEffects') }}
          columns={[
            { title: t('orderDetail.component'), render: (_, e) => componentName(e.componentId) },
            {
              title: t('orderDetail.kind'),
              dataIndex: 'kind',
              render: (k: string) => label('desk.effect', k),
            },
            { title: t('orderDetail.seatsChange'), render: (_, e) => change(e.seatsBefore, e.seatsAfter) },
            { title: t('orderDetail.endChange'), render: (_, e) => change(e.endBefore, e.endAfter) },
          ]}
        />
      </Card>
      <Card title={t('orderDetail.trail')} size="small">
        <AuditTrail trail={d.trail} />
      </Card>
    </Space>
  );
}
