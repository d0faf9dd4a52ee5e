import type { RenewalQuoteJson } from '@kaidan/shared/contracts/renewals';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { Button, Card, InputNumber, Segmented, Space, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { api } from '../../api/client';
import type { Device } from '../../api/types';
import { useI18n } from '../../i18n';
import { DepthSwitch, scopeOf } from '../../ui/CompanyScope';
import { type DataColumn, DataTable } from '../../ui/DataTable';
import { ProblemAlert } from '../../ui/problem';
import { useListSearch } from '../../ui/use-list-search';
import { businessToday } from '../admin/plan-sale';
import { type Confirming, ConfirmRenewal } from './ConfirmRenewal';

/** Seed 003 批量延期时长: three fixed choices and a custom whole number of months. */
const PRESETS = ['6', '12', '24'] as const;
type Preset = (typeof PRESETS)[number] | 'custom';
const EXPIRING_DAYS = 30;

/** 'YYYY-MM-DD' plus `days` (negative for earlier), in calendar days. */
export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * 充值续费 (R20, seed 003): the customer's expiring and expired devices across its company tree (direct or
 * with all subsidiaries), refreshable; the months for all chosen devices; 一键续费 for the chosen ones or
 * 续费 for one row. Both ask the server for a quote, which the customer confirms a second time; the order
 * placed then opens its pay screen.
 */
export function RenewalsPage() {
  const { t } = useI18n();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const { params, set } = useListSearch('r_');
  const { depth } = scopeOf(params);
  const expiredOnly = params.window === 'expired';
  const [selected, setSelected] = useState<string[]>([]);
  const [preset, setPreset] = useState<Preset>('12');
  const [custom, setCustom] = useState<number | null>(null);
  const [confirming, setConfirming] = useState<Confirming | null>(null);
  const months = preset === 'custom' ? custom : Number(preset);
  // "Expired" is an expiry before today (a device expiring today still runs today); "expiring" is within
  // 30 days. The server keeps the list; the switch only moves the end of the window.
  const today = businessToday();
  const fixed = useMemo(
    () => ({
      depth,
      state: 'active',
      expiresTo: expiredOnly ? addDays(today, -1) : addDays(today, EXPIRING_DAYS),
    }),
    [depth, expiredOnly, today],
  );
  const quote = useMutation({
    mutationFn: (deviceIds: string[]) =>
      api.post<RenewalQuoteJson>('/device-orders/quote', { deviceIds, months }),
    onSuccess: (q, deviceIds) => setConfirming({ quote: q, deviceIds }),
  });
  const renew = (ids: string[]) => {
    quote.reset();
    quote.mutate(ids);
  };
  const refresh = () => {
    setSelected([]);
    void qc.invalidateQueries({ queryKey: ['devices'] });
  };
  const validMonths = months !== null && Number.isInteger(months) && months >= 1 && months <= 120;
  const columns: DataColumn<Device>[] = [
    { title: t('devices.deviceNo'), dataIndex: 'deviceNo', width: 140, sortKey: 'deviceNo' },
    { title: t('devices.company'), dataIndex: 'companyName', width: 180, ellipsis: true },
    { title: t('devices.type'), dataIndex: 'type', width: 100 },
    {
      title: t('renewals.package'),
      width: 140,
      render: (_, d) => d.renewalPackage?.code ?? <Tag>{t('devices.none')}</Tag>,
    },
    {
      title: t('devices.valueAdded'),
      width: 140,
      render: (_, d) => d.valueAdded.map((v) => v.code).join(' '),
    },
    {
      title: t('devices.expiresOn'),
      width: 130,
      sortKey: 'expires',
      render: (_, d) =>
        d.expiresOn && d.expiresOn < today ? (
          <Typography.Text type="danger">{d.expiresOn}</Typography.Text>
        ) : (
          (d.expiresOn ?? '—')
        ),
    },
    {
      title: t('common.actions'),
      width: 90,
      render: (_, d) => (
        <Button
          size="small"
          type="link"
          disabled={!validMonths}
          loading={quote.isPending && quote.variables?.length === 1 && quote.variables[0] === d.id}
          onClick={() => renew([d.id])}
          data-testid={`renew-${d.deviceNo}`}
        >
          {t('renewals.renewRow')}
        </Button>
      ),
    },
  ];
  return (
    <Card
      size="small"
      title={t('renewals.title')}
      extra={
        <Space wrap>
          <Segmented
            value={expiredOnly ? 'expired' : 'expiring'}
            onChange={(v) => set({ window: v === 'expired' ? 'expired' : undefined })}
            options={[
              {
                value: 'expiring',
                label: <span data-testid="window-expiring">{t('renewals.window.expiring')}</span>,
              },
              {
                value: 'expired',
                label: <span data-testid="window-expired">{t('renewals.window.expired')}</span>,
              },
            ]}
          />
          <DepthSwitch depth={depth} set={set} />
          <Button onClick={refresh} data-testid="renewals-refresh">
            {t('renewals.refresh')}
          </Button>
        </Space>
      }
    >
      <Space direction="vertical" style={{ width: '100%' }} size={8}>
        <Space wrap>
          <Typography.Text>{t('renewals.months')}</Typography.Text>
          <Segmented
            value={preset}
            onChange={(v) => setPreset(v as Preset)}
            data-testid="renewals-months"
            options={[
              ...PRESETS.map((n) => ({ value: n, label: t('renewals.months.n', { n }) })),
              { value: 'custom', label: t('renewals.months.custom') },
            ]}
          />
          {preset === 'custom' && (
            <InputNumber
              min={1}
              max={120}
              precision={0}
              value={custom}
              onChange={(v) => setCustom(v)}
              placeholder={t('renewals.months.customHint')}
              data-testid="renewals-months-custom"
            />
          )}
          <Button
            type="primary"
            disabled={selected.length === 0 || !validMonths}
            loading={quote.isPending && (quote.variables?.length ?? 0) > 1}
            onClick={() => renew(selected)}
            data-testid="renewals-renew"
          >
            {t('renewals.renewChosen')}
          </Button>
          {selected.length > 0 && <Tag>{t('renewals.chosen', { n: selected.length })}</Tag>}
        </Space>
        <ProblemAlert error={quote.error} />
        <DataTable<Device>
          resource="/devices"
          queryKey={['devices', 'renewals']}
          fixed={fixed}
          ns="r_"
          defaults={{ sort: 'expires' }}
          columns={columns}
          rowKey={(d) => d.id}
          testId="renewals-list"
          emptyText={t('renewals.empty')}
          filters={[{ kind: 'text', key: 'q', placeholder: t('devices.search') }]}
          rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys.map(String)) }}
        />
      </Space>
      {confirming && (
        <ConfirmRenewal
          confirming={confirming}
          onClose={() => setConfirming(null)}
          onPlaced={(id) => {
            setConfirming(null);
            setSelected([]);
            void navigate({ to: '/renewals/$id', params: { id } });
          }}
        />
      )}
    </Card>
  );
}
