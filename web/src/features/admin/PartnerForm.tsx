import { Form, Input, Select } from 'antd';
import { api } from '../../api/client';
import { useI18n } from '../../i18n';
import { useLabel } from '../../ui/widgets';
import { FormModal, orNull } from './form-kit';
import { useRefresh } from './queries';
import type { Partner } from './types';

interface Values {
  code: string;
  nameZh: string;
  nameEn?: string | null;
  state?: Partner['state'];
}

/** Create a partner, or change its names and active/suspended state; the code stays. */
export function PartnerForm({ partner, onClose }: { partner?: Partner | undefined; onClose: () => void }) {
  const { t } = useI18n();
  const label = useLabel();
  const refresh = useRefresh();
  const submit = (v: Values) =>
    partner
      ? api.patch<Partner>(`/partners/${partner.id}`, {
          version: partner.version,
          nameZh: v.nameZh,
          nameEn: orNull(v.nameEn),
          state: v.state,
        })
      : api.post<Partner>('/partners', { code: v.code, nameZh: v.nameZh, nameEn: orNull(v.nameEn) });
  return (
    <FormModal<Values, Partner>
      title={partner ? t('admin.partners.edit') : t('admin.partners.new')}
      testId="partner-form"
      initialValues={partner}
      shownFields={['code', 'nameZh', 'nameEn', 'state']}
      submit={submit}
      onClose={onClose}
      onDone={() => {
        refresh('partners');
        onClose();
      }}
    >
      {(status) => (
        <>
          <Form.Item
            name="code"
            label={t('admin.code')}
            extra={t('admin.partners.codeHint')}
            {...status('code')}
          >
            <Input disabled={Boolean(partner)} data-testid="partner-code" />
          </Form.Item>
          <Form.Item name="nameZh" label={t('admin.nameZh')} required {...status('nameZh')}>
            <Input data-testid="partner-nameZh" />
          </Form.Item>
          <Form.Item name="nameEn" label={t('admin.nameEn')} {...status('nameEn')}>
            <Input data-testid="partner-nameEn" />
          </Form.Item>
          {partner && (
            <Form.Item name="state" label={t('common.state')} {...status('state')}>
              <Select
                options={['active', 'suspended'].map((s) => ({
                  value: s,
                  label: label('admin.partnerState', s),
                }))}
              />
            </Form.Item>
          )}
        </>
      )}
    </FormModal>
  );
}
