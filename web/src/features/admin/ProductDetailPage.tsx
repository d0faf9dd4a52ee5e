import { Link, useParams } from '@tanstack/react-router';
import { Alert, Button, Card, Descriptions, Space, Tag } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../i18n';
import { AuditTrail } from '../../ui/AuditTrail';
import { ProblemAlert } from '../../ui/problem';
import { useLabel } from '../../ui/widgets';
import { useCan } from './access';
import { PlansCard } from './PlansCard';
import { ProductForm } from './ProductForm';
import { useAudit, useProductDetail } from './queries';
import { ReviewPolicyMatrix } from './ReviewPolicyMatrix';

export function ProductDetailPage() {
  const { id } = useParams({ from: '/catalog/$id' });
  const { t, pick } = useI18n();
  const label = useLabel();
  const can = useCan();
  const product = useProductDetail(id);
  const audit = useAudit('product', id, can('auditRead'));
  const [editing, setEditing] = useState(false);
  const back = <Link to="/catalog">{t('admin.catalog.back')}</Link>;
  if (product.error)
    return (
      <Card size="small" title={back}>
        <ProblemAlert error={product.error} />
      </Card>
    );
  if (product.isPending) return <Card size="small" loading title={back} />;
  const p = product.data;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={12}>
      <Card
        size="small"
        title={
          <Space>
            {back}
            <span data-testid="product-title">{pick({ zh: p.nameZh, en: p.nameEn })}</span>
            <Tag color={p.state === 'active' ? 'success' : 'default'}>
              {label('admin.productState', p.state)}
            </Tag>
          </Space>
        }
        extra={
          can('catalogWrite') && (
            <Button onClick={() => setEditing(true)} data-testid="product-edit">
              {t('admin.edit')}
            </Button>
          )
        }
      >
        {p.state === 'retired' && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            message={t('admin.product.retiredHint')}
          />
        )}
        <Descriptions size="small" column={3}>
          <Descriptions.Item label={t('admin.code')}>{p.code}</Descriptions.Item>
          <Descriptions.Item label={t('admin.product.kind')}>
            {label('admin.productKind', p.kind)}
          </Descriptions.Item>
          <Descriptions.Item label={t('admin.product.category')}>
            {[p.category, p.subcategory].filter(Boolean).join(' / ') || '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('admin.nameEn')}>{p.nameEn ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('admin.product.channels')} span={2}>
            {p.channels.map((c) => (
              <Tag key={c}>{label('admin.channel', c)}</Tag>
            ))}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <PlansCard product={p} />
      <ReviewPolicyMatrix product={p} />
      {can('auditRead') && (
        <Card size="small" title={t('admin.trail')}>
          <ProblemAlert error={audit.error} />
          <AuditTrail trail={audit.data?.items ?? []} />
        </Card>
      )}
      {editing && <ProductForm product={p} onClose={() => setEditing(false)} onSaved={() => undefined} />}
    </Space>
  );
}
