import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Popconfirm, Space, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { api } from '../../api/client';
import type { BillingConfig, Role } from '../../api/types';
import { useI18n } from '../../i18n';
import { CompanyScopePicker, scopeOf } from '../../ui/CompanyScope';
import { type DataColumn, DataTable } from '../../ui/DataTable';
import { ProblemAlert } from '../../ui/problem';
import { useListSearch } from '../../ui/use-list-search';
import { DateText, Notice } from '../../ui/widgets';
import { hasOwnCompany, useMe } from '../auth/session';
import { ConfigDrawer, type Target } from './ConfigDrawer';

// Who may configure (the server's table, docs/billing.md "Roles"); the server refuses anyone else anyway.
const CONFIGURERS: Role[] = ['admin', 'sales', 'support', 'customer'];

/**
 * 账户配置 / 收费账户配置 (issue #13, R38): the companies in scope, directly or with all subsidiaries, each
 * with its configuration or none; edit one in the drawer, select several → 配置所选公司, delete.
 */
export function BillingPage() {
  const { t } = useI18n();
  const me = useMe();
  const qc = useQueryClient();
  const { params, set } = useListSearch('b_');
  const may = (me.data?.roles ?? []).some((r) => CONFIGURERS.includes(r));
  const where = scopeOf(params);
  const [selected, setSelected] = useState<string[]>([]);
  const [target, setTarget] = useState<Target | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const refresh = () => {
    setSelected([]);
    void qc.invalidateQueries({ queryKey: ['billing-configs'] });
  };
  const remove = useMutation({
    mutationFn: (r: BillingConfig) =>
      api.del<undefined>(`/billing-configs/${r.companyId}?version=${r.version ?? 0}`),
    onSuccess: refresh,
  });
  const fixed = useMemo(
    () => ({ companyId: where.companyId, depth: where.depth }),
    [where.companyId, where.depth],
  );
  const onOff = (v: boolean | null) => (v === null ? '—' : v ? t('billing.on') : t('billing.off'));
  const columns: DataColumn<BillingConfig>[] = [
    { title: t('billing.company'), dataIndex: 'companyName', width: 200, ellipsis: true, sortKey: 'name' },
    {
      title: t('billing.configured'),
      width: 90,
      render: (_, r) => (
        <Tag color={r.configured ? 'green' : 'default'}>
          {t(r.configured ? 'billing.configured.yes' : 'billing.configured.no')}
        </Tag>
      ),
    },
    {
      title: t('billing.cycle'),
      width: 90,
      render: (_, r) => (r.billingCycle ? t(`billing.cycle.${r.billingCycle}`) : '—'),
    },
    { title: t('billing.autoRenew'), width: 80, render: (_, r) => onOff(r.autoRenew) },
    { title: t('billing.notify'), width: 80, render: (_, r) => onOff(r.notify) },
    {
      title: t('billing.language'),
      width: 100,
      render: (_, r) => (r.emailLanguage ? t(`billing.language.${r.emailLanguage}`) : '—'),
    },
    { title: t('billing.emails'), width: 220, ellipsis: true, render: (_, r) => r.emails.join(', ') || '—' },
    {
      title: t('billing.updatedAt'),
      width: 150,
      sortKey: 'updated',
      render: (_, r) => <DateText value={r.updatedAt} />,
    },
    {
      title: t('common.actions'),
      width: 190,
      render: (_, r) =>
        may && (
          <Space size={0}>
            <Button
              size="small"
              type="link"
              onClick={() => setTarget({ kind: 'one', row: r })}
              data-testid={`billing-edit-${r.companyId}`}
            >
              {r.configured ? t('billing.edit') : t('billing.configure')}
            </Button>
            {r.configured && (
              <Popconfirm
                title={t('billing.deleteConfirm', { name: r.companyName })}
                onConfirm={() => remove.mutate(r)}
                okText={t('billing.delete')}
                cancelText={t('common.cancel')}
              >
                <Button size="small" type="link" danger data-testid={`billing-delete-${r.companyId}`}>
                  {t('billing.delete')}
                </Button>
              </Popconfirm>
            )}
          </Space>
        ),
    },
  ];
  return (
    <Card
      size="small"
      title={t('billing.title')}
      extra={
        <Space wrap>
          <CompanyScopePicker scope={where} set={set} testId="billing" ownCompany={hasOwnCompany(me.data)} />
        </Space>
      }
    >
      <Space direction="vertical" style={{ width: '100%' }} size={8}>
        {may && (
          <Space wrap>
            <Button
              type="primary"
              disabled={selected.length === 0}
              onClick={() => setTarget({ kind: 'batch', companyIds: selected })}
              data-testid="billing-configure-selected"
            >
              {t('billing.configureSelected')}
            </Button>
            {selected.length > 0 && <Tag>{t('billing.selected', { n: selected.length })}</Tag>}
          </Space>
        )}
        <Notice text={notice} onClose={() => setNotice(null)} testId="billing-notice" />
        <ProblemAlert error={remove.error} />
        <DataTable<BillingConfig>
          resource="/billing-configs"
          queryKey={['billing-configs']}
          fixed={fixed}
          defaults={{ sort: 'name' }}
          columns={columns}
          rowKey={(r) => r.companyId}
          testId="billing-list"
          filters={[
            { kind: 'text', key: 'q', placeholder: t('billing.search') },
            {
              kind: 'select',
              key: 'configured',
              placeholder: t('billing.filter.configured'),
              options: [
                { value: 'true', label: t('billing.configured.yes') },
                { value: 'false', label: t('billing.configured.no') },
              ],
              width: 120,
            },
          ]}
          rowSelection={
            may ? { selectedRowKeys: selected, onChange: (keys) => setSelected(keys.map(String)) } : undefined
          }
        />
      </Space>
      {target && (
        <ConfigDrawer
          target={target}
          onClose={() => setTarget(null)}
          onDone={(note) => {
            setNotice(note);
            refresh();
          }}
        />
      )}
    </Card>
  );
}
