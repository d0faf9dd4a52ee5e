import { Typography } from 'antd';
import type { TooltipContentProps } from 'recharts';
import { useI18n } from '../../i18n';
import type { MessageKey } from '../../i18n/zh-CN';
import { Money } from '../../ui/widgets';
import type { MoneySeries } from './queries';

type Day = MoneySeries['days'][number];

/** One day's money: in and out, then each kind as the ledger recorded it (credits positive). */
export function MoneyTooltip({
  active,
  label,
  days,
  currency,
}: Pick<TooltipContentProps, 'active' | 'label'> & { days: Day[]; currency: string }) {
  const { t } = useI18n();
  const day = days.find((d) => String(Number(d.date.slice(8))) === String(label));
  if (!active || !day) return null;
  const kind = (k: string) => {
    const key = `dashboard.kind.${k}` as MessageKey;
    const text = t(key);
    return text === key ? k : text;
  };
  return (
    <div
      className="kd-chart-tooltip"
      style={{ background: '#fff', border: '1px solid #d9d9d9', borderRadius: 6, padding: '8px 12px' }}
    >
      <Typography.Text strong>{day.date}</Typography.Text>
      <div>
        {t('dashboard.moneyIn')}: <Money amount={day.in} currency={currency} />
      </div>
      <div>
        {t('dashboard.moneyOut')}: <Money amount={day.out} currency={currency} />
      </div>
      {day.byKind.map((k) => (
        <div key={k.kind} style={{ fontSize: 12, color: '#8c8c8c' }}>
          {kind(k.kind)}: <Money amount={k.amount} currency={currency} />
        </div>
      ))}
    </div>
  );
}
