import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Popconfirm, Space, Tabs, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { api } from '../../api/client';
import type { Device, Role } from '../../api/types';
import { useI18n } from '../../i18n';
import { CompanyScopePicker, scopeOf, useScopeCompanies } from '../../ui/CompanyScope';
import { type DataColumn, DataTable } from '../../ui/DataTable';
import { ProblemAlert } from '../../ui/problem';
import { useListSearch } from '../../ui/use-list-search';
import { Notice } from '../../ui/widgets';
import { hasOwnCompany, useMe } from '../auth/session';
import { BatchStateDialog, BindDialog, RegisterDialog, ValueAddedDialog } from './DeviceDialogs';
import { ExpiryDialog } from './ExpiryDialog';
import { ExpiryImportDialog } from './ExpiryImportDialog';

// Who may act (the server's table, docs/devices.md "Roles"); the server refuses anyone else anyway.
const BINDERS: Role[] = ['admin', 'support'];
const STATE_CHANGERS: Role[] = ['admin', 'support', 'customer'];
// R21: expiries are tech support's (设备到期维护), one at a time or by Excel import.
const EXPIRY_SETTERS: Role[] = ['admin', 'support'];
type Tab = 'all' | 'bound' | 'unbound' | 'deactivated';
const TABS: Tab[] = ['all', 'bound', 'unbound', 'deactivated'];
const TAB_FILTER: Record<Tab, Record<string, string>> = {
  all: {},
  bound: { bound: 'true' },
  unbound: { bound: 'false' },
  deactivated: { state: 'deactivated' },
};
type Dialog = 'bind' | 'va' | 'deactivate' | 'reactivate' | 'register' | 'import' | null;

/**
 * 设备管理 (issue #13, R18, R19): the devices of the chosen company, directly or with all its subsidiaries,
 * in tabs for bound, unbound and deactivated; bind per device or per type, value-added packages, batch
 * deactivation from a pasted list, and the row's own deactivate / reactivate.
 */
