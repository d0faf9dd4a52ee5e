import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Drawer, Input, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client';
import { useI18n } from '../../i18n';
import { ProblemAlert, useFieldStatus } from '../../ui/problem';
import { DateText } from '../../ui/widgets';
import { useRefresh } from './queries';
import type { ApiKey, NewApiKey, User } from './types';

/** How long a new key works; a key for a script that runs for a while should not work forever. */
const VALIDITY = [30, 90, 365, 0] as const;
type Validity = (typeof VALIDITY)[number];
const expiryOf = (days: Validity): string | null =>
  days === 0 ? null : new Date(Date.now() + days * 86_400_000).toISOString();

/** A user's API keys: the secret of a new key is shown once, here, and never again (docs/auth.md). */
export function ApiKeysDrawer({ user, onClose }: { user: User; onClose: () => void }) {
  const { t } = useI18n();
  const refresh = useRefresh();
  const [name, setName] = useState('');
  const [validity, setValidity] = useState<Validity>(90);
  const keys = useQuery({
    queryKey: ['admin', 'users', 'keys', user.id],
    queryFn: () => api.get<{ items: ApiKey[] }>(`/users/${user.id}/api-keys`),
  });
  const create = useMutation({
    mutationFn: () =>
      api.post<NewApiKey>(`/users/${user.id}/api-keys`, {
        name: name.trim() || null,
        expiresAt: expiryOf(validity),
      }),
    onSuccess: () => {
      setName('');
      refresh('users');
    },
  });
  const revoke = useMutation({
    mutationFn: (id: string) => api.post<undefined>(`/api-keys/${id}/revoke`, {}),
    onSuccess: () => refresh('users'),
  });
  const status = useFieldStatus(create.error);
  return (
    <Drawer open width={760} title={t('admin.keys.of', { name: user.name })} onClose={onClose}>
      <Space direction="vertical" style={{ width: '100%' }} size={12}>
        {user.state === 'disabled' && (
          <Alert type="warning" showIcon message={t('admin.keys.userDisabled')} />
        )}
        <Space.Compact style={{ width: '100%' }}>
          <Input
            placeholder={t('admin.keys.name')}
            value={name}
            onChange={(e) => {
              setName(e.target.value);
              status.edited('name');
            }}
            status={status('name').validateStatus === 'error' ? 'error' : undefined}
            data-testid="key-name"
          />
          <Select<Validity>
            value={validity}
            onChange={setValidity}
            style={{ width: 160 }}
            data-testid="key-validity"
            options={VALIDITY.map((d) => ({
              value: d,
              label: d === 0 ? t('admin.keys.never') : t('admin.keys.days', { n: d }),
            }))}
          />
          <Button
            type="primary"
            loading={create.isPending}
            onClick={() => create.mutate()}
            data-testid="key-create"
          >
            {t('admin.keys.create')}
          </Button>
        </Space.Compact>
        {status('name').help}
        {status('expiresAt').help}
        <ProblemAlert error={create.error} shownFields={['name', 'expiresAt']} />
        {create.data && (
          <Alert
            type="success"
            showIcon
            data-testid="key-secret"
            message={t('admin.keys.secretOnce')}
            description={
              <Typography.Paragraph copyable={{ text: create.data.secret }} code style={{ marginBottom: 0 }}>
                {create.data.secret}
              </Typography.Paragraph>
            }
          />
        )}
        <ProblemAlert error={keys.error ?? revoke.error} />
        <Table<ApiKey>
          size="small"
          rowKey="id"
          pagination={false}
          loading={keys.isPending}
          dataSource={keys.data?.items ?? []}
          locale={{ emptyText: t('admin.keys.empty') }}
          data-testid="key-list"
          columns={[
            { title: t('admin.keys.name'), dataIndex: 'name' },
            { title: t('admin.keys.prefix'), render: (_, k) => <code>{k.prefix}…</code> },
            { title: t('common.createdAt'), render: (_, k) => <DateText value={k.createdAt} /> },
            { title: t('admin.keys.lastUsed'), render: (_, k) => <DateText value={k.lastUsedAt} /> },
            {
              title: t('admin.keys.expires'),
              render: (_, k) => (
                <span data-testid={`key-expires-${k.name}`}>
                  {k.expiresAt ? <DateText value={k.expiresAt} /> : t('admin.keys.never')}
                </span>
              ),
            },
            {
              title: t('common.state'),
              render: (_, k) =>
                k.revokedAt ? (
                  <Tag>{t('admin.keys.revoked')}</Tag>
                ) : k.expiresAt && Date.parse(k.expiresAt) <= Date.now() ? (
                  <Tag color="warning">{t('admin.keys.expired')}</Tag>
                ) : (
                  <Tag color="success">{t('admin.keys.active')}</Tag>
                ),
            },
            {
              title: t('common.actions'),
              render: (_, k) =>
                !k.revokedAt && (
                  <Popconfirm
                    title={t('admin.keys.revokeConfirm')}
                    okText={t('common.confirm')}
                    cancelText={t('common.cancel')}
                    onConfirm={() => revoke.mutate(k.id)}
                  >
                    <Button type="link" size="small" danger data-testid={`key-revoke-${k.prefix}`}>
                      {t('admin.keys.revoke')}
                    </Button>
                  </Popconfirm>
                ),
            },
          ]}
        />
      </Space>
    </Drawer>
  );
}
