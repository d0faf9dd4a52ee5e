import { Alert, Button, Card, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../i18n';
import { formatAmount } from '../../ui/format';
import { useLabel } from '../../ui/widgets';
import { useCan } from './access';
import { BundleItemsForm } from './BundleItemsForm';
import { PlanForm } from './PlanForm';
import { PricesForm } from './PricesForm';
import { businessToday, type Sale, saleOf } from './plan-sale';
import type { PlanDetail, ProductDetail } from './types';

const BASE_KINDS = ['edition', 'bundle', 'service'];
const SALE_COLOR: Record<Sale, string> = { on_sale: 'success', not_yet: 'warning', ended: 'error' };

type Editing = { what: 'plan' | 'prices' | 'bundle'; plan?: PlanDetail } | null;

/** The product's plans: base plans and add-ons, each with its tiers, prices and R8 sale window. */
export function PlansCard({ product }: { product: ProductDetail }) {
  const { t } = useI18n();
  const can = useCan();
  const today = businessToday();
  const [editing, setEditing] = useState<Editing>(null);
  const offSale = product.plans.filter((p) => saleOf(p, today) !== 'on_sale');
  const base = product.plans.filter((p) => BASE_KINDS.includes(p.kind));
  const addons = product.plans.filter((p) => !BASE_KINDS.includes(p.kind));
  const table = (plans: PlanDetail[], testId: string) => (
    <PlanTable plans={plans} all={product.plans} today={today} testId={testId} onEdit={setEditing} />
  );
  return (
    <Card
      size="small"
      title={t('admin.plans.title')}
      extra={
        can('catalogWrite') && (
          <Button type="primary" onClick={() => setEditing({ what: 'plan' })} data-testid="plan-new">
            {t('admin.plans.new')}
          </Button>
        )
      }
    >
      {offSale.length > 0 && (
        <Alert
          type="warning"
          showIcon
          data-testid="plans-off-sale"
          style={{ marginBottom: 12 }}
          message={t('admin.plans.offSaleTitle', { n: offSale.length })}
          description={t('admin.plans.offSaleHint')}
        />
      )}
      <Typography.Title level={5}>{t('admin.plans.base')}</Typography.Title>
      {table(base, 'plans-base')}
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('admin.plans.addons')}
      </Typography.Title>
      {table(addons, 'plans-addons')}
      {editing?.what === 'plan' && (
        <PlanForm productId={product.id} plan={editing.plan} onClose={() => setEditing(null)} />
      )}
      {editing?.what === 'prices' && editing.plan && (
        <PricesForm plan={editing.plan} onClose={() => setEditing(null)} />
      )}
      {editing?.what === 'bundle' && editing.plan && (
        <BundleItemsForm plan={editing.plan} plans={product.plans} onClose={() => setEditing(null)} />
      )}
    </Card>
  );
}

