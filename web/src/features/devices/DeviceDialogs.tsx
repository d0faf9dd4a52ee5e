import { useQuery } from '@tanstack/react-query';
import { Form, Input, Radio, Select, Typography } from 'antd';
import { api } from '../../api/client';
import type {
  BindResult,
  Company,
  DeviceBatchResult,
  DevicePackage,
  PackageKind,
  Page,
} from '../../api/types';
import { useI18n } from '../../i18n';
import type { CompanyScope } from '../../ui/CompanyScope';
import { FormModal, orNull } from '../admin/form-kit';

// The device list's dialogs (issue #13): bind a renewal package per device or per type (R18), value-added
// packages on top, a pasted batch of ids to deactivate or reactivate (R19), and registering a device.
// Every refusal is the server's, shown under its field or in the alert (the ids it could not find).

export function usePackages(kind: PackageKind) {
  return useQuery({
    queryKey: ['device-packages', 'pick', kind],
    queryFn: () => api.get<Page<DevicePackage>>('/device-packages', { kind, limit: 200 }),
  });
}

interface BindValues {
  mode: 'device' | 'type';
  type?: string;
  packageId?: string;
}

export function BindDialog(p: {
  where: CompanyScope;
  selected: string[];
  onClose: () => void;
  onDone: (r: BindResult) => void;
}) {
  const { t } = useI18n();
  const packages = usePackages('renewal');
  const none = '__none__';
  return (
    <FormModal<BindValues, BindResult>
      title={t('devices.bind')}
      testId="bind-form"
      initialValues={{ mode: p.selected.length > 0 ? 'device' : 'type' }}
      shownFields={['packageId', 'deviceIds', 'byType.type', 'type']}
      submit={(v) => {
        const packageId = v.packageId === none ? null : (v.packageId ?? '');
        const body =
          v.mode === 'device'
            ? { packageId, deviceIds: p.selected }
            : { packageId, byType: { ...p.where, type: (v.type ?? '').trim() } };
        return api.post<BindResult>('/devices/bindings', body);
      }}
      onClose={p.onClose}
      onDone={(r) => {
        p.onDone(r);
        p.onClose();
      }}
    >
      {(status, values) => (
        <>
          <Form.Item name="mode" label={t('devices.bind.mode')}>
            <Radio.Group data-testid="bind-mode">
              <Radio value="device" disabled={p.selected.length === 0}>
                {t('devices.bind.perDevice')} ({t('devices.selected', { n: p.selected.length })})
              </Radio>
              <Radio value="type" data-testid="bind-mode-type">
                {t('devices.bind.perType')}
              </Radio>
            </Radio.Group>
          </Form.Item>
          {values.mode === 'type' && (
            <Form.Item
              name="type"
              label={t('devices.type')}
              required
              extra={t('devices.bind.typeHint', { depth: t(`devices.depth.${p.where.depth}`) })}
              {...status('byType.type')}
            >
              <Input data-testid="bind-type" maxLength={64} />
            </Form.Item>
          )}
          <Form.Item name="packageId" label={t('devices.bind.package')} required {...status('packageId')}>
            <Select
              data-testid="bind-package"
              loading={packages.isPending}
              options={[
                ...(packages.data?.items ?? []).map((x) => ({
                  value: x.id,
                  label: `${x.code} · ${x.nameZh} · ${x.amount} ${x.currency}`,
                })),
                { value: none, label: t('devices.bind.remove') },
              ]}
            />
          </Form.Item>
        </>
      )}
    </FormModal>
  );
}

interface VaValues {
  packageIds: string[];
  remove: boolean;
}

