import { Col, Form, Input, Row, Select } from 'antd';
import { api } from '../../api/client';
import { useI18n } from '../../i18n';
import { FormModal, orNull } from './form-kit';
import { useCompanyOptions, usePartnerOptions, useRefresh } from './queries';
import { ROLES, type User, type UserCreate } from './types';

type Values = UserCreate;
const FIELDS = ['email', 'name', 'roles', 'partnerId', 'companyId', 'password', 'locale'];

/**
 * Create a user, or change its roles, binding, name and language. A partner agent belongs to a partner and a
 * customer user to a company, so the binding field appears with the role that needs it. A staff user may be
 * scoped to a company too (issue #13, R21: it then sees that company's tree only); the field is optional.
 */
export function UserForm({ user, onClose }: { user?: User | undefined; onClose: () => void }) {
  const { t, pick } = useI18n();
  const refresh = useRefresh();
  const partners = usePartnerOptions();
  const companies = useCompanyOptions();
  const submit = (v: Values) => {
    const roles = v.roles ?? [];
    const body = {
      name: v.name,
      roles,
      partnerId: roles.includes('partner_agent') ? orNull(v.partnerId) : null,
      companyId: roles.length > 0 && !roles.includes('partner_agent') ? orNull(v.companyId) : null,
      locale: v.locale,
    };
    return user
      ? api.patch<User>(`/users/${user.id}`, { ...body, version: user.version })
      : api.post<User>('/users', { ...body, email: v.email, password: orNull(v.password) });
  };
  return (
    <FormModal<Values, User>
      title={user ? t('admin.users.editTitle', { name: user.name }) : t('admin.users.new')}
      testId="user-form"
      width={620}
      initialValues={user ?? { roles: [], locale: 'zh-CN' }}
      shownFields={FIELDS}
      submit={submit}
      onClose={onClose}
      onDone={() => {
        refresh('users');
        onClose();
      }}
    >
      {(status, values) => {
        const roles = values.roles ?? user?.roles ?? [];
        return (
          <>
            <Row gutter={12}>
              <Col span={12}>
                <Form.Item name="email" label={t('login.email')} required {...status('email')}>
                  <Input disabled={Boolean(user)} data-testid="user-form-email" />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item name="name" label={t('admin.users.name')} required {...status('name')}>
                  <Input data-testid="user-form-name" />
                </Form.Item>
              </Col>
            </Row>
            <Form.Item
              name="roles"
              label={t('admin.users.roles')}
              extra={t('admin.users.rolesHint')}
              required
              {...status('roles')}
            >
              <Select
                mode="multiple"
                data-testid="user-form-roles"
                options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))}
              />
            </Form.Item>
            {roles.includes('partner_agent') && (
              <Form.Item name="partnerId" label={t('admin.users.partner')} required {...status('partnerId')}>
                <Select
                  data-testid="user-form-partner"
                  loading={partners.isPending}
                  options={partners.data?.items.map((p) => ({
                    value: p.id,
                    label: `${p.code} · ${pick({ zh: p.nameZh, en: p.nameEn })}`,
                  }))}
                />
              </Form.Item>
            )}
            {roles.length > 0 && !roles.includes('partner_agent') && (
              <Form.Item
                name="companyId"
                label={t(roles.includes('customer') ? 'admin.users.company' : 'devices.staffScope')}
                required={roles.includes('customer')}
                {...status('companyId')}
              >
                <Select
                  allowClear={!roles.includes('customer')}
                  showSearch
                  optionFilterProp="label"
                  data-testid="user-form-company"
                  loading={companies.isPending}
                  options={companies.data?.items.map((c) => ({
                    value: c.id,
                    label: `${pick({ zh: c.nameZh, en: c.nameEn })}${c.tenantId ? ` · ${c.tenantId}` : ''}`,
                  }))}
                />
              </Form.Item>
            )}
            <Row gutter={12}>
              {!user && (
                <Col span={12}>
                  <Form.Item
                    name="password"
                    label={t('login.password')}
                    extra={t('admin.users.passwordHint')}
                    {...status('password')}
                  >
                    <Input.Password autoComplete="new-password" data-testid="user-form-password" />
                  </Form.Item>
                </Col>
              )}
              <Col span={12}>
                <Form.Item name="locale" label={t('app.language')} {...status('locale')}>
                  <Select
                    options={[
                      { value: 'zh-CN', label: '中文' },
                      { value: 'en-US', label: 'English' },
                    ]}
                  />
                </Form.Item>
              </Col>
            </Row>
          </>
        );
      }}
    </FormModal>
  );
}
