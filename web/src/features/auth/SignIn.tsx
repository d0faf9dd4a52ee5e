import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Form, Input, Typography } from 'antd';
import { api } from '../../api/client';
import type { Me } from '../../api/types';
import { useI18n } from '../../i18n';
import { ProblemAlert, useFieldStatus } from '../../ui/problem';
import { LanguageSwitch } from '../shell/LanguageSwitch';
import { ME_KEY } from './session';

interface Credentials {
  email: string;
  password: string;
}

export function SignIn() {
  const { t } = useI18n();
  const qc = useQueryClient();
  const login = useMutation({
    mutationFn: (c: Credentials) => api.post<{ me: Me }>('/auth/login', c),
    onSuccess: (r) => qc.setQueryData(ME_KEY, r.me),
  });
  const status = useFieldStatus(login.error);
  return (
    <div style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', background: '#f5f5f5' }}>
      <Card title={t('login.title')} extra={<LanguageSwitch />} style={{ width: 380 }}>
        <Form<Credentials>
          layout="vertical"
          onFinish={(v) => login.mutate(v)}
          onValuesChange={(changed) => status.edited(changed)}
          disabled={login.isPending}
        >
          <Form.Item name="email" label={t('login.email')} rules={[{ required: true }]} {...status('email')}>
            <Input autoComplete="username" data-testid="login-email" />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('login.password')}
            rules={[{ required: true }]}
            {...status('password')}
          >
            <Input.Password autoComplete="current-password" data-testid="login-password" />
          </Form.Item>
          <ProblemAlert error={login.error} shownFields={['email', 'password']} />
          <Button type="primary" htmlType="submit" block loading={login.isPending} style={{ marginTop: 12 }}>
            {t('login.submit')}
          </Button>
        </Form>
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0, fontSize: 12 }}>
          {t('login.demoHint')}
        </Typography.Paragraph>
      </Card>
    </div>
  );
}
