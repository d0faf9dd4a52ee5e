import { Button, Card, Space, Tag } from 'antd';
import { type HTMLAttributes, useMemo, useState } from 'react';
import { useI18n } from '../../i18n';
import { type DataColumn, DataTable, type FilterSpec } from '../../ui/DataTable';
import { DateText } from '../../ui/widgets';
import { useMe } from '../auth/session';
import { ApiKeysDrawer } from './ApiKeysDrawer';
import { useCan } from './access';
import { type ListedUser, ROLES, type User } from './types';
import { UserForm } from './UserForm';
import { DisableUser, EnableUser } from './UserState';

const SORT = { sort: 'email' };
const STATES = ['active', 'disabled'] as const;

/** Users with their roles, partner or company binding and state; admins only (docs/auth.md). */
export function UsersPage() {
  const { t, pick } = useI18n();
  const can = useCan();
  const allowed = can('users');
  const me = useMe();
  const [editing, setEditing] = useState<User | 'new' | null>(null);
  const [keysOf, setKeysOf] = useState<User | null>(null);
  const [disabling, setDisabling] = useState<User | null>(null);
  const filters = useMemo<FilterSpec[]>(
    () => [
      { kind: 'text', key: 'q', placeholder: t('admin.users.search') },
      {
        kind: 'select',
        key: 'role',
        placeholder: t('admin.users.allRoles'),
        options: ROLES.map((r) => ({ value: r, label: t(`role.${r}`) })),
      },
      {
        kind: 'select',
        key: 'state',
        placeholder: t('lists.allStates'),
        options: STATES.map((s) => ({ value: s, label: t(`admin.userState.${s}`) })),
      },
      { kind: 'dates' },
    ],
    [t],
  );
  if (!allowed) return <Card size="small">{t('app.noAccess')}</Card>;
  const binding = (u: ListedUser) => {
    const to = u.boundTo;
    if (!to) return <span style={{ color: '#8c8c8c' }}>{t('admin.users.staff')}</span>;
    const name = pick({ zh: to.nameZh, en: to.nameEn });
    return u.partnerId ? <Tag color="purple">{`${to.code} · ${name}`}</Tag> : <Tag color="cyan">{name}</Tag>;
  };
  const columns: DataColumn<ListedUser>[] = [
    { title: t('admin.users.name'), dataIndex: 'name', width: 120, sortKey: 'name', ellipsis: true },
    { title: t('admin.users.email'), dataIndex: 'email', width: 190, sortKey: 'email', ellipsis: true },
    {
      title: t('admin.users.roles'),
      width: 130,
      render: (_, u) => u.roles.map((r) => <Tag key={r}>{t(`role.${r}`)}</Tag>),
    },
    { title: t('admin.users.binding'), width: 160, ellipsis: true, render: (_, u) => binding(u) },
    {
      title: t('common.state'),
      width: 76,
      render: (_, u) => (
        <Tag color={u.state === 'active' ? 'success' : 'default'} data-testid={`user-state-${u.email}`}>
          {t(`admin.userState.${u.state}`)}
        </Tag>
      ),
    },
    { title: t('app.language'), dataIndex: 'locale', width: 64 },
    {
      title: t('common.createdAt'),
      width: 140,
      sortKey: 'created',
      render: (_, u) => <DateText value={u.createdAt} />,
    },
    {
      title: t('common.actions'),
      width: 210,
      render: (_, u) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => setEditing(u)} data-testid={`user-edit-${u.email}`}>
            {t('admin.users.editRoles')}
          </Button>
          <Button type="link" size="small" onClick={() => setKeysOf(u)} data-testid={`user-keys-${u.email}`}>
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
  ];
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
      <DataTable<ListedUser>
        resource="/users"
        exportResource="/users/export"
        queryKey={['admin', 'users']}
        columns={columns}
        rowKey={(u) => u.id}
        filters={filters}
        defaults={SORT}
        testId="user-list"
        emptyText={t('admin.users.empty')}
        onRow={(u) => ({ 'data-testid': `user-row-${u.email}` }) as HTMLAttributes<HTMLElement>}
      />
      {editing && (
        <UserForm user={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} />
      )}
      {disabling && <DisableUser user={disabling} onClose={() => setDisabling(null)} />}
      {keysOf && <ApiKeysDrawer user={keysOf} onClose={() => setKeysOf(null)} />}
    </Card>
  );
}