export function ValueAddedDialog(p: {
  selected: string[];
  onClose: () => void;
  onDone: (r: BindResult) => void;
}) {
  const { t } = useI18n();
  const packages = usePackages('value_added');
  return (
    <FormModal<VaValues, BindResult>
      title={t('devices.valueAddedEdit')}
      testId="va-form"
      initialValues={{ remove: false, packageIds: [] }}
      shownFields={['packageIds']}
      submit={(v) =>
        api.post<BindResult>('/devices/value-added', {
          packageIds: v.packageIds ?? [],
          deviceIds: p.selected,
          remove: v.remove,
        })
      }
      onClose={p.onClose}
      onDone={(r) => {
        p.onDone(r);
        p.onClose();
      }}
    >
      {(status) => (
        <>
          <Typography.Paragraph>{t('devices.selected', { n: p.selected.length })}</Typography.Paragraph>
          <Form.Item name="remove">
            <Radio.Group>
              <Radio value={false}>{t('devices.va.add')}</Radio>
              <Radio value={true}>{t('devices.va.remove')}</Radio>
            </Radio.Group>
          </Form.Item>
          <Form.Item name="packageIds" label={t('devices.valueAdded')} required {...status('packageIds')}>
            <Select
              mode="multiple"
              data-testid="va-packages"
              options={(packages.data?.items ?? []).map((x) => ({
                value: x.id,
                label: `${x.code} · ${x.nameZh}`,
              }))}
            />
          </Form.Item>
        </>
      )}
    </FormModal>
  );
}

/** A pasted column from a spreadsheet: lines, commas, semicolons or spaces all separate ids. */
const idsOf = (text: string | undefined): string[] => (text ?? '').split(/[\s,;，；]+/).filter(Boolean);

export function BatchStateDialog(p: {
  where: CompanyScope;
  state: 'active' | 'deactivated';
  onClose: () => void;
  onDone: (r: DeviceBatchResult) => void;
}) {
  const { t } = useI18n();
  return (
    <FormModal<{ ids?: string }, DeviceBatchResult>
      title={t(p.state === 'deactivated' ? 'devices.batchDeactivate' : 'devices.batchReactivate')}
      testId="batch-form"
      shownFields={[]}
      submit={(v) =>
        api.post<DeviceBatchResult>('/devices/states', {
          ...p.where,
          deviceNos: idsOf(v.ids),
          state: p.state,
        })
      }
      onClose={p.onClose}
      onDone={(r) => {
        p.onDone(r);
        p.onClose();
      }}
    >
      {() => (
        <>
          <Typography.Paragraph type="secondary">{t('devices.batch.hint')}</Typography.Paragraph>
          <Form.Item name="ids" label={t('devices.batch.ids')} required>
            <Input.TextArea rows={8} data-testid="batch-ids" />
          </Form.Item>
        </>
      )}
    </FormModal>
  );
}

interface RegisterValues {
  companyId?: string;
  deviceNo: string;
  type: string;
  expiresOn?: string;
}

export function RegisterDialog(p: {
  companies: Company[];
  defaultCompany: string | undefined;
  staff: boolean;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useI18n();
  return (
    <FormModal<RegisterValues, unknown>
      title={t('devices.register')}
      testId="device-form"
      initialValues={{ companyId: p.defaultCompany }}
      shownFields={['companyId', 'deviceNo', 'type', 'expiresOn']}
      submit={(v) =>
        api.post('/devices', {
          companyId: v.companyId,
          deviceNo: v.deviceNo ?? '',
          type: v.type ?? '',
          expiresOn: orNull(v.expiresOn),
        })
      }
      onClose={p.onClose}
      onDone={() => {
        p.onDone();
        p.onClose();
      }}
    >
      {(status) => (
        <>
          <Form.Item name="companyId" label={t('devices.register.company')} {...status('companyId')}>
            <Select
              allowClear
              data-testid="device-company"
              options={p.companies.map((c) => ({ value: c.id, label: c.nameZh }))}
            />
          </Form.Item>
          <Form.Item name="deviceNo" label={t('devices.deviceNo')} required {...status('deviceNo')}>
            <Input data-testid="device-no" maxLength={64} />
          </Form.Item>
          <Form.Item name="type" label={t('devices.type')} required {...status('type')}>
            <Input data-testid="device-type" maxLength={64} />
          </Form.Item>
          {p.staff && (
            <Form.Item
              name="expiresOn"
              label={t('devices.expiresOn')}
              extra={t('devices.register.expiryHint')}
              {...status('expiresOn')}
            >
              <Input type="date" data-testid="device-expiry" />
            </Form.Item>
          )}
        </>
      )}
    </FormModal>
  );
}
