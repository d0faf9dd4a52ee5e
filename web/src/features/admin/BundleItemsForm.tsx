import { Button, Col, Form, InputNumber, Row, Select } from 'antd';
import { api } from '../../api/client';
import { useI18n } from '../../i18n';
import { FormModal } from './form-kit';
import { useRefresh } from './queries';
import type { BundleItem, PlanDetail } from './types';

interface Values {
  items: BundleItem[];
}

const shownFor = (v: Values) =>
  (v.items ?? []).flatMap((_, i) => [`items.${i}.planId`, `items.${i}.seatsPerBundle`]);

/** What one bundle contains: plans of its own product, none of them a bundle. */
export function BundleItemsForm(p: { plan: PlanDetail; plans: PlanDetail[]; onClose: () => void }) {
  const { t, pick } = useI18n();
  const refresh = useRefresh();
  const choices = p.plans.filter((x) => x.kind !== 'bundle');
  return (
    <FormModal<Values, PlanDetail>
      title={t('admin.bundle.title', { plan: pick({ zh: p.plan.nameZh, en: p.plan.nameEn }) })}
      testId="bundle-form"
      initialValues={{ items: p.plan.bundleItems }}
      shownFields={shownFor}
      submit={(v) =>
        api.put<PlanDetail>(`/plans/${p.plan.id}/bundle-items`, {
          version: p.plan.version,
          items: v.items ?? [],
        })
      }
      onClose={p.onClose}
      onDone={() => {
        refresh('product');
        p.onClose();
      }}
    >
      {(status) => (
        <Form.List name="items">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f, i) => (
                <Row gutter={8} key={f.key}>
                  <Col span={13}>
                    <Form.Item
                      name={[f.name, 'planId']}
                      label={t('order.plan')}
                      {...status(`items.${i}.planId`)}
                    >
                      <Select
                        options={choices.map((c) => ({
                          value: c.id,
                          label: pick({ zh: c.nameZh, en: c.nameEn }),
                        }))}
                      />
                    </Form.Item>
                  </Col>
                  <Col span={8}>
                    <Form.Item
                      name={[f.name, 'seatsPerBundle']}
                      label={t('admin.bundle.seats')}
                      {...status(`items.${i}.seatsPerBundle`)}
                    >
                      <InputNumber min={1} precision={0} style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                  <Col span={3} style={{ paddingTop: 30 }}>
                    <Button type="link" danger onClick={() => remove(f.name)}>
                      {t('admin.remove')}
                    </Button>
                  </Col>
                </Row>
              ))}
              <Button type="dashed" block onClick={() => add({ seatsPerBundle: 1 })}>
                {t('admin.bundle.add')}
              </Button>
            </>
          )}
        </Form.List>
      )}
    </FormModal>
  );
}
