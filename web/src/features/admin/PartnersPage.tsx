import { Button, Card, Drawer, Space, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { useI18n } from '../../i18n';
import { AuditTrail } from '../../ui/AuditTrail';
import { type DataColumn, DataTable, type FilterSpec } from '../../ui/DataTable';
import { ProblemAlert } from '../../ui/problem';
import { DateText, useLabel } from '../../ui/widgets';
import { WalletView } from '../wallets/WalletView';
import { useCan } from './access';
import { PartnerForm } from './PartnerForm';
import { useAudit } from './queries';
import type { Partner } from './types';

const SORT = { sort: 'code' };
const STATES = ['active', 'suspended'];

/** Channel partners: names, state, and each one's prepaid wallet with its ledger. */
export function PartnersPage() {
  const { t, pick } = useI18n();
  const label = useLabel();
  const can = useCan();
  const [editing, setEditing] = useState<Partner | 'new' | null>(null);
  const [open, setOpen] = useState<Partner | null>(null);
  const filters = useMemo<FilterSpec[]>(
    () => [
      { kind: 'text', key: 'q', placeholder: t('admin.partners.search') },
      {
        kind: 'select',
        key: 'state',
        placeholder: t('lists.allStates'),
        options: STATES.map((s) => ({ value: s, label: label('admin.partnerState', s) })),
      },
      { kind: 'dates' },
    ],
    [t, label],
  );
  const columns: DataColumn<Partner>[] = [
    { title: t('admin.code'), dataIndex: 'code', width: 140, sortKey: 'code' },
    { title: t('admin.nameZh'), dataIndex: 'nameZh', width: 220, sortKey: 'name', ellipsis: true },
    { title: t('admin.nameEn'), width: 200, ellipsis: true, render: (_, p) => p.nameEn ?? '—' },
    {
      title: t('common.state'),
      width: 100,
      render: (_, p) => (
        <Tag color={p.state === 'active' ? 'success' : 'warning'}>{label('admin.partnerState', p.state)}</Tag>
      ),
    },
    {
      title: t('common.createdAt'),
      width: 150,
      sortKey: 'created',
      render: (_, p) => <DateText value={p.createdAt} />,
    },
    {
      title: t('common.actions'),
      width: 180,
      render: (_, p) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => setOpen(p)} data-testid={`partner-open-${p.code}`}>
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
  ];
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
      <DataTable<Partner>
        resource="/partners"
        // The partner directory leaves the system through admins only (the server says so too).
        exportResource={can('partnersWrite') ? '/partners/export' : undefined}
        queryKey={['admin', 'partners']}
        columns={columns}
        rowKey={(p) => p.id}
        filters={filters}
        defaults={SORT}
        // A vendor has tens of partners: plain rows, still loaded page by page.
        virtual={false}
        testId="partner-list"
        emptyText={t('admin.partners.empty')}
      />
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
