import type { InvoiceRequestDetail, InvoiceRequestInput } from '@kaidan/shared/contracts/invoices';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Form, Input, Modal, Radio, Select } from 'antd';
import { api } from '../../api/client';
import type { ListedOrder, Page } from '../../api/types';
import { useI18n } from '../../i18n';
import { formatAmount } from '../../ui/format';
import { ProblemAlert, useFieldStatus } from '../../ui/problem';

type Values = Omit<InvoiceRequestInput, 'orderIds'> & { orderIds: string[] };
const SPECIAL = ['buyerAddress', 'buyerPhone', 'buyerBank', 'buyerAccount'] as const;
const FIELDS = ['orderIds', 'type', 'buyerTaxId', 'email', ...SPECIAL];

/**
 * R29: ask for an invoice of paid orders. The buyer's name, the lines, tax codes, rates and tax come from
 * the server; the form asks only what the server cannot know (the taxpayer id when none is on file, a 专票's
 * registration details, where to send it).
 */
export function RequestForm({
  orderIds,
  onClose,
  onDone,
}: {
  orderIds: string[];
  onClose: () => void;
  onDone: (id: string) => void;
}) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const type = Form.useWatch('type', form) ?? 'normal';
  const paid = useQuery({
    queryKey: ['orders', 'paid', 'invoice'],
    queryFn: () => api.get<Page<ListedOrder>>('/orders', { state: 'paid', limit: 200 }),
  });
  const ask = useMutation({
    mutationFn: (v: Values) => {
      const body: InvoiceRequestInput = { orderIds: v.orderIds, type: v.type };
      for (const k of ['buyerTaxId', 'email', ...SPECIAL] as const) {
        const value = v[k]?.trim();
        if (value) body[k] = value;
      }
      return api.post<InvoiceRequestDetail>('/invoice-requests', body);
    },
    onSuccess: (r) => {
      void qc.invalidateQueries({ queryKey: ['invoices'] });
      onClose();
      onDone(r.id);
    },
  });
  const status = useFieldStatus(ask.error);
  return (
    <Modal
      open
      title={t('invoices.requestNew')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('invoices.requestSubmit')}
      cancelText={t('common.cancel')}
      confirmLoading={ask.isPending}
      okButtonProps={{ 'data-testid': 'invoice-request-submit' }}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ type: 'normal', orderIds }}
        onFinish={(v) => ask.mutate(v)}
      >
        <Form.Item
          name="orderIds"
          label={t('invoices.orders')}
          rules={[{ required: true }]}
          {...status('orderIds')}
        >
          <Select
            mode="multiple"
            loading={paid.isPending}
            data-testid="invoice-orders"
            optionFilterProp="label"
            options={(paid.data?.items ?? []).map((o) => ({
              value: o.id,
              label: `${o.number} · ${o.companyName} · ${formatAmount(o.total, o.currency)}`,
            }))}
          />
        </Form.Item>
        <Form.Item name="type" label={t('invoices.type')} {...status('type')}>
          <Radio.Group
            options={[
              { value: 'normal', label: t('invoices.type.normal') },
              { value: 'special', label: t('invoices.type.special') },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="buyerTaxId"
          label={t('invoices.taxId')}
          extra={t('invoices.taxIdHint')}
          {...status('buyerTaxId')}
        >
          <Input maxLength={18} data-testid="invoice-tax-id" />
        </Form.Item>
        {type === 'special' &&
          SPECIAL.map((k) => (
            <Form.Item
              key={k}
              name={k}
              label={t(`invoices.${k}`)}
              rules={[{ required: true }]}
              {...status(k)}
            >
              <Input />
            </Form.Item>
          ))}
        <Form.Item name="email" label={t('invoices.email')} {...status('email')}>
          <Input type="email" />
        </Form.Item>
      </Form>
      <ProblemAlert error={ask.error} shownFields={FIELDS} />
    </Modal>
  );
}
