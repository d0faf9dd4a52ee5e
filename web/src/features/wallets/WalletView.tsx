import { useQuery } from '@tanstack/react-query';
import { Card, Empty, Segmented, Space, Statistic, Table } from 'antd';
import { api } from '../../api/client';
import type { Wallet, WalletDetail } from '../../api/types';
import { useI18n } from '../../i18n';
import { formatAmount } from '../../ui/format';
import { ProblemAlert } from '../../ui/problem';
import { useListSearch } from '../../ui/use-list-search';
import { DateText, Money } from '../../ui/widgets';
import { RefLink } from '../review/RefLink';
import { WalletLedger } from './WalletLedger';

/** R2: an owner's wallets (balance, holds, available per currency), then one wallet's holds and lines. */
export function WalletView({ ownerType, ownerId }: { ownerType: 'partner' | 'company'; ownerId: string }) {
  const { t } = useI18n();
  const { params, set } = useListSearch();
  const wallets = useQuery({
    queryKey: ['wallets', ownerType, ownerId],
    queryFn: () => api.get<{ items: Wallet[] }>('/wallets', { ownerType, ownerId }),
  });
  if (wallets.error) return <ProblemAlert error={wallets.error} />;
  if (wallets.isPending) return <Card loading size="small" />;
  const items = wallets.data.items;
  const picked = items.find((w) => w.currency === params.currency) ?? items[0];
  if (!picked) return <Empty description={t('wallet.none')} />;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={12}>
      {items.length > 1 && (
        <Segmented
          value={picked.currency}
          options={items.map((w) => w.currency)}
          onChange={(c) => set({ currency: String(c) })}
          data-testid="wallet-currency"
        />
      )}
      <OneWallet wallet={picked} />
    </Space>
  );
}

/** One wallet: its figures, its active holds and its ledger lines. */
export function OneWallet({ wallet }: { wallet: Wallet }) {
  const { t } = useI18n();
  const detail = useQuery({
    queryKey: ['wallets', wallet.id, 'detail'],
    queryFn: () => api.get<WalletDetail>(`/wallets/${wallet.id}`),
  });
  const cur = wallet.currency;
  return (
    <Card size="small" title={`${t('wallet.title')} · ${cur}`} data-testid={`wallet-${cur}`}>
      <Space size={48}>
        <Statistic title={t('wallet.balance')} value={formatAmount(wallet.balance, cur)} />
        <Statistic title={t('wallet.holds')} value={formatAmount(wallet.holds, cur)} />
        <Statistic
          title={t('wallet.available')}
          value={formatAmount(wallet.available, cur)}
          valueStyle={{ color: '#389e0d' }}
          data-testid="wallet-available"
        />
      </Space>
      <Card
        type="inner"
        size="small"
        title={t('wallet.activeHolds')}
        style={{ marginTop: 12 }}
        data-testid="wallet-holds"
      >
        <Table
          size="small"
          pagination={false}
          rowKey="id"
          loading={detail.isPending}
          dataSource={detail.data?.activeHolds ?? []}
          columns={[
            { title: t('wallet.ref'), render: (_, h) => <RefLink {...h} /> },
            {
              title: t('common.amount'),
              align: 'right',
              render: (_, h) => <Money amount={h.amount} currency={cur} />,
            },
            {
              title: t('common.createdAt'),
              dataIndex: 'createdAt',
              render: (v: string) => <DateText value={v} />,
            },
          ]}
        />
      </Card>
      <Card
        type="inner"
        size="small"
        title={t('lists.wallet.lines', { currency: cur })}
        style={{ marginTop: 12 }}
      >
        <WalletLedger wallet={wallet} />
      </Card>
    </Card>
  );
}
