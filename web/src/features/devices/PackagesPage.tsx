import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Form, Input, Popconfirm, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client';
import type { DevicePackage, PackageClass, PackageKind } from '../../api/types';
import { useI18n } from '../../i18n';
import { type DataColumn, DataTable } from '../../ui/DataTable';
import { ProblemAlert } from '../../ui/problem';
import { FormModal, orNull } from '../admin/form-kit';

const KINDS: PackageKind[] = ['renewal', 'value_added'];
const CURRENCIES = ['CNY', 'USD'];

/**
 * 套餐管理 (seed 003, tech support and admin): package categories (大类) and subcategories (小类) with their
 * type, and the renewal and value-added packages priced per device-month. A delete the server refuses
 * (a bound package, a class still in use) shows its reason.
 */
export function PackagesPage() {
  const { t } = useI18n();
  const qc = useQueryClient();
  const [adding, setAdding] = useState<'class' | 'package' | null>(null);
  const [editing, setEditing] = useState<DevicePackage | null>(null);
  const classes = useQuery({
    queryKey: ['package-classes'],
    queryFn: () => api.get<{ items: PackageClass[] }>('/package-classes'),
  });
  const refresh = () => {
    void qc.invalidateQueries({ queryKey: ['package-classes'] });
    void qc.invalidateQueries({ queryKey: ['device-packages'] });
  };
  const removeClass = useMutation({
    mutationFn: (c: PackageClass) => api.del(`/package-classes/${c.id}?version=${c.version}`),
    onSuccess: refresh,
  });
  const removePackage = useMutation({
    mutationFn: (p: DevicePackage) => api.del(`/device-packages/${p.id}?version=${p.version}`),
    onSuccess: refresh,
  });
  const all = classes.data?.items ?? [];
  const nameOf = (id: string | null) => all.find((c) => c.id === id)?.nameZh ?? '—';
  const kindTag = (k: PackageKind) => (
    <Tag color={k === 'renewal' ? 'blue' : 'purple'}>{t(`packages.kind.${k}`)}</Tag>
  );
  const columns: DataColumn<DevicePackage>[] = [
    { title: t('packages.code'), dataIndex: 'code', width: 120, sortKey: 'code' },
    { title: t('packages.name'), dataIndex: 'nameZh', width: 180, sortKey: 'name' },
    { title: t('packages.type'), width: 80, render: (_, p) => kindTag(p.kind) },
    { title: t('packages.category'), dataIndex: 'categoryName', width: 120 },
    { title: t('packages.subcategory'), dataIndex: 'subcategoryName', width: 120 },
    {
      title: t('packages.amount'),
      width: 150,
      sortKey: 'amount',
      render: (_, p) => `${p.amount} ${p.currency}`,
    },
    { title: t('packages.pricing'), width: 110, render: (_, p) => t(`packages.pricing.${p.pricingMethod}`) },
    { title: t('packages.bound'), dataIndex: 'boundDevices', width: 100 },
    {
      title: t('common.actions'),
      width: 130,
      render: (_, p) => (
        <Space size={0}>
          <Button
            type="link"
            size="small"
            onClick={() => setEditing(p)}
            data-testid={`package-edit-${p.code}`}
          >
            {t('packages.edit')}
          </Button>
          <Popconfirm
            title={t('packages.deleteConfirm', { code: p.code })}
            onConfirm={() => removePackage.mutate(p)}
            okText={t('packages.delete')}
            cancelText={t('common.cancel')}
          >
            <Button type="link" size="small" danger data-testid={`package-delete-${p.code}`}>
              {t('packages.delete')}
            </Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={12}>
      <Card
        size="small"
        title={t('packages.classes')}
        extra={
          <Button onClick={() => setAdding('class')} data-testid="class-add">
            {t('packages.addClass')}
          </Button>
        }
      >
        <ProblemAlert error={classes.error ?? removeClass.error} />
        <Table<PackageClass>
          size="small"
          rowKey={(c) => c.id}
          dataSource={all}
          loading={classes.isPending}
          pagination={false}
          data-testid="class-list"
          columns={[
            { title: t('packages.type'), width: 110, render: (_, c) => t(`packages.level.${c.level}`) },
            { title: t('packages.code'), dataIndex: 'code', width: 120 },
            { title: t('packages.name'), dataIndex: 'nameZh' },
            { title: t('packages.kind.renewal'), width: 90, render: (_, c) => kindTag(c.type) },
            { title: t('packages.parent'), width: 140, render: (_, c) => nameOf(c.parentId) },
            {
              title: t('common.actions'),
              width: 90,
              render: (_, c) => (
                <Popconfirm
                  title={`${t('packages.delete')} ${c.code}?`}
                  onConfirm={() => removeClass.mutate(c)}
                >
                  <Button type="link" size="small" danger data-testid={`class-delete-${c.code}`}>
                    {t('packages.delete')}
                  </Button>
                </Popconfirm>
              ),
            },
          ]}
        />
      </Card>
      <Card
        size="small"
        title={t('packages.title')}
        extra={
          <Button type="primary" onClick={() => setAdding('package')} data-testid="package-add">
            {t('packages.addPackage')}
          </Button>
        }
      >
        <ProblemAlert error={removePackage.error} />
        <DataTable<DevicePackage>
          resource="/device-packages"
          queryKey={['device-packages']}
          defaults={{ sort: 'code' }}
          columns={columns}
          rowKey={(p) => p.id}
          testId="package-list"
          height={360}
          virtual={false}
          filters={[
            { kind: 'text', key: 'q', placeholder: t('packages.search') },
            {
              kind: 'select',
              key: 'kind',
              placeholder: t('packages.type'),
              options: KINDS.map((k) => ({ value: k, label: t(`packages.kind.${k}`) })),
            },
            {
              kind: 'select',
              key: 'categoryId',
              placeholder: t('packages.category'),
              options: all
                .filter((c) => c.level === 'category')
                .map((c) => ({ value: c.id, label: c.nameZh })),
            },
            {
              kind: 'select',
              key: 'currency',
              placeholder: t('common.currency'),
              options: CURRENCIES.map((c) => ({ value: c, label: c })),
            },
          ]}
        />
      </Card>
      {adding === 'class' && <ClassForm classes={all} onClose={() => setAdding(null)} onDone={refresh} />}
      {(adding === 'package' || editing) && (
        <PackageForm
          classes={all}
          editing={editing}
          onClose={() => {
            setAdding(null);
            setEditing(null);
          }}
          onDone={refresh}
        />
      )}
    </Space>
  );
}

interface ClassValues {
  level: 'category' | 'subcategory';
  code: string;
  nameZh: string;
  type: PackageKind;
  parentId?: string;
}

function ClassForm(p: { classes: PackageClass[]; onClose: () => void; onDone: () => void }) {
  const { t } = useI18n();
  return (
    <FormModal<ClassValues, PackageClass>
      title={t('packages.addClass')}
      testId="class-form"
      initialValues={{ level: 'category', type: 'renewal' }}
      shownFields={['level', 'code', 'nameZh', 'type', 'parentId']}
      submit={(v) =>
        api.post<PackageClass>('/package-classes', { ...v, code: v.code ?? '', nameZh: v.nameZh ?? '' })
      }
      onClose={p.onClose}
      onDone={() => {
        p.onDone();
        p.onClose();
      }}
    >
      {(status, values) => (
        <>
          <Form.Item name="level" label={t('packages.type')} required>
            <Select
              options={(['category', 'subcategory'] as const).map((l) => ({
                value: l,
                label: t(`packages.level.${l}`),
              }))}
            />
          </Form.Item>
          {values.level === 'subcategory' && (
            <Form.Item name="parentId" label={t('packages.parent')} required {...status('parentId')}>
              <Select
                options={p.classes
                  .filter((c) => c.level === 'category')
                  .map((c) => ({ value: c.id, label: c.nameZh }))}
              />
            </Form.Item>
          )}
          <Form.Item name="code" label={t('packages.code')} required {...status('code')}>
            <Input data-testid="class-code" maxLength={32} />
          </Form.Item>
          <Form.Item name="nameZh" label={t('packages.name')} required {...status('nameZh')}>
            <Input data-testid="class-name" maxLength={100} />
          </Form.Item>
          <Form.Item name="type" label={t('packages.kind.renewal')} required {...status('type')}>
            <Select options={KINDS.map((k) => ({ value: k, label: t(`packages.kind.${k}`) }))} />
          </Form.Item>
        </>
      )}
    </FormModal>
  );
}

interface PackageValues {
  code: string;
  nameZh: string;
  nameEn?: string;
  categoryId: string;
  subcategoryId: string;
  amount: string;
  currency: 'CNY' | 'USD';
}

function PackageForm(p: {
  classes: PackageClass[];
  editing: DevicePackage | null;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const e = p.editing;
  return (
    <FormModal<PackageValues, DevicePackage>
      title={e ? `${t('packages.edit')} ${e.code}` : t('packages.addPackage')}
      testId="package-form"
      initialValues={e ? { ...e, nameEn: e.nameEn ?? undefined } : { currency: 'CNY' }}
      shownFields={['code', 'nameZh', 'categoryId', 'subcategoryId', 'amount', 'currency', 'kind']}
      submit={(v) => {
        const body = {
          nameZh: v.nameZh ?? '',
          nameEn: orNull(v.nameEn),
          categoryId: v.categoryId ?? '',
          subcategoryId: v.subcategoryId ?? '',
          amount: v.amount ?? '',
          currency: v.currency,
        };
        return e
          ? api.patch<DevicePackage>(`/device-packages/${e.id}`, { ...body, version: e.version })
          : api.post<DevicePackage>('/device-packages', {
              ...body,
              code: v.code ?? '',
              pricingMethod: 'per_device_month',
            });
      }}
      onClose={p.onClose}
      onDone={() => {
        p.onDone();
        p.onClose();
      }}
    >
      {(status, values) => (
        <>
          <Form.Item name="code" label={t('packages.code')} required {...status('code')}>
            <Input data-testid="package-code" maxLength={32} disabled={!!e} />
          </Form.Item>
          <Form.Item name="nameZh" label={t('packages.name')} required {...status('nameZh')}>
            <Input data-testid="package-name" maxLength={100} />
          </Form.Item>
          <Form.Item name="nameEn" label={t('packages.nameEn')} {...status('nameEn')}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="categoryId" label={t('packages.category')} required {...status('categoryId')}>
            <Select
              data-testid="package-category"
              options={p.classes
                .filter((c) => c.level === 'category')
                .map((c) => ({ value: c.id, label: c.nameZh }))}
            />
          </Form.Item>
          <Form.Item
            name="subcategoryId"
            label={t('packages.subcategory')}
            required
            {...status('subcategoryId')}
          >
            <Select
              data-testid="package-subcategory"
              options={p.classes
                .filter(
                  (c) =>
                    c.level === 'subcategory' && (!values.categoryId || c.parentId === values.categoryId),
                )
                .map((c) => ({ value: c.id, label: c.nameZh }))}
            />
          </Form.Item>
          <Form.Item name="amount" label={t('packages.amount')} required {...status('amount')}>
            <Input data-testid="package-amount" inputMode="decimal" />
          </Form.Item>
          <Form.Item name="currency" label={t('common.currency')} required {...status('currency')}>
            <Select options={CURRENCIES.map((c) => ({ value: c, label: c }))} />
          </Form.Item>
        </>
      )}
    </FormModal>
  );
}
