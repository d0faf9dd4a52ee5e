import { Card, Empty, Space, Typography } from 'antd';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useI18n } from '../../i18n';
import { Money } from '../../ui/widgets';
import { tickAmount, toMinor } from './chart-money';
import { MoneyTooltip } from './MoneyTooltip';
import type { MoneySeries } from './queries';

const IN = '#52c41a';
const OUT = '#fa8c16';

/** Wallet money in and out per day of this month: one bar chart per currency that moved. */
export function MoneyCard({ series }: { series: MoneySeries[] }) {
  const { t } = useI18n();
  return (
    <Card size="small" title={t('dashboard.moneyTitle')} data-testid="money-card">
      {series.length === 0 ? (
        <Empty description={t('dashboard.moneyEmpty')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <Space direction="vertical" style={{ width: '100%' }} size={16}>
          {series.map((s) => (
            <MoneyChart key={s.currency} series={s} />
          ))}
        </Space>
      )}
    </Card>
  );
}

function MoneyChart({ series }: { series: MoneySeries }) {
  const { t } = useI18n();
  const { currency } = series;
  const rows = series.days.map((d) => ({
    day: String(Number(d.date.slice(8))),
    in: toMinor(d.in),
    out: toMinor(d.out),
  }));
  return (
    <div data-testid={`money-chart-${currency}`}>
      <Space size={24} wrap style={{ marginBottom: 8 }}>
        <Typography.Text strong>{currency}</Typography.Text>
        <span title={t('dashboard.moneyInHint')}>
          <Typography.Text type="secondary">{t('dashboard.moneyIn')}: </Typography.Text>
          <span data-testid={`money-in-${currency}`}>
            <Money amount={series.totalIn} currency={currency} />
          </span>
        </span>
        <span title={t('dashboard.moneyOutHint')}>
          <Typography.Text type="secondary">{t('dashboard.moneyOut')}: </Typography.Text>
          <span data-testid={`money-out-${currency}`}>
            <Money amount={series.totalOut} currency={currency} />
          </span>
        </span>
      </Space>
      <ResponsiveContainer width="100%" height={260}>
        <BarChart data={rows} margin={{ top: 8, right: 8, bottom: 24, left: 24 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis
            dataKey="day"
            interval={0}
            tick={{ fontSize: 11 }}
            label={{ value: t('dashboard.axisDate'), position: 'insideBottom', offset: -16 }}
          />
          <YAxis
            allowDecimals={false}
            width={96}
            tick={{ fontSize: 11 }}
            tickFormatter={(v: number) => tickAmount(v, currency)}
            label={{
              value: t('dashboard.axisAmount', { currency }),
              angle: -90,
              position: 'insideLeft',
              offset: -16,
              style: { textAnchor: 'middle' },
            }}
          />
          <Tooltip
            content={(p) => (
              <MoneyTooltip active={p.active} label={p.label} days={series.days} currency={currency} />
            )}
          />
          <Legend verticalAlign="top" height={28} />
          <Bar
            dataKey="in"
            name={t('dashboard.moneyIn')}
            fill={IN}
            maxBarSize={18}
            isAnimationActive={false}
          />
          <Bar
            dataKey="out"
            name={t('dashboard.moneyOut')}
            fill={OUT}
            maxBarSize={18}
            isAnimationActive={false}
          />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
