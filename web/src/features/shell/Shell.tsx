import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, Outlet, useRouterState } from '@tanstack/react-router';
import { Alert, Button, Layout, Menu, Result, Space, Spin, Tag, Typography } from 'antd';
import { api } from '../../api/client';
import type { Me } from '../../api/types';
import { useI18n } from '../../i18n';
import type { MessageKey } from '../../i18n/zh-CN';
import { ProblemAlert } from '../../ui/problem';
import { SignIn } from '../auth/SignIn';
import { ME_KEY, type NavKey, navFor, useMe } from '../auth/session';
import { LanguageSwitch } from './LanguageSwitch';

export function Shell() {
  return (
    <>
      <TestClockBanner />
      <Screen />
    </>
  );
}

function Screen() {
  const me = useMe();
  if (me.isPending) return <Spin style={{ margin: 80 }} />;
  if (me.error) return <ProblemAlert error={me.error} />;
  if (!me.data) return <SignIn />;
  return <SignedIn me={me.data} />;
}

interface Health {
  now: string;
  testClock?: boolean;
}

const shanghai = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  dateStyle: 'medium',
  timeStyle: 'short',
});

// S-18: while the server runs on a test clock (KAIDAN_TEST_CLOCK=1) every screen says so, signed in or not,
// so nobody mistakes moved time for real time. Read from the public health answer, refreshed each 30 s.
function TestClockBanner() {
  const { t } = useI18n();
  const health = useQuery({
    queryKey: ['health'],
    queryFn: () => api.get<Health>('/health'),
    refetchInterval: 30_000,
    retry: false,
  });
  if (!health.data?.testClock) return null;
  return (
    <Alert
      banner
      type="warning"
      data-testid="test-clock-banner"
      message={t('shell.testClock', { now: shanghai.format(new Date(health.data.now)) })}
    />
  );
}

function Scope({ me }: { me: Me }) {
  const { t, pick } = useI18n();
  const label = me.partner
    ? t('app.scope.partner', { name: pick({ zh: me.partner.nameZh, en: me.partner.nameEn }) })
    : me.company
      ? t('app.scope.company', { name: pick({ zh: me.company.nameZh, en: me.company.nameEn }) })
      : t('app.scope.staff');
  return (
    <Typography.Text type="secondary" data-testid="scope">
      {t('app.scope')}: {label}
    </Typography.Text>
  );
}

// A partner's or customer's queue holds only the requests they filed.
// A customer asks for its money back (退款); a partner's 返款 goes to its wallet for the customer.
const navLabel = (k: NavKey, me: Me): MessageKey => {
  if (k === 'queue' && (me.partner || me.company)) return 'nav.myRequests';
  if (k === 'refunds' && me.company) return 'nav.customerRefunds';
  return `nav.${k}` as MessageKey;
};

function SignedIn({ me }: { me: Me }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const path = useRouterState({ select: (s) => s.location.pathname });
  const logout = useMutation({
    mutationFn: () => api.post<undefined>('/auth/logout'),
    // Drop every cached answer of the old session; `me` becomes null in place so the shell shows sign-in.
    onSettled: () => {
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] });
      qc.setQueryData(ME_KEY, null);
    },
  });
  const nav = navFor(me.roles);
  const selected = nav.find((k) => path === `/${k}` || path.startsWith(`/${k}/`));
  // A screen outside the role's navigation is not rendered at all, even when its address is typed in.
  const allowed = path === '/' || selected !== undefined;
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider width={184} theme="light" style={{ borderRight: '1px solid #f0f0f0' }}>
        <div style={{ padding: '14px 20px', fontWeight: 600, fontSize: 16 }}>{t('app.title')}</div>
        <Menu
          mode="inline"
          selectedKeys={selected ? [selected] : []}
          data-testid="nav"
          items={nav.map((k) => ({
            key: k,
            label: <Link to={`/${k}`}>{t(navLabel(k, me))}</Link>,
          }))}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{
            background: '#fff',
            padding: '0 20px',
            height: 48,
            lineHeight: '48px',
            display: 'flex',
            justifyContent: 'space-between',
            borderBottom: '1px solid #f0f0f0',
          }}
        >
          <Scope me={me} />
          <Space>
            <span data-testid="user-name">{me.user.name}</span>
            {me.roles.map((r) => (
              <Tag key={r}>{t(`role.${r}` as MessageKey)}</Tag>
            ))}
            <LanguageSwitch />
            <Button size="small" onClick={() => logout.mutate()} data-testid="sign-out">
              {t('app.signOut')}
            </Button>
          </Space>
        </Layout.Header>
        <Layout.Content style={{ padding: 16 }}>
          {me.partyState === 'suspended' && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 12 }}
              data-testid="suspended-banner"
              message={t(me.partner ? 'shell.suspended.partner' : 'shell.suspended.company')}
            />
          )}
          {allowed ? (
            <Outlet />
          ) : (
            <div data-testid="no-access">
              <Result status="403" title={t('app.noAccess')} />
            </div>
          )}
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
