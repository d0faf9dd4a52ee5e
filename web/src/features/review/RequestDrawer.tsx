import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Descriptions, Drawer, Table, Typography } from 'antd';
import { api } from '../../api/client';
import type { Filed, RequestDetail } from '../../api/types';
import { useI18n } from '../../i18n';
import { AuditTrail } from '../../ui/AuditTrail';
import { DecisionBox } from '../../ui/DecisionBox';
import { ProblemAlert } from '../../ui/problem';
import { DateText, Money, StateTag, useLabel } from '../../ui/widgets';
import { RefundPaymentsTable } from '../refunds/RefundPaymentsTable';
import { planLabel, type RefundLineNamed } from '../refunds/refund-lines';
import { TransferSummary } from '../transfers/TransferSummary';
import { ClaimBar, useClaimRights } from './ClaimBar';
import { DueText } from './DueText';
import { FilerActions } from './FilerActions';
import { RefLink } from './RefLink';

// Ids the screen shows better elsewhere (refund lines name their orders); the total is in the lines.
const HIDDEN_PAYLOAD = new Set(['total', 'orderIds', 'orderId', 'componentId', 'companyId']);

/**
 * One request with its conversation, refund lines and trail. Only the owning team (or an admin) decides
 * it here, and never the person who filed it (R25) nor while a colleague holds it; the filer corrects,
 * resubmits or withdraws it; everyone else reads it. Which of these the caller may do comes from the server
 * (`actions`, ADR 0007).
 */
export function RequestDrawer({
  id,
  onClose,
  canDecide,
}: {
  id: string | null;
  onClose: () => void;
  canDecide: boolean;
}) {
  const label = useLabel();
  const detail = useRequestDetail(id);
  const r = detail.data?.request;
  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      width={720}
      title={r ? `${label('category', r.category)} ${r.number}` : ''}
      destroyOnClose
    >
      <ProblemAlert error={detail.error} />
      {/* Keyed by request: a verdict just given on one request must not show on the next one opened. */}
      {id && detail.data?.request.id === id && (
        <RequestBody key={id} detail={detail.data} canDecide={canDecide} />
      )}
    </Drawer>
  );
}

const useRequestDetail = (id: string | null) =>
  useQuery({
    queryKey: ['requests', id],
    queryFn: () => api.get<RequestDetail>(`/requests/${id}`),
    enabled: id !== null,
  });

function RequestBody({ detail: d, canDecide }: { detail: RequestDetail; canDecide: boolean }) {
  const { t, pick } = useI18n();
  const label = useLabel();
  const qc = useQueryClient();
  const r = d.request;
  const decide = useMutation({
    mutationFn: ({ action, comment }: { action: string; comment: string }) =>
      api.post<Filed>(`/requests/${r.id}/${action}`, { comment }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['requests'] });
      void qc.invalidateQueries({ queryKey: ['wallets'] });
      void qc.invalidateQueries({ queryKey: ['companies'] });
      void qc.invalidateQueries({ queryKey: ['entitlements'] });
    },
  });
  const cur = r.topup?.currency ?? (typeof r.payload.currency === 'string' ? r.payload.currency : 'CNY');
  // A request a colleague holds is theirs to decide (issue #3); the claim bar names them instead.
  const { heldByOther } = useClaimRights(r);
  const mayDecide = canDecide && !heldByOther && d.actions.includes('approve');
  // A transfer's payload is shown by its summary; ids alone would tell the desk nothing.
  const shownPayload = r.category === 'transfer' ? [] : Object.entries(r.payload);
  return (
    <>
      <Descriptions size="small" column={2} bordered>
        <Descriptions.Item label={t('common.state')}>
          <StateTag state={r.state} />
        </Descriptions.Item>
        <Descriptions.Item label={t('queue.owner')}>{label('team', r.ownerTeam)}</Descriptions.Item>
        <Descriptions.Item label={t('queue.submitted')}>
          <DateText value={r.submittedAt} />
        </Descriptions.Item>
        <Descriptions.Item label={t('queue.due')}>
          <DueText r={r} />
        </Descriptions.Item>
        {r.topup && (
          <>
            <Descriptions.Item label={t('common.amount')}>
              <Money amount={r.topup.amount} currency={r.topup.currency} />
            </Descriptions.Item>
            <Descriptions.Item label={t('topups.payer')}>{r.topup.payer}</Descriptions.Item>
            <Descriptions.Item label={t('topups.bankRef')}>{r.topup.bankRef}</Descriptions.Item>
            <Descriptions.Item label={t('topups.owner')}>
              <span data-testid="topup-target">
                {label('partyType', r.topup.walletOwnerType)} · {r.topup.walletOwnerName}
                {r.topup.walletOwnerCode && ` (${r.topup.walletOwnerCode})`}
              </span>
            </Descriptions.Item>
          </>
        )}
        {shownPayload
          .filter(([k, v]) => !HIDDEN_PAYLOAD.has(k) && v !== null)
          .map(([k, v]) => (
            <Descriptions.Item key={k} label={label('desk.payload', k)}>
              {k === 'mode' && typeof v === 'string'
                ? label('desk.refundMode', v)
                : k === 'evidenceKind' && typeof v === 'string'
                  ? label('desk.voidEvidence', v)
                  : typeof v === 'string' || typeof v === 'number'
                    ? v
                    : JSON.stringify(v)}
            </Descriptions.Item>
          ))}
      </Descriptions>
      {canDecide && <ClaimBar request={r} />}
      {r.category === 'transfer' && <TransferSummary request={r} />}
      {d.refundLines.length > 0 && (
        <Table<RefundLineNamed>
          style={{ marginTop: 12 }}
          size="small"
          pagination={false}
          rowKey="orderLineId"
          dataSource={d.refundLines}
          columns={[
            {
              title: t('orders.title'),
              render: (_, l) => (
                <RefLink refType="order" refId={l.orderId} refNumber={l.orderNumber ?? null} />
              ),
            },
            { title: t('refunds.line'), dataIndex: 'lineNo' },
            { title: t('order.plan'), render: (_, l) => planLabel(l, pick) },
            {
              title: t('common.amount'),
              align: 'right',
              render: (_, l) => <Money amount={l.amount} currency={cur} />,
            },
          ]}
        />
      )}
      {d.refundPayments.length > 0 && <RefundPaymentsTable rows={d.refundPayments} currency={cur} />}
      {d.comments.length > 0 && (
        <div data-testid="request-comments">
          {d.comments.map((c) => (
            <Typography.Paragraph key={`${c.at}-${c.action}`} style={{ marginTop: 8 }}>
              <DateText value={c.at} /> ·{' '}
              {t('requestComment.line', { action: label('requestComment', c.action), body: c.body })}
            </Typography.Paragraph>
          ))}
        </div>
      )}
      <FilerActions detail={d} />
      {mayDecide && (
        <div style={{ margin: '12px 0' }}>
          <DecisionBox
            actions={[
              { key: 'approve', label: t('common.approve'), primary: true },
              { key: 'return', label: t('common.return') },
              { key: 'decline', label: t('common.decline'), danger: true },
            ]}
            pending={decide.isPending}
            error={decide.error}
            onDecide={(action, comment) => decide.mutate({ action, comment })}
          />
        </div>
      )}
      {decide.data && (
        <Typography.Text type="success" data-testid="decided">
          {t('queue.decided', { state: label('state', decide.data.state) })}
        </Typography.Text>
      )}
      <Typography.Title level={5} style={{ marginTop: 12 }}>
        {t('orderDetail.trail')}
      </Typography.Title>
      <AuditTrail trail={d.trail} />
    </>
  );
}
