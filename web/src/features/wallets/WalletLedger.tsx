import { useMemo } from 'react';
import type { LedgerLine, Wallet } from '../../api/types';
import { useI18n } from '../../i18n';
import { type DataColumn, DataTable, type FilterSpec } from '../../ui/DataTable';
import { DateText, Money, useLabel } from '../../ui/widgets';
import { RefLink } from '../review/RefLink';

const KINDS = ['topup', 'capture', 'refund', 'settled_offline'];
const DEFAULTS = { sort: '-at' };

/** A wallet's ledger lines: kind, dates and reference search in the URL, sorted by time or amount. */
export function WalletLedger({ wallet }: { wallet: Pick<Wallet, 'id' | 'currency'> }) {
  const { t } = useI18n();
  const label = useLabel();
  const cur = wallet.currency;
  const filters = useMemo<FilterSpec[]>(
    () => [
      { kind: 'text', key: 'q', placeholder: t('lists.search.ledger'), width: 200 },
      {
        kind: 'select',
        key: 'kind',
        placeholder: t('lists.allKinds'),
        options: KINDS.map((k) => ({ value: k, label: label('ledgerKind', k) })),
      },
      { kind: 'dates' },
    ],
    [t, label],
  );
  const columns: DataColumn<LedgerLine>[] = [
    {
      title: t('audit.at'),
      dataIndex: 'at',
      width: 150,
      sortKey: 'at',
      render: (v: string) => <DateText value={v} />,
    },
    { title: t('wallet.kind'), dataIndex: 'kind', width: 110, render: (k: string) => label('ledgerKind', k) },
    { title: t('wallet.ref'), width: 200, ellipsis: true, render: (_, l) => <RefLink {...l} /> },
    { title: t('wallet.memo'), dataIndex: 'memo', width: 200, ellipsis: true },
    {
      title: t('common.amount'),
      dataIndex: 'amount',
      align: 'right',
      width: 150,
      sortKey: 'amount',
      render: (_, l) => <Money amount={l.amount} currency={cur} />,
    },
  ];
  return (
    <DataTable<LedgerLine>
      resource={`/wallets/${wallet.id}/ledger`}
      exportResource={`/wallets/${wallet.id}/ledger/export`}
      queryKey={['wallets', wallet.id, 'ledger']}
      columns={columns}
      // One posting per wallet and entry; the reference and amount tell the rare twin apart.
      rowKey={(l) => `${l.entryId}-${l.refId}-${l.amount}`}
      filters={filters}
      defaults={DEFAULTS}
      height={420}
      testId="wallet-ledger"
    />
  );
}
