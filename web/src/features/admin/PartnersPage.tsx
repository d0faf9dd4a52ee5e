import { Button, Card, Drawer, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../i18n';
import { AuditTrail } from '../../ui/AuditTrail';
import { ProblemAlert } from '../../ui/problem';
import { DateText, useLabel } from '../../ui/widgets';
import { WalletView } from '../wallets/WalletView';
import { useCan } from './access';
import { LoadMore } from './LoadMore';
import { PartnerForm } from './PartnerForm';
import { useAudit, useKeysetList } from './queries';
import type { Partner } from './types';

/** Channel partners: names, state, and each one's prepaid wallet with its ledger. */
export function PartnersPage() {
  const { t, pick } = useI18n();
  const label = useLabel();
  const can = useCan();
  const list = useKeysetList<Partner>(['admin', 'partners', 'list'], '/partners');
  const [editing, setEditing] = useState<Partner | 'new' | null>(null);
  const [open, setOpen] = useState<Partner | null>(null);
  return (
    <Card
      size="small"
      title={t('admin.partners.title')}
      extra={
        can('partnersWrite') && (
          <Button type="primary" onClick={() => setEditing('new')} data-testid="partner-new">
            {t('admin.partners.new')}
          </Button>
        )
      }
    >
      <ProblemAlert error={list.error} />
      <Table<Partner>
        size="small"
        rowKey="id"
        data-testid="partner-list"
        loading={list.isPending}
        dataSource={list.items}
        pagination={false}
        locale={{ emptyText: t('admin.partners.empty') }}
        columns={[
          { title: t('admin.code'), dataIndex: 'code', width: 140 },
          { title: t('admin.nameZh'), dataIndex: 'nameZh' },
          { title: t('admin.nameEn'), render: (_, p) => p.nameEn ?? '—' },
          {
            title: t('common.state'),
            render: (_, p) => (
              <Tag color={p.state === 'active' ? 'success' : 'warning'}>
                {label('admin.partnerState', p.state)}
              </Tag>
            ),
          },
          { title: t('common.createdAt'), render: (_, p) => <DateText value={p.createdAt} />, width: 150 },
          {
            title: t('common.actions'),
            render: (_, p) => (
              <Space size={0}>
                <Button
                  type="link"
                  size="small"
                  onClick={() => setOpen(p)}
                  data-testid={`partner-open-${p.code}`}
                >
                  {t('admin.partners.wallet')}
                </Button>
                {can('partnersWrite') && (
                  <Button
                    type="link"
                    size="small"
                    onClick={() => setEditing(p)}
                    data-testid={`partner-edit-${p.code}`}
                  >
                    {t('admin.edit')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      <LoadMore list={list} />
      {editing && (
        <PartnerForm partner={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} />
      )}
      {open && (
        <Drawer
          open
          width={860}
          title={`${open.code} · ${pick({ zh: open.nameZh, en: open.nameEn })}`}
          onClose={() => setOpen(null)}
        >
          <PartnerDetail partner={open} />
        </Drawer>
      )}
    </Card>
  );
}

function PartnerDetail({ partner }: { partner: Partner }) {
  const { t } = useI18n();
  const can = useCan();
  const audit = useAudit('partner', partner.id, can('auditRead'));
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={12}>
      <WalletView ownerType="partner" ownerId={partner.id} />
      {can('auditRead') && (
        <Card size="small" title={t('admin.trail')}>
          <ProblemAlert error={audit.error} />
          <AuditTrail trail={audit.data?.items ?? []} />
        </Card>
      )}
    </Space>
  );
}
