import { Alert, Table, Typography } from 'antd';
import type { RefundPolicy } from '../../api/types';
import { useI18n } from '../../i18n';
import { formatAmount } from '../../ui/format';
import { Money, useLabel } from '../../ui/widgets';

type PolicyLine = RefundPolicy['lines'][number];
type Refusal = PolicyLine['refusals'][number];

/**
 * R30/R32/R33/R35 before filing: the server's policy verdict per line — paid, already refunded, what
 * would come back — and each refusal with its rule and fix, so the requester reads why before asking.
 */
export function RefundPolicyView({ policy, currency }: { policy: RefundPolicy; currency: string }) {
  const { t, pick } = useI18n();
  const label = useLabel();
  const reasons = (rs: Refusal[]) =>
    rs.map((r) => (
      <div key={`${r.rule}-${r.code}`} data-refusal={r.code}>
        <Typography.Text type="danger">{pick(r.message)}</Typography.Text>
        {r.fixes.map((f) => (
          <div key={f.en}>
            <Typography.Text type="secondary">{t('refundPolicy.fix', { fix: pick(f) })}</Typography.Text>
          </div>
        ))}
      </div>
    ));
  return (
    <div data-testid="refund-policy-verdicts" style={{ marginTop: 12 }}>
      <Typography.Title level={5}>{t('refundPolicy.title')}</Typography.Title>
      <Alert
        type={policy.fileable ? 'success' : 'warning'}
        showIcon
        data-testid="refund-policy-summary"
        message={t(policy.fileable ? 'refundPolicy.ok' : 'refundPolicy.blocked')}
        style={{ marginBottom: 8 }}
      />
      {policy.orders.map((o) => (
        <div key={o.orderId} style={{ marginBottom: 8 }}>
          {reasons(o.refusals)}
          {o.allocations.length > 0 && (
            <Typography.Text type="secondary" data-testid="refund-allocations">
              {t('refundPolicy.goesBackTo', {
                list: o.allocations
                  .map(
                    (a) => `${label('refundPayment.channel', a.channel)} ${formatAmount(a.amount, currency)}`,
                  )
                  .join(' · '),
              })}
            </Typography.Text>
          )}
        </div>
      ))}
      <Table<PolicyLine>
        size="small"
        pagination={false}
        rowKey="orderLineId"
        dataSource={policy.lines}
        columns={[
          { title: t('orders.title'), dataIndex: 'orderNumber' },
          { title: t('refunds.line'), dataIndex: 'lineNo' },
          { title: t('order.plan'), render: (_, l) => (l.planName ? pick(l.planName) : '') },
          {
            title: t('refundPolicy.paid'),
            align: 'right',
            render: (_, l) => <Money amount={l.paid} currency={currency} />,
          },
          {
            title: t('refundPolicy.refunded'),
            align: 'right',
            render: (_, l) => <Money amount={l.alreadyRefunded} currency={currency} />,
          },
          {
            title: t('refundPolicy.refundable'),
            align: 'right',
            render: (_, l) => <Money amount={l.refundable} currency={currency} />,
          },
          {
            title: t('refundPolicy.verdict'),
            render: (_, l) =>
              l.refusals.length === 0 ? (
                <Typography.Text type="success">{t('refundPolicy.allowed')}</Typography.Text>
              ) : (
                reasons(
                  l.refusals.filter(
                    (r) => !policy.orders.some((o) => o.refusals.some((x) => x.code === r.code)),
                  ),
                )
              ),
          },
        ]}
      />
    </div>
  );
}
