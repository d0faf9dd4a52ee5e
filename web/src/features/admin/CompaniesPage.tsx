import { Button, Card, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { useI18n } from '../../i18n';
import { type DataColumn, DataTable, type FilterSpec } from '../../ui/DataTable';
import { DateText } from '../../ui/widgets';
import { useCan } from './access';
import { CompanyForm } from './CompanyForm';
import { ContactsPanel } from './ContactsPanel';
import { usePartnerOptions } from './queries';
import type { Company } from './types';

const SORT = { sort: 'name' };

/** Customer companies with tenant id, region and owning partner; contacts open under each row. */
export function CompaniesPage() {
  const { t, pick } = useI18n();
  const can = useCan();
  const [editing, setEditing] = useState<Company | 'new' | null>(null);
  const partners = usePartnerOptions(can('companiesRead'));
  const columns = useCompanyColumns(can('companiesWrite') ? setEditing : undefined);
  const options = partners.data?.items;
  const filters = useMemo<FilterSpec[]>(
    () => [
      { kind: 'text', key: 'q', placeholder: t('admin.companies.search'), width: 220 },
      {
        kind: 'select',
        key: 'partnerId',
        width: 200,
        placeholder: t('admin.companies.partner'),
        options: (options ?? []).map((p) => ({
          value: p.id,
          label: `${p.code} · ${pick({ zh: p.nameZh, en: p.nameEn })}`,
        })),
      },
      { kind: 'switch', key: 'direct', label: t('admin.companies.direct') },
      { kind: 'dates' },
    ],
    [t, pick, options],
  );
  if (!can('companiesRead')) return <Card size="small">{t('app.noAccess')}</Card>;
  return (
    <Card
      size="small"
      title={t('admin.companies.title')}
      extra={
        can('companiesWrite') && (
          <Button type="primary" onClick={() => setEditing('new')} data-testid="company-new">
            {t('admin.companies.new')}
          </Button>
        )
      }
    >
      <DataTable<Company>
        resource="/companies"
        exportResource="/companies/export"
        queryKey={['admin', 'companies']}
        columns={columns}
        rowKey={(c) => c.id}
        filters={filters}
        defaults={SORT}
        testId="company-list"
        emptyText={t('admin.companies.empty')}
        expandable={{ expandedRowRender: (c) => <ContactsPanel company={c} /> }}
      />
      {editing && (
        <CompanyForm company={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} />
      )}
    </Card>
  );
}

function useCompanyColumns(edit?: (c: Company) => void): DataColumn<Company>[] {
  const { t } = useI18n();
  const columns: DataColumn<Company>[] = [
    {
      title: t('admin.name'),
      width: 230,
      sortKey: 'name',
      ellipsis: true,
      render: (_, c) => (
        <>
          <div>{c.nameZh}</div>
          {c.nameEn && <div style={{ fontSize: 12, color: '#8c8c8c' }}>{c.nameEn}</div>}
        </>
      ),
    },
    { title: t('customers.tenant'), width: 170, sortKey: 'tenant', render: (_, c) => c.tenantId ?? '—' },
    {
      title: t('customers.region'),
      width: 64,
      render: (_, c) => <Tag color={c.region === 'CN' ? 'default' : 'blue'}>{c.region}</Tag>,
    },
    {
      title: t('admin.companies.partner'),
      width: 180,
      ellipsis: true,
      render: (_, c) =>
        c.partnerId ? (c.partnerNameZh ?? c.partnerId) : <Tag>{t('admin.companies.direct')}</Tag>,
    },
    {
      title: t('admin.companies.parent'),
      width: 140,
      ellipsis: true,
      render: (_, c) => c.parentNameZh ?? '—',
    },
    {
      title: t('common.createdAt'),
      width: 140,
      sortKey: 'created',
      render: (_, c) => <DateText value={c.createdAt} />,
    },
  ];
  if (edit)
    columns.push({
      title: t('common.actions'),
      width: 80,
      render: (_, c) => (
        <Button type="link" size="small" onClick={() => edit(c)}>
          {t('admin.edit')}
        </Button>
      ),
    });
  return columns;
}
