import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import {
  Alert,
  Button,
  Card,
  Col,
  DatePicker,
  Form,
  InputNumber,
  Radio,
  Row,
  Select,
  Space,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useMemo } from 'react';
import { api } from '../../api/client';
import type { Component, PlacedOrder, Quote } from '../../api/types';
import { useI18n } from '../../i18n';
import { ProblemAlert, useFieldStatus } from '../../ui/problem';
import { useDebounced } from '../../ui/use-debounced';
import { StateTag } from '../../ui/widgets';
import { type OrderValues, toOrderInput } from './order-input';
import { QuotePreview } from './QuotePreview';
import { useCompanies, useEntitlements, useProduct, useProducts } from './queries';

const INITIAL: OrderValues = { orderType: 'new', lines: [{ unit: 'year', value: 1 }] };

export function OrderPage() {
  const { t, pick } = useI18n();
  const qc = useQueryClient();
  const [form] = Form.useForm<OrderValues>();
  const values = Form.useWatch([], form) ?? INITIAL;
  const companies = useCompanies();
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
  const place = useMutation({
    mutationFn: () =>
      api.post<PlacedOrder>('/orders', { ...toOrderInput(form.getFieldsValue(true)), submit: true }),
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
  const externalEnd = ents.data?.components.find(
    (c) => c.productId === values.productId && c.externalEnd,
  )?.externalEnd;
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
        initialValues={INITIAL}
        onValuesChange={() => place.reset()}
        onFinish={() => place.mutate()}
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
                loading={companies.isPending}
                options={companies.data?.items.map((c) => ({
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
        <Form.List name="lines">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f, i) => {
                const line = values.lines?.[i];
                const comp = componentOf(line?.planId);
                return (
                  <Row gutter={8} key={f.key} align="top" data-testid={`line-${i}`}>
                    <Col span={8}>
                      <Form.Item
                        name={[f.name, 'planId']}
                        label={t('order.plan')}
                        {...status(`lines.${i}.planId`)}
                      >
                        <Select
                          data-testid={`line-${i}-plan`}
                          options={product.data?.plans.map((p) => ({
                            value: p.id,
                            label: pick({ zh: p.nameZh, en: p.nameEn }),
                          }))}
                        />
                      </Form.Item>
                    </Col>
                    <Col span={4}>
                      <Form.Item
                        name={[f.name, 'seats']}
                        label={t('order.seats')}
                        extra={
                          comp ? t('order.current', { seats: comp.seats, end: comp.endDate }) : undefined
                        }
                        {...status(`lines.${i}.seats`)}
                      >
                        <InputNumber
                          min={1}
                          precision={0}
                          style={{ width: '100%' }}
                          data-testid={`line-${i}-seats`}
                          placeholder={values.orderType === 'renew' ? t('order.seatsKeep') : undefined}
                        />
                      </Form.Item>
                    </Col>
                    <Col span={7}>
                      <Form.Item label={t('order.duration')} {...status(`lines.${i}.duration`)}>
                        <Space.Compact style={{ width: '100%' }}>
                          <Form.Item name={[f.name, 'value']} noStyle>
                            <InputNumber
                              min={1}
                              max={3650}
                              precision={0}
                              style={{ width: '55%' }}
                              data-testid={`line-${i}-duration`}
                              disabled={Boolean(values.cotermTo) || values.orderType === 'add_seats'}
                            />
                          </Form.Item>
                          <Form.Item name={[f.name, 'unit']} noStyle>
                            <Select
                              style={{ width: '45%' }}
                              data-testid={`line-${i}-unit`}
                              disabled={Boolean(values.cotermTo) || values.orderType === 'add_seats'}
                              options={(['day', 'month', 'year'] as const).map((u) => ({
                                value: u,
                                label: t(`unit.${u}`),
                              }))}
                            />
                          </Form.Item>
                        </Space.Compact>
                      </Form.Item>
                    </Col>
                    <Col span={2}>
                      {fields.length > 1 && (
                        <Button type="link" danger onClick={() => remove(f.name)} style={{ marginTop: 30 }}>
                          {t('order.removeLine')}
                        </Button>
                      )}
                    </Col>
                  </Row>
                );
              })}
              <Space style={{ marginBottom: 12 }}>
                <Button size="small" onClick={() => add({ unit: 'year', value: 1 })} data-testid="add-line">
                  + {t('order.addLine')}
                </Button>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('order.durationRule')}
                </Typography.Text>
              </Space>
            </>
          )}
        </Form.List>
        <Form.Item
          label={t('order.coterm')}
          extra={externalEnd ? t('order.externalEnd', { date: externalEnd }) : t('order.cotermHint')}
          {...status('cotermTo')}
        >
          <Space>
            <DatePicker
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
        {place.data && (
          <Alert
            style={{ marginTop: 12 }}
            type="success"
            showIcon
            data-testid="order-placed"
            message={
              <Space>
                {t('order.placed', { number: place.data.number })}
                <StateTag state={place.data.state} />
                <Link to="/orders/$id" params={{ id: place.data.id }}>
                  {t('common.detail')}
                </Link>
              </Space>
            }
          />
        )}
        <Button
          type="primary"
          htmlType="submit"
          style={{ marginTop: 12 }}
          loading={place.isPending}
          disabled={!quote.data || Boolean(error)}
          data-testid="order-submit"
        >
          {t('order.submit')}
        </Button>
      </Form>
    </Card>
  );
}
