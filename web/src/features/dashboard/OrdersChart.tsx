import { Card, Empty } from 'antd';
import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useI18n } from '../../i18n';
import { useLabel } from '../../ui/widgets';
import type { DashboardData } from './queries';

const COLOR: Record<string, string> = {
  draft: '#bfbfbf',
  submitted: '#1677ff',
  approved: '#73d13d',
  paid: '#389e0d',
  rejected: '#f5222d',
  voided: '#8c8c8c',
};
// The lifecycle's order, so the bars read left to right as an order moves.
const ORDER = ['draft', 'submitted', 'approved', 'paid', 'rejected', 'voided', 'deleted'];

/** Orders created this month, by the state they are in now. */
export function OrdersCard({ orders }: { orders: DashboardData['ordersByState'] }) {
  const { t } = useI18n();
  const label = useLabel();
  const rows = [...orders]
    .sort((a, b) => ORDER.indexOf(a.state) - ORDER.indexOf(b.state))
    .map((o) => ({ state: o.state, label: label('state', o.state), count: o.count }));
  return (
    <Card size="small" title={t('dashboard.ordersTitle')} data-testid="orders-card">
      {rows.length === 0 ? (
        <Empty description={t('dashboard.ordersEmpty')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <div data-testid="orders-chart">
          <ResponsiveContainer width="100%" height={290}>
            <BarChart data={rows} margin={{ top: 8, right: 8, bottom: 24, left: 8 }}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis
                dataKey="label"
                tick={{ fontSize: 12 }}
                label={{ value: t('dashboard.axisState'), position: 'insideBottom', offset: -16 }}
              />
              <YAxis
                allowDecimals={false}
                width={48}
                label={{
                  value: t('dashboard.axisCount'),
                  angle: -90,
                  position: 'insideLeft',
                  style: { textAnchor: 'middle' },
                }}
              />
              <Tooltip />
              <Bar dataKey="count" name={t('dashboard.orderCount')} maxBarSize={48} isAnimationActive={false}>
                {rows.map((r) => (
                  <Cell key={r.state} fill={COLOR[r.state] ?? '#8c8c8c'} />
                ))}
              </Bar>
            </BarChart>
          </ResponsiveContainer>
        </div>
      )}
    </Card>
  );
}
