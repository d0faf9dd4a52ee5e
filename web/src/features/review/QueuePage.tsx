import { Card, Space, Typography } from 'antd';
import { useMemo } from 'react';
import type { ListedOrder, ReviewRequest } from '../../api/types';
import { useI18n } from '../../i18n';
import { type DataColumn, DataTable, type FilterSpec } from '../../ui/DataTable';
import { DateText, Money, StateTag, useLabel } from '../../ui/widgets';
import { teamOf, useMe } from '../auth/session';
import { useOrderColumns } from '../orders/OrdersPage';
import { DueText } from './DueText';
import { useOpenRequest } from './open-request';
import { useOrderOwnerColumn, useRequestOwnerColumn } from './owner-columns';
import { RequestDrawer } from './RequestDrawer';

const CATEGORIES = ['topup', 'refund', 'seat_reduction', 'transfer', 'void', 'rename'];
const REQUEST_STATES = ['draft', 'submitted', 'approved', 'returned', 'declined', 'withdrawn'];
// The team's worklist: open requests, the nearest deadline first (R34).
const STAFF_DEFAULTS = { state: 'submitted', sort: 'due' };
const MINE_DEFAULTS = { sort: '-created' };
// Orders waiting for the desk, oldest first.
const REVIEW_DEFAULTS = { sort: 'created' };
const REVIEW_FIXED = { state: 'submitted' };

/**
 * R11/R34: staff see their team's queue with owner and deadline (the order desk also the submitted
 * orders); a partner or customer sees the requests it filed ("my requests"), in every state.
 */
export function QueuePage() {
  const { t } = useI18n();
  const me = useMe();
  const roles = me.data?.roles ?? [];
  const team = teamOf(roles);
  const staff = me.data?.kind === 'staff';
  const showOrders = roles.includes('order_desk') || roles.includes('admin');
  // The open request is in the URL, so a notification or a ledger line links straight to it.
  const [open, setOpen] = useOpenRequest();
  const baseOrderColumns = useOrderColumns();
  const orderOwner = useOrderOwnerColumn();
  const orderColumns = useMemo(() => [...baseOrderColumns, orderOwner], [baseOrderColumns, orderOwner]);
  const columns = useRequestColumns(!staff);
  const filters = useRequestFilters(staff && !team, staff);
  const fixed = useMemo(() => (team ? { ownerTeam: team } : undefined), [team]);
  if (!me.data) return null;
  const scope = me.data.kind === 'customer' ? t('lists.scope.company') : t('lists.scope.partner');
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={12}>
      {showOrders && (
        <Card size="small" title={t('queue.orders')}>
          <DataTable<ListedOrder>
            resource="/orders"
            exportResource="/orders/export"
            queryKey={['orders']}
            ns="o."
            columns={orderColumns}
            rowKey={(o) => o.id}
            defaults={REVIEW_DEFAULTS}
            fixed={REVIEW_FIXED}
            height={240}
            testId="review-orders"
          />
        </Card>
      )}
      <Card size="small" title={staff ? t('queue.requests') : t('lists.myRequests')}>
        {!staff && (
          <Typography.Paragraph type="secondary">
            {t('lists.myRequests.hint', { scope })}
          </Typography.Paragraph>
        )}
        <DataTable<ReviewRequest>
          resource="/requests"
          exportResource="/requests/export"
          queryKey={['requests']}
          columns={columns}
          rowKey={(r) => r.id}
          filters={filters}
          defaults={staff ? STAFF_DEFAULTS : MINE_DEFAULTS}
          fixed={fixed}
          // A work list stays short; plain rows keep each one a table row for assistive tools and tests.
          virtual={false}
          height={staff ? 420 : 560}
          testId="request-queue"
          onRow={(r) => ({ onClick: () => setOpen(r.id), style: { cursor: 'pointer' } })}
        />
      </Card>
      <RequestDrawer
        id={open}
        onClose={() => setOpen(null)}
        canDecide={team !== undefined || roles.includes('admin')}
      />
    </Space>
  );
}

function useRequestFilters(pickTeam: boolean, staff: boolean): FilterSpec[] {
  const { t } = useI18n();
  const label = useLabel();
  return useMemo(() => {
    const out: FilterSpec[] = [
      { kind: 'text', key: 'q', placeholder: t('lists.search.requests') },
      {
        kind: 'select',
        key: 'category',
        placeholder: t('lists.allCategories'),
        options: CATEGORIES.map((c) => ({ value: c, label: label('category', c) })),
      },
      {
        kind: 'select',
        key: 'state',
        placeholder: t('lists.allStates'),
        options: REQUEST_STATES.map((s) => ({ value: s, label: label('state', s) })),
      },
    ];
    if (pickTeam)
      out.push({
        kind: 'select',
        key: 'ownerTeam',
        placeholder: t('lists.allTeams'),
        options: ['finance', 'order_desk'].map((s) => ({ value: s, label: label('team', s) })),
      });
    if (staff) out.push({ kind: 'switch', key: 'mine', label: t('queueOwner.mine') });
    // R34: the breaches alone — open requests past their deadline.
    if (staff) out.push({ kind: 'switch', key: 'overdue', label: t('queue.overdueOnly') });
    out.push({ kind: 'dates' });
    return out;
  }, [t, label, pickTeam, staff]);
}

function useRequestColumns(mine: boolean): DataColumn<ReviewRequest>[] {
  const { t } = useI18n();
  const label = useLabel();
  const owner = useRequestOwnerColumn();
  const cols: DataColumn<ReviewRequest>[] = [
    {
      title: t('common.number'),
      dataIndex: 'number',
      width: 170,
      render: (n: string) => <Typography.Link>{n}</Typography.Link>,
    },
    {
      title: t('queue.category'),
      dataIndex: 'category',
      width: 110,
      render: (c: string) => label('category', c),
    },
    { title: t('queue.owner'), dataIndex: 'ownerTeam', width: 100, render: (c: string) => label('team', c) },
    owner,
    {
      title: t('queue.summary'),
      width: 220,
      ellipsis: true,
      render: (_, r) =>
        r.topup ? (
          <Money amount={r.topup.amount} currency={r.topup.currency} />
        ) : typeof r.payload.reason === 'string' ? (
          r.payload.reason
        ) : (
          ''
        ),
    },
    {
      title: t('queue.submitted'),
      dataIndex: 'submittedAt',
      width: 150,
      sortKey: 'submitted',
      render: (v: string | null) => <DateText value={v} />,
    },
    {
      title: t('queue.due'),
      dataIndex: 'dueAt',
      width: 200,
      sortKey: 'due',
      render: (_: string | null, r) => <DueText r={r} />,
    },
    {
      title: t('common.state'),
      dataIndex: 'state',
      width: 100,
      render: (s: string) => <StateTag state={s} />,
    },
  ];
  if (mine)
    cols.splice(5, 0, {
      title: t('lists.createdAt'),
      dataIndex: 'createdAt',
      width: 150,
      sortKey: 'created',
      render: (v: string) => <DateText value={v} />,
    });
  return cols;
}
