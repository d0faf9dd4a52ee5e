import type { Invoice, InvoiceRequest } from '@kaidan/shared/contracts/invoices';
import { INVOICE_KINDS, INVOICE_REQUEST_STATES, INVOICE_TYPES } from '@kaidan/shared/contracts/invoices';
import { useSearch } from '@tanstack/react-router';
import { Button, Card, Tabs, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { useI18n } from '../../i18n';
import { type DataColumn, DataTable, type DataTableProps, type FilterSpec } from '../../ui/DataTable';
import { DateText, Money, useLabel } from '../../ui/widgets';
import { useMe } from '../auth/session';
import { InvoiceDrawer } from './InvoiceDrawer';
import { RequestDrawer } from './RequestDrawer';
import { RequestForm } from './RequestForm';
import { RequestStateTag } from './RequestStateTag';

const REQUEST_DEFAULTS = {};
const INVOICE_DEFAULTS = { sort: '-issued' };

/**
 * Fapiao (R29, R30): a customer asks for an invoice of its paid orders and reads its invoices; finance
 * works the requests (issue, refuse) and reverses invoices (红冲). Both lists filter by state or kind, type,
 * buyer and date, in the URL like every list.
 */
export function InvoicesPage() {
  const { t } = useI18n();
  const me = useMe();
  const roles = me.data?.roles ?? [];
  const mayRequest = roles.includes('customer') || roles.includes('finance');
  // `?invoiceOrder=ord_…` (the paid order's "request an invoice") opens the form with that order chosen.
  const search: Record<string, unknown> = useSearch({ strict: false });
  const fromOrder = typeof search.invoiceOrder === 'string' ? search.invoiceOrder : undefined;
  const [asking, setAsking] = useState(fromOrder !== undefined);
  const [request, setRequest] = useState<string | null>(null);
  const [invoice, setInvoice] = useState<string | null>(null);
  const requestColumns = useRequestColumns();
  const invoiceColumns = useInvoiceColumns();
  const filters = useFilters();
  return (
    <Card
      size="small"
      title={t('invoices.title')}
      extra={
        mayRequest && (
          <Button type="primary" onClick={() => setAsking(true)} data-testid="invoice-request-new">
            {t('invoices.requestNew')}
          </Button>
        )
      }
    >
      <Tabs
        items={[
          {
            key: 'requests',
            label: t('invoices.requests'),
            children: (
              <OpenableList<InvoiceRequest>
                resource="/invoice-requests"
                queryKey={['invoices', 'requests']}
                ns="r."
                columns={requestColumns}
                filters={filters.requests}
                defaults={REQUEST_DEFAULTS}
                testId="invoice-requests"
                onOpen={setRequest}
              />
            ),
          },
          {
            key: 'invoices',
            label: t('invoices.issued'),
            children: (
              <OpenableList<Invoice>
                resource="/invoices"
                queryKey={['invoices', 'list']}
                ns="i."
                columns={invoiceColumns}
                filters={filters.invoices}
                defaults={INVOICE_DEFAULTS}
                testId="invoice-list"
                onOpen={setInvoice}
              />
            ),
          },
        ]}
      />
      {asking && (
        <RequestForm
          orderIds={fromOrder ? [fromOrder] : []}
          onClose={() => setAsking(false)}
          onDone={(id) => setRequest(id)}
        />
      )}
      {request && (
        <RequestDrawer id={request} onClose={() => setRequest(null)} onInvoice={(id) => setInvoice(id)} />
      )}
      {invoice && <InvoiceDrawer id={invoice} onClose={() => setInvoice(null)} onOpen={setInvoice} />}
    </Card>
  );
}

/** One tab's list: the two lists of this screen share a height and open a row's drawer by its id. */
function OpenableList<T extends { id: string }>(
  props: Pick<
    DataTableProps<T>,
    'resource' | 'queryKey' | 'ns' | 'columns' | 'filters' | 'defaults' | 'testId'
  > & {
    onOpen: (id: string) => void;
  },
) {
  const { onOpen, ...list } = props;
  return (
    <DataTable<T>
      {...list}
      rowKey={(r) => r.id}
      height={420}
      onRow={(r) => ({ onClick: () => onOpen(r.id), style: { cursor: 'pointer' } })}
    />
  );
}

function useFilters(): { requests: FilterSpec[]; invoices: FilterSpec[] } {
  const { t } = useI18n();
  const label = useLabel();
  return useMemo(() => {
    const type: FilterSpec = {
      kind: 'select',
      key: 'type',
      placeholder: t('invoices.allTypes'),
      options: INVOICE_TYPES.map((v) => ({ value: v, label: label('invoices.type', v) })),
    };
    const q: FilterSpec = { kind: 'text', key: 'q', placeholder: t('invoices.searchBuyer') };
    return {
      requests: [
        {
          kind: 'select',
          key: 'state',
          placeholder: t('lists.allStates'),
          options: INVOICE_REQUEST_STATES.map((v) => ({ value: v, label: label('invoices.state', v) })),
        },
        type,
        q,
        { kind: 'dates' },
      ],
      invoices: [
        {
          kind: 'select',
          key: 'kind',
          placeholder: t('invoices.allKinds'),
          options: INVOICE_KINDS.map((v) => ({ value: v, label: label('invoices.kind', v) })),
        },
        type,
        { kind: 'text', key: 'q', placeholder: t('invoices.searchInvoice') },
        { kind: 'dates' },
      ],
    };
  }, [t, label]);
}

function useRequestColumns(): DataColumn<InvoiceRequest>[] {
  const { t } = useI18n();
  const label = useLabel();
  return [
    { title: t('invoices.buyer'), width: 220, render: (_, r) => r.buyer.name },
    { title: t('invoices.taxId'), width: 190, render: (_, r) => r.buyer.taxId ?? '—' },
    { title: t('invoices.type'), width: 130, render: (_, r) => label('invoices.type', r.type) },
    {
      title: t('invoices.total'),
      width: 130,
      align: 'right',
      render: (_, r) => <Money amount={r.total} currency={r.currency} />,
    },
    { title: t('invoices.requestedAt'), width: 150, render: (_, r) => <DateText value={r.requestedAt} /> },
    {
      title: t('common.state'),
      width: 100,
      render: (_, r) => <RequestStateTag state={r.state} />,
    },
  ];
}

function useInvoiceColumns(): DataColumn<Invoice>[] {
  const { t } = useI18n();
  const label = useLabel();
  return [
    { title: t('invoices.number'), dataIndex: 'number', width: 170 },
    {
      title: t('invoices.kind'),
      width: 90,
      render: (_, r) => <Tag color={r.kind === 'red' ? 'red' : 'blue'}>{label('invoices.kind', r.kind)}</Tag>,
    },
    { title: t('invoices.type'), width: 130, render: (_, r) => label('invoices.type', r.type) },
    { title: t('invoices.buyer'), width: 220, render: (_, r) => r.buyer.name },
    {
      title: t('invoices.total'),
      width: 130,
      align: 'right',
      sortKey: 'total',
      render: (_, r) => <Money amount={r.total} currency={r.currency} />,
    },
    {
      title: t('invoices.issueDate'),
      width: 120,
      sortKey: 'issued',
      render: (_, r) => r.issueDate,
    },
  ];
}
