import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Form, Input, Radio } from 'antd';
import { api } from '../../api/client';
import type { Filed } from '../../api/types';
import { useI18n } from '../../i18n';
import { FilingModal } from '../../ui/FilingModal';
import { ProblemAlert, useFieldStatus } from '../../ui/problem';

type Evidence = 'signed_void_document' | 'manager_approval';
interface VoidValues {
  evidence: Evidence;
  reference: string;
  reason: string;
}
const EVIDENCE: Evidence[] = ['signed_void_document', 'manager_approval'];

/**
 * R5: an archived order (countersigned contract returned) is voided only on evidence — the customer's
 * signed void document or a manager's approval — which the order desk checks before it decides.
 */
export function VoidRequestDialog({
  orderId,
  onClose,
}: {
  orderId: string;
  onClose: (filed?: Filed) => void;
}) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const [form] = Form.useForm<VoidValues>();
  const file = useMutation({
    mutationFn: (v: VoidValues) => api.post<Filed>('/void-requests', { orderId, ...v }),
    onSuccess: (f) => {
      void qc.invalidateQueries({ queryKey: ['requests'] });
      void qc.invalidateQueries({ queryKey: ['orders', orderId] });
      onClose(f);
    },
  });
  const status = useFieldStatus(file.error);
  return (
    <FilingModal
      title={t('desk.voidRequest.title')}
      intro={t('desk.voidRequest.intro')}
      testId="void-request-submit"
      pending={file.isPending}
      onSubmit={() => form.submit()}
      onCancel={() => onClose()}
    >
      <Form<VoidValues>
        form={form}
        layout="vertical"
        initialValues={{ evidence: 'signed_void_document' }}
        onFinish={(v) => file.mutate(v)}
        onValuesChange={() => file.reset()}
      >
        <Form.Item name="evidence" label={t('desk.voidRequest.evidence')} {...status('evidence')}>
          <Radio.Group data-testid="void-request-evidence">
            {EVIDENCE.map((e) => (
              <Radio key={e} value={e}>
                {t(`desk.voidEvidence.${e}`)}
              </Radio>
            ))}
          </Radio.Group>
        </Form.Item>
        <Form.Item
          name="reference"
          label={t('desk.voidRequest.reference')}
          extra={t('desk.voidRequest.referenceHint')}
          rules={[{ required: true, whitespace: true, message: t('desk.required') }]}
          {...status('reference')}
        >
          <Input data-testid="void-request-reference" maxLength={500} />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('common.reason')}
          rules={[{ required: true, whitespace: true, message: t('desk.required') }]}
          {...status('reason')}
        >
          <Input.TextArea rows={2} data-testid="void-request-reason" />
        </Form.Item>
        <ProblemAlert error={file.error} shownFields={['evidence', 'reference', 'reason']} />
      </Form>
    </FilingModal>
  );
}
