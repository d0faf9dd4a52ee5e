import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Descriptions, Space, Typography } from 'antd';
import { api } from '../../api/client';
import type { Filed, ReviewRequest } from '../../api/types';
import { useI18n } from '../../i18n';
import { ProblemAlert } from '../../ui/problem';
import { useMe } from '../auth/session';

/** Who may claim or release a request, and whether a colleague's hold keeps this user from deciding it. */
export function useClaimRights(r: ReviewRequest | undefined) {
  const me = useMe();
  const roles = me.data?.roles ?? [];
  const myId = me.data?.user.id;
  const onTeam = r !== undefined && (roles.includes(r.ownerTeam) || roles.includes('admin'));
  const heldByOther = r?.claimedBy != null && r.claimedBy !== myId;
  return {
    canClaim: onTeam && r?.state === 'submitted' && r.claimedBy === null,
    canRelease: r?.claimedBy != null && (r.claimedBy === myId || roles.includes('admin')),
    heldByOther: r?.state === 'submitted' && heldByOther,
  };
}

/** Issue #3: the holder of a request, with 认领 / 释放 when this user may take or give it back. */
export function ClaimBar({ request: r }: { request: ReviewRequest }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const { canClaim, canRelease, heldByOther } = useClaimRights(r);
  const act = useMutation({
    mutationFn: (verb: 'claim' | 'release') => api.post<Filed>(`/requests/${r.id}/${verb}`, {}),
    onSettled: () => void qc.invalidateQueries({ queryKey: ['requests'] }),
  });
  return (
    <div style={{ margin: '12px 0' }}>
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label={t('queueOwner.holder')}>
          <Space>
            <Typography.Text data-testid="request-holder">
              {r.claimedByName ?? t('queueOwner.unclaimed')}
            </Typography.Text>
            {canClaim && (
              <Button
                size="small"
                type="primary"
                loading={act.isPending}
                onClick={() => act.mutate('claim')}
                data-testid="request-claim"
              >
                {t('queueOwner.claim')}
              </Button>
            )}
            {canRelease && (
              <Button
                size="small"
                loading={act.isPending}
                onClick={() => act.mutate('release')}
                data-testid="request-release"
              >
                {t('queueOwner.release')}
              </Button>
            )}
          </Space>
        </Descriptions.Item>
      </Descriptions>
      <ProblemAlert error={act.error} />
      {heldByOther && (
        <Alert
          style={{ marginTop: 8 }}
          type="info"
          showIcon
          data-testid="request-held"
          message={t('queueOwner.heldBy', { name: r.claimedByName ?? r.claimedBy ?? '' })}
        />
      )}
    </div>
  );
}
