import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Form, Input, Select } from 'antd';
import { api } from '../../api/client';
import type { Filed, Page, Partner } from '../../api/types';
import { useI18n } from '../../i18n';
import { FilingModal } from '../../ui/FilingModal';
import { ProblemAlert, useFieldStatus } from '../../ui/problem';
import { useMe } from '../auth/session';

interface TransferValues {
  tenantId: string;
  toPartnerId?: string;
  reason: string;
}

/**
 * R17: the gaining partner names a tenant id it does not serve yet; it learns nothing about the company
 * until the order desk approves. Staff filing on a partner's behalf name the receiving partner.
 */
export function TransferDialog({ onClose }: { onClose: (filed?: Filed) => void }) {
  const { t, pick } = useI18n();
  const qc = useQueryClient();
  const me = useMe();
  const isPartner = Boolean(me.data?.partner);
  const [form] = Form.useForm<TransferValues>();
  const partners = useQuery({
    queryKey: ['partners'],
    queryFn: () => api.get<Page<Partner>>('/partners', { limit: 200 }),
    enabled: me.data !== undefined && !isPartner,
  });
  const file = useMutation({
    mutationFn: (v: TransferValues) =>
      api.post<Filed>('/transfers', {
        tenantId: v.tenantId.trim(),
        reason: v.reason,
        ...(isPartner || !v.toPartnerId ? {} : { toPartnerId: v.toPartnerId }),
      }),
    onSuccess: (f) => {
      void qc.invalidateQueries({ queryKey: ['requests'] });
      onClose(f);
    },
  });
  const status = useFieldStatus(file.error);
  return (
    <FilingModal
      title={t('desk.transfer.title')}
      intro={
        isPartner
          ? t('desk.transfer.intro', {
              partner: me.data?.partner
                ? pick({ zh: me.data.partner.nameZh, en: me.data.partner.nameEn })
                : '',
            })
          : t('desk.transfer.introStaff')
      }
      testId="transfer-submit"
      pending={file.isPending}
      onSubmit={() => form.submit()}
      onCancel={() => onClose()}
    >
      <Form<TransferValues>
        form={form}
        layout="vertical"
        onFinish={(v) => file.mutate(v)}
        onValuesChange={() => file.reset()}
      >
        <Form.Item
          name="tenantId"
          label={t('customers.tenant')}
          extra={t('desk.transfer.tenantHint')}
          rules={[
            { required: true, message: t('desk.required') },
            { pattern: /^\s*ww[0-9a-f]{16}\s*$/, message: t('desk.transfer.tenantFormat') },
          ]}
          {...status('tenantId')}
        >
          <Input placeholder="ww…" maxLength={18} data-testid="transfer-tenant" />
        </Form.Item>
        {!isPartner && (
          <Form.Item
            name="toPartnerId"
            label={t('desk.transfer.to')}
            rules={[{ required: true, message: t('desk.required') }]}
            {...status('toPartnerId')}
          >
            <Select
              data-testid="transfer-partner"
              loading={partners.isPending}
              options={partners.data?.items.map((p) => ({
                value: p.id,
                label: `${p.code} · ${pick({ zh: p.nameZh, en: p.nameEn })}`,
              }))}
            />
          </Form.Item>
        )}
        <Form.Item
          name="reason"
          label={t('common.reason')}
          rules={[{ required: true, message: t('desk.required') }]}
          {...status('reason')}
        >
          <Input.TextArea rows={2} data-testid="transfer-reason" />
        </Form.Item>
        <ProblemAlert error={file.error} shownFields={['tenantId', 'toPartnerId', 'reason']} />
      </Form>
    </FilingModal>
  );
}
