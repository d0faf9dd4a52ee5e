import { Button, Card, Input, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../i18n';
import { ProblemAlert } from '../../ui/problem';
import { useDebounced } from '../../ui/use-debounced';
import { DateText } from '../../ui/widgets';
import { useMe } from '../auth/session';
import { ApiKeysDrawer } from './ApiKeysDrawer';
import { useCan } from './access';
import { LoadMore } from './LoadMore';
import { useCompanyOptions, useKeysetList, usePartnerOptions } from './queries';
import type { User } from './types';
import { UserForm } from './UserForm';
import { DisableUser, EnableUser } from './UserState';

/** Users with their roles, partner or company binding and state; admins only (docs/auth.md). */
export function UsersPage() {
  const { t } = useI18n();
  const can = useCan();
  const allowed = can('users');
  const me = useMe();
  const [q, setQ] = useState('');
  const list = useKeysetList<User>(
    ['admin', 'users', 'list'],
    '/users',
    { q: useDebounced(q.trim()) || undefined },
    allowed,
  );
  const partners = usePartnerOptions(allowed);
  const companies = useCompanyOptions(allowed);
  const [editing, setEditing] = useState<User | 'new' | null>(null);
  const [keysOf, setKeysOf] = useState<User | null>(null);
  const [disabling, setDisabling] = useState<User | null>(null);
  if (!allowed) return <Card size="small">{t('app.noAccess')}</Card>;
  const binding = (u: User) => {
    if (u.partnerId) {
      const p = partners.data?.items.find((x) => x.id === u.partnerId);
      return <Tag color="purple">{p ? `${p.code} · ${p.nameZh}` : u.partnerId}</Tag>;
    }
    if (u.companyId) {
      const c = companies.data?.items.find((x) => x.id === u.companyId);
      return <Tag color="cyan">{c ? c.nameZh : u.companyId}</Tag>;
    }
    return <span style={{ color: '#8c8c8c' }}>{t('admin.users.staff')}</span>;
  };
  return (
    <Card
      size="small"
      title={t('admin.users.title')}
      extra={
        <Button type="primary" onClick={() => setEditing('new')} data-testid="user-new">
          {t('admin.users.new')}
        </Button>
      }
    >
      <Input.Search
        allowClear
        style={{ width: 280, marginBottom: 12 }}
        placeholder={t('admin.users.search')}
        value={q}
        onChange={(e) => setQ(e.target.value)}
        data-testid="user-search"
      />
      <ProblemAlert error={list.error} />
      <Table<User>
        size="small"
        rowKey="id"
        data-testid="user-list"
        loading={list.isPending}
        dataSource={list.items}
        pagination={false}
        locale={{ emptyText: t('admin.users.empty') }}
        onRow={(u) => ({ 'data-testid': `user-row-${u.email}` }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          {
            title: t('admin.users.user'),
            render: (_, u) => (
              <>
                <div>{u.name}</div>
                <div style={{ fontSize: 12, color: '#8c8c8c' }}>{u.email}</div>
              </>
            ),
          },
          {
            title: t('admin.users.roles'),
            render: (_, u) => u.roles.map((r) => <Tag key={r}>{t(`role.${r}`)}</Tag>),
          },
          { title: t('admin.users.binding'), render: (_, u) => binding(u) },
          {
            title: t('common.state'),
            render: (_, u) => (
              <Tag color={u.state === 'active' ? 'success' : 'default'} data-testid={`user-state-${u.email}`}>
                {t(`admin.userState.${u.state}`)}
              </Tag>
            ),
          },
          { title: t('app.language'), dataIndex: 'locale', width: 80 },
          { title: t('common.createdAt'), render: (_, u) => <DateText value={u.createdAt} />, width: 150 },
          {
            title: t('common.actions'),
            render: (_, u) => (
              <Space size={0}>
                <Button
                  type="link"
                  size="small"
                  onClick={() => setEditing(u)}
                  data-testid={`user-edit-${u.email}`}
                >
                  {t('admin.users.editRoles')}
                </Button>
                <Button
                  type="link"
                  size="small"
                  onClick={() => setKeysOf(u)}
                  data-testid={`user-keys-${u.email}`}
                >
                  {t('admin.keys.title')}
                </Button>
                {u.state === 'active' && u.id !== me.data?.user.id && (
                  <Button
                    type="link"
                    size="small"
                    danger
                    onClick={() => setDisabling(u)}
                    data-testid={`user-disable-${u.email}`}
                  >
                    {t('admin.users.disable')}
                  </Button>
                )}
                {u.state === 'disabled' && <EnableUser user={u} />}
              </Space>
            ),
          },
        ]}
      />
      <LoadMore list={list} />
      {editing && (
        <UserForm user={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} />
      )}
      {disabling && <DisableUser user={disabling} onClose={() => setDisabling(null)} />}
      {keysOf && <ApiKeysDrawer user={keysOf} onClose={() => setKeysOf(null)} />}
    </Card>
  );
}
