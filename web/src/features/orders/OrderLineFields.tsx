import { Button, Col, Form, InputNumber, Row, Select, Space, Typography } from 'antd';
import type { Component, ProductDetail } from '../../api/types';
import { useI18n } from '../../i18n';
import type { useFieldStatus } from '../../ui/problem';
import type { OrderValues } from './order-input';

/** The order's lines: plan, seats (R13: blank keeps the current seats on a renewal) and duration (R14). */
export function OrderLineFields({
  values,
  status,
  product,
  componentOf,
}: {
  values: OrderValues;
  status: ReturnType<typeof useFieldStatus>;
  product: ProductDetail | undefined;
  componentOf: (planId: string | undefined) => Component | undefined;
}) {
  const { t, pick } = useI18n();
  return (
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
                      options={product?.plans.map((p) => ({
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
                    extra={comp ? t('order.current', { seats: comp.seats, end: comp.endDate }) : undefined}
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
  );
}