function PlanTable(p: {
  plans: PlanDetail[];
  all: PlanDetail[];
  today: string;
  testId: string;
  onEdit: (e: Editing) => void;
}) {
  const { t, pick } = useI18n();
  const label = useLabel();
  const can = useCan();
  const nameOf = (id: string) => {
    const pl = p.all.find((x) => x.id === id);
    return pl ? pick({ zh: pl.nameZh, en: pl.nameEn }) : id;
  };
  return (
    <Table<PlanDetail>
      size="small"
      rowKey="id"
      data-testid={p.testId}
      pagination={false}
      dataSource={p.plans}
      locale={{ emptyText: t('admin.plans.empty') }}
      onRow={(pl) => ({
        'data-testid': `plan-${pl.code}`,
        style: saleOf(pl, p.today) === 'on_sale' ? undefined : { background: '#fff7e6' },
      })}
      columns={[
        { title: t('admin.code'), dataIndex: 'code', width: 120 },
        {
          title: t('admin.name'),
          render: (_, pl) => (
            <>
              <div>{pick({ zh: pl.nameZh, en: pl.nameEn })}</div>
              {pl.bundleItems.length > 0 && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('admin.plans.contains')}{' '}
                  {pl.bundleItems.map((b) => `${nameOf(b.planId)} ×${b.seatsPerBundle}`).join('、')}
                </Typography.Text>
              )}
            </>
          ),
        },
        { title: t('admin.plan.kind'), render: (_, pl) => <Tag>{label('planKind', pl.kind)}</Tag> },
        {
          title: t('admin.plan.pricing'),
          render: (_, pl) => (
            <>
              <div>{label('admin.pricing', pl.pricingMethod)}</div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {label('admin.duration', pl.durationRule)}
              </Typography.Text>
            </>
          ),
        },
        {
          title: t('admin.plan.seats'),
          render: (_, pl) => `${pl.seatMin} – ${pl.seatMax ?? '∞'}`,
        },
        { title: t('admin.plan.prices'), render: (_, pl) => <PriceTiers plan={pl} /> },
        { title: t('admin.plan.sale'), render: (_, pl) => <SaleTag plan={pl} today={p.today} /> },
        {
          title: t('admin.plan.flags'),
          render: (_, pl) => (
            <>
              {pl.passThrough && <Tag color="purple">{t('admin.plan.passThrough')}</Tag>}
              <Tag color={pl.refundable ? 'blue' : 'default'}>
                {pl.refundable ? t('admin.plan.refundable') : t('admin.plan.notRefundable')}
              </Tag>
            </>
          ),
        },
        ...(can('catalogWrite')
          ? [
              {
                title: t('common.actions'),
                render: (_: unknown, pl: PlanDetail) => (
                  <Space size={0}>
                    <Button type="link" size="small" onClick={() => p.onEdit({ what: 'plan', plan: pl })}>
                      {t('admin.edit')}
                    </Button>
                    <Button
                      type="link"
                      size="small"
                      onClick={() => p.onEdit({ what: 'prices', plan: pl })}
                      data-testid={`plan-prices-${pl.code}`}
                    >
                      {t('admin.plan.setPrices')}
                    </Button>
                    {pl.kind === 'bundle' && (
                      <Button type="link" size="small" onClick={() => p.onEdit({ what: 'bundle', plan: pl })}>
                        {t('admin.plan.bundleItems')}
                      </Button>
                    )}
                  </Space>
                ),
              },
            ]
          : []),
      ]}
    />
  );
}

function PriceTiers({ plan }: { plan: PlanDetail }) {
  const { t } = useI18n();
  if (plan.prices.length === 0) return <Tag color="error">{t('admin.plan.noPrice')}</Tag>;
  const sorted = [...plan.prices].sort((a, b) =>
    a.currency === b.currency ? a.minSeats - b.minSeats : a.currency.localeCompare(b.currency),
  );
  return (
    <div data-testid={`prices-${plan.code}`}>
      {sorted.map((pr) => (
        <div key={`${pr.currency}-${pr.minSeats}`} style={{ whiteSpace: 'nowrap' }}>
          <Typography.Text type="secondary">{t('admin.plan.tierFrom', { n: pr.minSeats })}</Typography.Text>{' '}
          {formatAmount(pr.amount, pr.currency)}
        </div>
      ))}
    </div>
  );
}

function SaleTag({ plan, today }: { plan: PlanDetail; today: string }) {
  const { t } = useI18n();
  const label = useLabel();
  const sale = saleOf(plan, today);
  const window = `${plan.validFrom ?? '…'} ~ ${plan.validTo ?? '…'}`;
  return (
    <Tooltip title={t('admin.plan.window', { window })}>
      <Tag color={SALE_COLOR[sale]} data-testid={`sale-${plan.code}`}>
        {label('admin.sale', sale)}
      </Tag>
      {(plan.validFrom || plan.validTo) && (
        <div style={{ fontSize: 12, color: '#8c8c8c', whiteSpace: 'nowrap' }}>{window}</div>
      )}
    </Tooltip>
  );
}
