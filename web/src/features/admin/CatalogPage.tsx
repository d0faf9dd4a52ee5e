import { Link, useNavigate } from '@tanstack/react-router';
import { Button, Card, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../i18n';
import { ProblemAlert } from '../../ui/problem';
import { DateText, useLabel } from '../../ui/widgets';
import { useCan } from './access';
import { LoadMore } from './LoadMore';
import { ProductForm } from './ProductForm';
import { useKeysetList } from './queries';
import { PRODUCT_KINDS, type Product } from './types';

/** The catalog: products by kind and state; each opens its plans, prices and review policy. */
export function CatalogPage() {
  const { t, pick } = useI18n();
  const label = useLabel();
  const can = useCan();
  const navigate = useNavigate();
  const [kind, setKind] = useState<string>();
  const [state, setState] = useState<string>();
  const [creating, setCreating] = useState(false);
  const list = useKeysetList<Product>(['admin', 'products'], '/products', { kind, state });
  return (
    <Card
      size="small"
      title={t('admin.catalog.title')}
      extra={
        can('catalogWrite') && (
          <Button type="primary" onClick={() => setCreating(true)} data-testid="product-new">
            {t('admin.catalog.newProduct')}
          </Button>
        )
      }
    >
      <Space style={{ marginBottom: 12 }}>
        <Select
          allowClear
          style={{ width: 180 }}
          placeholder={t('admin.product.kind')}
          value={kind}
          onChange={setKind}
          options={PRODUCT_KINDS.map((k) => ({ value: k, label: label('admin.productKind', k) }))}
        />
        <Select
          allowClear
          style={{ width: 140 }}
          placeholder={t('common.state')}
          value={state}
          onChange={setState}
          options={['active', 'retired'].map((s) => ({ value: s, label: label('admin.productState', s) }))}
        />
      </Space>
      <ProblemAlert error={list.error} />
      <Table<Product>
        size="small"
        rowKey="id"
        data-testid="product-list"
        loading={list.isPending}
        dataSource={list.items}
        pagination={false}
        locale={{ emptyText: t('admin.catalog.empty') }}
        onRow={(p) => ({
          style: { cursor: 'pointer' },
          onClick: () => void navigate({ to: '/catalog/$id', params: { id: p.id } }),
        })}
        columns={[
          { title: t('admin.code'), dataIndex: 'code', width: 160 },
          {
            title: t('admin.name'),
            render: (_, p) => (
              <Link to="/catalog/$id" params={{ id: p.id }}>
                {pick({ zh: p.nameZh, en: p.nameEn })}
              </Link>
            ),
          },
          { title: t('admin.product.kind'), render: (_, p) => label('admin.productKind', p.kind) },
          {
            title: t('admin.product.category'),
            render: (_, p) => [p.category, p.subcategory].filter(Boolean).join(' / '),
          },
          {
            title: t('admin.product.channels'),
            render: (_, p) => p.channels.map((c) => <Tag key={c}>{label('admin.channel', c)}</Tag>),
          },
          {
            title: t('common.state'),
            render: (_, p) => (
              <Tag color={p.state === 'active' ? 'success' : 'default'}>
                {label('admin.productState', p.state)}
              </Tag>
            ),
          },
          { title: t('common.createdAt'), render: (_, p) => <DateText value={p.createdAt} />, width: 150 },
        ]}
      />
      <LoadMore list={list} />
      {creating && (
        <ProductForm
          onClose={() => setCreating(false)}
          onSaved={(p) => void navigate({ to: '/catalog/$id', params: { id: p.id } })}
        />
      )}
    </Card>
  );
}
