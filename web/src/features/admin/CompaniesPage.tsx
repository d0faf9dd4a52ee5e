import { Button, Card, Input, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../i18n';
import { ProblemAlert } from '../../ui/problem';
import { useDebounced } from '../../ui/use-debounced';
import { DateText } from '../../ui/widgets';
import { useCan } from './access';
import { CompanyForm } from './CompanyForm';
import { ContactsPanel } from './ContactsPanel';
import { LoadMore } from './LoadMore';
import { useKeysetList, usePartnerOptions } from './queries';
import type { Company } from './types';

const DIRECT = '__direct__';

/** Customer companies with tenant id, region and owning partner; contacts open under each row. */
export function CompaniesPage() {
  const { t, pick } = useI18n();
  const can = useCan();
  const [q, setQ] = useState('');
  const [owner, setOwner] = useState<string>();
  const [editing, setEditing] = useState<Company | 'new' | null>(null);
  const partners = usePartnerOptions(can('companiesRead'));
  const query = {
    q: useDebounced(q.trim()) || undefined,
    partnerId: owner && owner !== DIRECT ? owner : undefined,
    direct: owner === DIRECT ? 'true' : undefined,
  };
  const list = useKeysetList<Company>(
    ['admin', 'companies', 'list'],
    '/companies',
    query,
    can('companiesRead'),
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
      <Space style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          style={{ width: 280 }}
          placeholder={t('admin.companies.search')}
          value={q}
          onChange={(e) => setQ(e.target.value)}
          data-testid="company-search"
        />
        <Select
          allowClear
          style={{ width: 240 }}
          placeholder={t('admin.companies.partner')}
          value={owner}
          onChange={setOwner}
          options={[
            { value: DIRECT, label: t('admin.companies.direct') },
            ...(partners.data?.items.map((p) => ({ value: p.id, label: `${p.code} · ${p.nameZh}` })) ?? []),
          ]}
        />
      </Space>
      <ProblemAlert error={list.error} />
      <Table<Company>
        size="small"
        rowKey="id"
        data-testid="company-list"
        loading={list.isPending}
        dataSource={list.items}
        pagination={false}
        locale={{ emptyText: t('admin.companies.empty') }}
        expandable={{ expandedRowRender: (c) => <ContactsPanel company={c} /> }}
        columns={[
          {
            title: t('admin.name'),
            render: (_, c) => (
              <>
                <div>{c.nameZh}</div>
                {c.nameEn && <div style={{ fontSize: 12, color: '#8c8c8c' }}>{c.nameEn}</div>}
              </>
            ),
          },
          { title: t('customers.tenant'), render: (_, c) => c.tenantId ?? '—' },
          {
            title: t('customers.region'),
            width: 90,
            render: (_, c) => <Tag color={c.region === 'CN' ? 'default' : 'blue'}>{c.region}</Tag>,
          },
          {
            title: t('admin.companies.partner'),
            render: (_, c) =>
              c.partnerId ? (
                pick({ zh: c.partnerNameZh ?? c.partnerId, en: null })
              ) : (
                <Tag>{t('admin.companies.direct')}</Tag>
              ),
          },
          { title: t('admin.companies.parent'), render: (_, c) => c.parentNameZh ?? '—' },
          { title: t('common.createdAt'), render: (_, c) => <DateText value={c.createdAt} />, width: 150 },
          ...(can('companiesWrite')
            ? [
                {
                  title: t('common.actions'),
                  render: (_: unknown, c: Company) => (
                    <Button type="link" size="small" onClick={() => setEditing(c)}>
                      {t('admin.edit')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      <LoadMore list={list} />
      {editing && (
        <CompanyForm company={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} />
      )}
    </Card>
  );
}
