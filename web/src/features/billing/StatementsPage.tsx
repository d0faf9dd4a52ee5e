import { useQuery } from '@tanstack/react-query';
import { Button, Card, Segmented, Select, Space } from 'antd';
import { useMemo } from 'react';
import { api } from '../../api/client';
import type { BillingStatement, Company, Page } from '../../api/types';
import { useI18n } from '../../i18n';
import { type DataColumn, DataTable } from '../../ui/DataTable';
import { useListSearch } from '../../ui/use-list-search';
import { DateText, Money } from '../../ui/widgets';

/**
 * 账单 (issue #13, R46): the statements the daily job made for the companies in scope, one per company and
 * closed period, with each currency's opening and closing balance; PDF and XLSX in the reader's language.
 */
export function StatementsPage() {
  const { t, locale } = useI18n();
  const { params, set } = useListSearch('s_');
  const where = { companyId: params.company, depth: params.depth === 'direct' ? 'direct' : 'all' };
  const lang = locale === 'en-US' ? 'en' : 'zh';
  const companies = useQuery({
    queryKey: ['companies', 'pick'],
    queryFn: () => api.get<Page<Company>>('/companies', { limit: 200 }),
  });
  const fixed = useMemo(
    () => ({ companyId: where.companyId, depth: where.depth }),
    [where.companyId, where.depth],
  );
  const columns: DataColumn<BillingStatement>[] = [
    { title: t('billing.company'), dataIndex: 'companyName', width: 200, ellipsis: true },
    {
      title: t('statements.period'),
      width: 200,
      sortKey: 'period',
      render: (_, s) => `${s.periodStart} – ${s.periodEnd}`,
    },
    { title: t('statements.cycle'), width: 90, render: (_, s) => t(`billing.cycle.${s.billingCycle}`) },
    {
      title: t('statements.balances'),
      width: 260,
      render: (_, s) =>
        s.balances.length === 0 ? (
          t('statements.noWallet')
        ) : (
          <Space direction="vertical" size={0}>
            {s.balances.map((b) => (
              <span key={b.currency}>
                <Money amount={b.opening} currency={b.currency} /> →{' '}
                <Money amount={b.closing} currency={b.currency} />
              </span>
            ))}
          </Space>
        ),
    },
    {
      title: t('statements.createdAt'),
      width: 150,
      sortKey: 'created',
      render: (_, s) => <DateText value={s.createdAt} />,
    },
    {
      title: t('statements.download'),
      width: 140,
      render: (_, s) => (
        <Space size={0}>
          <Button
            size="small"
            type="link"
            href={`/api/v1/billing-statements/${s.id}/pdf?lang=${lang}`}
            target="_blank"
            data-testid={`statement-pdf-${s.id}`}
          >
            PDF
          </Button>
          <Button
            size="small"
            type="link"
            href={`/api/v1/billing-statements/${s.id}/xlsx?lang=${lang}`}
            data-testid={`statement-xlsx-${s.id}`}
          >
            XLSX
          </Button>
        </Space>
      ),
    },
  ];
  return (
    <Card
      size="small"
      title={t('statements.title')}
      extra={
        <Space wrap>
          <Select
            allowClear
            placeholder={t('devices.companyAll')}
            value={where.companyId}
            onChange={(v?: string) => set({ company: v })}
            options={(companies.data?.items ?? []).map((c) => ({ value: c.id, label: c.nameZh }))}
            style={{ width: 220 }}
            data-testid="statements-company"
          />
          <Segmented
            value={where.depth}
            onChange={(v) => set({ depth: v === 'direct' ? 'direct' : undefined })}
            options={[
              { value: 'direct', label: t('devices.depth.direct') },
              { value: 'all', label: t('devices.depth.all') },
            ]}
          />
        </Space>
      }
    >
      <DataTable<BillingStatement>
        resource="/billing-statements"
        queryKey={['billing-statements']}
        fixed={fixed}
        defaults={{ sort: '-period' }}
        columns={columns}
        rowKey={(s) => s.id}
        testId="statements-list"
        filters={[{ kind: 'dates' }]}
        emptyText={t('statements.empty')}
      />
    </Card>
  );
}
