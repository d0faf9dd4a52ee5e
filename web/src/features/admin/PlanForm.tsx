import { Checkbox, Col, DatePicker, Form, Input, InputNumber, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api } from '../../api/client';
import { useI18n } from '../../i18n';
import { useLabel } from '../../ui/widgets';
import { FormModal, orNull } from './form-kit';
import { useRefresh } from './queries';
import { PLAN_KINDS, type PlanCreate, type PlanDetail, PRICING_METHODS } from './types';

interface Values extends Omit<PlanCreate, 'validFrom' | 'validTo'> {
  validFrom?: Dayjs | null;
  validTo?: Dayjs | null;
}

const FIELDS = [
  'code',
  'nameZh',
  'nameEn',
  'kind',
  'pricingMethod',
  'durationRule',
  'seatMin',
  'seatMax',
  'passThrough',
  'refundable',
  'validFrom',
  'validTo',
];
const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);

/** Create a plan, or change one; code, kind and pricing method stay fixed after creation. */
export function PlanForm(p: { productId: string; plan?: PlanDetail | undefined; onClose: () => void }) {
  const { t } = useI18n();
  const label = useLabel();
  const refresh = useRefresh();
  const editing = p.plan;
  const initial: Partial<Values> = editing
    ? {
        ...editing,
        validFrom: editing.validFrom ? dayjs(editing.validFrom) : null,
        validTo: editing.validTo ? dayjs(editing.validTo) : null,
      }
    : { kind: 'edition', pricingMethod: 'seat_year', durationRule: 'days', seatMin: 1, refundable: true };
  const submit = (v: Values) => {
    const common = {
      nameZh: v.nameZh,
      nameEn: orNull(v.nameEn),
      durationRule: v.durationRule,
      seatMin: v.seatMin,
      seatMax: v.seatMax ?? null,
      passThrough: v.passThrough ?? false,
      refundable: v.refundable ?? false,
      validFrom: day(v.validFrom),
      validTo: day(v.validTo),
    };
    return editing
      ? api.patch<PlanDetail>(`/plans/${editing.id}`, { ...common, version: editing.version })
      : api.post<PlanDetail>(`/products/${p.productId}/plans`, {
          ...common,
          code: v.code,
          kind: v.kind,
          pricingMethod: v.pricingMethod,
        });
  };
  return (
    <FormModal<Values, PlanDetail>
      title={editing ? t('admin.plans.edit') : t('admin.plans.new')}
      testId="plan-form"
      width={640}
      initialValues={initial}
      shownFields={FIELDS}
      submit={submit}
      onClose={p.onClose}
      onDone={() => {
        refresh('product', 'products');
        p.onClose();
      }}
    >
      {(status, _values, form) => (
        <>
          <Row gutter={12}>
            <Col span={8}>
              <Form.Item name="code" label={t('admin.code')} {...status('code')}>
                <Input disabled={Boolean(editing)} data-testid="plan-code" />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="nameZh" label={t('admin.nameZh')} required {...status('nameZh')}>
                <Input data-testid="plan-nameZh" />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="nameEn" label={t('admin.nameEn')} {...status('nameEn')}>
                <Input data-testid="plan-nameEn" />
              </Form.Item>
            </Col>
          </Row>
          <Row gutter={12}>
            <Col span={8}>
              <Form.Item name="kind" label={t('admin.plan.kind')} {...status('kind')}>
                <Select
                  disabled={Boolean(editing)}
                  data-testid="plan-kind"
                  // R32: a fee passed on at cost is flagged so and never refundable; preset both.
                  onChange={(k: string) =>
                    form.setFieldsValue({
                      passThrough: k === 'pass_through',
                      refundable: k !== 'pass_through',
                    })
                  }
                  options={PLAN_KINDS.map((k) => ({ value: k, label: label('planKind', k) }))}
                />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="pricingMethod" label={t('admin.plan.pricing')} {...status('pricingMethod')}>
                <Select
                  disabled={Boolean(editing)}
                  data-testid="plan-pricing"
                  options={PRICING_METHODS.map((m) => ({ value: m, label: label('admin.pricing', m) }))}
                />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="durationRule" label={t('admin.plan.duration')} {...status('durationRule')}>
                <Select
                  options={['days', 'calendar'].map((d) => ({ value: d, label: label('admin.duration', d) }))}
                />
              </Form.Item>
            </Col>
          </Row>
          <Row gutter={12}>
            <Col span={6}>
              <Form.Item name="seatMin" label={t('admin.plan.seatMin')} {...status('seatMin')}>
                <InputNumber min={1} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col span={6}>
              <Form.Item name="seatMax" label={t('admin.plan.seatMax')} {...status('seatMax')}>
                <InputNumber min={1} precision={0} style={{ width: '100%' }} placeholder="∞" />
              </Form.Item>
            </Col>
            <Col span={6}>
              <Form.Item name="validFrom" label={t('admin.plan.validFrom')} {...status('validFrom')}>
                <DatePicker style={{ width: '100%' }} data-testid="plan-validFrom" />
              </Form.Item>
            </Col>
            <Col span={6}>
              <Form.Item
                name="validTo"
                label={t('admin.plan.validTo')}
                tooltip={t('admin.plan.validToHint')}
                {...status('validTo')}
              >
                <DatePicker style={{ width: '100%' }} data-testid="plan-validTo" />
              </Form.Item>
            </Col>
          </Row>
          <Row gutter={12}>
            <Col span={12}>
              <Form.Item name="passThrough" valuePropName="checked" {...status('passThrough')}>
                <Checkbox>{t('admin.plan.passThroughFlag')}</Checkbox>
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="refundable" valuePropName="checked" {...status('refundable')}>
                <Checkbox>{t('admin.plan.refundableFlag')}</Checkbox>
              </Form.Item>
            </Col>
          </Row>
        </>
      )}
    </FormModal>
  );
}
