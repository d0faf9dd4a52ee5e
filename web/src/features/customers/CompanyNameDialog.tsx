import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Form, Input } from 'antd';
import { api } from '../../api/client';
import type { Filed } from '../../api/types';
import { useI18n } from '../../i18n';
import { FilingModal } from '../../ui/FilingModal';
import { ProblemAlert, useFieldStatus } from '../../ui/problem';

interface NameValues {
  nameZh: string;
  nameEn?: string;
  reason?: string;
}

/** Where the new name goes: onto a renewal still under way, or into a rename request for the desk. */
export type RenameTarget =
  | { kind: 'order'; orderId: string; current: string }
  | { kind: 'request'; companyId: string; current: string };

/**
 * R7: a company's new name. A renewal that is a draft or submitted carries it and its approval applies
 * it; otherwise the name change is a request the order desk decides (with a reason).
 */
export function CompanyNameDialog({
  target,
  onClose,
}: {
  target: RenameTarget;
  onClose: (filed?: Filed) => void;
}) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const [form] = Form.useForm<NameValues>();
  const asRequest = target.kind === 'request';
  const save = useMutation({
    mutationFn: async ({ reason, ...v }: NameValues): Promise<Filed | undefined> => {
      const name = { nameZh: v.nameZh, ...(v.nameEn?.trim() ? { nameEn: v.nameEn } : {}) };
      if (target.kind === 'order') {
        await api.post(`/orders/${target.orderId}/company-name`, name);
        return undefined;
      }
      return api.post<Filed>('/company-renames', { companyId: target.companyId, ...name, reason });
    },
    onSuccess: (f) => {
      void qc.invalidateQueries({ queryKey: asRequest ? ['requests'] : ['orders'] });
      onClose(f);
    },
  });
  const status = useFieldStatus(save.error);
  const required = [{ required: true, whitespace: true, message: t('desk.required') }];
  return (
    <FilingModal
      title={t(asRequest ? 'desk.rename.requestTitle' : 'desk.rename.orderTitle')}
      intro={t(asRequest ? 'desk.rename.requestIntro' : 'desk.rename.orderIntro', {
        current: target.current,
      })}
      testId="rename-submit"
      pending={save.isPending}
      onSubmit={() => form.submit()}
      onCancel={() => onClose()}
    >
      <Form<NameValues>
        form={form}
        layout="vertical"
        onFinish={(v) => save.mutate(v)}
        onValuesChange={() => save.reset()}
      >
        <Form.Item name="nameZh" label={t('desk.rename.nameZh')} rules={required} {...status('nameZh')}>
          <Input data-testid="rename-name-zh" maxLength={200} />
        </Form.Item>
        <Form.Item
          name="nameEn"
          label={t('desk.rename.nameEn')}
          extra={t('desk.rename.nameEnHint')}
          {...status('nameEn')}
        >
          <Input data-testid="rename-name-en" maxLength={200} />
        </Form.Item>
        {asRequest && (
          <Form.Item name="reason" label={t('common.reason')} rules={required} {...status('reason')}>
            <Input.TextArea rows={2} data-testid="rename-reason" />
          </Form.Item>
        )}
        <ProblemAlert error={save.error} shownFields={['nameZh', 'nameEn', 'reason']} />
      </Form>
    </FilingModal>
  );
}
