import { Col, Form, Input, Row, Select, Typography } from 'antd';
import { api } from '../../api/client';
import { useI18n } from '../../i18n';
import { FormModal, orNull } from './form-kit';
import { useCompanyOptions, usePartnerOptions, useRefresh } from './queries';
import type { Company, CompanyCreate } from './types';

type Values = CompanyCreate;

const FIELDS = [
  'nameZh',
  'nameEn',
  'tenantId',
  'parentId',
  'partnerId',
  'region',
  'addressEn',
  'applicantName',
  'landline',
  'taxId',
];
const DIRECT = '';

/**
 * Create or change a customer company. R6 is the server's: every missing or malformed field comes back
 * under that field in the user's language; a foreign region marks the fields it will ask for.
 */
export function CompanyForm({ company, onClose }: { company?: Company | undefined; onClose: () => void }) {
  const { t, pick } = useI18n();
  const refresh = useRefresh();
  const partners = usePartnerOptions();
  const companies = useCompanyOptions();
  const submit = (v: Values) => {
    const body = {
      nameZh: v.nameZh,
      nameEn: orNull(v.nameEn),
      tenantId: orNull(v.tenantId),
      parentId: orNull(v.parentId),
      partnerId: orNull(v.partnerId),
      region: orNull(v.region)?.toUpperCase() ?? 'CN',
      addressEn: orNull(v.addressEn),
      applicantName: orNull(v.applicantName),
      landline: orNull(v.landline),
      taxId: orNull(v.taxId),
    };
    return company
      ? api.patch<Company>(`/companies/${company.id}`, { ...body, version: company.version })
      : api.post<Company>('/companies', body);
  };
  return (
    <FormModal<Values, Company>
      title={company ? t('admin.companies.edit') : t('admin.companies.new')}
      testId="company-form"
      width={680}
      initialValues={
        company
          ? { ...company, partnerId: company.partnerId ?? DIRECT, parentId: company.parentId ?? undefined }
          : { region: 'CN', partnerId: DIRECT }
      }
      shownFields={FIELDS}
      submit={submit}
      onClose={onClose}
      onDone={() => {
        refresh('companies');
        onClose();
      }}
    >
      {(status, values) => {
        const foreign = (values.region ?? 'CN').toUpperCase() !== 'CN';
        return (
          <>
            <Row gutter={12}>
              <Col span={12}>
                <Form.Item name="nameZh" label={t('admin.companies.nameZh')} required {...status('nameZh')}>
                  <Input data-testid="company-nameZh" />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item
                  name="nameEn"
                  label={t('admin.companies.nameEn')}
                  required={foreign}
                  {...status('nameEn')}
                >
                  <Input data-testid="company-nameEn" />
                </Form.Item>
              </Col>
            </Row>
            <Row gutter={12}>
              <Col span={12}>
                <Form.Item
                  name="tenantId"
                  label={t('customers.tenant')}
                  extra={t('admin.companies.tenantHint')}
                  {...status('tenantId')}
                >
                  <Input data-testid="company-tenantId" placeholder="wwb0e22cefc85a80d3" />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item
                  name="region"
                  label={t('customers.region')}
                  extra={t('admin.companies.regionHint')}
                  {...status('region')}
                >
                  <Input maxLength={2} style={{ width: 80 }} data-testid="company-region" />
                </Form.Item>
              </Col>
            </Row>
            <Row gutter={12}>
              <Col span={12}>
                <Form.Item name="partnerId" label={t('admin.companies.partner')} {...status('partnerId')}>
                  <Select
                    data-testid="company-partner"
                    loading={partners.isPending}
                    options={[
                      { value: DIRECT, label: t('admin.companies.direct') },
                      ...(partners.data?.items.map((p) => ({
                        value: p.id,
                        label: `${p.code} · ${pick({ zh: p.nameZh, en: p.nameEn })}`,
                      })) ?? []),
                    ]}
                  />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item name="parentId" label={t('admin.companies.parent')} {...status('parentId')}>
                  <Select
                    allowClear
                    showSearch
                    optionFilterProp="label"
                    loading={companies.isPending}
                    options={companies.data?.items
                      .filter((c) => c.id !== company?.id)
                      .map((c) => ({ value: c.id, label: c.nameZh }))}
                  />
                </Form.Item>
              </Col>
            </Row>
            {foreign && (
              <Typography.Paragraph type="warning" data-testid="company-foreign-hint">
                {t('admin.companies.foreignHint')}
              </Typography.Paragraph>
            )}
            <Form.Item
              name="addressEn"
              label={t('admin.companies.addressEn')}
              required={foreign}
              {...status('addressEn')}
            >
              <Input data-testid="company-addressEn" />
            </Form.Item>
            <Row gutter={12}>
              <Col span={8}>
                <Form.Item
                  name="applicantName"
                  label={t('admin.companies.applicant')}
                  required={foreign}
                  {...status('applicantName')}
                >
                  <Input data-testid="company-applicant" />
                </Form.Item>
              </Col>
              <Col span={8}>
                <Form.Item
                  name="landline"
                  label={t('admin.companies.landline')}
                  required={foreign}
                  {...status('landline')}
                >
                  <Input data-testid="company-landline" />
                </Form.Item>
              </Col>
              <Col span={8}>
                <Form.Item name="taxId" label={t('admin.companies.taxId')} {...status('taxId')}>
                  <Input data-testid="company-taxId" />
                </Form.Item>
              </Col>
            </Row>
          </>
        );
      }}
    </FormModal>
  );
}
