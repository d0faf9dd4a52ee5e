import { Col, Form, Input, Row, Select } from 'antd';
import { api } from '../../api/client';
import { useI18n } from '../../i18n';
import { useLabel } from '../../ui/widgets';
import { FormModal, orNull } from './form-kit';
import { useRefresh } from './queries';
import { CHANNELS, PRODUCT_KINDS, type ProductCreate, type ProductDetail } from './types';

interface Values extends ProductCreate {
  version?: number;
  state?: 'active' | 'retired';
}

const FIELDS = ['code', 'nameZh', 'nameEn', 'kind', 'category', 'subcategory', 'channels', 'state'];

/** Create a product, or (given one) change its names, categories, channels and state; code and kind stay. */
export function ProductForm(p: {
  product?: ProductDetail;
  onClose: () => void;
  onSaved: (p: ProductDetail) => void;
}) {
  const { t } = useI18n();
  const label = useLabel();
  const refresh = useRefresh();
  const editing = p.product;
  const submit = (v: Values) => {
    const common = {
      nameZh: v.nameZh,
      nameEn: orNull(v.nameEn),
      category: orNull(v.category),
      subcategory: orNull(v.subcategory),
      channels: v.channels,
    };
    return editing
      ? api.patch<ProductDetail>(`/products/${editing.id}`, {
          ...common,
          version: editing.version,
          state: v.state,
        })
      : api.post<ProductDetail>('/products', { ...common, code: v.code, kind: v.kind });
  };
  return (
    <FormModal<Values, ProductDetail>
      title={editing ? t('admin.product.edit') : t('admin.catalog.newProduct')}
      testId="product-form"
      initialValues={editing ?? { kind: 'seat_app', channels: [...CHANNELS] }}
      shownFields={FIELDS}
      submit={submit}
      onClose={p.onClose}
      onDone={(saved) => {
        refresh('products', 'product');
        p.onSaved(saved);
        p.onClose();
      }}
    >
      {(status) => (
        <>
          <Row gutter={12}>
            <Col span={12}>
              <Form.Item
                name="code"
                label={t('admin.code')}
                extra={t('admin.product.codeHint')}
                {...status('code')}
              >
                <Input disabled={Boolean(editing)} data-testid="product-code" />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="kind" label={t('admin.product.kind')} {...status('kind')}>
                <Select
                  disabled={Boolean(editing)}
                  data-testid="product-kind"
                  options={PRODUCT_KINDS.map((k) => ({ value: k, label: label('admin.productKind', k) }))}
                />
              </Form.Item>
            </Col>
          </Row>
          <Row gutter={12}>
            <Col span={12}>
              <Form.Item name="nameZh" label={t('admin.nameZh')} required {...status('nameZh')}>
                <Input data-testid="product-nameZh" />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="nameEn" label={t('admin.nameEn')} {...status('nameEn')}>
                <Input data-testid="product-nameEn" />
              </Form.Item>
            </Col>
          </Row>
          <Row gutter={12}>
            <Col span={12}>
              <Form.Item name="category" label={t('admin.product.category')} {...status('category')}>
                <Input />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="subcategory" label={t('admin.product.subcategory')} {...status('subcategory')}>
                <Input />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item
            name="channels"
            label={t('admin.product.channels')}
            extra={t('admin.product.channelsHint')}
            {...status('channels')}
          >
            <Select
              mode="multiple"
              data-testid="product-channels"
              options={CHANNELS.map((c) => ({ value: c, label: label('admin.channel', c) }))}
            />
          </Form.Item>
          {editing && (
            <Form.Item name="state" label={t('common.state')} {...status('state')}>
              <Select
                data-testid="product-state"
                options={['active', 'retired'].map((s) => ({
                  value: s,
                  label: label('admin.productState', s),
                }))}
              />
            </Form.Item>
          )}
        </>
      )}
    </FormModal>
  );
}
