import type { InvoiceDetail, ReversalResult } from '@kaidan/shared/contracts/invoices';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Descriptions, Drawer, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client';
import { useI18n } from '../../i18n';
import { ProblemAlert } from '../../ui/problem';
import { DateText, Money, useLabel } from '../../ui/widgets';
import { useMe } from '../auth/session';
import { ReversalDialog } from './ReversalDialog';
import { taxLineColumns } from './tax-line-columns';

/**
 * An issued invoice: its lines (with what is left to reverse), the PDF, its red-letter invoices and
 * reversals. Finance reverses a blue invoice; a booked 专票's confirmation form waits for the buyer (or
 * finance recording the buyer's answer, never the colleague who asked).
 */
export function InvoiceDrawer({
  id,
  onClose,
  onOpen,
}: {
  id: string;
  onClose: () => void;
  onOpen: (id: string) => void;
}) {
  const { t } = useI18n();
  const label = useLabel();
  const qc = useQueryClient();
  const roles = useMe().data?.roles ?? [];
  const [reversing, setReversing] = useState(false);
  const inv = useQuery({
    queryKey: ['invoices', 'detail', id],
    queryFn: () => api.get<InvoiceDetail>(`/invoices/${id}`),
  });
  const confirm = useMutation({
    mutationFn: (a: { id: string; decision: 'confirm' | 'decline' }) =>
      api.post<ReversalResult>(`/invoice-reversals/${a.id}/confirm`, { decision: a.decision }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['invoices'] }),
  });
  const v = inv.data;
  const reversible =
    v?.kind === 'blue' && v.lines.some((l) => l.reversible !== null && !/^0(\.0+)?$/.test(l.reversible));
  return (
    <Drawer open width={860} title={t('invoices.invoice')} onClose={onClose} data-testid="invoice-drawer">
      <ProblemAlert error={inv.error ?? confirm.error} />
      {v && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Descriptions size="small" column={2} bordered>
            <Descriptions.Item label={t('invoices.number')}>
              <span data-testid="invoice-number">{v.number}</span>{' '}
              <Tag color={v.kind === 'red' ? 'red' : 'blue'}>{label('invoices.kind', v.kind)}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('invoices.type')}>{label('invoices.type', v.type)}</Descriptions.Item>
            <Descriptions.Item label={t('invoices.buyer')}>{v.buyer.name}</Descriptions.Item>
            <Descriptions.Item label={t('invoices.taxId')}>{v.buyer.taxId ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('invoices.total')}>
              <span data-testid="invoice-total">
                <Money amount={v.total} currency={v.currency} />
              </span>
            </Descriptions.Item>
            <Descriptions.Item label={t('invoices.tax')}>
              <Money amount={v.tax} currency={v.currency} />
            </Descriptions.Item>
            <Descriptions.Item label={t('invoices.issueDate')}>{v.issueDate}</Descriptions.Item>
            <Descriptions.Item label={t('invoices.reversalReason')}>
              {v.reason ? label('invoices.reason', v.reason) : '—'}
            </Descriptions.Item>
            {v.original && (
              <Descriptions.Item label={t('invoices.original')}>
                <Typography.Link onClick={() => v.original && onOpen(v.original.id)}>
                  {v.original.number}
                </Typography.Link>
              </Descriptions.Item>
            )}
          </Descriptions>
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={v.lines}
            columns={[
              ...taxLineColumns<InvoiceDetail['lines'][number]>(t, v.currency),
              {
                title: t('invoices.reversible'),
                align: 'right',
                render: (_, l) =>
                  l.reversible === null ? '—' : <Money amount={l.reversible} currency={v.currency} />,
              },
            ]}
          />
          <Space wrap>
            <Button href={`/api/v1/invoices/${v.id}/pdf`} target="_blank" data-testid="invoice-pdf">
              {t('invoices.pdf')}
            </Button>
            {roles.includes('finance') && reversible && (
              <Button danger onClick={() => setReversing(true)} data-testid="invoice-reverse">
                {t('invoices.reverse')}
              </Button>
            )}
          </Space>
          {v.reds.length > 0 && (
            <>
              <Typography.Text strong>{t('invoices.reds')}</Typography.Text>
              <Table
                size="small"
                rowKey="id"
                pagination={false}
                dataSource={v.reds}
                data-testid="invoice-reds"
                onRow={(r) => ({ onClick: () => onOpen(r.id), style: { cursor: 'pointer' } })}
                columns={[
                  { title: t('invoices.number'), dataIndex: 'number' },
                  {
                    title: t('invoices.reversalReason'),
                    render: (_, r) => (r.reason ? label('invoices.reason', r.reason) : '—'),
                  },
                  {
                    title: t('invoices.total'),
                    align: 'right',
                    render: (_, r) => <Money amount={r.total} currency={r.currency} />,
                  },
                  { title: t('invoices.issueDate'), dataIndex: 'issueDate' },
                ]}
              />
            </>
          )}
          {v.reversals.some((r) => r.state === 'pending_confirmation') && (
            <>
              <Typography.Text strong>{t('invoices.pendingForms')}</Typography.Text>
              {v.reversals
                .filter((r) => r.state === 'pending_confirmation')
                .map((r) => (
                  <Space key={r.id} wrap data-testid="invoice-pending-form">
                    <Tag color="warning">{label('invoices.reversalState', r.state)}</Tag>
                    <span>{label('invoices.reason', r.reason)}</span>
                    <DateText value={r.requestedAt} />
                    {(roles.includes('customer') || roles.includes('finance')) && (
                      <>
                        <Popconfirm
                          title={t('invoices.confirmTitle')}
                          okText={t('common.confirm')}
                          cancelText={t('common.cancel')}
                          onConfirm={() => confirm.mutate({ id: r.id, decision: 'confirm' })}
                        >
                          <Button size="small" type="primary" data-testid="invoice-form-confirm">
                            {t('invoices.confirmForm')}
                          </Button>
                        </Popconfirm>
                        <Button
                          size="small"
                          onClick={() => confirm.mutate({ id: r.id, decision: 'decline' })}
                        >
                          {t('invoices.declineForm')}
                        </Button>
                      </>
                    )}
                  </Space>
                ))}
            </>
          )}
        </Space>
      )}
      {reversing && v && (
        <ReversalDialog
          invoice={v}
          onClose={() => setReversing(false)}
          onDone={(r) => {
            setReversing(false);
            void qc.invalidateQueries({ queryKey: ['invoices'] });
            if (r.red) onOpen(r.red.id);
          }}
        />
      )}
    </Drawer>
  );
}
