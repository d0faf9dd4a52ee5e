import { Checkbox, Form, Input } from 'antd';
import { api } from '../../api/client';
import type { Device } from '../../api/types';
import { useI18n } from '../../i18n';
import { FormModal, orNull } from '../admin/form-kit';

interface ExpiryValues {
  expiresOn?: string;
  allowPast?: boolean;
  reason?: string;
}

/** 设备到期维护 one at a time (R21): tech support sets a device's expiry; a past date only when ticked. */
export function ExpiryDialog(p: { device: Device; onClose: () => void; onDone: () => void }) {
  const { t } = useI18n();
  return (
    <FormModal<ExpiryValues, Device>
      title={t('deviceImport.setExpiry', { no: p.device.deviceNo })}
      testId="expiry-form"
      initialValues={{ expiresOn: p.device.expiresOn ?? '', allowPast: false }}
      shownFields={['expiresOn', 'reason']}
      submit={(v) =>
        api.post<Device>(`/devices/${p.device.id}/expiry`, {
          version: p.device.version,
          expiresOn: (v.expiresOn ?? '').trim(),
          allowPast: v.allowPast === true,
          ...(orNull(v.reason) ? { reason: orNull(v.reason) } : {}),
        })
      }
      onDone={p.onDone}
      onClose={p.onClose}
    >
      {(status) => (
        <>
          <Form.Item name="expiresOn" label={t('devices.expiresOn')} required {...status('expiresOn')}>
            <Input type="date" data-testid="expiry-date" />
          </Form.Item>
          <Form.Item name="allowPast" valuePropName="checked">
            <Checkbox data-testid="expiry-allow-past">{t('deviceImport.allowPast')}</Checkbox>
          </Form.Item>
          <Form.Item name="reason" label={t('deviceImport.expiryReason')} {...status('reason')}>
            <Input maxLength={500} data-testid="expiry-reason" />
          </Form.Item>
        </>
      )}
    </FormModal>
  );
}
