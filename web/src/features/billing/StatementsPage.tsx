import { Button, Card, Space } from 'antd';
import { useMemo } from 'react';
import type { BillingStatement } from '../../api/types';
import { useI18n } from '../../i18n';
import { CompanyScopePicker, scopeOf } from '../../ui/CompanyScope';
import { type DataColumn, DataTable } from '../../ui/DataTable';
import { useListSearch } from '../../ui/use-list-search';
import { DateText, Money } from '../../ui/widgets';
import { hasOwnCompany, useMe } from '../auth/session';

/**
 * 账单 (issue #13, R46): the statements the daily job made for the companies in scope, one per company and
 * closed period, with each currency's opening and closing balance; PDF and XLSX in the reader's language.
 */
export function StatementsPage() {
  const { t, locale } = useI18n();
  const me = useMe();
  const { params, set } = useListSearch('s_');
  const where = scopeOf(params);
  const lang = locale === 'en-US' ? 'en' : 'zh';
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
          <CompanyScopePicker
            scope={where}
            set={set}
            testId="statements"
            ownCompany={hasOwnCompany(me.data)}
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
