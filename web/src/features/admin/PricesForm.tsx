import { Button, Col, Form, Input, InputNumber, Row, Select, Typography } from 'antd';
import { api } from '../../api/client';
import { useI18n } from '../../i18n';
import { FormModal } from './form-kit';
import { useRefresh } from './queries';
import { CURRENCIES, type PlanDetail, type Price } from './types';

interface Values {
  prices: Price[];
}

const shownFor = (v: Values) => [
  'prices',
  ...(v.prices ?? []).flatMap((_, i) => [
    `prices.${i}.currency`,
    `prices.${i}.minSeats`,
    `prices.${i}.amount`,
  ]),
];

/**
 * The plan's whole price list: one unit amount per currency and tier start. Amounts stay text end to end
 * (DESIGN §5: no floats for money); the server parses them and names the row it refuses.
 */
export function PricesForm({ plan, onClose }: { plan: PlanDetail; onClose: () => void }) {
  const { t, pick } = useI18n();
  const refresh = useRefresh();
  const initial: Values = {
    prices: plan.prices.length > 0 ? plan.prices : [{ currency: 'CNY', minSeats: plan.seatMin, amount: '' }],
  };
  return (
    <FormModal<Values, PlanDetail>
      title={t('admin.prices.title', { plan: pick({ zh: plan.nameZh, en: plan.nameEn }) })}
      testId="prices-form"
      width={620}
      initialValues={initial}
      shownFields={shownFor}
      submit={(v) =>
        api.put<PlanDetail>(`/plans/${plan.id}/prices`, {
          version: plan.version,
          prices: (v.prices ?? []).map((p) => ({ ...p, amount: String(p.amount ?? '').trim() })),
        })
      }
      onClose={onClose}
      onDone={() => {
        refresh('product');
        onClose();
      }}
    >
      {(status) => (
        <>
          <Typography.Paragraph type="secondary">
            {t('admin.prices.hint', { min: plan.seatMin, max: plan.seatMax ?? '∞' })}
          </Typography.Paragraph>
          <Form.Item {...status('prices')}>
            <Form.List name="prices">
              {(fields, { add, remove }) => (
                <>
                  {fields.map((f, i) => (
                    <Row gutter={8} key={f.key} data-testid={`price-${i}`}>
                      <Col span={6}>
                        <Form.Item
                          name={[f.name, 'currency']}
                          label={t('common.currency')}
                          {...status(`prices.${i}.currency`)}
                        >
                          <Select
                            data-testid={`price-${i}-currency`}
                            options={CURRENCIES.map((c) => ({ value: c, label: c }))}
                          />
                        </Form.Item>
                      </Col>
                      <Col span={7}>
                        <Form.Item
                          name={[f.name, 'minSeats']}
                          label={t('admin.prices.minSeats')}
                          {...status(`prices.${i}.minSeats`)}
                        >
                          <InputNumber
                            min={1}
                            precision={0}
                            style={{ width: '100%' }}
                            data-testid={`price-${i}-min`}
                          />
                        </Form.Item>
                      </Col>
                      <Col span={8}>
                        <Form.Item
                          name={[f.name, 'amount']}
                          label={t('admin.prices.amount')}
                          {...status(`prices.${i}.amount`)}
                        >
                          <Input placeholder="365.00" inputMode="decimal" data-testid={`price-${i}-amount`} />
                        </Form.Item>
                      </Col>
                      <Col span={3} style={{ paddingTop: 30 }}>
                        <Button type="link" danger onClick={() => remove(f.name)}>
                          {t('admin.remove')}
                        </Button>
                      </Col>
                    </Row>
                  ))}
                  <Button
                    type="dashed"
                    block
                    onClick={() => add({ currency: 'CNY', minSeats: plan.seatMin, amount: '' })}
                    data-testid="price-add"
                  >
                    {t('admin.prices.addTier')}
                  </Button>
                </>
              )}
            </Form.List>
          </Form.Item>
        </>
      )}
    </FormModal>
  );
}