export function DevicesPage() {
  const { t } = useI18n();
  const me = useMe();
  const qc = useQueryClient();
  const { params, set } = useListSearch('d_');
  const roles = me.data?.roles ?? [];
  const may = (r: Role[]) => roles.some((x) => r.includes(x));
  const tab = (TABS as string[]).includes(params.tab ?? '') ? (params.tab as Tab) : 'all';
  const where = scopeOf(params);
  const [selected, setSelected] = useState<string[]>([]);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [expiryOf, setExpiryOf] = useState<Device | null>(null);
  const companies = useScopeCompanies();
  const refresh = () => {
    setSelected([]);
    void qc.invalidateQueries({ queryKey: ['devices'] });
  };
  const toggle = useMutation({
    mutationFn: (d: Device) =>
      api.post<Device>(`/devices/${d.id}/state`, {
        version: d.version,
        state: d.state === 'active' ? 'deactivated' : 'active',
      }),
    onSuccess: refresh,
  });
  const fixed = useMemo(
    () => ({ companyId: where.companyId, depth: where.depth, ...TAB_FILTER[tab] }),
    [where.companyId, where.depth, tab],
  );
  const columns: DataColumn<Device>[] = [
    { title: t('devices.deviceNo'), dataIndex: 'deviceNo', width: 140, sortKey: 'deviceNo' },
    { title: t('devices.company'), dataIndex: 'companyName', width: 180, ellipsis: true },
    { title: t('devices.type'), dataIndex: 'type', width: 100, sortKey: 'type' },
    {
      title: t('devices.state'),
      width: 90,
      render: (_, d) => (
        <Tag color={d.state === 'active' ? 'green' : 'default'}>{t(`devices.state.${d.state}`)}</Tag>
      ),
    },
    {
      title: t('devices.renewal'),
      width: 160,
      render: (_, d) => d.renewalPackage?.code ?? <Tag>{t('devices.none')}</Tag>,
    },
    {
      title: t('devices.valueAdded'),
      width: 140,
      render: (_, d) => d.valueAdded.map((v) => v.code).join(' '),
    },
    { title: t('devices.expiresOn'), width: 110, sortKey: 'expires', render: (_, d) => d.expiresOn ?? '—' },
    {
      title: t('common.actions'),
      width: 150,
      render: (_, d) => (
        <Space size={0}>
          {may(EXPIRY_SETTERS) && (
            <Button
              size="small"
              type="link"
              onClick={() => setExpiryOf(d)}
              data-testid={`expiry-${d.deviceNo}`}
            >
              {t('deviceImport.setExpiryAction')}
            </Button>
          )}
          {may(STATE_CHANGERS) &&
            (d.state === 'active' ? (
              <Popconfirm
                title={t('devices.deactivateConfirm', { no: d.deviceNo })}
                onConfirm={() => toggle.mutate(d)}
                okText={t('devices.deactivate')}
                cancelText={t('common.cancel')}
              >
                <Button size="small" danger type="link" data-testid={`deactivate-${d.deviceNo}`}>
                  {t('devices.deactivate')}
                </Button>
              </Popconfirm>
            ) : (
              <Button
                size="small"
                type="link"
                onClick={() => toggle.mutate(d)}
                data-testid={`reactivate-${d.deviceNo}`}
              >
                {t('devices.reactivate')}
              </Button>
            ))}
        </Space>
      ),
    },
  ];
  const done = (text: string) => {
    setNotice(text);
    refresh();
  };
  return (
    <Card
      size="small"
      title={t('devices.title')}
      extra={
        <Space wrap>
          <CompanyScopePicker scope={where} set={set} testId="devices" ownCompany={hasOwnCompany(me.data)} />
        </Space>
      }
    >
      <Space direction="vertical" style={{ width: '100%' }} size={8}>
        <Space wrap>
          {may(STATE_CHANGERS) && (
            <Button onClick={() => setDialog('register')} data-testid="devices-register">
              {t('devices.register')}
            </Button>
          )}
          {may(BINDERS) && (
            <Button type="primary" onClick={() => setDialog('bind')} data-testid="devices-bind">
              {t('devices.bind')}
            </Button>
          )}
          {may(BINDERS) && (
            <Button disabled={selected.length === 0} onClick={() => setDialog('va')} data-testid="devices-va">
              {t('devices.valueAddedEdit')}
            </Button>
          )}
          {may(STATE_CHANGERS) && (
            <Button danger onClick={() => setDialog('deactivate')} data-testid="devices-batch-deactivate">
              {t('devices.batchDeactivate')}
            </Button>
          )}
          {may(STATE_CHANGERS) && tab === 'deactivated' && (
            <Button onClick={() => setDialog('reactivate')} data-testid="devices-batch-reactivate">
              {t('devices.batchReactivate')}
            </Button>
          )}
          {may(EXPIRY_SETTERS) && (
            <Button onClick={() => setDialog('import')} data-testid="devices-import">
              {t('deviceImport.open')}
            </Button>
          )}
          {selected.length > 0 && <Tag>{t('devices.selected', { n: selected.length })}</Tag>}
        </Space>
        <Notice text={notice} onClose={() => setNotice(null)} testId="devices-notice" />
        <ProblemAlert error={toggle.error} />
        <Tabs
          activeKey={tab}
          onChange={(k) => {
            setSelected([]);
            set({ tab: k === 'all' ? undefined : k });
          }}
          items={TABS.map((k) => ({
            key: k,
            label: <span data-testid={`devices-tab-${k}`}>{t(`devices.tab.${k}`)}</span>,
          }))}
        />
        <DataTable<Device>
          resource="/devices"
          exportResource="/devices/export"
          queryKey={['devices']}
          fixed={fixed}
          defaults={{ sort: 'deviceNo' }}
          columns={columns}
          rowKey={(d) => d.id}
          testId="devices-list"
          filters={[
            { kind: 'text', key: 'q', placeholder: t('devices.search') },
            { kind: 'text', key: 'type', placeholder: t('devices.type'), width: 120 },
          ]}
          rowSelection={
            may(BINDERS)
              ? { selectedRowKeys: selected, onChange: (keys) => setSelected(keys.map(String)) }
              : undefined
          }
        />
      </Space>
      {dialog === 'bind' && (
        <BindDialog
          where={where}
          selected={selected}
          onClose={() => setDialog(null)}
          onDone={(r) => done(t('devices.bind.done', { n: r.changed }))}
        />
      )}
      {dialog === 'va' && (
        <ValueAddedDialog
          selected={selected}
          onClose={() => setDialog(null)}
          onDone={(r) => done(t('devices.bind.done', { n: r.changed }))}
        />
      )}
      {(dialog === 'deactivate' || dialog === 'reactivate') && (
        <BatchStateDialog
          where={where}
          state={dialog === 'deactivate' ? 'deactivated' : 'active'}
          onClose={() => setDialog(null)}
          onDone={(r) =>
            done(t('devices.batch.done', { changed: r.changed.length, unchanged: r.unchanged.length }))
          }
        />
      )}
      {dialog === 'import' && (
        <ExpiryImportDialog
          where={where}
          onClose={() => setDialog(null)}
          onDone={(n) => {
            setNotice(t('deviceImport.applied', { n }));
            refresh();
          }}
        />
      )}
      {expiryOf && (
        <ExpiryDialog
          device={expiryOf}
          onClose={() => setExpiryOf(null)}
          onDone={() => {
            done(t('deviceImport.expiryDone', { no: expiryOf.deviceNo }));
            setExpiryOf(null);
          }}
        />
      )}
      {dialog === 'register' && (
        <RegisterDialog
          companies={companies.data?.items ?? []}
          defaultCompany={where.companyId}
          staff={may(BINDERS)}
          onClose={() => setDialog(null)}
          onDone={refresh}
        />
      )}
    </Card>
  );
}
