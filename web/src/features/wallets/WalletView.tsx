import { useQuery } from '@tanstack/react-query';
import { Card, Empty, Space, Statistic, Table } from 'antd';
import { api } from '../../api/client';
import type { LedgerLine, Page, Wallet, WalletDetail } from '../../api/types';
import { useI18n } from '../../i18n';
import { formatAmount } from '../../ui/format';
import { ProblemAlert } from '../../ui/problem';
import { DateText, Money, useLabel } from '../../ui/widgets';

/** R2: balance, holds and available per currency, then the active holds and the ledger lines. */
export function WalletView({ ownerType, ownerId }: { ownerType: 'partner' | 'company'; ownerId: string }) {
  const { t } = useI18n();
  const wallets = useQuery({
    queryKey: ['wallets', ownerType, ownerId],
    queryFn: () => api.get<{ items: Wallet[] }>('/wallets', { ownerType, ownerId }),
  });
  if (wallets.error) return <ProblemAlert error={wallets.error} />;
  if (wallets.isPending) return <Card loading size="small" />;
  if (wallets.data.items.length === 0) return <Empty description={t('wallet.none')} />;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={12}>
      {wallets.data.items.map((w) => (
        <OneWallet key={w.id} wallet={w} />
      ))}
    </Space>
  );
}

function OneWallet({ wallet }: { wallet: Wallet }) {
  const { t } = useI18n();
  const label = useLabel();
  const detail = useQuery({
    queryKey: ['wallets', wallet.id, 'detail'],
    queryFn: () => api.get<WalletDetail>(`/wallets/${wallet.id}`),
  });
  const ledger = useQuery({
    queryKey: ['wallets', wallet.id, 'ledger'],
    queryFn: () => api.get<Page<LedgerLine>>(`/wallets/${wallet.id}/ledger`, { limit: 200 }),
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
      <Card type="inner" size="small" title={t('wallet.activeHolds')} style={{ marginTop: 12 }}>
        <Table
          size="small"
          pagination={false}
          rowKey="id"
          loading={detail.isPending}
          dataSource={detail.data?.activeHolds ?? []}
          columns={[
            { title: t('wallet.ref'), render: (_, h) => `${h.refType} · ${h.refId}` },
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
      <Card type="inner" size="small" title={t('wallet.ledger')} style={{ marginTop: 12 }}>
        <Table<LedgerLine>
          size="small"
          rowKey={(l) => `${l.entryId}-${l.refId}`}
          loading={ledger.isPending}
          dataSource={ledger.data?.items ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          data-testid="wallet-ledger"
          columns={[
            {
              title: t('audit.at'),
              dataIndex: 'at',
              width: 150,
              render: (v: string) => <DateText value={v} />,
            },
            { title: t('wallet.kind'), dataIndex: 'kind', render: (k: string) => label('ledgerKind', k) },
            { title: t('wallet.ref'), render: (_, l) => `${l.refType} · ${l.refId}` },
            { title: t('wallet.memo'), dataIndex: 'memo' },
            {
              title: t('common.amount'),
              align: 'right',
              render: (_, l) => <Money amount={l.amount} currency={cur} />,
            },
          ]}
        />
      </Card>
    </Card>
  );
}
