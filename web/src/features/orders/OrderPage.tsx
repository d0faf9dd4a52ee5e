import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { Alert, Button, Card, Col, DatePicker, Form, Radio, Row, Select, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { api } from '../../api/client';
import type { Component, PaymentMethod, PlacedOrder, Quote } from '../../api/types';
import { useI18n } from '../../i18n';
import { ProblemAlert, useFieldStatus } from '../../ui/problem';
import { useDebounced } from '../../ui/use-debounced';
import { StateTag, useLabel } from '../../ui/widgets';
import { useMe } from '../auth/session';
import { OrderPayCard } from '../payments/OrderPayCard';
import { OrderLineFields } from './OrderLineFields';
import { type OrderValues, toOrderInput } from './order-input';
import { QuotePreview } from './QuotePreview';
import { useCompanies, useEntitlements, useProduct, useProducts } from './queries';

const INITIAL: OrderValues = { orderType: 'new', lines: [{ unit: 'year', value: 1 }] };

export function OrderPage() {
  const { t, pick } = useI18n();
  const qc = useQueryClient();
  const me = useMe();
  // R3: a customer orders for its own company (self-service, approved at once, paid from its wallet).
  const own = me.data?.kind === 'customer' ? me.data.company : null;
  const initial = useMemo<OrderValues>(() => (own ? { ...INITIAL, companyId: own.id } : INITIAL), [own]);
  const [form] = Form.useForm<OrderValues>();
  const values = Form.useWatch([], form) ?? initial;
  const companies = useCompanies();
  // Its subsidiaries are in its scope too; only then is there anything to choose.
  const fixedCompany = own && (companies.data?.items.length ?? 0) <= 1 ? own : null;
  const products = useProducts();
  const product = useProduct(values.productId);
  const ents = useEntitlements(values.companyId);
  const input = useDebounced(useMemo(() => toOrderInput(values), [values]));
  const quote = useQuery({
    queryKey: ['quote', input],
    queryFn: () => api.post<Quote>('/orders/quote', input),
    enabled: input !== null,
    retry: false,
  });
  const label = useLabel();
  // R28: the server offers the methods with the quote; the wallet unless the payer picks another.
  const [method, setMethod] = useState<PaymentMethod>('wallet');
  const offered = quote.data?.paymentMethods ?? ['wallet'];
  const paymentMethod = offered.includes(method) ? method : 'wallet';
  const place = useMutation({
    mutationFn: (submit: boolean) =>
      api.post<PlacedOrder>('/orders', {
        ...toOrderInput(form.getFieldsValue(true)),
        submit,
        ...(paymentMethod === 'wallet' ? {} : { paymentMethod }),
      }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['wallets'] });
      void qc.invalidateQueries({ queryKey: ['entitlements'] });
      void qc.invalidateQueries({ queryKey: ['orders'] });
    },
  });
  // The submit refusal wins once the user has pressed submit; until then the live quote's refusal shows.
  const error = place.error ?? (input ? quote.error : null);
  const status = useFieldStatus(error);
  const componentOf = (planId: string | undefined): Component | undefined =>
    ents.data?.components.find((c) => c.planId === planId);
  // R15: the same external end the server co-terms to: the latest pass-through end or recorded external end.
  const externalEnd = ents.data?.components
    .filter((c) => c.productId === values.productId)
    .flatMap((c) => (c.planKind === 'pass_through' ? [c.endDate] : c.externalEnd ? [c.externalEnd] : []))
    .sort()
    .at(-1);
  const lineCount = values.lines?.length ?? 0;
  const shownFields = ['companyId', 'productId', 'orderType', 'cotermTo'].concat(
    Array.from({ length: lineCount }, (_, i) => [
      `lines.${i}.planId`,
      `lines.${i}.seats`,
      `lines.${i}.duration`,
    ]).flat(),
  );

  return (
    <Card title={t('order.title')} size="small">
      <Form<OrderValues>
        form={form}
        layout="vertical"
        initialValues={initial}
        onValuesChange={() => place.reset()}
        onFinish={() => place.mutate(true)}
        size="middle"
      >
        <Row gutter={12}>
          <Col span={9}>
            <Form.Item
              name="companyId"
              label={t('order.customer')}
              rules={[{ required: true }]}
              {...status('companyId')}
            >
              <Select
                data-testid="order-company"
                showSearch
                optionFilterProp="label"
                disabled={Boolean(fixedCompany)}
                loading={companies.isPending}
                options={(fixedCompany ? [fixedCompany] : (companies.data?.items ?? [])).map((c) => ({
                  value: c.id,
                  label: `${pick({ zh: c.nameZh, en: c.nameEn })}${c.tenantId ? ` · ${c.tenantId}` : ''}`,
                }))}
              />
            </Form.Item>
          </Col>
          <Col span={7}>
            <Form.Item
              name="productId"
              label={t('order.product')}
              rules={[{ required: true }]}
              {...status('productId')}
            >
              <Select
                data-testid="order-product"
                loading={products.isPending}
                onChange={() => form.setFieldValue('lines', [{ unit: 'year', value: 1 }])}
                options={products.data?.items.map((p) => ({
                  value: p.id,
                  label: pick({ zh: p.nameZh, en: p.nameEn }),
                }))}
              />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="orderType" label={t('order.type')} {...status('orderType')}>
              <Radio.Group optionType="button" buttonStyle="solid" data-testid="order-type">
                <Radio.Button value="new">{t('orderType.new')}</Radio.Button>
                <Radio.Button value="add_seats">{t('orderType.add_seats')}</Radio.Button>
                <Radio.Button value="renew">{t('orderType.renew')}</Radio.Button>
              </Radio.Group>
            </Form.Item>
          </Col>
        </Row>
        <Typography.Text strong>{t('order.lines')}</Typography.Text>
        <OrderLineFields values={values} status={status} product={product.data} componentOf={componentOf} />
        <Form.Item
          label={t('order.coterm')}
          extra={externalEnd ? t('order.externalEnd', { date: externalEnd }) : t('order.cotermHint')}
          {...status('cotermTo')}
        >
          <Space>
            {/* R15: the server co-terms only to the external end it knows, so no other day is offered */}
            <DatePicker
              disabled={!externalEnd}
              disabledDate={(d) => d.format('YYYY-MM-DD') !== externalEnd}
              value={values.cotermTo ? dayjs(values.cotermTo) : null}
              onChange={(d) => form.setFieldValue('cotermTo', d ? d.format('YYYY-MM-DD') : undefined)}
            />
            {externalEnd && (
              <Button size="small" onClick={() => form.setFieldValue('cotermTo', externalEnd)}>
                {externalEnd}
              </Button>
            )}
          </Space>
        </Form.Item>
        <Form.Item name="cotermTo" hidden>
          <input />
        </Form.Item>

        <Typography.Title level={5}>{t('order.preview')}</Typography.Title>
        {error ? (
          <ProblemAlert error={error} shownFields={shownFields} />
        ) : quote.data && input ? (
          <QuotePreview quote={quote.data} />
        ) : (
          <Typography.Text type="secondary">{t('order.fillToQuote')}</Typography.Text>
        )}
        {offered.length > 1 && (
          <Form.Item label={t('orderpay.method')} extra={t('orderpay.methodHint')} style={{ marginTop: 12 }}>
            <Radio.Group
              value={paymentMethod}
              onChange={(e) => {
                setMethod(e.target.value as PaymentMethod);
                place.reset();
              }}
              data-testid="order-method"
              options={offered.map((m) => ({ value: m, label: label('orderpay.method', m) }))}
            />
          </Form.Item>
        )}
        {own && (
          <Alert
            style={{ marginTop: 12 }}
            type="info"
            showIcon
            data-testid="self-service-hint"
            message={t('desk.order.selfService')}
          />
        )}
        {place.data && (
          <Alert
            style={{ marginTop: 12 }}
            type="success"
            showIcon
            data-testid="order-placed"
            message={
              <Space>
                {place.data.state === 'draft'
                  ? t('desk.order.draftSaved', { number: place.data.number })
                  : t('order.placed', { number: place.data.number })}
                <StateTag state={place.data.state} />
                <Link to="/orders/$id" params={{ id: place.data.id }}>
                  {t('common.detail')}
                </Link>
              </Space>
            }
          />
        )}
        <Space style={{ marginTop: 12 }}>
          <Button
            type="primary"
            htmlType="submit"
            loading={place.isPending && place.variables}
            disabled={!quote.data || Boolean(error)}
            data-testid="order-submit"
          >
            {t('order.submit')}
          </Button>
          <Button
            loading={place.isPending && !place.variables}
            disabled={!quote.data || Boolean(error)}
            onClick={() => place.mutate(false)}
            data-testid="order-save-draft"
          >
            {t('desk.order.saveDraft')}
          </Button>
        </Space>
      </Form>
      {place.data?.state === 'approved' && (
        <div style={{ marginTop: 12 }}>
          <OrderPayCard orderId={place.data.id} />
        </div>
      )}
    </Card>
  );
}
