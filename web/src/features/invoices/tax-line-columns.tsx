import type { TableColumnsType } from 'antd';
import type { Translate } from '../../i18n';
import { Money } from '../../ui/widgets';

interface TaxLine {
  itemName: string;
  taxCode: string;
  taxRate: string;
  net: string;
  tax: string;
}

/** The columns every fapiao line shows, on a request and on an issued invoice: item, tax code, rate, net, tax. */
export function taxLineColumns<L extends TaxLine>(t: Translate, currency: string): TableColumnsType<L> {
  return [
    { title: t('invoices.item'), dataIndex: 'itemName' },
    { title: t('invoices.taxCode'), dataIndex: 'taxCode' },
    { title: t('invoices.rate'), dataIndex: 'taxRate' },
    {
      title: t('invoices.net'),
      align: 'right',
      render: (_, l) => <Money amount={l.net} currency={currency} />,
    },
    {
      title: t('invoices.tax'),
      align: 'right',
      render: (_, l) => <Money amount={l.tax} currency={currency} />,
    },
  ];
}
