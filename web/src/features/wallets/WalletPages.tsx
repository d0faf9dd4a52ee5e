import { useQuery } from '@tanstack/react-query';
import { Card, Select, Space, Typography } from 'antd';
import { api } from '../../api/client';
import type { Wallet } from '../../api/types';
import { useI18n } from '../../i18n';
import { formatAmount } from '../../ui/format';
import { ProblemAlert } from '../../ui/problem';
import { useListSearch } from '../../ui/use-list-search';
import { useMe } from '../auth/session';
import { OnlineTopupCard } from './OnlineTopupCard';
import { TopupCard } from './TopupCard';
import { OneWallet, WalletView } from './WalletView';

/** GET /wallets without an owner: every wallet the caller may read, with the owner's name (wallet-routes.ts). */
type ListedWallet = Wallet & { ownerName: string; ownerCode: string | null };

/** The partner agent's own wallet; a customer's is its company's (R28, read only here). */
export function MyWalletPage() {
  const { t } = useI18n();
  const me = useMe();
  const partnerId = me.data?.partner?.id;
  const companyId = me.data?.company?.id;
  if (!partnerId && companyId)
    return (
      <Space direction="vertical" style={{ width: '100%' }} size={12}>
        <WalletView ownerType="company" ownerId={companyId} />
        <OnlineTopupCard ownerId={companyId} />
      </Space>
    );
  if (!partnerId) return <Card size="small">{t('app.noAccess')}</Card>;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={12}>
      <WalletView ownerType="partner" ownerId={partnerId} />
      <OnlineTopupCard ownerId={partnerId} />
      <TopupCard partnerId={partnerId} />
    </Space>
  );
}

/** Finance and sales: pick any partner's or customer's wallet, then its holds and ledger lines. */
export function LedgersPage() {
  const { t } = useI18n();
  const { params, set } = useListSearch();
  const wallets = useQuery({
    queryKey: ['wallets', 'all'],
    queryFn: () => api.get<{ items: ListedWallet[] }>('/wallets'),
  });
  const me = useMe();
  const canApply = me.data?.roles.some((r) => r === 'sales' || r === 'admin') ?? false;
  const items = wallets.data?.items ?? [];
  const picked = items.find((w) => w.id === params.wallet) ?? items[0];
  const ownerLabel = (w: ListedWallet) => t(`lists.wallet.owner.${w.ownerType}`);
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={12}>
      <Card size="small" title={t('nav.ledgers')}>
        <ProblemAlert error={wallets.error} />
        <Space direction="vertical" size={4}>
          <Space>
            {t('lists.wallet')}:
            <Select
              showSearch
              style={{ width: 460 }}
              loading={wallets.isPending}
              placeholder={t('lists.wallet.pick')}
              value={picked?.id}
              onChange={(id: string) => set({ wallet: id })}
              optionFilterProp="search"
              data-testid="ledger-wallet"
              options={(['partner', 'company'] as const).map((type) => ({
                label: t(`lists.wallet.owner.${type}`),
                options: items
                  .filter((w) => w.ownerType === type)
                  .map((w) => ({
                    value: w.id,
                    search: `${w.ownerCode ?? ''} ${w.ownerName} ${w.currency}`,
                    label: `${w.ownerCode ? `${w.ownerCode} · ` : ''}${w.ownerName} · ${w.currency} · ${formatAmount(w.available, w.currency)}`,
                  })),
              }))}
            />
          </Space>
          <Typography.Text type="secondary">
            {picked ? `${ownerLabel(picked)} · ${picked.ownerName}` : ''} {t('lists.wallet.hint')}
          </Typography.Text>
        </Space>
      </Card>
      {picked && <OneWallet wallet={picked} />}
      {picked && picked.ownerType === 'partner' && canApply && <TopupCard partnerId={picked.ownerId} />}
    </Space>
  );
}
