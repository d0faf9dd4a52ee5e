import { useMutation } from '@tanstack/react-query';
import { Button, Form, Input, Popconfirm, Typography } from 'antd';
import { api } from '../../api/client';
import { useI18n } from '../../i18n';
import { ProblemAlert } from '../../ui/problem';
import { FormModal, orNull } from './form-kit';
import { useRefresh } from './queries';
import type { User } from './types';

/** Disabling ends the user's sessions at once and stops its API keys (docs/auth.md). */
export function DisableUser({ user, onClose }: { user: User; onClose: () => void }) {
  const { t } = useI18n();
  const refresh = useRefresh();
  return (
    <FormModal<{ reason?: string }, User>
      title={t('admin.users.disableTitle', { name: user.name })}
      testId="disable-form"
      okText={t('admin.users.disable')}
      shownFields={['reason']}
      submit={(v) => api.post<User>(`/users/${user.id}/disable`, { reason: orNull(v.reason) })}
      onClose={onClose}
      onDone={() => {
        refresh('users');
        onClose();
      }}
    >
      {(status) => (
        <>
          <Typography.Paragraph type="secondary">{t('admin.users.disableHint')}</Typography.Paragraph>
          <Form.Item name="reason" label={t('common.reason')} {...status('reason')}>
            <Input.TextArea rows={2} data-testid="disable-reason" />
          </Form.Item>
        </>
      )}
    </FormModal>
  );
}

/** Re-enabling lets the user sign in again; keys that were never revoked work again. */
export function EnableUser({ user }: { user: User }) {
  const { t } = useI18n();
  const refresh = useRefresh();
  const enable = useMutation({
    mutationFn: () => api.post<User>(`/users/${user.id}/enable`, {}),
    onSuccess: () => refresh('users'),
  });
  return (
    <>
      <Popconfirm
        title={t('admin.users.enableConfirm', { name: user.name })}
        description={t('admin.users.enableHint')}
        okText={t('common.confirm')}
        cancelText={t('common.cancel')}
        onConfirm={() => enable.mutate()}
      >
        <Button type="link" size="small" loading={enable.isPending} data-testid={`user-enable-${user.email}`}>
          {t('admin.users.enable')}
        </Button>
      </Popconfirm>
      <ProblemAlert error={enable.error} />
    </>
  );
}
