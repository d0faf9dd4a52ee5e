import { useQuery } from '@tanstack/react-query';
import { Card, Select, Space } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client';
import type { Page, Partner } from '../../api/types';
import { useI18n } from '../../i18n';
import { useMe } from '../auth/session';
import { TopupCard } from './TopupCard';
import { WalletView } from './WalletView';

/** The partner agent's own wallet. */
export function MyWalletPage() {
  const { t } = useI18n();
  const me = useMe();
  const partnerId = me.data?.partner?.id;
  if (!partnerId) return <Card size="small">{t('app.noAccess')}</Card>;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={12}>
      <WalletView ownerType="partner" ownerId={partnerId} />
      <TopupCard partnerId={partnerId} />
    </Space>
  );
}

/** Finance and sales: any partner's wallet and ledger. */
export function LedgersPage() {
  const { t, pick } = useI18n();
  const partners = useQuery({
    queryKey: ['partners'],
    queryFn: () => api.get<Page<Partner>>('/partners', { limit: 200 }),
  });
  const [picked, setPicked] = useState<string>();
  const me = useMe();
  const canApply = me.data?.roles.some((r) => r === 'sales' || r === 'admin') ?? false;
  const partnerId = picked ?? partners.data?.items[0]?.id;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={12}>
      <Card size="small" title={t('nav.ledgers')}>
        {t('wallet.partner')}:{' '}
        <Select
          style={{ width: 320 }}
          value={partnerId}
          onChange={setPicked}
          data-testid="ledger-partner"
          options={partners.data?.items.map((p) => ({
            value: p.id,
            label: `${p.code} · ${pick({ zh: p.nameZh, en: p.nameEn })}`,
          }))}
        />
      </Card>
      {partnerId && <WalletView ownerType="partner" ownerId={partnerId} />}
      {partnerId && canApply && <TopupCard partnerId={partnerId} />}
    </Space>
  );
}
