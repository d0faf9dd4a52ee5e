import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Popconfirm, Space, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client';
import type { OrderDecision } from '../../api/types';
import { useI18n } from '../../i18n';
import type { MessageKey } from '../../i18n/zh-CN';
import { DecisionBox } from '../../ui/DecisionBox';
import { ProblemAlert } from '../../ui/problem';
import { ReasonConfirm } from '../../ui/ReasonConfirm';
import { hasFilings, OrderFilings } from './OrderFilings';
import type { OrderAction, OrderView } from './queries';

type Verb = Exclude<OrderAction, 'requestVoid' | 'rename'>;
const PATH: Record<Exclude<Verb, 'delete'>, string> = {
  approve: 'approve',
  reject: 'reject',
  receive: 'receive',
  contractArrived: 'contract-arrived',
  cancelContractArrival: 'cancel-contract-arrival',
  archive: 'archive',
  void: 'void',
  submit: 'submit',
};

/**
 * The buttons the server says this user may press now (R3, R5): the desk approves or rejects with a
 * comment, takes the order in, records the contract; the creator voids before the desk took it, or
 * deletes (and submits) a draft. A refusal, e.g. when the desk took the order meanwhile, shows here.
 */
export function OrderActions({ view, onDeleted }: { view: OrderView; onDeleted: () => void }) {
  const { t, pick } = useI18n();
  const qc = useQueryClient();
  const o = view.order;
  const actions = view.actions ?? [];
  const [needReason, setNeedReason] = useState(false);
  const act = useMutation({
    mutationFn: ({ verb, reason }: { verb: Verb; reason?: string }) =>
      verb === 'delete'
        ? api.del<OrderDecision>(`/orders/${o.id}`)
        : api.post<OrderDecision>(`/orders/${o.id}/${PATH[verb]}`, reason ? { reason } : {}),
    onSuccess: (_, { verb }) => {
      if (verb === 'delete') {
        qc.removeQueries({ queryKey: ['orders', o.id] });
        onDeleted();
      }
      void qc.invalidateQueries({ queryKey: ['orders'] });
      void qc.invalidateQueries({ queryKey: ['wallets'] });
      void qc.invalidateQueries({ queryKey: ['entitlements'] });
    },
    // A refusal usually means the order moved on meanwhile: refresh it so the buttons match (the
    // refusal itself stays on screen).
    onError: () => void qc.invalidateQueries({ queryKey: ['orders', o.id] }),
  });
  const run = (verb: Verb, reason?: string) => {
    setNeedReason(false);
    act.mutate(reason ? { verb, reason } : { verb });
  };
  const has = (a: OrderAction) => actions.includes(a);
  const decisions = [
    ...(has('approve') ? [{ key: 'approve', label: t('common.approve'), primary: true }] : []),
    ...(has('reject') ? [{ key: 'reject', label: t('common.reject'), danger: true }] : []),
  ];
  const others =
    has('receive') ||
    has('contractArrived') ||
    has('cancelContractArrival') ||
    has('archive') ||
    has('void') ||
    has('delete') ||
    has('submit');
  if (decisions.length === 0 && !others && !hasFilings(view)) {
    return act.error ? <ProblemAlert error={act.error} /> : null;
  }
  return (
    <div data-testid="order-actions" style={{ marginTop: 12 }}>
      {others && (
        <Space wrap style={{ marginBottom: 8 }}>
          {has('receive') && (
            <Button onClick={() => run('receive')} loading={act.isPending} data-testid="order-receive">
              {t('desk.order.receive')}
            </Button>
          )}
          {has('contractArrived') && (
            <Button
              onClick={() => run('contractArrived')}
              loading={act.isPending}
              data-testid="order-contract"
            >
              {t('desk.order.contractArrived')}
            </Button>
          )}
          {has('submit') && (
            <Button type="primary" onClick={() => run('submit')} data-testid="order-submit-draft">
              {t('desk.order.submitDraft')}
            </Button>
          )}
          {has('cancelContractArrival') && (
            <ReasonConfirm
              label={t('desk.order.cancelContractArrival')}
              title={t('desk.order.cancelContractConfirm')}
              placeholder={t('desk.order.cancelContractReason')}
              testId="order-cancel-contract"
              loading={act.isPending}
              required
              onConfirm={(reason) => run('cancelContractArrival', reason)}
            />
          )}
          {has('archive') && (
            <Popconfirm
              title={t('desk.order.archiveConfirm')}
              okText={t('common.confirm')}
              cancelText={t('common.cancel')}
              okButtonProps={{ 'data-testid': 'order-archive-confirm' } as Record<string, string>}
              onConfirm={() => run('archive')}
            >
              <Button loading={act.isPending} data-testid="order-archive">
                {t('desk.order.archive')}
              </Button>
            </Popconfirm>
          )}
          {has('void') && (
            <ReasonConfirm
              label={t('desk.order.void')}
              title={t('desk.order.voidConfirm')}
              placeholder={t('desk.order.voidReason')}
              testId="order-void"
              loading={act.isPending}
              onConfirm={(reason) => run('void', reason)}
            />
          )}
          {has('delete') && (
            <Popconfirm
              title={t('desk.order.deleteConfirm')}
              okText={t('common.confirm')}
              cancelText={t('common.cancel')}
              okButtonProps={{ 'data-testid': 'order-delete-confirm' } as Record<string, string>}
              onConfirm={() => run('delete')}
            >
              <Button danger loading={act.isPending} data-testid="order-delete">
                {t('desk.order.delete')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      )}
      <OrderFilings view={view} />
      {decisions.length > 0 ? (
        <DecisionBox
          actions={decisions}
          commentRequired={false}
          pending={act.isPending}
          error={act.error}
          onDecide={(verb, comment) => {
            // A rejection needs its reason (R4: the submitter is told why); approval's is optional.
            if (verb === 'reject' && !comment) return setNeedReason(true);
            run(verb as Verb, comment || undefined);
          }}
        />
      ) : (
        <ProblemAlert error={act.error} />
      )}
      {needReason && (
        <Alert
          type="error"
          showIcon
          style={{ marginTop: 8 }}
          data-testid="reject-needs-reason"
          message={t('desk.order.rejectNeedsReason')}
        />
      )}
      {act.data && act.variables?.verb !== 'delete' && (
        <Typography.Text type="success" data-testid="order-acted" style={{ display: 'block', marginTop: 8 }}>
          {t('desk.order.done', { action: t(`desk.order.${act.variables.verb}` as MessageKey) })}
        </Typography.Text>
      )}
      {act.data?.warnings.map((w) => (
        <Alert key={w.en} type="warning" showIcon message={pick(w)} style={{ marginTop: 8 }} />
      ))}
    </div>
  );
}
