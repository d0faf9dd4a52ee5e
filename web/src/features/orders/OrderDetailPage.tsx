import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Card, Descriptions, Space, Table } from 'antd';
import { api } from '../../api/client';
import type { Company, OrderDecision, OrderDetail, OrderLine } from '../../api/types';
import { useI18n } from '../../i18n';
import { AuditTrail } from '../../ui/AuditTrail';
import { DecisionBox } from '../../ui/DecisionBox';
import { ProblemAlert } from '../../ui/problem';
import { DateText, Money, StateTag, useLabel } from '../../ui/widgets';
import { useMe } from '../auth/session';
import { useProduct } from './queries';

export function OrderDetailPage({ id }: { id: string }) {
  const { t, pick } = useI18n();
  const label = useLabel();
  const qc = useQueryClient();
  const me = useMe();
  const detail = useQuery({ queryKey: ['orders', id], queryFn: () => api.get<OrderDetail>(`/orders/${id}`) });
  // The order carries ids only; names come from the company and the product (with its plans).
  const company = useQuery({
    queryKey: ['company', detail.data?.order.companyId],
    queryFn: () => api.get<Company>(`/companies/${detail.data?.order.companyId}`),
    enabled: Boolean(detail.data),
  });
  const product = useProduct(detail.data?.order.productId);
  const planName = (planId: string) => {
    const p = product.data?.plans.find((x) => x.id === planId);
    return p ? pick({ zh: p.nameZh, en: p.nameEn }) : planId;
  };
  const decide = useMutation({
    // Approval takes an optional reason; rejection needs one (order-routes.ts).
    mutationFn: ({ action, comment }: { action: string; comment: string }) =>
      api.post<OrderDecision>(`/orders/${id}/${action}`, comment ? { reason: comment } : {}),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['orders'] }),
  });
  if (detail.error) return <ProblemAlert error={detail.error} />;
  const d = detail.data;
  if (!d) return <Card loading size="small" />;
  const o = d.order;
  const isDesk = me.data?.roles.some((r) => r === 'order_desk' || r === 'admin') ?? false;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={12}>
      <Card
        title={t('orderDetail.title', { number: o.number })}
        size="small"
        extra={<StateTag state={o.state} />}
      >
        <Descriptions size="small" column={3} bordered>
          <Descriptions.Item label={t('order.type')}>{label('orderType', o.orderType)}</Descriptions.Item>
          <Descriptions.Item label={t('common.total')}>
            <Money amount={o.total} currency={o.currency} />
          </Descriptions.Item>
          <Descriptions.Item label={t('orderDetail.submittedAt')}>
            <DateText value={o.submittedAt} />
          </Descriptions.Item>
          <Descriptions.Item label={t('common.customer')}>
            {company.data ? pick({ zh: company.data.nameZh, en: company.data.nameEn }) : o.companyId}
          </Descriptions.Item>
          <Descriptions.Item label={t('common.product')}>
            {product.data ? pick({ zh: product.data.nameZh, en: product.data.nameEn }) : o.productId}
          </Descriptions.Item>
          <Descriptions.Item label={t('orderDetail.decision')}>{o.decisionComment ?? '—'}</Descriptions.Item>
        </Descriptions>
        {isDesk && o.state === 'submitted' && (
          <div style={{ marginTop: 12 }}>
            <DecisionBox
              actions={[
                { key: 'approve', label: t('common.approve'), primary: true },
                { key: 'reject', label: t('common.reject'), danger: true },
              ]}
              pending={decide.isPending}
              error={decide.error}
              onDecide={(action, comment) => decide.mutate({ action, comment })}
            />
          </div>
        )}
        {decide.data?.warnings.map((w) => (
          <Alert key={w.en} type="warning" showIcon message={pick(w)} style={{ marginTop: 8 }} />
        ))}
      </Card>
      <Card title={t('orderDetail.lines')} size="small">
        <Table<OrderLine>
          size="small"
          pagination={false}
          rowKey="id"
          dataSource={d.lines}
          columns={[
            { title: '#', dataIndex: 'lineNo', width: 40 },
            { title: t('order.plan'), dataIndex: 'planId', render: (v: string) => planName(v) },
            { title: t('order.seats'), dataIndex: 'seats' },
            { title: t('order.period'), render: (_, l) => `${l.periodStart} ~ ${l.periodEnd}` },
            { title: t('order.duration'), render: (_, l) => t('common.days', { n: l.days }) },
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
        <Table
          size="small"
          pagination={false}
          rowKey="id"
          dataSource={d.holds}
          columns={[
            { title: 'ID', dataIndex: 'id' },
            {
              title: t('common.amount'),
              align: 'right',
              render: (_, h) => <Money amount={h.amount} currency={o.currency} />,
            },
            { title: t('common.state'), dataIndex: 'state' },
            {
              title: t('common.createdAt'),
              dataIndex: 'createdAt',
              render: (v: string) => <DateText value={v} />,
            },
          ]}
        />
      </Card>
      <Card title={t('orderDetail.effects')} size="small">
        <Table
          size="small"
          pagination={false}
          rowKey={(e) => `${e.componentId}-${e.kind}-${e.endAfter}`}
          dataSource={d.effects}
          columns={[
            { title: t('orderDetail.component'), dataIndex: 'componentId' },
            { title: t('orderDetail.kind'), dataIndex: 'kind' },
            {
              title: t('orderDetail.seatsChange'),
              render: (_, e) => `${e.seatsBefore ?? '—'} → ${e.seatsAfter ?? '—'}`,
            },
            {
              title: t('orderDetail.endChange'),
              render: (_, e) => `${e.endBefore ?? '—'} → ${e.endAfter ?? '—'}`,
            },
          ]}
        />
      </Card>
      <Card title={t('orderDetail.trail')} size="small">
        <AuditTrail trail={d.trail} />
      </Card>
    </Space>
  );
}
