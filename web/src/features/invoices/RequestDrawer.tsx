import type { InvoiceDetail, InvoiceRequestDetail } from '@kaidan/shared/contracts/invoices';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Descriptions, Drawer, Space, Table } from 'antd';
import { api } from '../../api/client';
import { useI18n } from '../../i18n';
import { ProblemAlert } from '../../ui/problem';
import { ReasonConfirm } from '../../ui/ReasonConfirm';
import { DateText, Money, useLabel } from '../../ui/widgets';
import { useMe } from '../auth/session';
import { RequestStateTag } from './RequestStateTag';
import { taxLineColumns } from './tax-line-columns';

/** One invoice request with the lines the server derived; finance issues or refuses it, its buyer withdraws it. */
export function RequestDrawer({
  id,
  onClose,
  onInvoice,
}: {
  id: string;
  onClose: () => void;
  onInvoice: (id: string) => void;
}) {
  const { t } = useI18n();
  const label = useLabel();
  const qc = useQueryClient();
  const me = useMe().data;
  const roles = me?.roles ?? [];
  const key = ['invoices', 'request', id];
  const r = useQuery({
    queryKey: key,
    queryFn: () => api.get<InvoiceRequestDetail>(`/invoice-requests/${id}`),
  });
  const done = () => void qc.invalidateQueries({ queryKey: ['invoices'] });
  const issue = useMutation({
    mutationFn: () => api.post<InvoiceDetail>(`/invoice-requests/${id}/issue`),
    onSuccess: (inv) => {
      done();
      onInvoice(inv.id);
    },
  });
  const refuse = useMutation({
    mutationFn: (comment: string) => api.post(`/invoice-requests/${id}/refuse`, { comment }),
    onSuccess: done,
  });
  const withdraw = useMutation({
    mutationFn: (reason: string) => api.post(`/invoice-requests/${id}/withdraw`, { reason }),
    onSuccess: done,
  });
  const v = r.data;
  const open = v?.state === 'requested';
  // Duties: the server refuses the requester; the buttons follow the same rule.
  const mine = v?.requestedBy === me?.user.id;
  return (
    <Drawer
      open
      width={760}
      title={t('invoices.request')}
      onClose={onClose}
      data-testid="invoice-request-drawer"
    >
      <ProblemAlert error={r.error ?? issue.error ?? refuse.error ?? withdraw.error} />
      {v && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Descriptions size="small" column={2} bordered>
            <Descriptions.Item label={t('invoices.buyer')}>{v.buyer.name}</Descriptions.Item>
            <Descriptions.Item label={t('invoices.taxId')}>{v.buyer.taxId ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('invoices.type')}>{label('invoices.type', v.type)}</Descriptions.Item>
            <Descriptions.Item label={t('common.state')}>
              <RequestStateTag state={v.state} testId="invoice-request-state" />
            </Descriptions.Item>
            <Descriptions.Item label={t('invoices.total')}>
              <Money amount={v.total} currency={v.currency} />
            </Descriptions.Item>
            <Descriptions.Item label={t('invoices.tax')}>
              <Money amount={v.tax} currency={v.currency} />
            </Descriptions.Item>
            <Descriptions.Item label={t('invoices.requestedAt')}>
              <DateText value={v.requestedAt} />
            </Descriptions.Item>
            <Descriptions.Item label={t('invoices.comment')}>{v.comment ?? '—'}</Descriptions.Item>
          </Descriptions>
          <Table
            size="small"
            rowKey="lineNo"
            pagination={false}
            dataSource={v.lines}
            columns={[
              { title: t('invoices.order'), dataIndex: 'orderNumber' },
              ...taxLineColumns<InvoiceRequestDetail['lines'][number]>(t, v.currency),
            ]}
          />
          <Space wrap>
            {open && roles.includes('finance') && !mine && (
              <Button
                type="primary"
                onClick={() => issue.mutate()}
                loading={issue.isPending}
                data-testid="invoice-issue"
              >
                {t('invoices.issue')}
              </Button>
            )}
            {open && roles.includes('finance') && !mine && (
              <ReasonConfirm
                label={t('invoices.refuse')}
                title={t('invoices.refuseTitle')}
                placeholder={t('invoices.comment')}
                testId="invoice-refuse"
                loading={refuse.isPending}
                required
                onConfirm={(c) => refuse.mutate(c ?? '')}
              />
            )}
            {open && (roles.includes('customer') || mine) && (
              <ReasonConfirm
                label={t('invoices.withdraw')}
                title={t('invoices.withdrawTitle')}
                placeholder={t('invoices.reason')}
                testId="invoice-withdraw"
                loading={withdraw.isPending}
                required
                onConfirm={(c) => withdraw.mutate(c ?? '')}
              />
            )}
            {v.invoiceId && (
              <Button onClick={() => v.invoiceId && onInvoice(v.invoiceId)} data-testid="invoice-open">
                {t('invoices.openInvoice')}
              </Button>
            )}
          </Space>
        </Space>
      )}
    </Drawer>
  );
}
