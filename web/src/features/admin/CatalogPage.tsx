import { Link, useNavigate } from '@tanstack/react-router';
import { Button, Card, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { useI18n } from '../../i18n';
import { type DataColumn, DataTable, type FilterSpec } from '../../ui/DataTable';
import { DateText, useLabel } from '../../ui/widgets';
import { useCan } from './access';
import { ProductForm } from './ProductForm';
import { PRODUCT_KINDS, type Product } from './types';

const SORT = { sort: 'code' };

/** The catalog: products by kind and state, sorted and searched on the server; each opens its plans. */
export function CatalogPage() {
  const { t } = useI18n();
  const can = useCan();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const columns = useProductColumns();
  const filters = useProductFilters();
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
      <DataTable<Product>
        resource="/products"
        exportResource="/products/export"
        queryKey={['admin', 'products']}
        columns={columns}
        rowKey={(p) => p.id}
        filters={filters}
        defaults={SORT}
        testId="product-list"
        onRow={(p) => ({
          style: { cursor: 'pointer' },
          onClick: () => void navigate({ to: '/catalog/$id', params: { id: p.id } }),
        })}
      />
      {creating && (
        <ProductForm
          onClose={() => setCreating(false)}
          onSaved={(p) => void navigate({ to: '/catalog/$id', params: { id: p.id } })}
        />
      )}
    </Card>
  );
}

function useProductFilters(): FilterSpec[] {
  const { t } = useI18n();
  const label = useLabel();
  return useMemo<FilterSpec[]>(
    () => [
      { kind: 'text', key: 'q', placeholder: t('lists.search.products') },
      {
        kind: 'select',
        key: 'kind',
        width: 160,
        placeholder: t('admin.product.kind'),
        options: PRODUCT_KINDS.map((k) => ({ value: k, label: label('admin.productKind', k) })),
      },
      {
        kind: 'select',
        key: 'state',
        placeholder: t('lists.allStates'),
        options: ['active', 'retired'].map((s) => ({ value: s, label: label('admin.productState', s) })),
      },
      { kind: 'dates' },
    ],
    [t, label],
  );
}

function useProductColumns(): DataColumn<Product>[] {
  const { t, pick } = useI18n();
  const label = useLabel();
  return [
    { title: t('admin.code'), dataIndex: 'code', width: 170, sortKey: 'code' },
    {
      title: t('admin.name'),
      dataIndex: 'nameZh',
      width: 220,
      ellipsis: true,
      sortKey: 'name',
      render: (_, p) => (
        <Link to="/catalog/$id" params={{ id: p.id }}>
          {pick({ zh: p.nameZh, en: p.nameEn })}
        </Link>
      ),
    },
    {
      title: t('admin.product.kind'),
      dataIndex: 'kind',
      width: 120,
      render: (k: string) => label('admin.productKind', k),
    },
    {
      title: t('admin.product.category'),
      dataIndex: 'category',
      width: 160,
      ellipsis: true,
      render: (_, p) => [p.category, p.subcategory].filter(Boolean).join(' / '),
    },
    {
      title: t('admin.product.channels'),
      dataIndex: 'channels',
      width: 230,
      render: (_, p) => p.channels.map((c) => <Tag key={c}>{label('admin.channel', c)}</Tag>),
    },
    {
      title: t('common.state'),
      dataIndex: 'state',
      width: 100,
      render: (_, p) => (
        <Tag color={p.state === 'active' ? 'success' : 'default'}>{label('admin.productState', p.state)}</Tag>
      ),
    },
    {
      title: t('common.createdAt'),
      dataIndex: 'createdAt',
      width: 150,
      sortKey: 'created',
      render: (v: string) => <DateText value={v} />,
    },
  ];
}
