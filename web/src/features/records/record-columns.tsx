import type { Translate } from '../../i18n';
import type { DataColumn } from '../../ui/DataTable';
import { DateText, Money } from '../../ui/widgets';

interface Shares {
  currency: string;
  renewalAmount: string;
  valueAddedAmount: string;
}

/** A paid device order's two shares (R39): finance totals renewals and value-added packages apart. */
export function shareColumns<T extends Shares>(t: Translate): DataColumn<T>[] {
  return [
    {
      title: t('records.renewalAmount'),
      width: 110,
      render: (_, o) => <Money amount={o.renewalAmount} currency={o.currency} />,
    },
    {
      title: t('records.valueAddedAmount'),
      width: 110,
      render: (_, o) => <Money amount={o.valueAddedAmount} currency={o.currency} />,
    },
  ];
}

export function paidAtColumn<T extends { paidAt: string | null }>(t: Translate): DataColumn<T> {
  return {
    title: t('records.paidAt'),
    width: 140,
    sortKey: 'paid',
    render: (_, o) => <DateText value={o.paidAt} />,
  };
}
