import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Popconfirm, Space } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client';
import type { Filed, RequestDetail } from '../../api/types';
import { useI18n } from '../../i18n';
import { ProblemAlert } from '../../ui/problem';
import { TopupEditDialog } from './TopupEditDialog';

/**
 * R25: a returned request (驳回) is not a dead end. Its filer corrects a top-up in place, resubmits it to
 * the same team or withdraws it; a draft likewise. The buttons are the server's `actions`, so a colleague
 * or the reviewing team never sees them.
 */
export function FilerActions({ detail: d }: { detail: RequestDetail }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const [editing, setEditing] = useState(false);
  const r = d.request;
  const move = useMutation({
    mutationFn: (verb: 'submit' | 'withdraw') => api.post<Filed>(`/requests/${r.id}/${verb}`, {}),
    onSettled: () => void qc.invalidateQueries({ queryKey: ['requests'] }),
  });
  const can = (a: RequestDetail['actions'][number]) => d.actions.includes(a);
  if (!can('edit') && !can('submit') && !can('withdraw')) return null;
  return (
    <div style={{ margin: '12px 0' }} data-testid="filer-actions">
      {r.state === 'returned' && (
        <Alert type="warning" showIcon style={{ marginBottom: 8 }} message={t('requestFiler.returnedHint')} />
      )}
      <Space>
        {can('edit') && r.topup && (
          <Button onClick={() => setEditing(true)} data-testid="request-edit">
            {t('requestFiler.edit')}
          </Button>
        )}
        {can('submit') && (
          <Button
            type="primary"
            loading={move.isPending && move.variables === 'submit'}
            onClick={() => move.mutate('submit')}
            data-testid="request-resubmit"
          >
            {r.state === 'returned' ? t('requestFiler.resubmit') : t('requestFiler.submit')}
          </Button>
        )}
        {can('withdraw') && (
          <Popconfirm
            title={t('requestFiler.withdrawConfirm')}
            okText={t('common.confirm')}
            cancelText={t('common.cancel')}
            okButtonProps={{ 'data-testid': 'request-withdraw-confirm' } as Record<string, string>}
            onConfirm={() => move.mutate('withdraw')}
          >
            <Button
              danger
              loading={move.isPending && move.variables === 'withdraw'}
              data-testid="request-withdraw"
            >
              {t('requestFiler.withdraw')}
            </Button>
          </Popconfirm>
        )}
      </Space>
      <ProblemAlert error={move.error} />
      {editing && r.topup && (
        <TopupEditDialog
          request={{ ...r, topup: r.topup }}
          onClose={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            void qc.invalidateQueries({ queryKey: ['requests'] });
          }}
        />
      )}
    </div>
  );
}
