import {
  type InvoiceDetail,
  REVERSAL_REASONS,
  type ReversalInput,
  type ReversalResult,
} from '@kaidan/shared/contracts/invoices';
import { useMutation } from '@tanstack/react-query';
import { Alert, Form, Input, InputNumber, Modal, Radio, Select, Switch, Table } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client';
import { useI18n } from '../../i18n';
import { ProblemAlert, useFieldStatus } from '../../ui/problem';
import { Money, useLabel } from '../../ui/widgets';

interface Values {
  reason: ReversalInput['reason'];
  scope: 'full' | 'partial';
  buyerBooked?: boolean;
  comment?: string;
}

/**
 * R30 红冲: the whole invoice (what is left of it), or chosen lines and amounts, with an official reason;
 * never more than is left (the server refuses it, naming what is left). A 专票 asks whether the buyer
 * booked it: then the 红字发票信息确认单 goes to the buyer first.
 */
export function ReversalDialog({
  invoice,
  onClose,
  onDone,
}: {
  invoice: InvoiceDetail;
  onClose: () => void;
  onDone: (r: ReversalResult) => void;
}) {
  const { t } = useI18n();
  const label = useLabel();
  const [form] = Form.useForm<Values>();
  const scope = Form.useWatch('scope', form) ?? 'full';
  const [amounts, setAmounts] = useState<Record<string, string>>({});
  const reverse = useMutation({
    mutationFn: (v: Values) => {
      const body: ReversalInput = { reason: v.reason };
      if (v.scope === 'partial')
        body.lines = Object.entries(amounts)
          .filter(([, a]) => a.trim() !== '')
          .map(([lineId, amount]) => ({ lineId, amount: amount.trim() }));
      if (invoice.type === 'special') body.buyerBooked = v.buyerBooked ?? false;
      if (v.comment?.trim()) body.comment = v.comment.trim();
      return api.post<ReversalResult>(`/invoices/${invoice.id}/reversals`, body);
    },
    onSuccess: onDone,
  });
  const status = useFieldStatus(reverse.error);
  return (
    <Modal
      open
      width={720}
      title={t('invoices.reverseTitle', { number: invoice.number })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('invoices.reverse')}
      okButtonProps={{ danger: true, 'data-testid': 'reversal-submit' }}
      cancelText={t('common.cancel')}
      confirmLoading={reverse.isPending}
      data-testid="reversal-dialog"
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ scope: 'full', reason: 'sales_return', buyerBooked: false }}
        onFinish={(v) => reverse.mutate(v)}
      >
        <Form.Item name="reason" label={t('invoices.reversalReason')} {...status('reason')}>
          <Select
            data-testid="reversal-reason"
            options={REVERSAL_REASONS.map((r) => ({ value: r, label: label('invoices.reason', r) }))}
          />
        </Form.Item>
        <Form.Item name="scope" label={t('invoices.reversalScope')}>
          <Radio.Group
            options={[
              { value: 'full', label: t('invoices.full') },
              { value: 'partial', label: t('invoices.partial') },
            ]}
          />
        </Form.Item>
        {scope === 'partial' && (
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={invoice.lines}
            columns={[
              { title: t('invoices.item'), dataIndex: 'itemName' },
              {
                title: t('invoices.reversible'),
                align: 'right',
                render: (_, l) =>
                  l.reversible ? <Money amount={l.reversible} currency={invoice.currency} /> : '—',
              },
              {
                title: t('invoices.reverseAmount'),
                render: (_, l, i) => (
                  <Form.Item style={{ margin: 0 }} {...status(`lines.${i}.amount`)}>
                    <InputNumber
                      stringMode
                      min="0"
                      step="0.01"
                      precision={2}
                      style={{ width: 130 }}
                      data-testid={`reversal-amount-${l.lineNo}`}
                      value={amounts[l.id] ?? null}
                      onChange={(x) => setAmounts((a) => ({ ...a, [l.id]: x ?? '' }))}
                    />
                  </Form.Item>
                ),
              },
            ]}
          />
        )}
        {invoice.type === 'special' && (
          <Form.Item
            name="buyerBooked"
            label={t('invoices.buyerBooked')}
            valuePropName="checked"
            extra={t('invoices.buyerBookedHint')}
            {...status('buyerBooked')}
          >
            <Switch data-testid="reversal-booked" />
          </Form.Item>
        )}
        <Form.Item name="comment" label={t('invoices.comment')}>
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
      <Alert type="info" showIcon message={t('invoices.reverseNote')} />
      <ProblemAlert error={reverse.error} shownFields={['reason', 'buyerBooked']} />
    </Modal>
  );
}
