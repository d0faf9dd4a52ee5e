import { Alert, Button, Card, Space } from 'antd';
import { useMemo, useState } from 'react';
import type { Company, Filed } from '../../api/types';
import { useI18n } from '../../i18n';
import { type DataColumn, DataTable, type FilterSpec } from '../../ui/DataTable';
import { useMe } from '../auth/session';
import { TransferDialog } from '../transfers/TransferDialog';
import { CompanyNameDialog } from './CompanyNameDialog';
import { Components } from './Components';

// R17: partners (and staff on their behalf) ask for transfers; a customer never moves itself.
const TRANSFER_ROLES = new Set(['partner_agent', 'sales', 'order_desk', 'admin']);
// R7: whoever may order for a customer may ask for its rename; the order desk decides.
const RENAME_ROLES = new Set(['partner_agent', 'sales', 'order_desk', 'admin', 'customer']);
const SORT = { sort: 'name' };

/** R12: each customer in scope with its components below; search and sort in the URL, CSV/XLSX export. */
export function CustomersPage() {
  const { t, pick } = useI18n();
  const me = useMe();
  const [transferring, setTransferring] = useState(false);
  // What was just filed from this page: a transfer (R17) or a rename (R7).
  const [filed, setFiled] = useState<{ kind: 'transfer' | 'rename'; request: Filed } | null>(null);
  const [renaming, setRenaming] = useState<Company | null>(null);
  const mayRename = me.data?.roles.some((r) => RENAME_ROLES.has(r)) ?? false;
  const mayTransfer = me.data?.roles.some((r) => TRANSFER_ROLES.has(r)) ?? false;
  const filters = useMemo<FilterSpec[]>(
    () => [{ kind: 'text', key: 'q', placeholder: t('admin.companies.search') }],
    [t],
  );
  const columns: DataColumn<Company>[] = [
    {
      title: t('common.customer'),
      width: 280,
      sortKey: 'name',
      render: (_, c) => pick({ zh: c.nameZh, en: c.nameEn }),
    },
    { title: t('customers.tenant'), dataIndex: 'tenantId', width: 200, sortKey: 'tenant' },
    {
      title: t('desk.customers.partner'),
      width: 220,
      render: (_, c) => c.partnerNameZh ?? t('desk.transfer.direct'),
    },
    { title: t('customers.region'), dataIndex: 'region', width: 100 },
    ...(mayRename
      ? [
          {
            title: '',
            width: 110,
            render: (_: unknown, c: Company) => (
              <Button
                size="small"
                data-testid={`rename-open-${c.id}`}
                onClick={(e) => {
                  // The row opens its components on click; this button opens the dialog only.
                  e.stopPropagation();
                  setRenaming(c);
                }}
              >
                {t('desk.rename.open')}
              </Button>
            ),
          },
        ]
      : []),
  ];
  // A customer user sees its own company (and subsidiaries): its row opens at once.
  const own = me.data?.company?.id;
  return (
    <Card
      size="small"
      title={t('customers.title')}
      extra={
        mayTransfer && (
          <Button size="small" onClick={() => setTransferring(true)} data-testid="transfer-open">
            {t('desk.transfer.open')}
          </Button>
        )
      }
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        {filed && (
          <Alert
            type="success"
            showIcon
            closable
            data-testid={`${filed.kind}-filed`}
            message={t(`desk.${filed.kind}.filed`, { number: filed.request.number })}
          />
        )}
        <DataTable<Company>
          // Remount once the caller is known so the default expansion sees its company.
          key={own ?? 'none'}
          resource="/companies"
          exportResource="/companies/export"
          queryKey={['companies']}
          columns={columns}
          rowKey={(c) => c.id}
          filters={filters}
          defaults={SORT}
          // A customer's components open inside its row: plain rows keep those tables in the page flow.
          virtual={false}
          testId="customers"
          expandable={{
            expandedRowRender: (c) => <Components company={c} />,
            expandRowByClick: true,
            ...(own ? { defaultExpandedRowKeys: [own] } : {}),
          }}
        />
      </Space>
      {renaming && (
        <CompanyNameDialog
          target={{
            kind: 'request',
            companyId: renaming.id,
            current: pick({ zh: renaming.nameZh, en: renaming.nameEn }),
          }}
          onClose={(f) => {
            setRenaming(null);
            if (f) setFiled({ kind: 'rename', request: f });
          }}
        />
      )}
      {transferring && (
        <TransferDialog
          onClose={(f) => {
            setTransferring(false);
            if (f) setFiled({ kind: 'transfer', request: f });
          }}
        />
      )}
    </Card>
  );
}
